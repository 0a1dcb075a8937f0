// Service records kept for staff (#19): internal notes and 重大质量问题 stay off everything a
// customer reads; repeat repairs are found by serial within the policy's window; reopens are counted.
#include "test_support.h"

#include "api/customer_wire.h"
#include "core/service_history.h"
#include "screens/timeline_pages.h"

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

Ticket Noted(const Ticket& ticket, UnixSeconds now, bool quality = false) {
    auto result = quality ? FlagQualityIncident(ticket, Staff(), "同批次主板电容鼓包", now)
                          : AddInternalNote(ticket, Staff(), "客户上次也反映过噪音", now);
    REQUIRE(result.Ok());
    return std::move(result).Value().ticket;
}

} // namespace

TEST_CASE("internal notes: staff only, any state, never in a customer's view or pages", "[service_record][notes]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, t);
    auto by_customer = AddInternalNote(ticket, Customer(), "我是客户", t + 10);
    REQUIRE_FALSE(by_customer.Ok());
    CHECK(by_customer.GetError().code == "forbidden_actor");
    CHECK(AddInternalNote(ticket, Staff(), "   ", t + 10).GetError().code == "required");

    ticket = Apply(ticket, Action::Accept, Staff(), t + 60);
    ticket = Noted(ticket, t + 120);
    ticket = Apply(ticket, Action::Reject, Staff(), t + 180);
    ticket = Noted(ticket, t + 240);  // ended: a later finding is still recorded
    REQUIRE(ticket.timeline.size() == 5);
    CHECK(IsStaffOnly(ticket.timeline[2]));
    CHECK(IsStaffOnly(ticket.timeline[4]));

    const Policy policy;
    const auto customer = aftercare::api::MakeTicketView(ticket, ActorRole::Customer, t + 300, policy);
    CHECK(customer.timeline.size() == 3);
    for (const auto& event : customer.timeline) CHECK_FALSE(IsStaffOnly(event));
    // The customer's last change is the rejection, not the later note.
    CHECK(customer.updated_at == t + 180);
    CHECK(customer.timeline_total == 4);  // the last sequence they can see, so "after 4" waits quietly
    const auto staff = aftercare::api::MakeTicketView(ticket, ActorRole::Staff, t + 300, policy);
    CHECK(staff.timeline.size() == 5);
    CHECK(staff.updated_at == t + 240);

    const auto after = aftercare::api::EventsAfter(ticket, 4, 50, ActorRole::Customer);
    CHECK(after.events.empty());
    CHECK(after.last_sequence == 4);
    const auto before = aftercare::api::EventsBefore(ticket, 6, 50, ActorRole::Customer);
    CHECK(before.events.size() == 3);
    CHECK(aftercare::api::EventsAfter(ticket, 4, 50, ActorRole::Staff).events.size() == 1);
}

TEST_CASE("quality incident: flagged once, shown to staff only", "[service_record][quality]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, t);
    CHECK(QualityIncidentOf(ticket) == nullptr);
    ticket = Noted(ticket, t + 60, true);
    REQUIRE(QualityIncidentOf(ticket) != nullptr);
    CHECK(QualityIncidentOf(ticket)->at == t + 60);
    CHECK(FlagQualityIncident(ticket, Staff(), "again", t + 120).GetError().code == "already_done");
    CHECK(FlagQualityIncident(NewTicket(TicketKind::Repair, Priority::General, t), Customer(), "x", t).GetError().code ==
          "forbidden_actor");

    const Policy policy;
    const auto staff = aftercare::api::MakeTicketView(ticket, ActorRole::Staff, t + 300, policy);
    REQUIRE(staff.quality_incident);
    CHECK(staff.quality_incident->note == "同批次主板电容鼓包");
    const auto customer = aftercare::api::MakeTicketView(ticket, ActorRole::Customer, t + 300, policy);
    CHECK_FALSE(customer.quality_incident);
    CHECK(customer.timeline.size() == 1);
}

TEST_CASE("repeat repair: the latest repair of the serial resolved within the window, boundary included",
          "[service_record][repeat]") {
    Policy policy;
    policy.tickets.repeat_repair_days = 90;
    const UnixSeconds now = At(2024, 9, 1, 10);
    const UnixSeconds window = 90 * kSecondsPerDay;
    const std::vector<PastTicket> earlier{
        {"OLD-REPAIR", TicketKind::Repair, now - window - 1},     // one second too old
        {"EDGE-REPAIR", TicketKind::Repair, now - window},        // exactly 90 days: counts
        {"A-COMPLAINT", TicketKind::Complaint, now - 3600},       // not a repair
        {"OPEN-REPAIR", TicketKind::Repair, std::nullopt},        // not resolved (or reopened)
    };
    CHECK(RepeatedRepair(TicketKind::Repair, earlier, now, policy) == "EDGE-REPAIR");

    auto newer = earlier;
    newer.push_back({"RECENT-REPAIR", TicketKind::Repair, now - 5 * kSecondsPerDay});
    CHECK(RepeatedRepair(TicketKind::Repair, newer, now, policy) == "RECENT-REPAIR");
    // Only repairs repeat, and a 0-day window turns the check off.
    CHECK(RepeatedRepair(TicketKind::Complaint, newer, now, policy).empty());
    policy.tickets.repeat_repair_days = 0;
    CHECK(RepeatedRepair(TicketKind::Repair, newer, now, policy).empty());
    policy.tickets.repeat_repair_days = 90;
    CHECK(RepeatedRepair(TicketKind::Repair, {earlier[0]}, now, policy).empty());
    CHECK(RepeatedRepair(TicketKind::Repair, {}, now, policy).empty());
}

TEST_CASE("reopens are counted from the timeline", "[service_record][reopen]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, t);
    ticket = Apply(ticket, Action::Accept, Staff(), t + 60);
    ticket = Apply(ticket, Action::Assign, Staff(), t + 120);
    ticket = Apply(ticket, Action::Start, Staff(), t + 180);
    ticket = Apply(ticket, Action::Resolve, Staff(), t + 240);
    CHECK(ReopenCount(ticket) == 0);
    ticket = Apply(ticket, Action::Reopen, Customer(), t + 300, Policy{}, "还是不制冷");
    CHECK(ReopenCount(ticket) == 1);
}

TEST_CASE("a customer pages back across internal notes: the count leaves them out, the pages still join",
          "[service_record][notes]") {
    const UnixSeconds t = At(2024, 6, 3, 9);
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, t);
    for (int i = 0; i < aftercare::api::kTimelinePage + 10; ++i) {
        ticket = AddMessage(ticket, Staff(), "进度 " + std::to_string(i), t + 60 + i).Value().ticket;
        if (i % 10 == 0) ticket = Noted(ticket, t + 60 + i);  // 6 notes, one just before the page
    }
    const Policy policy;
    auto view = aftercare::api::MakeTicketView(ticket, ActorRole::Customer, t + 4000, policy);
    REQUIRE(view.timeline.size() == static_cast<size_t>(aftercare::api::kTimelinePage));
    CHECK(view.timeline_earlier == 11);  // the created event and 10 messages; no note counted
    const int before = view.timeline.front().sequence;
    aftercare::portal::PrependEarlier(
        view, before, aftercare::api::EventsBefore(ticket, before, aftercare::api::kTimelinePage, ActorRole::Customer));
    CHECK(view.timeline.size() == static_cast<size_t>(aftercare::api::kTimelinePage + 11));
    CHECK(view.timeline_earlier == 0);
    CHECK_FALSE(view.timeline_has_earlier);
    for (const auto& event : view.timeline) CHECK_FALSE(IsStaffOnly(event));
}
