// One input row (CSV line or JSON object) -> a register record, checked with the same rules as
// tickets (core/validation: phones to E.164, serials, order numbers, text), or the row's errors.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "core/warranty.h"
#include "import/columns.hpp"
#include "store/store.hpp"

namespace aftercare::serve::import {

// A bad cell: where it is (file line, the column as the file names it), what it holds and why it
// was refused, in Chinese and English.
struct RowError {
    long line = 0;
    std::string column;
    std::string value;
    std::string code;
    std::string message_zh;
    std::string message_en;
};

// The cells of one row by field, with the column label the file used for each.
struct Cells {
    std::array<std::optional<std::string>, kFieldCount> value;
    std::array<std::string, kFieldCount> label;
};

struct RowContext {
    core::UnixSeconds now = 0;                             // dates after today are refused
    core::UtcOffsetMinutes offset = core::kChinaUtcOffset; // local time of dates without an offset
    core::UnixSeconds shift = 0; // added to every date and time (the demo seed's "relative to today")
};

struct PartRow {
    std::string serial;
    core::PartReplacement replacement;
};

std::optional<ProductRecord> ToProduct(const Cells& cells, long line, const RowContext& context,
                                       std::vector<RowError>& errors);
std::optional<OrderRecord> ToOrder(const Cells& cells, long line, const RowContext& context,
                                   std::vector<RowError>& errors);
std::optional<PartRow> ToPart(const Cells& cells, long line, const RowContext& context,
                              std::vector<RowError>& errors);

// The error for a cell, with the value shortened for the report.
RowError CellError(const Cells& cells, Field field, long line, std::string code, std::string zh,
                   std::string en);

} // namespace aftercare::serve::import
