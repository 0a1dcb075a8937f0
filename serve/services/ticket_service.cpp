// Ticket use cases on top of core and the store.
#include "services/ticket_service.hpp"
#include "store/register.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <map>

#include "core/followup.h"
#include "core/quote.h"
#include "core/returns.h"
#include "core/service_history.h"
#include "core/service_number.h"
#include "core/sla.h"
#include "core/state_machine.h"
#include "core/validation.h"
#include "core/work_log.h"
#include "services/domain_error.hpp"
#include "services/returns_service.hpp"
#include "outbound/notifier.hpp"

namespace aftercare::serve::tickets {
namespace {

// The outbox rows the new events cause, in the same transaction (nothing when nothing is configured).
int Enqueue(Services& services, StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket, int previous,
            std::int64_t now, const core::Policy& policy) {
    if (services.notifier == nullptr) return 0;
    return services.notifier->OnTicketChanged(tx, ticket_id, ticket, previous, now, policy);
}

void WakeSender(Services& services, int enqueued) {
    if (enqueued > 0 && services.notifier != nullptr) services.notifier->Wake();
}

// Tickets with no running deadline sort after every real deadline, oldest first among themselves.
constexpr std::int64_t kNoDeadline = std::int64_t{1} << 60;

int LastSequence(const core::Ticket& ticket) { return ticket.timeline.empty() ? 0 : ticket.timeline.back().sequence; }

DomainError TicketNotFound() {
    return DomainError(ErrorKind::NotFound, "not_found", "没有找到这张工单", "No ticket matches.");
}

std::vector<api::AttachmentInfo> AttachmentInfos(const std::vector<AttachmentRecord>& records,
                                                 const std::string& service_number, core::ActorRole reader) {
    std::vector<api::AttachmentInfo> infos;
    const std::string base = reader == core::ActorRole::Staff ? "/api/v1/staff/tickets/" : "/api/v1/tickets/";
    for (const auto& record : records) {
        api::AttachmentInfo info;
        info.id = record.id;
        info.file_name = record.file_name;
        info.content_type = record.content_type;
        info.size_bytes = record.size_bytes;
        info.uploaded_at = record.created_at;
        info.url = base + service_number + "/attachments/" + record.id;
        infos.push_back(std::move(info));
    }
    return infos;
}

// Loads, applies `change`, saves with a fresh index, then wakes long-pollers. The whole
// read-modify-write runs inside one write transaction, so concurrent changes cannot be lost.
template <typename Change>
StoredTicket Mutate(Services& services, std::int64_t ticket_id, Change&& change) {
    std::optional<StoredTicket> saved;
    int enqueued = 0;
    services.store.Write([&](StoreTx& tx) {
        enqueued = 0;  // counted for this piece only
        auto stored = tx.LoadTicketById(ticket_id);
        if (!stored) throw TicketNotFound();
        const int previous = LastSequence(stored->ticket);
        core::Result<core::Applied> applied = change(tx, *stored);
        if (!applied) throw DomainError(applied.GetError());
        const std::int64_t now = services.now();
        const auto policy = services.Policy();
        core::Ticket& ticket = applied.Value().ticket;
        tx.UpdateTicket(ticket_id, TicketRow(ticket, ComputeIndex(ticket, now, *policy), previous));
        enqueued = Enqueue(services, tx, ticket_id, ticket, previous, now, *policy);
        saved = StoredTicket{ticket_id, std::move(ticket)};
    });
    services.live.Notify(ticket_id);
    WakeSender(services, enqueued);
    return std::move(*saved);
}

// A part fitted during a repair joins the product's replacement history in the same transaction
// as the work record, so the next warranty lookup sees a restarted key-part warranty (standard
// §13.3). A serial the register does not know yet is registered from the ticket first.
void RegisterFittedPart(StoreTx& tx, const core::Ticket& ticket, std::int64_t now) {
    const std::string& serial = ticket.details.product.serial;
    const core::TimelineEvent& event = ticket.timeline.back();
    if (serial.empty() || !event.work) return;
    core::PartReplacement replacement;
    replacement.part = event.work->part;
    replacement.part_serial = event.work->part_serial;
    replacement.replaced_on = core::LocalDate(now, ticket.details.utc_offset_minutes);
    RegisterTx& reg = tx.Register();
    if (reg.RecordReplacement(serial, replacement) != PartOutcome::UnknownSerial) return;
    ProductRecord product;
    product.serial = serial;
    product.model = ticket.details.product.model;
    product.purchase_date = ticket.details.product.purchase_date;
    reg.UpsertProduct(product);
    reg.RecordReplacement(serial, replacement);
}

// The earlier repair of the same serial that this new repair repeats (core::RepeatedRepair), read
// before the write: two repairs of one serial created in the same instant may both miss the other,
// which costs a statistic, not a ticket. Only repairs changed within the window can have been
// resolved within it, so only those are loaded.
std::string RepeatOf(Services& services, const core::TicketDraft& draft, std::int64_t now) {
    constexpr int kEarlierTickets = 50;
    const std::shared_ptr<const core::Policy> policy = services.Policy();
    const int days = policy->tickets.repeat_repair_days;
    if (draft.kind != core::TicketKind::Repair || draft.product.serial.empty() || days <= 0) return {};
    const std::int64_t since = now - static_cast<std::int64_t>(days) * core::kSecondsPerDay;
    std::vector<core::PastTicket> earlier;
    for (std::int64_t id : services.store.Register().ResolvedRepairIdsForSerial(draft.product.serial, since, kEarlierTickets)) {
        auto stored = services.store.LoadTicketById(id);
        if (!stored) continue;
        earlier.push_back({stored->ticket.service_number, stored->ticket.details.kind, core::LastResolvedAt(stored->ticket)});
    }
    return core::RepeatedRepair(draft.kind, earlier, now, *policy);
}

std::string NewServiceNumber(core::TicketKind kind) {
    for (;;) {
        std::uint8_t random[core::kServiceNumberRandomBytes];
        randombytes_buf(random, sizeof random);
        auto number = core::GenerateServiceNumber(kind, random);
        if (number) return number.Value();
    }
}

// Display names of every staff login the ticket mentions; logins without an account are left out
// (the client then shows the login itself).
std::map<std::string, std::string> StaffNames(Services& services, const core::Ticket& ticket) {
    std::map<std::string, std::string> names;
    auto add = [&](const std::string& login) {
        if (login.empty() || names.contains(login)) return;
        if (auto staff = services.store.FindStaff(login); staff && !staff->display_name.empty())
            names.emplace(login, staff->display_name);
    };
    add(ticket.assignee);
    for (const auto& event : ticket.timeline) {
        if (event.actor.role == core::ActorRole::Staff) add(event.actor.id);
        add(event.assignee);
    }
    return names;
}

// The ticket's notices that were really sent, read from the outbox once per view and only when
// the ticket has something anyone could have been told about (an escalation, a 重大质量问题).
std::vector<OutboxMessage> SentNotices(Services& services, std::int64_t ticket_id, const core::Ticket& ticket) {
    std::vector<OutboxMessage> sent;
    if (ticket.escalation == core::EscalationLevel::None && core::QualityIncidentOf(ticket) == nullptr) return sent;
    OutboxQuery query;
    query.ticket_id = ticket_id;
    query.limit = 500;
    for (auto& message : services.store.Outbox().List(query))
        if (message.state == OutboxState::Sent && message.sent_at) sent.push_back(std::move(message));
    return sent;
}

// When the quality role was first told of the ticket's 重大质量问题 flag: what lets the workspace
// say "已通知质量管理" only when it is true.
std::optional<core::UnixSeconds> QualityNoticeSentAt(const core::Ticket& ticket, const std::vector<OutboxMessage>& sent) {
    if (core::QualityIncidentOf(ticket) == nullptr) return std::nullopt;
    std::optional<core::UnixSeconds> first;
    for (const OutboxMessage& message : sent)
        if (message.event_type == "quality_incident" && (!first || *message.sent_at < *first)) first = *message.sent_at;
    return first;
}

// The escalations on the timeline whose notice was really sent: the roles of the step that a told
// person holds, and when the first notice went. A notice belongs to the latest escalation at or
// before its creation (the notifier writes it in the escalation's transaction).
std::vector<api::EscalationNotice> EscalationNotices(Services& services, const core::Ticket& ticket,
                                                     const std::vector<OutboxMessage>& all_sent) {
    std::vector<api::EscalationNotice> notices;
    if (ticket.escalation == core::EscalationLevel::None) return notices;
    std::vector<const core::TimelineEvent*> escalations;
    for (const auto& event : ticket.timeline)
        if (event.type == core::EventType::Escalation) escalations.push_back(&event);
    std::vector<const OutboxMessage*> sent;
    for (const OutboxMessage& message : all_sent)
        if (message.event_type == "escalation_notice") sent.push_back(&message);
    if (escalations.empty() || sent.empty()) return notices;
    std::map<std::string, std::vector<std::string>> roles_of;
    for (const StaffRecord& staff : services.store.ListStaff()) roles_of[staff.username] = staff.roles;
    const auto policy = services.Policy();
    for (std::size_t i = 0; i < escalations.size(); ++i) {
        const core::TimelineEvent& event = *escalations[i];
        const core::EscalationStep* step = core::FindEscalationStep(*policy, event.escalation);
        if (step == nullptr) continue;
        const bool has_next = i + 1 < escalations.size() && escalations[i + 1]->at > event.at;
        api::EscalationNotice notice;
        notice.level = event.escalation;
        for (const OutboxMessage* message : sent) {
            if (message->created_at < event.at || (has_next && message->created_at >= escalations[i + 1]->at)) continue;
            const auto held = roles_of.find(message->recipient_label);
            if (held == roles_of.end()) continue;
            bool counted = false;
            for (const std::string& role : step->notify_roles) {
                if (std::find(held->second.begin(), held->second.end(), role) == held->second.end()) continue;
                counted = true;
                if (std::find(notice.roles.begin(), notice.roles.end(), role) == notice.roles.end())
                    notice.roles.push_back(role);
            }
            if (counted && (notice.sent_at == 0 || *message->sent_at < notice.sent_at)) notice.sent_at = *message->sent_at;
        }
        if (!notice.roles.empty()) notices.push_back(std::move(notice));
    }
    return notices;
}

// What a view adds to core's: the address masked for staff, who was really told, staff names.
void CompleteView(Services& services, std::int64_t ticket_id, const core::Ticket& ticket, core::ActorRole reader,
                  api::TicketView& view) {
    const std::vector<OutboxMessage> sent = SentNotices(services, ticket_id, ticket);
    if (reader == core::ActorRole::Staff) {
        view.address = api::MaskAddress(view.address);
        view.quality_notice_sent_at = QualityNoticeSentAt(ticket, sent);
    }
    view.staff_names = StaffNames(services, ticket);
    view.escalation_notices = EscalationNotices(services, ticket, sent);
}

}  // namespace

TicketIndex ComputeIndex(const core::Ticket& ticket, std::int64_t now, const core::Policy& policy) {
    TicketIndex index;
    index.open = !core::IsTerminal(ticket.state);
    index.reopen_count = core::ReopenCount(ticket);
    if (const core::TimelineEvent* flagged = core::QualityIncidentOf(ticket)) index.quality_incident_at = flagged->at;
    index.repeat_repair = !ticket.repeat_of.empty();
    const core::FollowUpStatus followup = core::FollowUpOf(ticket);
    index.followup_since = followup.pending_since;
    index.followup_reached_at = followup.reached_at;
    const core::SlaStatus sla = core::EvaluateSla(ticket, now, policy);
    index.breached = sla.breached;
    index.first_response_at = sla.Get(core::SlaClock::FirstResponse).met_at;
    index.resolved_at = sla.Get(core::SlaClock::Resolution).met_at;
    if (!index.open) {
        // No transition leaves a terminal state, so the first event that entered one is when it ended.
        index.ended_at = ticket.updated_at;
        for (const auto& event : ticket.timeline) {
            if (event.type == core::EventType::Transition && core::IsTerminal(event.to_state)) {
                index.ended_at = event.at;
                break;
            }
        }
    }

    std::optional<std::int64_t> earliest;
    for (const auto& deadline : sla.deadlines) {
        const bool running =
            deadline.status == core::DeadlineStatus::Running || deadline.status == core::DeadlineStatus::Overdue;
        if (running && deadline.due_at && (!earliest || *deadline.due_at < *earliest)) earliest = deadline.due_at;
    }
    index.sort_key = earliest && !sla.paused ? *earliest : kNoDeadline + ticket.created_at;

    if (index.open) {
        index.next_check_at = sla.next_change_at;
        // An escalation already due (e.g. a ticket that was overdue when it was stored) is due now.
        if (static_cast<int>(sla.escalation_due) > static_cast<int>(ticket.escalation)) index.next_check_at = now;
        // After resolution the system closes the ticket once the customer's reopen window is over.
        if (auto resolved = core::LastResolvedAt(ticket)) {
            const std::int64_t close_at =
                *resolved + static_cast<std::int64_t>(policy.tickets.reopen_window_days) * core::kSecondsPerDay + 1;
            if (!index.next_check_at || close_at < *index.next_check_at) index.next_check_at = close_at;
        }
    }
    return index;
}

std::string CompactNumber(const std::string& text) {
    auto parsed = core::ParseServiceNumber(text);
    if (!parsed) throw TicketNotFound();
    return parsed.Value().compact;
}

std::int64_t RequireTicketId(Services& services, const std::string& number_text) {
    auto found = services.store.FindTicketPhone(CompactNumber(number_text));
    if (!found) throw TicketNotFound();
    return found->id;
}

api::TicketView MakeView(Services& services, const StoredTicket& stored, core::ActorRole reader) {
    api::TicketView view = api::MakeTicketView(
        stored.ticket, reader, services.now(), *services.Policy(), services.store.LoadRating(stored.id),
        AttachmentInfos(services.store.ListAttachments(stored.id), stored.ticket.service_number, reader));
    CompleteView(services, stored.id, stored.ticket, reader, view);
    return view;
}

api::TicketView Read(Services& services, std::int64_t ticket_id, core::ActorRole reader) {
    auto bundle = services.store.LoadTicketBundle(ticket_id);
    if (!bundle) throw TicketNotFound();
    const auto& ticket = bundle->stored.ticket;
    api::TicketView view = api::MakeTicketView(ticket, reader, services.now(), *services.Policy(),
                                               std::move(bundle->rating),
                                               AttachmentInfos(bundle->attachments, ticket.service_number, reader));
    CompleteView(services, ticket_id, ticket, reader, view);
    return view;
}

namespace {

// A complaint may link only a ticket of the same phone. Someone else's ticket and a number that
// does not exist get the same answer, so the form cannot be used to learn whose a number is.
std::optional<core::Error> CheckRelatedTicket(Services& services, const core::TicketDraft& draft) {
    if (!draft.complaint || draft.complaint->related_ticket.empty()) return std::nullopt;
    const auto found = services.store.FindTicketPhone(CompactNumber(draft.complaint->related_ticket));
    if (found && found->phone == draft.customer.phone) return std::nullopt;
    return core::MakeError("unknown_ticket", "这个手机号下没有该服务编号的工单，请核对后再填，或留空",
                           "No ticket with this service number belongs to this phone number; check it or leave it empty",
                           "complaint.related_ticket");
}

// Every missing finding of a complaint's answer at once (core names the first), once the answer
// itself is allowed: a refused state is reported as such rather than as missing fields.
void CheckComplaintAnswer(Services& services, const core::Ticket& ticket, const core::TransitionRequest& request) {
    if (request.action != core::Action::Resolve || ticket.details.kind != core::TicketKind::Complaint) return;
    const auto allowed = core::AvailableActions(ticket, request.actor.role, services.now(), *services.Policy());
    if (std::find(allowed.begin(), allowed.end(), core::Action::Resolve) == allowed.end()) return;
    core::ComplaintFindings findings = request.findings.value_or(core::ComplaintFindings{});
    if (auto errors = core::ValidateComplaintFindings(findings); !errors.empty()) throw DomainError(std::move(errors));
}

} // namespace

CreateResult Create(Services& services, core::TicketDraft draft, const std::string& request_hash,
                    const std::string& idempotency_scope, const std::string& idempotency_key,
                    const core::Actor& creator, const std::function<void(StoreTx&, const StoredTicket&)>& also) {
    const std::int64_t now = services.now();
    // Returns and exchanges take their dates from the order, so the order is checked first.
    std::optional<core::ReturnsDecision> decision;
    if (draft.kind == core::TicketKind::Return || draft.kind == core::TicketKind::Exchange)
        decision = returns::VerifyReturnTicket(services, draft, now, idempotency_scope);
    auto errors = core::ValidateTicketDraft(draft, now);
    if (auto channel = core::CheckChannel(draft.channel, creator.role)) errors.push_back(std::move(*channel));
    if (errors.empty()) {
        if (auto related = CheckRelatedTicket(services, draft)) errors.push_back(std::move(*related));
    }
    if (!errors.empty()) throw DomainError(std::move(errors));

    const std::string repeat_of = RepeatOf(services, draft, now);
    const auto new_ticket = [&] {
        core::Ticket ticket = core::CreateTicket(draft, NewServiceNumber(draft.kind), now, creator);
        ticket.repeat_of = repeat_of;
        return ticket;
    };
    // The ticket and its row are made before the write: the writer runs a batch's pieces one after
    // another, so what is done here runs beside other creates instead of queueing behind them.
    core::Ticket ticket = new_ticket();
    TicketRow row(ticket, ComputeIndex(ticket, now, *services.Policy()));

    CreateResult result;
    std::optional<StoredTicket> stored;
    int enqueued = 0;
    // Everything that can refuse a create (a reused idempotency key) is checked before its first write.
    services.store.WriteChecksFirst([&](StoreTx& tx) {
        enqueued = 0;
        if (!idempotency_key.empty()) {
            if (auto previous = tx.FindIdempotency(idempotency_scope, idempotency_key)) {
                if (previous->request_hash != request_hash)
                    throw DomainError(ErrorKind::InvalidValue, "idempotency_key_reused",
                                      "该幂等键已用于另一个不同的请求",
                                      "This Idempotency-Key was already used with a different request body.");
                stored = tx.LoadTicketById(previous->ticket_id);
                if (!stored) throw TicketNotFound();
                result.replayed = true;
            }
        }
        if (!stored) {
            std::optional<std::int64_t> id;
            while (!(id = tx.InsertTicket(CompactNumber(ticket.service_number), row))) {
                ticket = new_ticket();  // the number was taken (a collision in a 2^49 space): draw again
                row = TicketRow(ticket, ComputeIndex(ticket, now, *services.Policy()));
            }
            stored = StoredTicket{*id, std::move(ticket)};
            if (!idempotency_key.empty())
                tx.InsertIdempotency(idempotency_scope, idempotency_key, request_hash, stored->id, now);
            enqueued = Enqueue(services, tx, stored->id, stored->ticket, 0, now, *services.Policy());
            if (also) also(tx, *stored);
        }
        // A replay gets a new token rather than the first one: tokens are stored only as hashes.
        result.response.access_token =
            services.auth.IssueCustomerToken(tx, stored->id, now, result.response.token_expires_at);
    });
    if (!result.replayed) services.live.Notify(stored->id);
    WakeSender(services, enqueued);
    result.response.service_number = stored->ticket.service_number;
    // A new ticket has no rating or attachments yet; only a replay needs the store for them.
    result.response.ticket = result.replayed ? MakeView(services, *stored, core::ActorRole::Customer)
                                             : api::MakeTicketView(stored->ticket, core::ActorRole::Customer,
                                                                   services.now(), *services.Policy());
    result.response.returns_decision = decision;
    if (services.notifier != nullptr) result.response.notify_channels = services.notifier->CustomerChannels(stored->ticket);
    return result;
}

api::EventsResponse Events(Services& services, std::int64_t ticket_id, const EventsQuery& query, SteadyTime deadline,
                           core::ActorRole reader) {
    if (query.before) {
        auto stored = services.store.LoadTicketById(ticket_id);
        if (!stored) throw TicketNotFound();
        return api::EventsBefore(stored->ticket, *query.before, query.limit, reader);
    }
    // Read the version before the store, so a change committed in between is never missed.
    const std::uint64_t version = services.live.Version(ticket_id);
    auto stored = services.store.LoadTicketById(ticket_id);
    if (!stored) throw TicketNotFound();
    api::EventsResponse response = api::EventsAfter(stored->ticket, query.after, query.limit, reader);
    if (!response.events.empty() || std::chrono::steady_clock::now() >= deadline) return response;
    LiveUpdates::Park(ticket_id, version, deadline);
}

void RefuseLiveWait() {
    // A waiting place frees up within one long-poll; the client spreads its retries around this.
    constexpr int kRetryAfterSeconds = 5;
    DomainError error(ErrorKind::Busy, "live_busy", "实时更新繁忙，稍后自动重试",
                      "Live updates are busy; retrying shortly.");
    error.retry_after_seconds = kRetryAfterSeconds;
    throw error;
}

api::TicketView AddMessage(Services& services, std::int64_t ticket_id, const core::Actor& actor, std::string text,
                           core::ActorRole reader, const TicketGuard& guard) {
    auto stored = Mutate(services, ticket_id, [&](StoreTx&, const StoredTicket& current) {
        if (guard) guard(current.ticket);
        return core::AddMessage(current.ticket, actor, std::move(text), services.now());
    });
    return MakeView(services, stored, reader);
}

api::TicketView AddNote(Services& services, std::int64_t ticket_id, const core::Actor& actor, std::string text,
                        bool quality_incident, const TicketGuard& guard) {
    auto stored = Mutate(services, ticket_id, [&](StoreTx&, const StoredTicket& current) {
        if (guard) guard(current.ticket);
        return quality_incident ? core::FlagQualityIncident(current.ticket, actor, std::move(text), services.now())
                                : core::AddInternalNote(current.ticket, actor, std::move(text), services.now());
    });
    return MakeView(services, stored, core::ActorRole::Staff);
}

api::TicketView Act(Services& services, std::int64_t ticket_id, const core::TransitionRequest& request,
                    std::optional<int> expected_sequence, core::ActorRole reader, const TicketGuard& guard) {
    auto stored = Mutate(services, ticket_id, [&](StoreTx&, const StoredTicket& current) {
        if (guard) guard(current.ticket);
        if (expected_sequence && *expected_sequence != LastSequence(current.ticket))
            throw DomainError(ErrorKind::Conflict, "conflict", "工单已被他人更新，请刷新后重试",
                              "The ticket changed since you loaded it; reload and try again.");
        CheckComplaintAnswer(services, current.ticket, request);
        return core::Transition(current.ticket, request, services.now(), *services.Policy());
    });
    return MakeView(services, stored, reader);
}

std::optional<core::WarrantyQuery> CoverageOf(Services& services, const core::Ticket& ticket) {
    const core::ProductInfo& product = ticket.details.product;
    std::optional<ProductRecord> registered;
    if (!product.serial.empty()) registered = services.store.FindProduct(product.serial);
    core::WarrantyQuery query;
    std::optional<core::CivilDate> start = registered ? registered->purchase_date : std::nullopt;
    if (!start) start = product.purchase_date;
    if (!start) return std::nullopt;
    query.coverage_start = *start;
    query.today = core::LocalDate(services.now(), ticket.details.utc_offset_minutes);
    if (ticket.details.repair) query.faulty_part = ticket.details.repair->faulty_part;
    if (registered) query.replacements = registered->replacements;
    return query;
}

namespace {

// Every problem of a report or a quote form at once (core stops at the first).
void CheckForm(core::WorkEntry entry) {
    core::FieldErrors errors;
    if (entry.report) errors = core::ValidateServiceReport(*entry.report);
    if (entry.quote) errors = core::ValidatePartsUsed(entry.quote->parts, "quote.parts");
    if (!errors.empty()) throw DomainError(std::move(errors));
}

} // namespace

api::TicketView RecordWork(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                           const core::WorkEntry& request, const TicketGuard& guard, const AlsoWrite& also) {
    CheckForm(request);
    auto stored = Mutate(services, ticket_id, [&](StoreTx& tx, const StoredTicket& current) {
        if (guard) guard(current.ticket);
        core::WorkEntry entry = request;
        const bool charged = entry.kind == core::WorkKind::Quote || entry.kind == core::WorkKind::ServiceReport;
        entry.warranty = charged ? CoverageOf(services, current.ticket) : std::nullopt; // never the client's
        auto applied = core::RecordWork(current.ticket, actor, entry, services.now(), *services.Policy());
        if (applied && entry.kind == core::WorkKind::PartFitted) RegisterFittedPart(tx, applied.Value().ticket, services.now());
        if (applied && also) also(tx, applied.Value().ticket);
        return applied;
    });
    return MakeView(services, stored, core::ActorRole::Staff);
}

api::TicketView AnswerQuote(Services& services, std::int64_t ticket_id, bool accept) {
    auto stored = Mutate(services, ticket_id, [&](StoreTx&, const StoredTicket& current) {
        return core::AnswerQuote(current.ticket, accept, services.now());
    });
    return MakeView(services, stored, core::ActorRole::Customer);
}

api::TicketView RecordFollowUpCall(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                                   const core::FollowUpCallEntry& entry, const TicketGuard& guard,
                                   const AlsoWrite& first, const AlsoWrite& also) {
    auto stored = Mutate(services, ticket_id, [&](StoreTx& tx, const StoredTicket& current) {
        if (guard) guard(current.ticket);
        if (first) first(tx, current.ticket);
        auto applied = core::RecordFollowUpCall(current.ticket, actor, entry, services.now());
        if (applied && entry.rating)
            tx.InsertRating(ticket_id, *entry.rating, core::IsSatisfied(*entry.rating, *services.Policy()),
                            services.now(), core::RatingChannel::Phone);
        if (applied && also) also(tx, applied.Value().ticket);
        return applied;
    });
    return MakeView(services, stored, core::ActorRole::Staff);
}

api::TicketView Rate(Services& services, std::int64_t ticket_id, const core::Rating& rating) {
    auto stored = Mutate(services, ticket_id, [&](StoreTx& tx, const StoredTicket& current) {
        auto applied = core::RateTicket(current.ticket, rating, services.now());
        if (applied) tx.InsertRating(ticket_id, rating, core::IsSatisfied(rating, *services.Policy()), services.now());
        return applied;
    });
    return MakeView(services, stored, core::ActorRole::Customer);
}

bool Sweep(Services& services, std::int64_t ticket_id) {
    bool escalated = false;
    bool changed = false;
    int enqueued = 0;
    services.store.Write([&](StoreTx& tx) {
        enqueued = 0;
        auto stored = tx.LoadTicketById(ticket_id);
        if (!stored) return;
        const std::int64_t now = services.now();
        const auto policy = services.Policy();
        core::Ticket ticket = stored->ticket;
        const int previous = LastSequence(ticket);
        const core::SlaStatus sla = core::EvaluateSla(ticket, now, *policy);

        // One level per pass: the next pass (the index says "check again now") takes the next one.
        if (static_cast<int>(sla.escalation_due) > static_cast<int>(ticket.escalation)) {
            core::TransitionRequest request;
            request.action = core::Action::Escalate;
            request.actor = core::Actor{core::ActorRole::System, {}};
            for (const auto& deadline : sla.deadlines) {
                if (!deadline.Breached()) continue;
                const auto label = core::Label(deadline.clock);
                request.note = "SLA 超时：" + label.zh + " / SLA missed: " + label.en;
                break;
            }
            if (auto applied = core::Transition(ticket, request, now, *policy)) {
                ticket = std::move(applied.Value().ticket);
                escalated = true;
            }
        }
        if (!escalated) {
            if (auto resolved = core::LastResolvedAt(ticket);
                resolved && now > *resolved + static_cast<std::int64_t>(policy->tickets.reopen_window_days) *
                                                  core::kSecondsPerDay) {
                core::TransitionRequest request;
                request.action = core::Action::Close;
                request.actor = core::Actor{core::ActorRole::System, {}};
                if (auto applied = core::Transition(ticket, request, now, *policy)) {
                    ticket = std::move(applied.Value().ticket);
                    changed = true;
                }
            }
        }
        TicketIndex index = ComputeIndex(ticket, now, *policy);
        // Never leave a check time in the past, or the sweeper would spin on this ticket.
        if (index.next_check_at && *index.next_check_at <= now) {
            const auto after = core::EvaluateSla(ticket, now, *policy);
            const bool more = static_cast<int>(after.escalation_due) > static_cast<int>(ticket.escalation);
            index.next_check_at = more ? now : now + 60;
        }
        tx.UpdateTicket(ticket_id, TicketRow(ticket, index, previous));
        enqueued = Enqueue(services, tx, ticket_id, ticket, previous, now, *policy);
        changed = changed || escalated;
    });
    if (changed) services.live.Notify(ticket_id);
    WakeSender(services, enqueued);
    return escalated;
}

}  // namespace aftercare::serve::tickets
