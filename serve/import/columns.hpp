// What each import kind reads: its fields, which are required, and the header names (Chinese or
// English, as vendors' spreadsheets and ERP exports spell them) that map to each field.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::serve::import {

enum class Kind { Products, Orders, Parts };

enum class Field {
    Serial,
    Model,
    PurchaseDate,
    OrderNumber,
    Phone,
    DeliveredAt,
    Part,
    ReplacedOn,
    CustomerCaused,
    PartSerial,
    Count_
};
inline constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::Count_);

// "products" | "orders" | "parts".
std::optional<Kind> ParseKind(std::string_view name);
const char* KindName(Kind kind);

// The canonical (English, JSON) name of a field, and its Chinese header.
const char* FieldName(Field field);
const char* FieldNameZh(Field field);

// Header text -> field: trimmed, English case-insensitive, spaces and hyphens read as "_".
std::optional<Field> FieldForHeader(std::string_view header);

struct KindColumns {
    std::vector<Field> required;
    std::vector<Field> optional;
};
const KindColumns& ColumnsOf(Kind kind);

} // namespace aftercare::serve::import
