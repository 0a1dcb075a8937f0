// Follow-up visits (回访): when a call falls due, what a not-reached call changes, that cancelled
// tickets never need one, phone ratings once per ticket, the periodic schedule's month arithmetic
// and the 售后系统运行调查表's validation.
#include "test_support.h"

#include "api/customer_wire.h"
#include "core/followup.h"

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

Ticket Resolved(UnixSeconds t) {
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, t);
    ticket = Apply(ticket, Action::Accept, Staff(), t + 60);
    ticket = Apply(ticket, Action::Assign, Staff(), t + 120);
    ticket = Apply(ticket, Action::Start, Staff(), t + 180);
    ticket = Apply(ticket, Action::Resolve, Staff(), t + 3600);
    return ticket;
}

Ticket Called(const Ticket& ticket, bool reached, UnixSeconds now, std::optional<Rating> rating = std::nullopt) {
    auto result = RecordFollowUpCall(ticket, Staff("cs01"), FollowUpCallEntry{reached, "客户说已正常使用", rating}, now);
    REQUIRE(result.Ok());
    return std::move(result).Value().ticket;
}

Rating Stars(int n) {
    Rating rating;
    rating.quality = rating.speed = rating.attitude = rating.scope = rating.guarantee = n;
    rating.solved = true;
    return rating;
}

} // namespace

TEST_CASE("follow-up due: after_days after the last resolution, the boundary instant included", "[followup][due]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    Policy policy;
    REQUIRE(policy.followup.after_days == 3);
    const Ticket ticket = Resolved(t);
    const UnixSeconds resolved = t + 3600;
    REQUIRE(FollowUpOf(ticket).pending_since == resolved);
    CHECK(FollowUpDueAt(ticket, policy) == resolved + 3 * kSecondsPerDay);
    CHECK_FALSE(IsFollowUpDue(ticket, resolved + 3 * kSecondsPerDay - 1, policy));
    CHECK(IsFollowUpDue(ticket, resolved + 3 * kSecondsPerDay, policy));
    CHECK(DaysOverdue(resolved + 3 * kSecondsPerDay, resolved + 3 * kSecondsPerDay) == 0);
    CHECK(DaysOverdue(resolved + 3 * kSecondsPerDay, resolved + 5 * kSecondsPerDay - 1) == 1);

    // Confirmed and closed tickets still owe their call; an open one does not yet.
    const Ticket confirmed = Apply(ticket, Action::Confirm, Customer(), resolved + 60);
    CHECK(IsFollowUpDue(confirmed, resolved + 4 * kSecondsPerDay, policy));
    const Ticket closed = Apply(confirmed, Action::Close, Staff(), resolved + 120);
    CHECK(IsFollowUpDue(closed, resolved + 4 * kSecondsPerDay, policy));
    CHECK_FALSE(FollowUpOf(NewTicket(TicketKind::Repair, Priority::General, t)).pending_since);

    SECTION("after_days 0 turns follow-ups off") {
        policy.followup.after_days = 0;
        CHECK_FALSE(FollowUpDueAt(ticket, policy));
        CHECK_FALSE(IsFollowUpDue(ticket, resolved + 365 * kSecondsPerDay, policy));
        CHECK(ValidatePolicy(policy).empty());
        policy.followup.after_days = -1;
        REQUIRE(ValidatePolicy(policy).size() == 1);
        CHECK(ValidatePolicy(policy).front().field == "followup.after_days");
    }
}

TEST_CASE("follow-up: a not-reached call keeps it due with its attempts, a reached one ends it, a reopen owes a new one",
          "[followup][calls]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    const Policy policy;
    const UnixSeconds due = t + 3600 + 3 * kSecondsPerDay;
    Ticket ticket = Called(Resolved(t), false, due + 10);
    FollowUpStatus status = FollowUpOf(ticket);
    CHECK(status.pending_since);
    CHECK(status.attempts == 1);
    CHECK(status.last_attempt_at == due + 10);
    CHECK(IsFollowUpDue(ticket, due + 20, policy));

    ticket = Called(ticket, true, due + 3600);
    status = FollowUpOf(ticket);
    CHECK_FALSE(status.pending_since);
    CHECK(status.reached_at == due + 3600);
    CHECK(status.attempts == 2);
    CHECK_FALSE(IsFollowUpDue(ticket, due + 7200, policy));

    // The call records are staff only: the customer's view has neither of them.
    REQUIRE(IsStaffOnly(ticket.timeline.back()));
    const auto customer = aftercare::api::MakeTicketView(ticket, ActorRole::Customer, due + 7200, policy);
    for (const auto& event : customer.timeline) CHECK(event.type != EventType::FollowUp);

    // Reopened and resolved again: the earlier call was about the earlier resolution.
    ticket = Apply(ticket, Action::Reopen, Customer(), due + 7200);
    CHECK_FALSE(FollowUpOf(ticket).pending_since);  // being worked again: nothing to call about yet
    if (ticket.state != TicketState::InProgress) ticket = Apply(ticket, Action::Start, Staff(), due + 7300);
    ticket = Apply(ticket, Action::Resolve, Staff(), due + 9000);
    status = FollowUpOf(ticket);
    CHECK(status.pending_since == due + 9000);
    CHECK(status.attempts == 0);
}

TEST_CASE("follow-up: cancelled and rejected tickets never need one, and take no call", "[followup][cancelled]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    const Policy policy;
    const Ticket cancelled = Apply(NewTicket(TicketKind::Repair, Priority::General, t), Action::Cancel, Customer(), t + 60);
    const Ticket rejected = Apply(NewTicket(TicketKind::Return, Priority::General, t), Action::Reject, Staff(), t + 60);
    for (const Ticket* ticket : {&cancelled, &rejected}) {
        CHECK_FALSE(FollowUpOf(*ticket).pending_since);
        CHECK_FALSE(IsFollowUpDue(*ticket, t + 100 * kSecondsPerDay, policy));
        auto call = RecordFollowUpCall(*ticket, Staff(), FollowUpCallEntry{true, "", std::nullopt}, t + 120);
        REQUIRE_FALSE(call.Ok());
        CHECK(call.GetError().code == "illegal_transition");
    }
    CHECK(RecordFollowUpCall(Resolved(t), Customer(), FollowUpCallEntry{true, "", std::nullopt}, t + 7200)
              .GetError()
              .code == "forbidden_actor");
}

TEST_CASE("phone rating: only on a reached call, validated as any rating, and a ticket is rated once", "[followup][rating]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    const Ticket ticket = Resolved(t);
    auto unreached = RecordFollowUpCall(ticket, Staff(), FollowUpCallEntry{false, "无人接听", Stars(5)}, t + 7200);
    REQUIRE_FALSE(unreached.Ok());
    CHECK(unreached.GetError().field == "rating");
    Rating bad = Stars(5);
    bad.speed = 6;
    auto out_of_range = RecordFollowUpCall(ticket, Staff(), FollowUpCallEntry{true, "", bad}, t + 7200);
    REQUIRE_FALSE(out_of_range.Ok());
    CHECK(out_of_range.GetError().field == "rating.speed");

    const Ticket rated = Called(ticket, true, t + 7200, Stars(4));
    CHECK(rated.rated);
    const TimelineEvent& rating = rated.timeline.back();
    CHECK(rating.type == EventType::Rating);
    CHECK(ChannelOf(rating) == RatingChannel::Phone);
    CHECK_FALSE(IsStaffOnly(rating));  // the customer sees that their rating is recorded
    // Once rated (by phone here), neither a second phone rating nor the portal's is taken.
    CHECK(RecordFollowUpCall(rated, Staff(), FollowUpCallEntry{true, "", Stars(5)}, t + 7300).GetError().code ==
          "already_rated");
    CHECK(RateTicket(rated, Stars(5), t + 7300).GetError().code == "already_rated");
    // And the other way round: a portal rating first refuses the phone one.
    auto portal = RateTicket(ticket, Stars(5), t + 7200);
    REQUIRE(portal.Ok());
    CHECK(ChannelOf(portal.Value().event) == RatingChannel::Portal);
    CHECK(RecordFollowUpCall(portal.Value().ticket, Staff(), FollowUpCallEntry{true, "", Stars(3)}, t + 7300)
              .GetError()
              .code == "already_rated");
}

TEST_CASE("periodic follow-ups: whole periods from the anchor, month ends kept, late surveys skip ahead",
          "[followup][period]") {
    const CivilDate jan31{2024, 1, 31};
    CHECK(NextPeriodicDue(jan31, FollowUpPeriod::Monthly, jan31, jan31) == CivilDate{2024, 2, 29});
    CHECK(NextPeriodicDue(jan31, FollowUpPeriod::Monthly, {2024, 2, 29}, {2024, 2, 29}) == CivilDate{2024, 3, 31});
    CHECK(NextPeriodicDue(jan31, FollowUpPeriod::Monthly, {2024, 3, 31}, {2024, 3, 20}) == CivilDate{2024, 4, 30});
    CHECK(NextPeriodicDue({2023, 1, 31}, FollowUpPeriod::Monthly, {2023, 1, 31}, {2023, 1, 31}) == CivilDate{2023, 2, 28});
    CHECK(NextPeriodicDue({2024, 11, 30}, FollowUpPeriod::Quarterly, {2024, 11, 30}, {2024, 11, 30}) ==
          CivilDate{2025, 2, 28});
    CHECK(NextPeriodicDue({2024, 11, 30}, FollowUpPeriod::Quarterly, {2025, 2, 28}, {2025, 2, 28}) ==
          CivilDate{2025, 5, 30});
    // Done early (before the due date): the next one is still a period after the date that was due.
    CHECK(NextPeriodicDue({2024, 1, 15}, FollowUpPeriod::Quarterly, {2024, 4, 15}, {2024, 4, 10}) == CivilDate{2024, 7, 15});
    // Done four months late on a monthly schedule: the next is the first date after the survey.
    CHECK(NextPeriodicDue({2024, 1, 15}, FollowUpPeriod::Monthly, {2024, 2, 15}, {2024, 6, 20}) == CivilDate{2024, 7, 15});
    CHECK(NextPeriodicDue({2024, 1, 15}, FollowUpPeriod::Monthly, {2024, 2, 15}, {2024, 6, 15}) == CivilDate{2024, 7, 15});
    FollowUpPeriod period{};
    CHECK(FromString("monthly", period));
    CHECK(period == FollowUpPeriod::Monthly);
    CHECK_FALSE(FromString("weekly", period));
}

TEST_CASE("the 售后系统运行调查表: every usage field, an anomaly described, satisfaction 1 to 5", "[followup][survey]") {
    OperationSurvey survey;
    survey.equipment_usage = "每天两班使用";
    survey.system_operation = "运行正常";
    survey.system_stability = "稳定";
    survey.response_satisfaction = 5;
    CHECK(ValidateSurvey(survey).empty());

    OperationSurvey empty;
    std::vector<std::string> fields;
    for (const auto& error : ValidateSurvey(empty)) fields.push_back(error.field);
    CHECK(fields == std::vector<std::string>{"equipment_usage", "system_operation", "system_stability",
                                             "response_satisfaction"});

    survey.anomaly = true;
    auto errors = ValidateSurvey(survey);
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().field == "anomaly_description");
    CHECK(errors.front().code == "required");
    survey.anomaly_description = "夜间偶发重启";
    CHECK(ValidateSurvey(survey).empty());
    survey.response_satisfaction = 6;
    REQUIRE(ValidateSurvey(survey).size() == 1);
    CHECK(ValidateSurvey(survey).front().field == "response_satisfaction");
    survey.response_satisfaction = 0;
    CHECK(ValidateSurvey(survey).front().code == "out_of_range");
}
