// The ticket: what the customer submitted, where it stands, and its append-only timeline.
#pragma once

#include "complaint.h"
#include "result.h"
#include "service_report.h"
#include "time.h"
#include "vocabulary.h"

#include <optional>
#include <string>
#include <vector>

namespace aftercare::core {

// Field names mirror the JSON wire keys one to one (hence snake_case members), so a field error's
// path such as "customer.phone" is also the member it names.

struct Actor {
    ActorRole role = ActorRole::Customer;
    std::string id; // staff login; empty for the customer and the system

    bool operator==(const Actor&) const = default;
};

struct CustomerContact {
    std::string name;
    std::string phone; // normalised E.164 once validated ("+8613800138000")
    std::string email; // optional

    bool operator==(const CustomerContact&) const = default;
};

struct ProductInfo {
    std::string model;
    std::string serial;                      // normalised upper case; optional for complaints/consultations
    std::optional<CivilDate> purchase_date;  // warranty start (purchase or acceptance date)
    std::string order_number;                // optional
    std::optional<UnixSeconds> delivered_at; // returns/exchanges: when the customer signed for it

    bool operator==(const ProductInfo&) const = default;
};

// The customer's preferred slot for an on-site visit, on their local calendar.
struct VisitWindow {
    CivilDate date;
    VisitSlot slot = VisitSlot::Morning;

    bool operator==(const VisitWindow&) const = default;
};

// A booked window as instants on the customer's clock: [start, end). The slot hours are the ones
// the booking form shows (vocabulary.cpp kVisitSlots labels: 9–12, 13–18, 18–21).
struct VisitSpan {
    UnixSeconds start = 0;
    UnixSeconds end = 0;
};
VisitSpan SpanOf(const VisitWindow& window, UtcOffsetMinutes offset);

// How a repair is to be handled, as the customer chose it (repair tickets only).
struct RepairDetails {
    ServiceMode mode = ServiceMode::OnSite;
    std::optional<VisitWindow> visit; // on-site only
    std::string fault_category;       // the portal's category id ("no_power", ...); optional
    std::string faulty_part;          // key-part catalogue id when known: it decides key-part warranty restarts

    bool operator==(const RepairDetails&) const = default;
};

// Everything the customer types when submitting; validated by ValidateTicketDraft().
struct TicketDraft {
    TicketKind kind = TicketKind::Repair;
    Priority priority = Priority::General;
    CustomerContact customer;
    ProductInfo product;
    std::string subject;
    std::string description;
    std::string address;                         // on-site address; optional
    std::optional<ReturnReason> return_reason;   // required for returns and exchanges
    std::optional<RepairDetails> repair;         // repairs: service mode, visit, fault; optional
    std::optional<ComplaintDetails> complaint;   // complaints (validation fills in "other" when absent)
    UtcOffsetMinutes utc_offset_minutes = kChinaUtcOffset; // the customer's, for day counting
    std::string language = "zh-CN";              // "zh-CN" | "en": the language of the messages we send
    // How the customer wants to hear from us: "sms", "email". Absent: every channel they gave a
    // contact for (the phone always; the e-mail when given). Service messages only, never marketing.
    std::optional<std::vector<std::string>> notify_by;
    // How the ticket came in. Tickets stored before the field existed read as web.
    Channel channel = Channel::Web;

    bool operator==(const TicketDraft&) const = default;
};

// The details of a staff work record (EventType::Work); the record's text is the event's note.
struct WorkRecord {
    WorkKind kind = WorkKind::Diagnosis;
    std::string part;                  // spare parts: the part's name or catalogue id
    std::optional<UnixSeconds> due_at; // PartReserved / PartOrdered: the commitment (fit or ship by)
    int completes = 0;                 // PartFitted / PartShipped: sequence of the part event it completes
    std::string part_serial;           // PartFitted: the fitted part's own serial, when given
    std::string signature_sha256;      // SignOff: SHA-256 (hex) of the signature PNG
    std::string attachment_id;         // SignOff: the attachment holding that PNG
    std::optional<Quote> quote;            // Quote: the parts and what the customer would pay
    std::optional<ServiceReport> report;   // ServiceReport (records before the structured report have none)

    bool operator==(const WorkRecord&) const = default;
};

// A follow-up call's outcome (EventType::FollowUp, core/followup.h); the event's note is what was said.
struct FollowUpCall {
    bool reached = false;

    bool operator==(const FollowUpCall&) const = default;
};

// One line of the timeline (who, when, what, note). Events are only ever appended; `sequence`
// is 1-based and dense so clients can ask for "events after N".
struct TimelineEvent {
    int sequence = 0;
    UnixSeconds at = 0;
    Actor actor;
    EventType type = EventType::Created;
    std::optional<Action> action; // set for Transition and Escalation events
    TicketState from_state = TicketState::Submitted;
    TicketState to_state = TicketState::Submitted;
    std::string note;
    std::string assignee;                           // Assign
    std::optional<Priority> priority;               // Accept with re-triage
    EscalationLevel escalation = EscalationLevel::None; // Escalation: the level reached
    std::optional<WorkRecord> work;                 // Work
    std::optional<VisitWindow> visit;               // Reschedule: the new booked window
    std::optional<FollowUpCall> call;               // FollowUp
    std::optional<ComplaintFindings> findings;      // Resolve of a complaint

    bool IsWork(WorkKind kind) const { return type == EventType::Work && work && work->kind == kind; }
    bool operator==(const TimelineEvent&) const = default;
};

struct Ticket {
    std::string service_number; // display form, e.g. "R7KX-4M9Q-P2HC"
    TicketDraft details;
    TicketState state = TicketState::Submitted;
    // Where WaitingCustomer returns to on CustomerReply/Resume.
    TicketState resume_state = TicketState::Submitted;
    Priority priority = Priority::General; // current (staff may re-triage); details.priority is what the customer chose
    std::string assignee;
    EscalationLevel escalation = EscalationLevel::None;
    bool rated = false;
    // A repair of a serial soon after a resolved repair of it (policy.tickets.repeat_repair_days):
    // that earlier ticket's service number, found when this one was created. Staff only.
    std::string repeat_of;
    UnixSeconds created_at = 0;
    UnixSeconds updated_at = 0;
    std::vector<TimelineEvent> timeline;

    bool operator==(const Ticket&) const = default;
};

// A ticket after one change, and the event that recorded it (for the store to append).
struct Applied {
    Ticket ticket;
    TimelineEvent event;
};

// The draft must already be validated; `service_number` comes from GenerateServiceNumber().
// `creator` is who registered it: the customer, or the staff member taking a call or a walk-in.
Ticket CreateTicket(TicketDraft draft, std::string service_number, UnixSeconds now, Actor creator = {});

// Customer or staff adds information (补充信息). Refused on terminal tickets; the text is validated.
// A customer's message does not end a WaitingCustomer pause by itself: the portal sends the
// CustomerReply transition for that, so "I'll check tonight" does not restart the clock.
Result<Applied> AddMessage(const Ticket& ticket, const Actor& actor, std::string text, UnixSeconds now);

// Staff-only events: internal notes and quality incidents (standard §10 九.1 "内部各部门之间的沟通",
// §17 8) "重大质量问题…反馈公司的有关部门"). They stay on the one append-only timeline, as the
// record of the ticket, and every customer read and message leaves them out through this test.
bool IsStaffOnly(const TimelineEvent& event);

// The ticket as `reader` may see it: a customer's copy has no staff-only events, and its
// updated_at is the last change they can see. Staff and the system see it whole. `scratch` holds
// the copy when one is needed; the result refers to `ticket` or to `scratch`.
const Ticket& VisibleTo(const Ticket& ticket, ActorRole reader, std::optional<Ticket>& scratch);

// A note for colleagues only (staff, any state: findings after closure are still worth keeping).
Result<Applied> AddInternalNote(const Ticket& ticket, const Actor& actor, std::string text, UnixSeconds now);

// Flags the ticket as a major quality problem (重大质量问题), with what was found; any staff member
// may raise it, once per ticket (already_done after). The quality role is told (serve/outbound).
Result<Applied> FlagQualityIncident(const Ticket& ticket, const Actor& actor, std::string text, UnixSeconds now);

// The QualityIncident event, when the ticket has been flagged.
const TimelineEvent* QualityIncidentOf(const Ticket& ticket);

// The findings of the complaint's current answer (its last Resolve), if it is answered.
const ComplaintFindings* ComplaintFindingsOf(const Ticket& ticket);

// How often the customer reopened the ticket (Reopen transitions): a resolution that did not hold.
int ReopenCount(const Ticket& ticket);

// An attachment's metadata on the timeline (the bytes live in the store).
Result<Applied> AddAttachmentEvent(const Ticket& ticket, const Actor& actor, std::string file_name,
                                   UnixSeconds now);

// Appends `event` with the next sequence number and moves updated_at; the only way core grows a timeline.
TimelineEvent& AppendEvent(Ticket& ticket, TimelineEvent event);

// The on-site visit booked for this ticket, if any (on-site repairs with a window only).
std::optional<VisitWindow> BookedVisit(const Ticket& ticket);
// Whether someone goes to the customer ("如需现场服务"): an on-site repair. A repair without
// service details (an API client that did not say) is on site, the form's default.
bool IsOnSite(const Ticket& ticket);

// When the ticket last entered its current resolution (Resolve event), if it is resolved/confirmed.
std::optional<UnixSeconds> LastResolvedAt(const Ticket& ticket);

// The question the service team asked last: the note of the latest RequestInfo ("" when none).
std::string LatestQuestion(const Ticket& ticket);

// The state the ticket was in before it last entered its current one (where a WaitingCustomer
// pause or a cancellation interrupted the flow); Submitted when it never moved.
TicketState StateBeforeCurrent(const Ticket& ticket);

} // namespace aftercare::core
