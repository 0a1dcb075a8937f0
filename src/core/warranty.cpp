// Warranty coverage with key-part restarts, free-vs-paid estimates and spare-part commitments.
#include "warranty.h"

#include <algorithm>
#include <limits>

namespace aftercare::core {

CivilDate CoveredUntil(CivilDate start, int months) { return AddMonths(start, months); }

CivilDate PartCoveredUntil(std::string_view part, CivilDate product_start,
                           const std::vector<PartReplacement>& replacements, const Policy& policy) {
    CivilDate until = CoveredUntil(product_start, policy.warranty.months);
    if (part.empty() || !IsKeyPart(policy, part)) return until;

    std::vector<PartReplacement> history;
    for (const PartReplacement& replacement : replacements) {
        if (replacement.part == part) history.push_back(replacement);
    }
    std::sort(history.begin(), history.end(),
              [](const PartReplacement& left, const PartReplacement& right) { return left.replaced_on < right.replaced_on; });
    // Walk in date order: a replacement restarts the period only if the part was covered when it
    // was replaced (in warranty) and the customer did not cause the failure.
    for (const PartReplacement& replacement : history) {
        if (replacement.customer_caused) continue;
        if (replacement.replaced_on < product_start || until < replacement.replaced_on) continue;
        until = std::max(until, CoveredUntil(replacement.replaced_on, policy.warranty.key_part_months));
    }
    return until;
}

WarrantyDecision EvaluateWarranty(const WarrantyQuery& query, const Policy& policy) {
    WarrantyDecision decision;
    decision.product_covered_until = CoveredUntil(query.coverage_start, policy.warranty.months);
    decision.covered_until =
        PartCoveredUntil(query.faulty_part, query.coverage_start, query.replacements, policy);
    decision.days_left = static_cast<int>(DaysFromCivil(decision.covered_until) - DaysFromCivil(query.today));
    const std::string until = FormatIsoDate(decision.covered_until);
    const std::string months = std::to_string(policy.warranty.months);

    if (query.today < query.coverage_start) {
        decision.rule = WarrantyRule::NotYetStarted;
        decision.reason = {"购买日期晚于今天，请核对购买日期", "The purchase date is after today; please check it"};
        return decision;
    }
    if (query.customer_caused_damage) {
        decision.rule = WarrantyRule::CustomerDamage;
        decision.reason = {"人为损坏不在免费保修范围内，可付费维修",
                           "Damage caused by the customer is not covered; a paid repair is available"};
        return decision;
    }
    if (query.today <= decision.product_covered_until) {
        decision.in_warranty = true;
        decision.rule = WarrantyRule::InWarranty;
        decision.reason = {"在 " + months + " 个月保修期内（至 " + until + "），免费维修或更换",
                           "In the " + months + "-month warranty (until " + until + "): free repair or replacement"};
        return decision;
    }
    if (query.today <= decision.covered_until) {
        decision.in_warranty = true;
        decision.rule = WarrantyRule::KeyPartRestarted;
        decision.reason = {"整机已过保，但关键部件“" + query.faulty_part + "”在保修期内更换过，其质保期重新计算至 " + until +
                               "，免费维修或更换",
                           "The product is out of warranty, but the key part '" + query.faulty_part +
                               "' was replaced in warranty and is covered again until " + until +
                               ": free repair or replacement"};
        return decision;
    }
    decision.rule = WarrantyRule::Expired;
    decision.reason = {"保修期已于 " + until + " 结束，可付费维修", "The warranty ended on " + until + "; a paid repair is available"};
    return decision;
}

ChargeEstimate EstimateCharge(const WarrantyDecision& warranty, const RepairQuote& quote, const Policy& policy) {
    ChargeEstimate estimate;
    if (warranty.in_warranty) {
        estimate.free = true;
        estimate.basis = {"保修期内，维修或更换免费", "In warranty: repair or replacement is free"};
        return estimate;
    }
    estimate.parts_fen = std::clamp<Fen>(quote.parts_cost_fen, 0, kMaxAmountFen);
    if (policy.warranty.out_of_warranty_labour_free) {
        estimate.basis = {"保修期外，原厂备件只收成本费，免收服务及人工费",
                          "Out of warranty: parts at cost, no service or labour charge"};
    } else {
        estimate.labour_fen = policy.warranty.labour_fee_fen;
        estimate.on_site_fen = quote.on_site ? policy.warranty.on_site_fee_fen : 0;
        estimate.basis = {"保修期外，收取备件及人工费用", "Out of warranty: parts and labour are charged"};
    }
    // Every term is bounded by kMaxAmountFen (parts clamped here, fees by ValidatePolicy), so the
    // checked sum cannot overflow; if a bug ever let it, the total saturates instead of wrapping negative.
    const auto fees = AddFen(estimate.labour_fen, estimate.on_site_fen);
    const auto total = fees ? AddFen(estimate.parts_fen, *fees) : std::nullopt;
    estimate.total_fen = total.value_or(std::numeric_limits<Fen>::max());
    estimate.free = estimate.total_fen == 0;
    return estimate;
}

SparePartCommitment SparePartDeadline(bool in_stock, UnixSeconds from, const Policy& policy) {
    SparePartCommitment commitment;
    if (in_stock) {
        const int hours = policy.warranty.spare_part_in_stock_hours;
        commitment.due_at = from + static_cast<std::int64_t>(hours) * kSecondsPerHour;
        commitment.promise = {"备件有库存，" + std::to_string(hours) + " 小时内更换",
                              "Part in stock: replaced within " + std::to_string(hours) + " h"};
    } else {
        const int hours = policy.warranty.spare_part_ship_hours;
        commitment.due_at = from + static_cast<std::int64_t>(hours) * kSecondsPerHour;
        commitment.promise = {"备件无库存，" + std::to_string(hours) + " 小时内发出",
                              "Part not in stock: shipped within " + std::to_string(hours) + " h"};
    }
    return commitment;
}

Result<ChargeEstimate> ChargeFor(std::optional<WarrantyQuery> warranty, const std::vector<PartUsed>& parts,
                                 bool on_site, bool customer_caused, const Policy& policy) {
    auto parts_cost = PartsCostFen(parts);
    if (!parts_cost) return parts_cost.GetError();
    WarrantyDecision decision;
    if (warranty) {
        warranty->customer_caused_damage = customer_caused;
        decision = EvaluateWarranty(*warranty, policy);
    }
    ChargeEstimate charges = EstimateCharge(decision, RepairQuote{parts_cost.Value(), on_site}, policy);
    // The reason it is paid comes first: the customer reads why before what.
    if (!decision.in_warranty) {
        const LocalizedText why = warranty ? decision.reason
                                           : LocalizedText{"无法确认购买日期，按保修期外处理",
                                                           "No purchase date on record: treated as out of warranty"};
        charges.basis = {why.zh + "。" + charges.basis.zh, why.en + ". " + charges.basis.en};
    }
    return charges;
}

} // namespace aftercare::core
