// Work records and spare-part commitments; see work_log.h.
#include "work_log.h"

#include "quote.h"
#include "state_machine.h"
#include "validation.h"

#include <algorithm>

namespace aftercare::core {
namespace {

bool IsBlank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

bool IsPartPromise(WorkKind kind) { return kind == WorkKind::PartReserved || kind == WorkKind::PartOrdered; }
bool IsPartDone(WorkKind kind) { return kind == WorkKind::PartFitted || kind == WorkKind::PartShipped; }
bool IsVisitStep(WorkKind kind) { return kind == WorkKind::Departure || kind == WorkKind::Arrival; }
bool IsSignOff(WorkKind kind) { return kind == WorkKind::SignOff || kind == WorkKind::SignOffLater; }

bool IsSha256Hex(const std::string& text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// The engineer left and has not arrived yet (a ticket may need several visits: each one departs
// and arrives once).
bool OnTheWay(const Ticket& ticket) {
    bool on_the_way = false;
    for (const TimelineEvent& event : ticket.timeline) {
        if (event.type != EventType::Work || !event.work) continue;
        if (event.work->kind == WorkKind::Departure) on_the_way = true;
        if (event.work->kind == WorkKind::Arrival) on_the_way = false;
    }
    return on_the_way;
}

Error WrongState(const Ticket& ticket, WorkKind kind) {
    // Only staff record work.
    const LocalizedText& state = Label(ticket.state, Audience::Staff);
    const LocalizedText& what = Label(kind);
    return MakeError("illegal_transition", "工单当前状态为“" + state.zh + "”，不能记录“" + what.zh + "”",
                     "Cannot record " + what.en + " on a ticket in state '" + std::string(ToString(ticket.state)) +
                         "'");
}

// A sign-off closes a finished on-site visit, once per resolution.
std::optional<Error> CheckSignOff(const Ticket& ticket, const WorkEntry& entry) {
    if (ticket.details.kind != TicketKind::Repair || !IsOnSite(ticket)) {
        const LocalizedText& what = Label(entry.kind);
        return MakeError("illegal_transition", "非上门服务的工单不适用“" + what.zh + "”",
                         "Cannot record " + what.en + " on a repair that is not on site");
    }
    if (ticket.state != TicketState::Resolved) return WrongState(ticket, entry.kind);
    if (auto done = SignOffOf(ticket)) {
        const LocalizedText& what = Label(done->work->kind);
        return MakeError("already_done", "本次服务已记录“" + what.zh + "”",
                         "This visit is already signed off (" + what.en + ")");
    }
    if (entry.kind == WorkKind::SignOff &&
        (!IsSha256Hex(entry.signature_sha256) || entry.attachment_id.empty())) {
        return MakeError("required", "请让客户签字", "The customer's signature is missing", "signature");
    }
    if (auto error = CheckText("note", entry.note, 0, TextLimits::kMessageMax, true)) return error;
    return std::nullopt;
}

std::optional<Error> CheckEntry(const Ticket& ticket, const Actor& actor, const WorkEntry& entry) {
    if (actor.role != ActorRole::Staff) {
        return MakeError("forbidden_actor", "只有服务人员可以记录工作", "Only staff may record work");
    }
    if (IsSignOff(entry.kind)) return CheckSignOff(ticket, entry);
    if (entry.kind == WorkKind::QuoteAccepted || entry.kind == WorkKind::QuoteDeclined) {
        return MakeError("forbidden_actor", "报价只能由客户本人在网上答复",
                         "Only the customer answers a quote, on the portal");
    }
    if (!TakesWork(ticket.state)) return WrongState(ticket, entry.kind);
    if (entry.kind != WorkKind::Diagnosis && ticket.details.kind != TicketKind::Repair) {
        const LocalizedText& what = Label(entry.kind);
        const LocalizedText& kind = Label(ticket.details.kind, Audience::Staff);
        return MakeError("illegal_transition", kind.zh + "工单不适用“" + what.zh + "”",
                         "Cannot record " + what.en + " on a " + kind.en + " ticket");
    }
    if (entry.kind == WorkKind::ServiceReport && ticket.state != TicketState::InProgress) {
        return WrongState(ticket, entry.kind);
    }
    if (IsVisitStep(entry.kind) && !IsOnSite(ticket)) {
        const LocalizedText& what = Label(entry.kind);
        return MakeError("illegal_transition", "非上门服务的工单不适用“" + what.zh + "”",
                         "Cannot record " + what.en + " on a repair that is not on site");
    }
    if (entry.kind == WorkKind::Departure && OnTheWay(ticket)) {
        return MakeError("already_done", "工程师已出发，请先记录到达现场",
                         "The engineer is already on the way: record the arrival first");
    }
    if (entry.kind == WorkKind::Diagnosis && IsBlank(entry.note)) {
        return MakeError("missing_field", "请填写内容", "Write what was found or done", "note");
    }
    if (entry.kind == WorkKind::InterimPlan && IsBlank(entry.note)) {
        return MakeError("missing_field", "请写明与客户商定的应急方案", "Write the interim plan agreed with the customer",
                         "note");
    }
    if (auto error = CheckText("note", entry.note, 0, TextLimits::kMessageMax, true)) return error;
    if (!entry.part_serial.empty() && entry.kind != WorkKind::PartFitted)
        return MakeError("not_allowed", "只有装上的备件可以填写序列号", "Only a fitted part has a serial", "part_serial");
    if (IsPartPromise(entry.kind)) {
        if (IsBlank(entry.part)) return MakeError("missing_field", "请填写备件名称", "Name the spare part", "part");
        if (auto error = CheckText("part", entry.part, 1, kPartNameMax, false)) return error;
    }
    return std::nullopt;
}

} // namespace

Result<Applied> RecordWork(const Ticket& ticket, const Actor& actor, const WorkEntry& entry, UnixSeconds now,
                           const Policy& policy) {
    if (auto error = CheckEntry(ticket, actor, entry)) return *error;

    WorkRecord record;
    record.kind = entry.kind;
    if (entry.kind == WorkKind::Quote || entry.kind == WorkKind::ServiceReport) {
        auto built = entry.kind == WorkKind::Quote ? QuoteRecord(ticket, entry, policy)
                                                   : ServiceReportRecord(ticket, entry, policy);
        if (!built) return built.GetError();
        record = std::move(built.Value());
    }
    if (IsPartPromise(entry.kind)) {
        record.part = entry.part;
        const int hours = entry.kind == WorkKind::PartReserved ? policy.warranty.spare_part_in_stock_hours
                                                                : policy.warranty.spare_part_ship_hours;
        record.due_at = now + static_cast<std::int64_t>(hours) * kSecondsPerHour;
    }
    if (IsPartDone(entry.kind)) {
        const WorkKind promise = entry.kind == WorkKind::PartFitted ? WorkKind::PartReserved : WorkKind::PartOrdered;
        const std::vector<PartCommitment> parts = PartCommitments(ticket);
        const auto it = std::find_if(parts.begin(), parts.end(),
                                     [&](const PartCommitment& p) { return p.sequence == entry.completes; });
        if (it == parts.end() || it->in_stock != (promise == WorkKind::PartReserved)) {
            return MakeError("not_found", "没有找到对应的备件记录", "No matching spare-part record", "completes");
        }
        if (it->done_at) {
            return MakeError("already_done", "该备件已记录完成", "This spare part is already recorded as done",
                             "completes");
        }
        record.part = it->part;
        record.completes = entry.completes;
        if (!entry.part_serial.empty()) {
            auto serial = NormalizeSerial(entry.part_serial, "part_serial");
            if (!serial) return serial.GetError();
            record.part_serial = serial.Value();
        }
    }

    if (entry.kind == WorkKind::SignOff) {
        record.signature_sha256 = entry.signature_sha256;
        record.attachment_id = entry.attachment_id;
    }

    Ticket next = ticket;
    // Arrival on site is when work starts: record the Start first, so the clocks see it.
    if (entry.kind == WorkKind::Arrival && ticket.state == TicketState::Assigned) {
        TransitionRequest start;
        start.action = Action::Start;
        start.actor = actor;
        auto started = Transition(ticket, start, now, policy);
        if (!started) return started.GetError();
        next = std::move(started.Value().ticket);
    }

    TimelineEvent event;
    event.at = now;
    event.actor = actor;
    event.type = EventType::Work;
    event.from_state = next.state;
    event.to_state = next.state;
    event.note = entry.note;
    event.work = std::move(record);
    Applied applied{std::move(next), {}};
    applied.event = AppendEvent(applied.ticket, std::move(event));
    // The signature is the customer confirming the fix in person: the same Confirm the portal's
    // button records, by the customer, so the ticket reads Confirmed wherever it is shown.
    if (entry.kind == WorkKind::SignOff) {
        TransitionRequest confirm;
        confirm.action = Action::Confirm;
        confirm.actor = Actor{ActorRole::Customer, {}};
        auto confirmed = Transition(applied.ticket, confirm, now, policy);
        if (!confirmed) return confirmed.GetError();
        applied.ticket = std::move(confirmed.Value().ticket);
    }
    return applied;
}

std::string_view ToString(VisitStage stage) {
    switch (stage) {
    case VisitStage::NotDeparted: return "not_departed";
    case VisitStage::OnTheWay: return "on_the_way";
    case VisitStage::OnSite: return "on_site";
    case VisitStage::Finished: return "finished";
    }
    return "not_departed";
}

VisitStage StageOf(const Ticket& ticket) {
    if (ticket.state == TicketState::Resolved || ticket.state == TicketState::Confirmed ||
        ticket.state == TicketState::Closed)
        return VisitStage::Finished;
    // The last visit step decides: a second visit departs and arrives again.
    VisitStage stage = VisitStage::NotDeparted;
    for (const TimelineEvent& event : ticket.timeline) {
        if (event.type != EventType::Work || !event.work) continue;
        if (event.work->kind == WorkKind::Departure) stage = VisitStage::OnTheWay;
        if (event.work->kind == WorkKind::Arrival) stage = VisitStage::OnSite;
    }
    return stage;
}

std::optional<TimelineEvent> SignOffOf(const Ticket& ticket) {
    std::optional<TimelineEvent> found;
    for (const TimelineEvent& event : ticket.timeline) {
        const bool resolve = event.type == EventType::Transition && event.action == Action::Resolve;
        if (resolve || (event.type == EventType::Transition && event.action == Action::Reopen)) found.reset();
        if (event.type == EventType::Work && event.work && IsSignOff(event.work->kind)) found = event;
    }
    return found;
}

std::optional<TimelineEvent> InterimPlanOf(const Ticket& ticket) {
    for (auto event = ticket.timeline.rbegin(); event != ticket.timeline.rend(); ++event) {
        if (event->IsWork(WorkKind::InterimPlan)) return *event;
    }
    return std::nullopt;
}

std::vector<PartCommitment> PartCommitments(const Ticket& ticket) {
    std::vector<PartCommitment> parts;
    for (const TimelineEvent& event : ticket.timeline) {
        if (event.type != EventType::Work || !event.work) continue;
        const WorkRecord& work = *event.work;
        if (IsPartPromise(work.kind) && work.due_at) {
            PartCommitment part;
            part.sequence = event.sequence;
            part.part = work.part;
            part.in_stock = work.kind == WorkKind::PartReserved;
            part.promised_at = event.at;
            part.due_at = *work.due_at;
            parts.push_back(std::move(part));
        } else if (IsPartDone(work.kind)) {
            for (PartCommitment& part : parts) {
                if (part.sequence == work.completes && !part.done_at) part.done_at = event.at;
            }
        }
    }
    return parts;
}

} // namespace aftercare::core
