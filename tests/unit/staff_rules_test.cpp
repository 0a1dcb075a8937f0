// Rules behind the staff console: re-triage with a reason, work records with the 2 h / 8 h spare
// part commitments, roles to permissions, the SLA outlook the board highlights, address masking.
#include "test_support.h"

#include "api/customer_wire.h"
#include "api/staff_wire.h"
#include "core/sla.h"
#include "core/staff_roles.h"
#include "core/work_log.h"

using namespace aftercare::test;
using aftercare::api::MaskAddress;

namespace {

const UnixSeconds kCreated = At(2024, 6, 3, 9, 0);

Ticket Assigned(TicketKind kind = TicketKind::Repair, Priority priority = Priority::General) {
    Ticket ticket = NewTicket(kind, priority, kCreated);
    ticket = Apply(ticket, Action::Accept, Staff("desk"), kCreated + 60);
    return Apply(ticket, Action::Assign, Staff("desk"), kCreated + 120, Policy{}, "", "eng01");
}

Result<Applied> Work(const Ticket& ticket, WorkKind kind, UnixSeconds at, std::string note = "说明",
                     std::string part = "", int completes = 0) {
    return RecordWork(ticket, Staff("eng01"), WorkEntry{kind, std::move(note), std::move(part), completes, {}, {}, {}, {}, {}, {}}, at,
                      Policy{});
}

} // namespace

TEST_CASE("re-triage needs a reason and a different priority, and moves the deadlines", "[staff]") {
    const Policy policy;
    Ticket ticket = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    TransitionRequest request;
    request.action = Action::Reprioritize;
    request.actor = Staff("desk");
    request.priority = Priority::Urgent;
    auto no_reason = Transition(ticket, request, kCreated + 60, policy);
    REQUIRE_FALSE(no_reason.Ok());
    CHECK(no_reason.GetError().field == "note");

    request.note = "客户诊所全部停机";
    request.priority = Priority::General;
    auto same = Transition(ticket, request, kCreated + 60, policy);
    REQUIRE_FALSE(same.Ok());
    CHECK(same.GetError().code == "unchanged");

    request.priority = Priority::Urgent;
    auto done = Transition(ticket, request, kCreated + 60, policy);
    REQUIRE(done.Ok());
    CHECK(done.Value().ticket.priority == Priority::Urgent);
    CHECK(done.Value().ticket.state == TicketState::Submitted);
    CHECK(done.Value().event.priority == Priority::Urgent);
    CHECK(done.Value().event.note == "客户诊所全部停机");
    // Urgent answers in 10 minutes, general in 2 hours: the first-response deadline moved closer.
    const auto before = EvaluateSla(ticket, kCreated + 60, policy).Get(SlaClock::FirstResponse);
    const auto after = EvaluateSla(done.Value().ticket, kCreated + 60, policy).Get(SlaClock::FirstResponse);
    REQUIRE(before.due_at);
    REQUIRE(after.due_at);
    CHECK(*after.due_at < *before.due_at);

    const Ticket closed = Apply(Apply(Apply(Assigned(), Action::Start, Staff(), kCreated + 200), Action::Resolve,
                                      Staff(), kCreated + 300),
                                Action::Confirm, Customer(), kCreated + 400);
    CHECK_FALSE(Transition(closed, request, kCreated + 500, policy).Ok());
}

TEST_CASE("spare parts carry the in-stock and ship-within commitments", "[staff]") {
    const Policy policy;
    Ticket ticket = Apply(Assigned(), Action::Start, Staff(), kCreated + 600);

    auto reserved = Work(ticket, WorkKind::PartReserved, kCreated + 700, "", "mainboard");
    REQUIRE(reserved.Ok());
    REQUIRE(reserved.Value().event.work);
    CHECK(reserved.Value().event.type == EventType::Work);
    CHECK(*reserved.Value().event.work->due_at ==
          kCreated + 700 + policy.warranty.spare_part_in_stock_hours * kSecondsPerHour);
    ticket = reserved.Value().ticket;

    auto ordered = Work(ticket, WorkKind::PartOrdered, kCreated + 800, "", "power_supply");
    REQUIRE(ordered.Ok());
    CHECK(*ordered.Value().event.work->due_at == kCreated + 800 + policy.warranty.spare_part_ship_hours * kSecondsPerHour);
    ticket = ordered.Value().ticket;
    const int reserved_seq = reserved.Value().event.sequence;
    const int ordered_seq = ordered.Value().event.sequence;

    // A fitted part completes a reserved one, not an ordered one.
    CHECK_FALSE(Work(ticket, WorkKind::PartFitted, kCreated + 900, "", "", ordered_seq).Ok());
    auto fitted = Work(ticket, WorkKind::PartFitted, kCreated + 900, "", "", reserved_seq);
    REQUIRE(fitted.Ok());
    CHECK(fitted.Value().event.work->part == "mainboard");
    ticket = fitted.Value().ticket;
    auto twice = Work(ticket, WorkKind::PartFitted, kCreated + 950, "", "", reserved_seq);
    REQUIRE_FALSE(twice.Ok());
    CHECK(twice.GetError().code == "already_done");

    const auto parts = PartCommitments(ticket);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].done_at == kCreated + 900);
    CHECK_FALSE(parts[0].Late(kCreated + 900));
    CHECK_FALSE(parts[1].done_at);
    CHECK_FALSE(parts[1].Late(parts[1].due_at));
    CHECK(parts[1].Late(parts[1].due_at + 1));

    auto nameless = Work(ticket, WorkKind::PartOrdered, kCreated + 990, "", " ");
    REQUIRE_FALSE(nameless.Ok());
    CHECK(nameless.GetError().field == "part");
}

TEST_CASE("arrival on site starts the work and the urgent resolution clock", "[staff]") {
    const Policy policy;
    const Ticket ticket = Assigned(TicketKind::Repair, Priority::Urgent);
    CHECK(EvaluateSla(ticket, kCreated + 300, policy).Get(SlaClock::Resolution).status == DeadlineStatus::NotStarted);
    auto arrived = Work(ticket, WorkKind::Arrival, kCreated + 1200, "已到达现场");
    REQUIRE(arrived.Ok());
    const Ticket& next = arrived.Value().ticket;
    CHECK(next.state == TicketState::InProgress);
    REQUIRE(next.timeline.size() == ticket.timeline.size() + 2);
    CHECK(next.timeline[next.timeline.size() - 2].action == Action::Start);
    CHECK(next.timeline.back().work->kind == WorkKind::Arrival);
    const auto resolution = EvaluateSla(next, kCreated + 1300, policy).Get(SlaClock::Resolution);
    CHECK(resolution.status == DeadlineStatus::Running);
    CHECK(resolution.started_at == kCreated + 1200);
}

TEST_CASE("work records need staff, a working ticket and the right kind", "[staff]") {
    const Ticket submitted = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    CHECK(Work(submitted, WorkKind::Diagnosis, kCreated + 60).GetError().code == "illegal_transition");

    const Ticket assigned = Assigned();
    CHECK(RecordWork(assigned, Customer(), WorkEntry{WorkKind::Diagnosis, "x", "", 0, {}, {}, {}, {}, {}, {}}, kCreated + 60, Policy{})
              .GetError()
              .code == "forbidden_actor");
    CHECK(Work(assigned, WorkKind::Diagnosis, kCreated + 200, "  ").GetError().field == "note");
    // The service report comes after the work started.
    CHECK_FALSE(Work(assigned, WorkKind::ServiceReport, kCreated + 200, "已更换主板").Ok());
    const Ticket working = Apply(assigned, Action::Start, Staff(), kCreated + 300);
    const Ticket reported = WithServiceReport(working, kCreated + 400);
    CHECK(reported.state == TicketState::InProgress);

    const Ticket complaint = Assigned(TicketKind::Complaint);
    CHECK(Work(complaint, WorkKind::Diagnosis, kCreated + 200, "已核实").Ok());
    CHECK_FALSE(Work(complaint, WorkKind::PartReserved, kCreated + 200, "", "mainboard").Ok());
}

TEST_CASE("an interim plan is a repair's, needs its text, and the latest one is the plan", "[staff]") {
    const Ticket assigned = Assigned();
    CHECK_FALSE(InterimPlanOf(assigned));
    const auto blank = Work(assigned, WorkKind::InterimPlan, kCreated + 200, " ");
    CHECK(blank.GetError().code == "missing_field");
    CHECK(blank.GetError().field == "note");
    CHECK(Work(Assigned(TicketKind::Complaint), WorkKind::InterimPlan, kCreated + 200, "借用备用机").GetError().code ==
          "illegal_transition");
    CHECK(Work(NewTicket(TicketKind::Repair, Priority::General, kCreated), WorkKind::InterimPlan, kCreated + 60,
               "借用备用机")
              .GetError()
              .code == "illegal_transition");

    auto first = Work(assigned, WorkKind::InterimPlan, kCreated + 200, "借用备用机一台");
    REQUIRE(first.Ok());
    auto second = Work(first.Value().ticket, WorkKind::InterimPlan, kCreated + 300, "改为寄送备用电源板");
    REQUIRE(second.Ok());
    const Ticket planned = Apply(second.Value().ticket, Action::Start, Staff(), kCreated + 400);
    REQUIRE(InterimPlanOf(planned));
    CHECK(InterimPlanOf(planned)->note == "改为寄送备用电源板");
    CHECK(InterimPlanOf(planned)->actor.role == ActorRole::Staff);
}

TEST_CASE("roles: agents work own and unassigned tickets, supervisors everything, admins accounts", "[staff]") {
    const std::vector<std::string> agent{"engineer"};
    const std::vector<std::string> supervisor{"department_manager"};
    const std::vector<std::string> admin{"admin"};
    const StaffPermissions a = PermissionsFor(agent);
    CHECK(CanWorkTicket(a, "li", ""));
    CHECK(CanWorkTicket(a, "li", "li"));
    CHECK_FALSE(CanWorkTicket(a, "li", "wang"));
    CHECK(CanAssign(a, ""));
    CHECK_FALSE(CanAssign(a, "wang"));
    CHECK_FALSE(a.escalate);
    CHECK_FALSE(a.manage_staff);

    const StaffPermissions s = PermissionsFor(supervisor);
    CHECK(CanWorkTicket(s, "zhao", "wang"));
    CHECK(CanAssign(s, "wang"));
    CHECK(s.escalate);
    CHECK(s.audit);
    CHECK_FALSE(s.edit_policy);

    const StaffPermissions m = PermissionsFor(admin);
    CHECK(m.manage_staff);
    CHECK(m.edit_policy);
    CHECK(m.audit);
    CHECK_FALSE(m.all_tickets);

    CHECK(IsKnownStaffRole("supervisor"));
    CHECK_FALSE(IsKnownStaffRole("root"));
}

TEST_CASE("a notice reaches accounts holding any one of its roles", "[staff]") {
    const std::vector<std::string> managers{"department_manager", "general_manager"};
    CHECK(HoldsAnyRole(std::vector<std::string>{"engineer", "general_manager"}, managers));
    CHECK(HoldsAnyRole(std::vector<std::string>{"department_manager"}, managers));
    CHECK_FALSE(HoldsAnyRole(std::vector<std::string>{"supervisor", "admin"}, managers));
    CHECK_FALSE(HoldsAnyRole(std::vector<std::string>{}, managers));
    CHECK_FALSE(HoldsAnyRole(std::vector<std::string>{"quality"}, std::vector<std::string>{}));
}

TEST_CASE("SLA outlook: breached, soon within 30 minutes, on track, none", "[staff]") {
    const Policy policy;
    const Ticket general = NewTicket(TicketKind::Repair, Priority::General, kCreated);
    // General: first response within 2 h.
    CHECK(Outlook(EvaluateSla(general, kCreated + 60, policy)).urgency == SlaUrgency::OnTrack);
    const SlaStatus near = EvaluateSla(general, kCreated + 2 * 3600 - 1800, policy);
    CHECK(Outlook(near).urgency == SlaUrgency::Soon);
    CHECK(Outlook(near).clock == SlaClock::FirstResponse);
    // The client's clock runs on: 31 minutes after a status that said "30 minutes left" is late.
    CHECK(Outlook(near, 1801).urgency == SlaUrgency::Breached);
    CHECK(Outlook(EvaluateSla(general, kCreated + 2 * 3600 + 1, policy)).urgency == SlaUrgency::Breached);

    Ticket waiting = Apply(Apply(general, Action::Accept, Staff(), kCreated + 60), Action::RequestInfo, Staff(),
                           kCreated + 120, policy, "请补充照片");
    CHECK(Outlook(EvaluateSla(waiting, kCreated + 600, policy)).urgency == SlaUrgency::None);
}

TEST_CASE("addresses are masked after the first third, at most six characters kept", "[staff]") {
    CHECK(MaskAddress("") == "");
    CHECK(MaskAddress("上海市徐汇区示例路 1 号") == "上海市徐****");
    CHECK(MaskAddress("北京市朝阳区建国路八十八号现代城五号楼") == "北京市朝阳区****");
    CHECK(MaskAddress("ab") == "****");
}

TEST_CASE("queue sort columns are an allowlist", "[staff]") {
    CHECK(aftercare::api::IsQueueSortColumn("sla"));
    CHECK(aftercare::api::IsQueueSortColumn("priority"));
    CHECK_FALSE(aftercare::api::IsQueueSortColumn("body"));
    CHECK_FALSE(aftercare::api::IsQueueSortColumn("sort_key; DROP TABLE tickets"));
}
