// Returns and exchanges eligibility: no-reason window, dead on arrival, quality in warranty, wrong item.
#pragma once

#include "policy.h"
#include "result.h"
#include "time.h"

#include <optional>

namespace aftercare::core {

struct ReturnsQuery {
    ReturnReason reason = ReturnReason::NoReason;
    Remedy wanted = Remedy::Refund; // Refund (退货) or Exchange (换货)
    UnixSeconds delivered_at = 0;   // when the customer signed for the item
    UnixSeconds now = 0;
    UtcOffsetMinutes customer_utc_offset_minutes = kChinaUtcOffset;
    std::optional<CivilDate> warranty_start; // purchase date; the delivery date when absent
    bool item_intact = true;                 // complete, with accessories: needed for no-reason returns
};

struct ReturnsDecision {
    bool granted = false;
    Remedy remedy = Remedy::PaidRepair; // granted remedy, or what is offered instead when refused
    ReturnsRule rule = ReturnsRule::WindowExpired; // the rule that decided
    LocalizedText reason;
    // Days are whole local calendar days in the customer's time zone; delivery day is day 0, so
    // with a 15-day window day 15 is the last day and day 16 is refused.
    std::int64_t day_number = 0;
    std::optional<UnixSeconds> window_ends_at; // last second of the deciding window; none when it has no limit
};

// Rules are tried in a fixed order and the first that decides wins:
//   delivery in the future -> NotDelivered
//   WrongItem (within wrong_item_days, if the vendor set a limit) -> the wanted refund/exchange
//   DeadOnArrival (within dead_on_arrival_days, if set) and Exchange wanted -> Exchange;
//     Refund wanted after the no-reason window -> refused, Exchange offered
//   within no_reason_days (item intact unless the reason is a defect) -> the wanted refund/exchange
//   QualityProblem/DeadOnArrival within warranty -> FreeRepairOrReplacement (a refund is refused)
//   otherwise refused: ItemNotIntact / OutOfWarranty / WindowExpired, offering repair.
ReturnsDecision EvaluateReturn(const ReturnsQuery& query, const Policy& policy);

// Input checks before EvaluateReturn: wanted is refund or exchange, the offset is real, the
// purchase date is a real date not after delivery day + 1 (orders are paid before delivery).
FieldErrors ValidateReturnsQuery(const ReturnsQuery& query);

} // namespace aftercare::core
