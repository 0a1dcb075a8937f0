// Ticket creation and the append-only timeline (messages, attachments).
#include "ticket.h"

#include <algorithm>

#include "validation.h"

namespace aftercare::core {

VisitSpan SpanOf(const VisitWindow& window, UtcOffsetMinutes offset) {
    int from_hour = 9;
    int to_hour = 12;
    switch (window.slot) {
    case VisitSlot::Morning: from_hour = 9; to_hour = 12; break;
    case VisitSlot::Afternoon: from_hour = 13; to_hour = 18; break;
    case VisitSlot::Evening: from_hour = 18; to_hour = 21; break;
    }
    const UnixSeconds midnight = LocalDayStart(DaysFromCivil(window.date), offset);
    return {midnight + from_hour * kSecondsPerHour, midnight + to_hour * kSecondsPerHour};
}

std::optional<VisitWindow> BookedVisit(const Ticket& ticket) {
    if (!IsOnSite(ticket) || !ticket.details.repair) return std::nullopt;
    return ticket.details.repair->visit;
}

bool IsOnSite(const Ticket& ticket) {
    return ticket.details.kind == TicketKind::Repair &&
           (!ticket.details.repair || ticket.details.repair->mode == ServiceMode::OnSite);
}

TimelineEvent& AppendEvent(Ticket& ticket, TimelineEvent event) {
    event.sequence = ticket.timeline.empty() ? 1 : ticket.timeline.back().sequence + 1;
    // Events never go back in time even if a caller's clock does: order is what the timeline promises.
    if (!ticket.timeline.empty() && event.at < ticket.timeline.back().at) event.at = ticket.timeline.back().at;
    ticket.updated_at = event.at;
    ticket.timeline.push_back(std::move(event));
    return ticket.timeline.back();
}

Ticket CreateTicket(TicketDraft draft, std::string service_number, UnixSeconds now, Actor creator) {
    Ticket ticket;
    ticket.service_number = std::move(service_number);
    ticket.priority = draft.priority;
    ticket.details = std::move(draft);
    ticket.state = TicketState::Submitted;
    ticket.resume_state = TicketState::Submitted;
    ticket.created_at = now;

    TimelineEvent created;
    created.at = now;
    created.actor = std::move(creator);
    created.type = EventType::Created;
    created.from_state = TicketState::Submitted;
    created.to_state = TicketState::Submitted;
    created.priority = ticket.priority;
    AppendEvent(ticket, std::move(created));
    return ticket;
}

namespace {

Error ClosedTicketError(const Ticket& ticket, ActorRole role) {
    const LocalizedText& state = Label(ticket.state, AudienceOf(role));
    return MakeError("ticket_closed", "工单" + state.zh + "，不能再添加内容",
                     "The ticket is " + state.en + "; nothing more can be added");
}

// A customer may add this many messages to one ticket in any 24 hours: enough for a conversation,
// and a timeline (which every read of the ticket returns) cannot be grown without bound.
constexpr int kMaxCustomerMessagesPerDay = 20;

std::optional<Error> CheckMessageBudget(const Ticket& ticket, const Actor& actor, UnixSeconds now) {
    if (actor.role != ActorRole::Customer) return std::nullopt;
    int recent = 0;
    for (const auto& event : ticket.timeline)
        recent += event.type == EventType::Message && event.actor.role == ActorRole::Customer &&
                  event.at > now - kSecondsPerDay;
    if (recent < kMaxCustomerMessagesPerDay) return std::nullopt;
    return MakeError("too_many_messages", "今天在这张工单上留言已达上限，请明天再试或等待客服回复",
                     "This ticket has had as many messages today as it may take; try again tomorrow.");
}

} // namespace

Result<Applied> AddMessage(const Ticket& ticket, const Actor& actor, std::string text, UnixSeconds now) {
    if (IsTerminal(ticket.state)) return ClosedTicketError(ticket, actor.role);
    if (auto errors = ValidateMessage(text); !errors.empty()) return errors.front();
    if (auto error = CheckMessageBudget(ticket, actor, now)) return *error;

    Applied applied{ticket, {}};
    TimelineEvent event;
    event.at = now;
    event.actor = actor;
    event.type = EventType::Message;
    event.from_state = ticket.state;
    event.to_state = ticket.state;
    event.note = std::move(text);
    applied.event = AppendEvent(applied.ticket, std::move(event));
    return applied;
}

bool IsStaffOnly(const TimelineEvent& event) {
    return event.type == EventType::Note || event.type == EventType::QualityIncident ||
           event.type == EventType::FollowUp;
}

const Ticket& VisibleTo(const Ticket& ticket, ActorRole reader, std::optional<Ticket>& scratch) {
    if (reader != ActorRole::Customer || std::none_of(ticket.timeline.begin(), ticket.timeline.end(), IsStaffOnly))
        return ticket;
    scratch.emplace(ticket);
    auto& timeline = scratch->timeline;
    timeline.erase(std::remove_if(timeline.begin(), timeline.end(), IsStaffOnly), timeline.end());
    scratch->updated_at = timeline.empty() ? ticket.created_at : timeline.back().at;
    return *scratch;
}

namespace {

Result<Applied> AppendStaffOnly(const Ticket& ticket, const Actor& actor, EventType type, std::string text,
                                UnixSeconds now) {
    if (actor.role != ActorRole::Staff)
        return MakeError("forbidden_actor", "只有服务人员可以写内部备注", "Only staff may write internal notes");
    if (auto errors = ValidateMessage(text); !errors.empty()) return errors.front();
    Applied applied{ticket, {}};
    TimelineEvent event;
    event.at = now;
    event.actor = actor;
    event.type = type;
    event.from_state = ticket.state;
    event.to_state = ticket.state;
    event.note = std::move(text);
    applied.event = AppendEvent(applied.ticket, std::move(event));
    return applied;
}

} // namespace

Result<Applied> AddInternalNote(const Ticket& ticket, const Actor& actor, std::string text, UnixSeconds now) {
    return AppendStaffOnly(ticket, actor, EventType::Note, std::move(text), now);
}

Result<Applied> FlagQualityIncident(const Ticket& ticket, const Actor& actor, std::string text, UnixSeconds now) {
    if (QualityIncidentOf(ticket) != nullptr)
        return MakeError("already_done", "这张工单已标记为重大质量问题", "This ticket is already flagged as a quality incident");
    return AppendStaffOnly(ticket, actor, EventType::QualityIncident, std::move(text), now);
}

const TimelineEvent* QualityIncidentOf(const Ticket& ticket) {
    for (const auto& event : ticket.timeline)
        if (event.type == EventType::QualityIncident) return &event;
    return nullptr;
}

const ComplaintFindings* ComplaintFindingsOf(const Ticket& ticket) {
    for (auto event = ticket.timeline.rbegin(); event != ticket.timeline.rend(); ++event) {
        if (event->type != EventType::Transition) continue;
        if (event->action == Action::Reopen) return nullptr; // the answer did not hold
        if (event->action == Action::Resolve) return event->findings ? &*event->findings : nullptr;
    }
    return nullptr;
}

int ReopenCount(const Ticket& ticket) {
    int count = 0;
    for (const auto& event : ticket.timeline)
        count += event.type == EventType::Transition && event.action == Action::Reopen;
    return count;
}

Result<Applied> AddAttachmentEvent(const Ticket& ticket, const Actor& actor, std::string file_name, UnixSeconds now) {
    if (IsTerminal(ticket.state)) return ClosedTicketError(ticket, actor.role);
    if (auto error = CheckText("file_name", file_name, 1, TextLimits::kFileNameMax, false)) return *error;

    Applied applied{ticket, {}};
    TimelineEvent event;
    event.at = now;
    event.actor = actor;
    event.type = EventType::Attachment;
    event.from_state = ticket.state;
    event.to_state = ticket.state;
    event.note = std::move(file_name);
    applied.event = AppendEvent(applied.ticket, std::move(event));
    return applied;
}

std::optional<UnixSeconds> LastResolvedAt(const Ticket& ticket) {
    if (ticket.state != TicketState::Resolved && ticket.state != TicketState::Confirmed &&
        ticket.state != TicketState::Closed)
        return std::nullopt;
    for (auto event = ticket.timeline.rbegin(); event != ticket.timeline.rend(); ++event) {
        if (event->type == EventType::Transition && event->action == Action::Resolve) return event->at;
    }
    return std::nullopt;
}

std::string LatestQuestion(const Ticket& ticket) {
    for (auto event = ticket.timeline.rbegin(); event != ticket.timeline.rend(); ++event) {
        if (event->type == EventType::Transition && event->action == Action::RequestInfo) return event->note;
    }
    return {};
}

TicketState StateBeforeCurrent(const Ticket& ticket) {
    for (auto event = ticket.timeline.rbegin(); event != ticket.timeline.rend(); ++event) {
        if (event->type == EventType::Transition && event->to_state == ticket.state && event->from_state != ticket.state)
            return event->from_state;
    }
    return TicketState::Submitted;
}

} // namespace aftercare::core
