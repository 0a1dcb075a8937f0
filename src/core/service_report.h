// The service report (售后服务报告单) and the repair quote: what was found and done, the parts used
// and what the customer pays, as plain data on a work event; with their validation and the checked
// arithmetic of the parts' cost. The rules that tie them to a ticket live in quote.h.
#pragma once

#include "money.h"
#include "result.h"
#include "text.h"
#include "vocabulary.h"

#include <string>
#include <vector>

namespace aftercare::core {

// A part used (or to be used, in a quote): the vendor's part number, what it is, the new part's own
// serial when it has one, whether it is an original (原厂) part, and its cost to the vendor.
struct PartUsed {
    std::string part_number;
    std::string name;
    std::string new_serial;  // normalised like a product serial; optional
    bool original = true;    // 原厂备件
    int quantity = 1;
    Fen unit_cost_fen = 0;   // the vendor's cost (采购成本): what out-of-warranty parts are charged at

    bool operator==(const PartUsed&) const = default;
};

// What the customer pays, computed by the server from the warranty and the policy (never sent by
// a client): free in warranty; out of warranty parts at cost, plus labour and on-site fees unless
// the policy waives them.
struct ChargeEstimate {
    bool free = false;
    Fen parts_fen = 0;
    Fen labour_fen = 0;
    Fen on_site_fen = 0;
    Fen total_fen = 0;
    LocalizedText basis; // why this is (not) free

    bool operator==(const ChargeEstimate&) const = default;
};

// A quote for paid work, given before the work starts; the customer accepts or declines it.
struct Quote {
    std::vector<PartUsed> parts;
    bool customer_caused = false; // 买方原因: damage the warranty does not cover
    ChargeEstimate charges;

    bool operator==(const Quote&) const = default;
};

struct ServiceReport {
    std::string diagnosis;  // 故障诊断: what was found
    FaultCause cause = FaultCause::ProductDefect;
    std::string actions;    // 处理措施: what was done
    std::vector<PartUsed> parts;
    int labour_minutes = 0; // 工时
    RepairOutcome outcome = RepairOutcome::Repaired;
    ChargeEstimate charges;

    bool operator==(const ServiceReport&) const = default;
};

inline constexpr std::size_t kMaxPartsUsed = 20;
inline constexpr int kMaxPartQuantity = 99;
inline constexpr int kMaxLabourMinutes = 7 * 24 * 60; // a week of hands-on work is the most one report books
inline constexpr std::size_t kPartNumberMax = 32;

// Every problem of the parts list, each naming its field ("parts.1.quantity"); `prefix` is the
// list's field name. Normalises each new_serial in place.
FieldErrors ValidatePartsUsed(std::vector<PartUsed>& parts, std::string_view prefix = "parts");

// Sum of quantity × unit cost with checked arithmetic, or out_of_range when it passes
// kMaxAmountFen. The parts must have passed ValidatePartsUsed.
Result<Fen> PartsCostFen(const std::vector<PartUsed>& parts);

// Every problem of a report's staff-entered fields (diagnosis and actions required; parts; labour
// bounded). Normalises serials in place. The charges are not checked: the server computes them.
FieldErrors ValidateServiceReport(ServiceReport& report);

} // namespace aftercare::core
