// Timeline card; see ticket_timeline.h.
#include "screens/ticket_timeline.h"

#include "app.h"
#include "dates.h"
#include "icons.h"
#include "labels.h"
#include "screens/ticket_session.h"
#include "screens/ticket_status.h"
#include "screens/timeline_pages.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/timeline.h"

#include <cmath>

namespace aftercare::portal {
namespace {

using core::Action;
using core::ActorRole;
using core::EventType;

std::string Who(const AppState& state, const api::TicketView& view, const core::Actor& actor) {
    switch (actor.role) {
    case ActorRole::Customer: return state.Tr("ticket.who.you");
    case ActorRole::System: return state.Tr("ticket.who.system");
    case ActorRole::Staff: break;
    }
    return actor.id.empty() ? state.Tr("ticket.who.staff") : StaffName(view, actor.id);
}

const char* EscalationKey(core::EscalationLevel level) {
    return level == core::EscalationLevel::GeneralManager ? "ticket.sla.level.general_manager"
                                                          : "ticket.sla.level.department_manager";
}

// What a state change means to the customer: a title, a marker and a tone.
void DescribeTransition(const AppState& state, const api::TicketView& view, const core::TimelineEvent& event,
                        TimelineEntry& entry) {
    const Action action = event.action.value_or(Action::Accept);
    switch (action) {
    case Action::Accept:
        entry.icon = ICON_CHECK;
        entry.tone = Tone::Brand;
        entry.title = event.priority ? state.strings.Format(state.language, "ticket.event.accept.priority",
                                                            {{"priority", PriorityLabel(state, *event.priority)}})
                                     : state.Tr("ticket.event.accept");
        break;
    case Action::Assign:
        entry.icon = ICON_USER;
        entry.tone = Tone::Brand;
        entry.title = state.strings.Format(state.language, "ticket.event.assign",
                                           {{"name", StaffName(view, event.assignee)}});
        break;
    case Action::Start:
        entry.icon = ICON_WRENCH;
        entry.tone = Tone::Brand;
        entry.title = state.Tr(view.kind == core::TicketKind::Repair ? "ticket.event.start" : "ticket.event.start_answer");
        break;
    case Action::RequestInfo:
        entry.icon = ICON_QUESTION;
        entry.tone = Tone::Warning;
        entry.title = state.Tr("ticket.event.request_info");
        break;
    case Action::CustomerReply:
        entry.icon = ICON_COMMENT;
        entry.tone = Tone::Brand;
        entry.title = state.Tr("ticket.event.customer_reply");
        break;
    case Action::Resume:
        entry.icon = ICON_REFRESH;
        entry.tone = Tone::Brand;
        entry.title = state.Tr("ticket.event.resume");
        break;
    case Action::Approve:
        entry.icon = ICON_TRUCK;
        entry.tone = Tone::Warning;
        entry.title = state.Tr("ticket.event.approve");
        break;
    case Action::ReceiveItem:
        entry.icon = ICON_CHECK;
        entry.tone = Tone::Brand;
        entry.title = state.Tr("ticket.event.receive_item");
        break;
    case Action::Resolve:
        entry.icon = ICON_CHECK;
        entry.tone = Tone::Success;
        entry.title = state.Tr("ticket.event.resolve");
        break;
    case Action::Confirm:
        entry.icon = ICON_CHECK;
        entry.tone = Tone::Success;
        entry.title = state.Tr("ticket.event.confirm");
        break;
    case Action::Reopen:
        entry.icon = ICON_UNDO;
        entry.tone = Tone::Warning;
        entry.title = state.Tr("ticket.event.reopen");
        break;
    case Action::Cancel:
        entry.icon = ICON_BAN;
        entry.tone = Tone::Neutral;
        entry.title = state.Tr("ticket.event.cancel");
        break;
    case Action::Reject:
        entry.icon = ICON_TIMES;
        entry.tone = Tone::Danger;
        entry.title = state.Tr("ticket.event.reject");
        break;
    case Action::Close:
        entry.icon = ICON_FLAG;
        entry.tone = Tone::Neutral;
        entry.title = state.Tr("ticket.event.close");
        break;
    case Action::Escalate:
        entry.icon = ICON_BELL;
        entry.tone = Tone::Warning;
        entry.title = state.strings.Format(state.language, "ticket.event.escalate",
                                           {{"level", state.Tr(EscalationKey(event.escalation))}});
        break;
    case Action::Reschedule:
        entry.icon = ICON_CALENDAR;
        entry.tone = Tone::Brand;
        entry.title = event.visit ? state.strings.Format(state.language, "ticket.event.reschedule",
                                                         {{"window", FormatVisitWindow(state.strings, state.language,
                                                                                       *event.visit,
                                                                                       core::LocalDate(event.at, 0).year)}})
                                  : state.Tr("ticket.event.reschedule_plain");
        break;
    case Action::Reprioritize:
        entry.icon = ICON_FLAG;
        entry.tone = Tone::Warning;
        entry.title = state.strings.Format(
            state.language, "ticket.event.reprioritize",
            {{"priority", PriorityLabel(state, event.priority.value_or(view.priority))}});
        break;
    }
}

const char* WorkKey(core::WorkKind kind) {
    switch (kind) {
    case core::WorkKind::Diagnosis: return "ticket.event.work.diagnosis";
    case core::WorkKind::PartReserved: return "ticket.event.work.part_reserved";
    case core::WorkKind::PartOrdered: return "ticket.event.work.part_ordered";
    case core::WorkKind::PartFitted: return "ticket.event.work.part_fitted";
    case core::WorkKind::PartShipped: return "ticket.event.work.part_shipped";
    case core::WorkKind::Departure: return "ticket.event.work.departure";
    case core::WorkKind::Arrival: return "ticket.event.work.arrival";
    case core::WorkKind::ServiceReport: return "ticket.event.work.service_report";
    case core::WorkKind::SignOff: return "ticket.event.work.sign_off";
    case core::WorkKind::SignOffLater: return "ticket.event.work.sign_off_later";
    case core::WorkKind::Quote: return "ticket.event.work.quote";
    case core::WorkKind::QuoteAccepted: return "ticket.event.work.quote_accepted";
    case core::WorkKind::QuoteDeclined: return "ticket.event.work.quote_declined";
    case core::WorkKind::InterimPlan: return "ticket.event.work.interim_plan";
    }
    return "ticket.event.work.diagnosis";
}

// The engineer's work records (visit, diagnosis, parts, report): the customer follows the repair
// itself, not only its states. A part names itself; the note is the engineer's words.
void DescribeWork(const AppState& state, const core::TimelineEvent& event, TimelineEntry& entry) {
    const core::WorkKind kind = event.work ? event.work->kind : core::WorkKind::Diagnosis;
    entry.icon = ICON_WRENCH;
    entry.tone = kind == core::WorkKind::ServiceReport || kind == core::WorkKind::SignOff ? Tone::Success : Tone::Brand;
    const std::string amount =
        event.work && event.work->quote ? core::FormatMoney(event.work->quote->charges.total_fen) : std::string();
    entry.title = state.strings.Format(state.language, WorkKey(kind),
                                       {{"part", event.work ? event.work->part : ""}, {"amount", amount}});
}

TimelineEntry Describe(const AppState& state, const api::TicketView& view, const core::TimelineEvent& event,
                       core::UnixSeconds now, int offset) {
    TimelineEntry entry;
    entry.key = std::to_string(event.sequence);
    entry.note = event.note;
    entry.note_from_reader = event.actor.role == ActorRole::Customer;
    switch (event.type) {
    case EventType::Created:
        entry.icon = ICON_FLAG;
        entry.tone = Tone::Brand;
        entry.title = state.Tr("ticket.event.created");
        break;
    case EventType::Transition: DescribeTransition(state, view, event, entry); break;
    case EventType::Escalation:
        // The server's note here is a bilingual technical reason; the title says it in words.
        entry.icon = ICON_BELL;
        entry.tone = Tone::Warning;
        entry.title = state.strings.Format(state.language, "ticket.event.escalate",
                                           {{"level", state.Tr(EscalationKey(event.escalation))}});
        entry.note.clear();
        break;
    case EventType::Message:
        entry.icon = ICON_COMMENT;
        entry.tone = event.actor.role == ActorRole::Customer ? Tone::Brand : Tone::Success;
        entry.title = event.actor.role == ActorRole::Customer
                          ? state.Tr("ticket.event.message.customer")
                          : state.strings.Format(state.language, "ticket.event.message.staff",
                                                 {{"name", Who(state, view, event.actor)}});
        break;
    case EventType::Attachment:
        entry.icon = ICON_PAPERCLIP;
        entry.tone = Tone::Brand;
        entry.title = state.Tr("ticket.event.attachment");
        break;
    case EventType::Work: DescribeWork(state, event, entry); break;
    case EventType::Rating:
        // A rating staff entered during a follow-up call says so: the name beside it is the
        // person who took it down, not its author.
        entry.icon = ICON_STAR;
        entry.tone = Tone::Success;
        entry.title = state.Tr(event.actor.role == ActorRole::Staff ? "ticket.event.rating.phone" : "ticket.event.rating");
        entry.note.clear();
        break;
    case EventType::Note:
    case EventType::QualityIncident:
    case EventType::FollowUp:
        break;  // staff-only: never in a customer's view (core::VisibleTo), and skipped below if ever
    }
    entry.meta = state.strings.Format(
        state.language, "ticket.meta",
        {{"who", Who(state, view, event.actor)},
         {"time", FormatLocalTime(state.strings, state.language, event.at, now, offset)}});
    return entry;
}

} // namespace

std::string StaffName(const api::TicketView& view, const std::string& login) {
    if (auto it = view.staff_names.find(login); it != view.staff_names.end() && !it->second.empty()) return it->second;
    return login;
}

void DrawTimelineCard(AppState& state, Ui& ui, const api::TicketView& view) {
    const auto now = static_cast<core::UnixSeconds>(std::floor(ServerNow(state, ui.host.NowUnixSeconds())));
    const int offset = ui.host.UtcOffsetMinutes();
    std::vector<TimelineEntry> entries;
    entries.reserve(view.timeline.size());
    for (auto it = view.timeline.rbegin(); it != view.timeline.rend(); ++it) {
        if (!core::IsStaffOnly(*it)) entries.push_back(Describe(state, view, *it, now, offset));
    }
    BeginCard(ui, "##timeline");
    Heading(ui, TextStyle::Title3, state.Tr("ticket.timeline.title"), 2);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    Timeline(ui, "timeline", entries);
    // Newest first, so older entries load below the button and nothing above it moves.
    const TicketPageState& page = state.ticket;
    if (DrawShowEarlier(state, ui, view, page.earlier_in_flight, page.earlier_failure)) LoadEarlierEvents(state, ui);
    EndCard(ui);
}

} // namespace aftercare::portal#include "core/money.h"

