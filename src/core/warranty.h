// Warranty coverage (with key-part restarts), free vs paid with a cost estimate, and spare-part commitments.
#pragma once

#include "policy.h"
#include "service_report.h"
#include "time.h"

#include <string>
#include <vector>

namespace aftercare::core {

struct PartReplacement {
    std::string part;      // catalogue id, e.g. "mainboard"
    CivilDate replaced_on; // local date
    bool customer_caused = false; // 买方原因: such a replacement never restarts a warranty
    std::string part_serial;      // the fitted part's own serial, when it has one

    bool operator==(const PartReplacement&) const = default;
};

struct WarrantyQuery {
    CivilDate coverage_start; // purchase or acceptance date (the period counts from the next day)
    CivilDate today;          // the customer's local date
    std::string faulty_part;  // optional: which part failed, to apply a key-part restart
    std::vector<PartReplacement> replacements; // this unit's history
    bool customer_caused_damage = false;

    bool operator==(const WarrantyQuery&) const = default;
};

struct WarrantyDecision {
    bool in_warranty = false;
    WarrantyRule rule = WarrantyRule::Expired;
    CivilDate covered_until;  // last covered day (inclusive) that applies to this fault
    CivilDate product_covered_until;
    int days_left = 0;        // 0 on the last day; negative when expired
    LocalizedText reason;
};

// Coverage runs from the day after `start` for `months`, so the last covered day is the same
// calendar date `months` later (clamped at month end): bought 2022-03-10 -> covered through 2025-03-10.
CivilDate CoveredUntil(CivilDate start, int months);

// Last covered day of `part`: the product's, extended by every in-warranty, not-customer-caused
// replacement of that key part (each restarts key_part_months from its replacement date).
CivilDate PartCoveredUntil(std::string_view part, CivilDate product_start,
                           const std::vector<PartReplacement>& replacements, const Policy& policy);

WarrantyDecision EvaluateWarranty(const WarrantyQuery& query, const Policy& policy);

struct RepairQuote {
    Fen parts_cost_fen = 0; // parts at the vendor's cost
    bool on_site = false;
};

ChargeEstimate EstimateCharge(const WarrantyDecision& warranty, const RepairQuote& quote, const Policy& policy);

// The charges of a quote or a service report: the unit's warranty (nullopt when neither the
// register nor the ticket gives a purchase date: then it cannot be shown to be covered, and the
// customer sees the paid basis in a quote before anything is charged), with customer-caused damage
// never covered; parts at cost with checked arithmetic (out_of_range past kMaxAmountFen).
Result<ChargeEstimate> ChargeFor(std::optional<WarrantyQuery> warranty, const std::vector<PartUsed>& parts,
                                 bool on_site, bool customer_caused, const Policy& policy);

struct SparePartCommitment {
    UnixSeconds due_at = 0;
    LocalizedText promise; // "replaced within 2 h" / "shipped within 8 h"
};

// In stock: replaced within spare_part_in_stock_hours; otherwise shipped within spare_part_ship_hours.
SparePartCommitment SparePartDeadline(bool in_stock, UnixSeconds from, const Policy& policy);

} // namespace aftercare::core
