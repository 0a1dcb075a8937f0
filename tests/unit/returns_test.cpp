// Returns and exchanges: every rule at its boundary, in the customer's time zone.
#include "test_support.h"

#include "core/returns.h"

using namespace aftercare::core;
using aftercare::test::At;

namespace {

ReturnsQuery Query(ReturnReason reason, Remedy wanted, UnixSeconds delivered, UnixSeconds now,
                   UtcOffsetMinutes offset = kChinaUtcOffset) {
    ReturnsQuery query;
    query.reason = reason;
    query.wanted = wanted;
    query.delivered_at = delivered;
    query.now = now;
    query.customer_utc_offset_minutes = offset;
    return query;
}

} // namespace

TEST_CASE("no-reason window: day 15 yes, day 16 no, by the customer's calendar", "[returns]") {
    const Policy policy;
    // Signed for at 23:30 on 1 May in Beijing (15:30 UTC). Day 15 is 16 May, all of it.
    const UnixSeconds delivered = At(2024, 5, 1, 23, 30);
    const UnixSeconds last_second = At(2024, 5, 16, 23, 59, 59);

    const ReturnsDecision day15 = EvaluateReturn(Query(ReturnReason::NoReason, Remedy::Refund, delivered, last_second), policy);
    CHECK(day15.granted);
    CHECK(day15.rule == ReturnsRule::NoReasonWindow);
    CHECK(day15.remedy == Remedy::Refund);
    CHECK(day15.day_number == 15);
    CHECK(day15.window_ends_at == last_second);
    CHECK_THAT(day15.reason.zh, Catch::Contains("第 15 天"));
    CHECK_THAT(day15.reason.en, Catch::Contains("day 15"));

    const ReturnsDecision day16 =
        EvaluateReturn(Query(ReturnReason::NoReason, Remedy::Refund, delivered, last_second + 1), policy);
    CHECK_FALSE(day16.granted);
    CHECK(day16.rule == ReturnsRule::WindowExpired);
    CHECK(day16.day_number == 16);
    CHECK(day16.remedy == Remedy::FreeRepair); // repair offered instead (still in warranty)
    CHECK_THAT(day16.reason.zh, Catch::Contains("可申请维修"));
    CHECK_THAT(day16.reason.en, Catch::Contains("repair"));

    // The same instants read in UTC would give a different answer: the offset matters.
    const ReturnsDecision utc =
        EvaluateReturn(Query(ReturnReason::NoReason, Remedy::Refund, delivered, last_second + 1, 0), policy);
    CHECK(utc.granted);
    CHECK(utc.day_number == 15);
}

TEST_CASE("no-reason window for a customer west of UTC", "[returns]") {
    const Policy policy;
    const UtcOffsetMinutes new_york = -300;
    const UnixSeconds delivered = At(2024, 5, 1, 8, 0, 0, new_york);
    CHECK(EvaluateReturn(Query(ReturnReason::NoReason, Remedy::Exchange, delivered, At(2024, 5, 16, 23, 59, 59, new_york),
                               new_york),
                         policy)
              .granted);
    CHECK_FALSE(EvaluateReturn(
                    Query(ReturnReason::NoReason, Remedy::Exchange, delivered, At(2024, 5, 17, 0, 0, 0, new_york), new_york),
                    policy)
                    .granted);
}

TEST_CASE("no-reason returns need the item intact - defects do not", "[returns]") {
    const Policy policy;
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    ReturnsQuery query = Query(ReturnReason::NoReason, Remedy::Refund, delivered, At(2024, 5, 3, 10, 0));
    query.item_intact = false;
    const ReturnsDecision refused = EvaluateReturn(query, policy);
    CHECK_FALSE(refused.granted);
    CHECK(refused.rule == ReturnsRule::ItemNotIntact);
    query.reason = ReturnReason::QualityProblem;
    const ReturnsDecision defect = EvaluateReturn(query, policy);
    CHECK(defect.granted);
    CHECK(defect.rule == ReturnsRule::NoReasonWindow);
}

TEST_CASE("dead on arrival: an unconditional exchange whatever the day (no limit by default)", "[returns]") {
    const Policy policy;
    REQUIRE_FALSE(policy.returns.dead_on_arrival_days);
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    for (const UnixSeconds now : {At(2024, 5, 1, 12, 0), At(2024, 5, 17, 0, 0), At(2025, 6, 4, 9, 0)}) {
        const ReturnsDecision exchange = EvaluateReturn(Query(ReturnReason::DeadOnArrival, Remedy::Exchange, delivered, now), policy);
        CHECK(exchange.granted);
        CHECK(exchange.rule == ReturnsRule::DeadOnArrival);
        CHECK(exchange.remedy == Remedy::Exchange);
        CHECK_FALSE(exchange.window_ends_at); // no window to count down
        CHECK_THAT(exchange.reason.zh, Catch::Contains("无条件更换"));
    }
    // Day 400: no inspection first, and no warranty question.
    const ReturnsDecision day400 = EvaluateReturn(
        Query(ReturnReason::DeadOnArrival, Remedy::Exchange, delivered, At(2025, 6, 5, 9, 0)), policy);
    CHECK(day400.day_number == 400);
    CHECK(day400.granted);
    CHECK(day400.rule == ReturnsRule::DeadOnArrival);
}

TEST_CASE("dead on arrival, refund wanted: the no-reason window, then the exchange is offered", "[returns]") {
    const Policy policy;
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    const ReturnsDecision day15 = EvaluateReturn(
        Query(ReturnReason::DeadOnArrival, Remedy::Refund, delivered, At(2024, 5, 16, 23, 59, 59)), policy);
    CHECK(day15.granted);
    CHECK(day15.rule == ReturnsRule::NoReasonWindow);
    CHECK(day15.remedy == Remedy::Refund);
    const ReturnsDecision day16 =
        EvaluateReturn(Query(ReturnReason::DeadOnArrival, Remedy::Refund, delivered, At(2024, 5, 17, 0, 0)), policy);
    CHECK_FALSE(day16.granted);
    CHECK(day16.rule == ReturnsRule::DeadOnArrival);
    CHECK(day16.remedy == Remedy::Exchange); // what the customer can have instead
    CHECK_THAT(day16.reason.zh, Catch::Contains("无条件更换"));
}

TEST_CASE("dead on arrival with a vendor limit of 7 days: day 7 yes, day 8 by the other rules", "[returns]") {
    Policy policy;
    policy.returns.dead_on_arrival_days = 7;
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    const ReturnsDecision day7 = EvaluateReturn(
        Query(ReturnReason::DeadOnArrival, Remedy::Exchange, delivered, At(2024, 5, 8, 23, 59, 59)), policy);
    CHECK(day7.granted);
    CHECK(day7.rule == ReturnsRule::DeadOnArrival);
    CHECK(day7.remedy == Remedy::Exchange);
    CHECK(day7.window_ends_at == At(2024, 5, 8, 23, 59, 59));

    // Day 8 is still inside the 15-day no-reason window, which decides instead.
    const ReturnsDecision day8 =
        EvaluateReturn(Query(ReturnReason::DeadOnArrival, Remedy::Exchange, delivered, At(2024, 5, 9, 0, 0)), policy);
    CHECK(day8.granted);
    CHECK(day8.rule == ReturnsRule::NoReasonWindow);

    // Day 16: a quality problem in warranty.
    const ReturnsDecision day16 =
        EvaluateReturn(Query(ReturnReason::DeadOnArrival, Remedy::Exchange, delivered, At(2024, 5, 17, 0, 0)), policy);
    CHECK(day16.rule == ReturnsRule::QualityInWarranty);
    CHECK(day16.remedy == Remedy::FreeRepairOrReplacement);
}

TEST_CASE("quality problem after the no-reason window: in or out of warranty", "[returns]") {
    const Policy policy;
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    const ReturnsDecision exchange =
        EvaluateReturn(Query(ReturnReason::QualityProblem, Remedy::Exchange, delivered, At(2025, 1, 1, 10, 0)), policy);
    CHECK(exchange.granted);
    CHECK(exchange.rule == ReturnsRule::QualityInWarranty);
    const ReturnsDecision refund =
        EvaluateReturn(Query(ReturnReason::QualityProblem, Remedy::Refund, delivered, At(2025, 1, 1, 10, 0)), policy);
    CHECK_FALSE(refund.granted);
    CHECK(refund.remedy == Remedy::FreeRepairOrReplacement);

    // Warranty counted from the purchase date when given: last covered day 2027-04-20.
    ReturnsQuery query = Query(ReturnReason::QualityProblem, Remedy::Exchange, delivered, At(2027, 4, 20, 23, 0));
    query.warranty_start = CivilDate{2024, 4, 20};
    CHECK(EvaluateReturn(query, policy).rule == ReturnsRule::QualityInWarranty);
    CHECK(EvaluateReturn(query, policy).window_ends_at == At(2027, 4, 20, 23, 59, 59));
    query.now = At(2027, 4, 21, 0, 0);
    const ReturnsDecision expired = EvaluateReturn(query, policy);
    CHECK_FALSE(expired.granted);
    CHECK(expired.rule == ReturnsRule::OutOfWarranty);
    CHECK(expired.remedy == Remedy::PaidRepair);
}

TEST_CASE("wrong item: an unconditional return and refund whatever the day (no limit by default)", "[returns]") {
    const Policy policy;
    REQUIRE_FALSE(policy.returns.wrong_item_days);
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    for (const UnixSeconds now : {At(2024, 5, 16, 23, 59, 59), At(2024, 5, 17, 0, 0), At(2025, 6, 5, 9, 0)}) {
        const ReturnsDecision refund = EvaluateReturn(Query(ReturnReason::WrongItem, Remedy::Refund, delivered, now), policy);
        CHECK(refund.granted);
        CHECK(refund.rule == ReturnsRule::WrongItem);
        CHECK(refund.remedy == Remedy::Refund); // never a repair of the wrong item
        CHECK_FALSE(refund.window_ends_at);
        CHECK_THAT(refund.reason.zh, Catch::Contains("无条件"));
    }
    const ReturnsDecision day400 =
        EvaluateReturn(Query(ReturnReason::WrongItem, Remedy::Refund, delivered, At(2025, 6, 5, 9, 0)), policy);
    CHECK(day400.day_number == 400);
    CHECK(day400.granted);
    // An item that was never the one ordered needs no "intact" condition either.
    ReturnsQuery opened = Query(ReturnReason::WrongItem, Remedy::Refund, delivered, At(2024, 9, 1, 9, 0));
    opened.item_intact = false;
    CHECK(EvaluateReturn(opened, policy).granted);
    // The customer may prefer the right item: an exchange is granted the same way.
    CHECK(EvaluateReturn(Query(ReturnReason::WrongItem, Remedy::Exchange, delivered, At(2025, 6, 5, 9, 0)), policy)
              .remedy == Remedy::Exchange);
}

TEST_CASE("wrong item with a vendor limit of 30 days: day 30 yes, day 31 no", "[returns]") {
    Policy policy;
    policy.returns.wrong_item_days = 30;
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    const ReturnsDecision day30 =
        EvaluateReturn(Query(ReturnReason::WrongItem, Remedy::Refund, delivered, At(2024, 5, 31, 23, 59, 59)), policy);
    CHECK(day30.granted);
    CHECK(day30.rule == ReturnsRule::WrongItem);
    CHECK(day30.day_number == 30);
    CHECK(day30.window_ends_at == At(2024, 5, 31, 23, 59, 59));
    const ReturnsDecision day31 =
        EvaluateReturn(Query(ReturnReason::WrongItem, Remedy::Refund, delivered, At(2024, 6, 1, 0, 0)), policy);
    CHECK_FALSE(day31.granted);
    CHECK(day31.rule == ReturnsRule::WindowExpired);
    CHECK(day31.day_number == 31);
}

TEST_CASE("nothing can be returned before delivery", "[returns]") {
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    const ReturnsDecision decision =
        EvaluateReturn(Query(ReturnReason::NoReason, Remedy::Refund, delivered, delivered - 1), Policy{});
    CHECK_FALSE(decision.granted);
    CHECK(decision.rule == ReturnsRule::NotDelivered);
    CHECK(EvaluateReturn(Query(ReturnReason::NoReason, Remedy::Refund, delivered, delivered), Policy{}).granted);
}

TEST_CASE("window lengths come from the policy", "[returns]") {
    Policy policy;
    policy.returns.no_reason_days = 7;
    const UnixSeconds delivered = At(2024, 5, 1, 10, 0);
    CHECK(EvaluateReturn(Query(ReturnReason::NoReason, Remedy::Refund, delivered, At(2024, 5, 8, 12, 0)), policy).granted);
    CHECK_FALSE(
        EvaluateReturn(Query(ReturnReason::NoReason, Remedy::Refund, delivered, At(2024, 5, 9, 0, 0)), policy).granted);
}

TEST_CASE("returns query input checks name the field", "[returns]") {
    ReturnsQuery query = Query(ReturnReason::NoReason, Remedy::Refund, At(2024, 5, 1, 10, 0), At(2024, 5, 2, 10, 0));
    CHECK(ValidateReturnsQuery(query).empty());
    query.wanted = Remedy::PaidRepair;
    query.customer_utc_offset_minutes = 20 * 60;
    query.warranty_start = CivilDate{2024, 5, 3};
    const FieldErrors errors = ValidateReturnsQuery(query);
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].field == "wanted");
    CHECK(errors[1].field == "utc_offset_minutes");
    CHECK(errors[2].field == "purchase_date");
}
