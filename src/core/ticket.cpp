// Ticket creation and the append-only timeline (messages, attachments).
#include "ticket.h"

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
