// Warranty coverage boundaries, key-part restarts, free vs paid estimates, spare-part commitments.
#include "test_support.h"

#include "core/warranty.h"

#include <limits>

using namespace aftercare::core;
using aftercare::test::At;

namespace {

WarrantyQuery Query(CivilDate start, CivilDate today) {
    WarrantyQuery query;
    query.coverage_start = start;
    query.today = today;
    return query;
}

} // namespace

TEST_CASE("three years from the day after purchase: last covered day inclusive", "[warranty]") {
    const Policy policy;
    const WarrantyDecision last_day = EvaluateWarranty(Query({2022, 3, 10}, {2025, 3, 10}), policy);
    CHECK(last_day.in_warranty);
    CHECK(last_day.rule == WarrantyRule::InWarranty);
    CHECK(last_day.covered_until == CivilDate{2025, 3, 10});
    CHECK(last_day.days_left == 0);
    const WarrantyDecision next_day = EvaluateWarranty(Query({2022, 3, 10}, {2025, 3, 11}), policy);
    CHECK_FALSE(next_day.in_warranty);
    CHECK(next_day.rule == WarrantyRule::Expired);
    CHECK(next_day.days_left == -1);
    CHECK_THAT(next_day.reason.zh, Catch::Contains("2025-03-10"));
    CHECK_THAT(next_day.reason.en, Catch::Contains("2025-03-10"));

    // Bought on 29 February: covered through 28 February three years later.
    CHECK(EvaluateWarranty(Query({2024, 2, 29}, {2027, 2, 28}), policy).in_warranty);
    CHECK_FALSE(EvaluateWarranty(Query({2024, 2, 29}, {2027, 3, 1}), policy).in_warranty);
    // Purchase day itself is covered; a future purchase date is not.
    CHECK(EvaluateWarranty(Query({2024, 5, 1}, {2024, 5, 1}), policy).in_warranty);
    CHECK(EvaluateWarranty(Query({2024, 5, 2}, {2024, 5, 1}), policy).rule == WarrantyRule::NotYetStarted);
}

TEST_CASE("a key part replaced in warranty restarts that part's warranty", "[warranty]") {
    const Policy policy;
    WarrantyQuery query = Query({2021, 1, 15}, {2025, 6, 1}); // product expired 2024-01-15
    query.replacements = {{"mainboard", {2023, 12, 1}, false, {}}};

    query.faulty_part = "mainboard";
    const WarrantyDecision restarted = EvaluateWarranty(query, policy);
    CHECK(restarted.in_warranty);
    CHECK(restarted.rule == WarrantyRule::KeyPartRestarted);
    CHECK(restarted.covered_until == CivilDate{2026, 12, 1});
    CHECK(restarted.product_covered_until == CivilDate{2024, 1, 15});

    // Other parts are not covered by the mainboard's restart.
    query.faulty_part = "power_supply";
    CHECK_FALSE(EvaluateWarranty(query, policy).in_warranty);
    // Nor is a non-key part, even if it was replaced.
    query.faulty_part = "remote_control";
    query.replacements = {{"remote_control", {2023, 12, 1}, false, {}}};
    CHECK_FALSE(EvaluateWarranty(query, policy).in_warranty);
}

TEST_CASE("restart needs an in-warranty, not customer-caused replacement - restarts chain", "[warranty]") {
    const Policy policy;
    const CivilDate start{2021, 1, 15};
    // Replaced after the product warranty ended (a paid repair): no restart.
    CHECK(PartCoveredUntil("mainboard", start, {{"mainboard", {2024, 1, 16}, false, {}}}, policy) == CivilDate{2024, 1, 15});
    // Replaced on the last covered day: restart.
    CHECK(PartCoveredUntil("mainboard", start, {{"mainboard", {2024, 1, 15}, false, {}}}, policy) == CivilDate{2027, 1, 15});
    // Customer-caused: no restart.
    CHECK(PartCoveredUntil("mainboard", start, {{"mainboard", {2023, 1, 1}, true, {}}}, policy) == CivilDate{2024, 1, 15});
    // A restarted part replaced again within its restarted period restarts again, in date order.
    CHECK(PartCoveredUntil("mainboard", start, {{"mainboard", {2026, 5, 1}, false, {}}, {"mainboard", {2023, 6, 1}, false, {}}},
                           policy) == CivilDate{2029, 5, 1});
}

TEST_CASE("customer damage is never free", "[warranty]") {
    WarrantyQuery query = Query({2024, 1, 1}, {2024, 6, 1});
    query.customer_caused_damage = true;
    const WarrantyDecision decision = EvaluateWarranty(query, Policy{});
    CHECK_FALSE(decision.in_warranty);
    CHECK(decision.rule == WarrantyRule::CustomerDamage);
}

TEST_CASE("free in warranty, paid out of warranty, parts at cost only by default", "[warranty]") {
    Policy policy;
    policy.warranty.out_of_warranty_labour_free = false; // the variant that charges labour
    const WarrantyDecision in = EvaluateWarranty(Query({2024, 1, 1}, {2024, 6, 1}), policy);
    const ChargeEstimate free = EstimateCharge(in, {35000, true}, policy);
    CHECK(free.free);
    CHECK(free.total_fen == 0);

    const WarrantyDecision out = EvaluateWarranty(Query({2019, 1, 1}, {2024, 6, 1}), policy);
    const ChargeEstimate paid = EstimateCharge(out, {35000, true}, policy);
    CHECK_FALSE(paid.free);
    CHECK(paid.parts_fen == 35000);
    CHECK(paid.labour_fen == policy.warranty.labour_fee_fen);
    CHECK(paid.on_site_fen == policy.warranty.on_site_fee_fen);
    CHECK(paid.total_fen == 35000 + policy.warranty.labour_fee_fen + policy.warranty.on_site_fee_fen);

    // The standard's default (§13.4): parts at cost, no service or labour fee.
    policy.warranty.out_of_warranty_labour_free = Policy{}.warranty.out_of_warranty_labour_free;
    REQUIRE(policy.warranty.out_of_warranty_labour_free);
    const ChargeEstimate parts_only = EstimateCharge(out, {35000, true}, policy);
    CHECK(parts_only.total_fen == 35000);
    CHECK(parts_only.labour_fen == 0);
    CHECK(parts_only.on_site_fen == 0);
}

TEST_CASE("money: sums are checked, amounts bounded, an estimate never wraps negative", "[warranty][money]") {
    const Fen max = std::numeric_limits<Fen>::max();
    CHECK(AddFen(1, 2) == 3);
    CHECK_FALSE(AddFen(max, 1).has_value());
    CHECK_FALSE(AddFen(std::numeric_limits<Fen>::min(), -1).has_value());
    CHECK_FALSE(CheckAmountFen(0, "x").has_value());
    CHECK_FALSE(CheckAmountFen(kMaxAmountFen, "x").has_value());
    CHECK(CheckAmountFen(kMaxAmountFen + 1, "x")->code == "out_of_range");
    CHECK(CheckAmountFen(-1, "x")->field == "x");

    // The finding: parts_cost_fen = INT64_MAX gave total_fen -9223372036854760809.
    Policy policy;
    policy.warranty.out_of_warranty_labour_free = false;
    const WarrantyDecision out = EvaluateWarranty(Query({2019, 1, 1}, {2024, 6, 1}), policy);
    const ChargeEstimate huge = EstimateCharge(out, {max, true}, policy);
    CHECK(huge.parts_fen == kMaxAmountFen);
    CHECK(huge.total_fen == kMaxAmountFen + policy.warranty.labour_fee_fen + policy.warranty.on_site_fee_fen);
}

TEST_CASE("spare parts: 2 h in stock, 8 h shipped", "[warranty]") {
    const UnixSeconds from = At(2024, 6, 3, 9, 0);
    CHECK(SparePartDeadline(true, from, Policy{}).due_at == from + 2 * kSecondsPerHour);
    CHECK(SparePartDeadline(false, from, Policy{}).due_at == from + 8 * kSecondsPerHour);
    CHECK_THAT(SparePartDeadline(false, from, Policy{}).promise.zh, Catch::Contains("8 小时内发出"));
}
