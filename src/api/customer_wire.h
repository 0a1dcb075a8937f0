// Wire types of the customer endpoints of /api/v1 (tickets, lookup, messages, returns, warranty, FAQ, rating).
#pragma once

#include "api/core_json.h"
#include "api/wire_reader.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aftercare::api {

inline constexpr std::string_view kApiPrefix = "/api/v1";

// Endpoints (customer token = "Authorization: Bearer <token>" from Create or Lookup, scoped to one ticket):
//   POST /api/v1/tickets                      CreateTicketRequest -> CreateTicketResponse   (Idempotency-Key header)
//   POST /api/v1/lookup                       LookupRequest -> LookupResponse
//   GET  /api/v1/tickets/{sn}                 -> TicketView
//   GET  /api/v1/tickets/{sn}/events?after=N&limit=L   -> EventsResponse (long-poll; the oldest L later events)
//   GET  /api/v1/tickets/{sn}/events?before=N&limit=L  -> EventsResponse (no wait; the newest L earlier events)
//   POST /api/v1/tickets/{sn}/messages        MessageRequest -> TicketView
//   POST /api/v1/tickets/{sn}/attachments     body = bytes; X-File-Name, Content-Type -> AttachmentInfo
//   POST /api/v1/tickets/{sn}/cancel|confirm|reopen   CustomerActionRequest -> TicketView
//   POST /api/v1/tickets/{sn}/rating          core::Rating -> TicketView
//   POST /api/v1/tickets/{sn}/quote           QuoteAnswerRequest -> TicketView (accept or decline the repair quote)
//   POST /api/v1/tickets/{sn}/sign-out-everywhere  (no body or {}) -> SignOutResponse; every token of the ticket ends
//   POST /api/v1/warranty                     WarrantyLookupRequest -> WarrantyLookupResponse
//   POST /api/v1/orders/lookup                OrderLookupRequest -> OrderLookupResponse
//   POST /api/v1/returns/eligibility          ReturnsEligibilityRequest -> core::ReturnsDecision
//        (a returns/exchange request is POST /tickets with kind "return"/"exchange" and a return_reason)
//   GET  /api/v1/faq?q=&lang=&limit=          -> FaqSearchResponse
//   GET  /api/v1/policy                       -> the policy JSON (api/policy_json.h)

struct CreateTicketRequest {
    core::TicketDraft ticket;
    bool operator==(const CreateTicketRequest&) const = default;
};

struct AttachmentInfo {
    std::string id;
    std::string file_name;
    std::string content_type;
    std::int64_t size_bytes = 0;
    core::UnixSeconds uploaded_at = 0;
    std::string url;
    bool operator==(const AttachmentInfo&) const = default;
};

// Timeline paging (security finding 13: a timeline only grows). A ticket view carries the newest
// kTimelinePage events; the events endpoint pages back (?before=) and forward (?after=) by at most
// kTimelinePageMax (?limit=, default kTimelinePage). What needs the whole history is computed by
// the server and sent beside the page (TicketView::sla, parts, open_question, state_before).
inline constexpr int kTimelinePage = 50;
inline constexpr int kTimelinePageMax = 200;

// SLA state as of `evaluated_at` (server clock): the client offsets its own clock by the difference.
struct SlaView {
    core::UnixSeconds evaluated_at = 0;
    core::SlaStatus status;
};

// An escalation's notice that really went out: the roles of the people told (role ids, e.g.
// "department_manager"; never who or at which address) and when the first notice was sent, from
// the outbox. Absent while nothing has been sent (no channel, no one holding the role, retrying).
struct EscalationNotice {
    core::EscalationLevel level = core::EscalationLevel::None;
    std::vector<std::string> roles;
    core::UnixSeconds sent_at = 0;
    bool operator==(const EscalationNotice&) const = default;
};

// What a customer (or staff) sees of one ticket. The phone is masked ("138****8000").
struct TicketView {
    std::string service_number;
    core::TicketKind kind = core::TicketKind::Repair;
    core::Priority priority = core::Priority::General;
    core::TicketState state = core::TicketState::Submitted;
    std::string subject;
    std::string description;
    std::string customer_name;
    std::string phone_masked;
    core::ProductInfo product;
    std::string address;
    std::optional<core::ReturnReason> return_reason;
    std::optional<core::RepairDetails> repair;
    std::optional<core::ComplaintDetails> complaint;  // complaints: category and the related ticket
    // Complaints: the root cause and corrective action of the current answer (core::ComplaintFindingsOf).
    std::optional<core::ComplaintFindings> findings;
    std::string assignee;
    core::EscalationLevel escalation = core::EscalationLevel::None;
    std::optional<core::Rating> rating;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds updated_at = 0;
    std::vector<core::TimelineEvent> timeline; // the newest kTimelinePage events, oldest first
    bool timeline_has_earlier = false;         // older events exist: GET .../events?before=<timeline[0].sequence>
    int timeline_total = 0;                    // the last sequence the reader may see
    // Events before the page that the reader may see. A customer's sequences have gaps where
    // staff-only events stand (core::VisibleTo), so this count is not timeline[0].sequence - 1.
    int timeline_earlier = 0;
    std::vector<AttachmentInfo> attachments;
    // Facts of the whole timeline, computed by the server with core's functions (a client holds
    // only a page of it, so it must not derive them itself).
    SlaView sla;                                  // core::EvaluateSla; the client ages it by its clock
    std::vector<core::PartCommitment> parts;      // core::PartCommitments: spare parts promised, kept or owed
    std::string open_question;                    // core::LatestQuestion: what the team asked last
    core::TicketState state_before = core::TicketState::Submitted; // core::StateBeforeCurrent
    std::vector<core::Action> available_actions; // for the reader's role
    // Display names ("李工") of the staff this ticket names (event actors, assignees), by login,
    // so a customer reads people rather than account names. Filled by the server from its staff list.
    std::map<std::string, std::string> staff_names;
    // Per escalation on the timeline whose notice was sent (oldest first); filled by the server.
    std::vector<EscalationNotice> escalation_notices;
    // On-site repairs: where the visit stands (core::VisitStage: not_departed, on_the_way, on_site,
    // finished; "" otherwise) and how the customer signed off the current resolution (the SignOff
    // or SignOffLater work event; core::SignOffOf), so both views can say which happened.
    std::string visit_stage;
    std::optional<core::TimelineEvent> sign_off;
    // Repairs: the latest quote (a Quote work event) and the customer's answer to it, and the
    // service report of the current resolution (core::LatestQuote, core::CurrentServiceReport).
    std::optional<core::TimelineEvent> quote;
    std::optional<core::TimelineEvent> quote_answer;
    std::optional<core::TimelineEvent> service_report;
    // Repairs: the latest interim plan agreed with the customer while the fault lasts
    // (core::InterimPlanOf), however far back in the timeline.
    std::optional<core::TimelineEvent> interim_plan;
    core::Channel channel = core::Channel::Web; // how the ticket came in
    // Staff readers only (never in a customer's view): the earlier repair this one repeats
    // (core::Ticket::repeat_of) and the 重大质量问题 flag with what was found (core::QualityIncidentOf).
    std::string repeat_of;
    std::optional<core::TimelineEvent> quality_incident;
    // When the first notice of that flag reached someone holding the quality role (from the outbox;
    // absent while none has: nobody holds the role, no channel, or still retrying). Staff only.
    std::optional<core::UnixSeconds> quality_notice_sent_at;
};

// "138****8000" for +8613800138000; keeps the country code for others ("+44 ****0123").
std::string MaskPhone(std::string_view normalized_phone);
// "上海市徐汇区****" for "上海市徐汇区示例路 1 号": the first third (at most 6 characters) stays, so
// staff can see the city before revealing the rest; short addresses keep nothing.
std::string MaskAddress(std::string_view address);

// Builds the view from core state. `rating` and `attachments` come from the store.
TicketView MakeTicketView(const core::Ticket& ticket, core::ActorRole reader, core::UnixSeconds now,
                          const core::Policy& policy, std::optional<core::Rating> rating = std::nullopt,
                          std::vector<AttachmentInfo> attachments = {});

// The notice of an escalation level that really went out (the latest, if the ticket reached that
// level twice), or null: what lets a screen say "已通知" only when it is true.
const EscalationNotice* SentNotice(const TicketView& view, core::EscalationLevel level);

struct CreateTicketResponse {
    std::string service_number;
    std::string access_token;           // customer token for this ticket
    core::UnixSeconds token_expires_at = 0;
    TicketView ticket;
    std::optional<core::ReturnsDecision> returns_decision; // for return/exchange tickets
    // How this ticket's messages reach the customer ("sms", "email"): channels the server has, a
    // contact given, chosen in notify_by, the address not unsubscribed. Empty: no messages at all.
    std::vector<std::string> notify_channels;
};

struct LookupRequest {
    std::string service_number; // any case, with or without hyphens
    std::string phone_last4;
    bool operator==(const LookupRequest&) const = default;
};

struct LookupResponse {
    std::string service_number; // display form
    std::string access_token;
    core::UnixSeconds token_expires_at = 0;
    bool operator==(const LookupResponse&) const = default;
};

struct EventsResponse {
    std::vector<core::TimelineEvent> events; // oldest first: sequence > after, or < before
    int last_sequence = 0;                   // the newest event the reader may see
    core::TicketState state = core::TicketState::Submitted;
    bool has_earlier = false; // events before events[0] exist (page back with ?before=events[0].sequence)
    bool has_later = false;   // events after the last one returned exist: ask again at once with ?after=
    int earlier = 0;          // events before the page that the reader may see
    bool operator==(const EventsResponse&) const = default;
};

// One page of a ticket's timeline: the oldest `limit` events later than `after`, or the newest
// `limit` events earlier than `before` (the view's page is EventsBefore(ticket, INT_MAX, kTimelinePage)).
// A customer's pages leave out staff-only events (core::VisibleTo), and their last_sequence is the
// last event they may see, so a staff-only event never wakes their page with news.
EventsResponse EventsAfter(const core::Ticket& ticket, int after, int limit, core::ActorRole reader);
EventsResponse EventsBefore(const core::Ticket& ticket, int before, int limit, core::ActorRole reader);

// Every access token of the ticket was revoked, the caller's own included.
struct SignOutResponse {
    int sessions_ended = 0;
    bool operator==(const SignOutResponse&) const = default;
};

struct MessageRequest {
    std::string text;
    bool operator==(const MessageRequest&) const = default;
};

struct CustomerActionRequest {
    std::string note; // required for reopen (why it is not fixed), optional otherwise
    bool operator==(const CustomerActionRequest&) const = default;
};

// The customer's answer to the pending repair quote (TicketView::quote).
struct QuoteAnswerRequest {
    bool accept = false;
    bool operator==(const QuoteAnswerRequest&) const = default;
};

struct WarrantyLookupRequest {
    std::string serial;
    std::string faulty_part;                  // optional
    std::optional<core::CivilDate> purchase_date; // optional when the vendor knows the serial
    core::UtcOffsetMinutes utc_offset_minutes = core::kChinaUtcOffset;
    std::optional<core::Fen> parts_cost_fen; // ask for an estimate
    bool on_site = false;
    bool operator==(const WarrantyLookupRequest&) const = default;
};

struct WarrantyLookupResponse {
    std::string serial;
    std::string model;
    std::optional<core::CivilDate> purchase_date;
    core::WarrantyDecision decision;
    std::optional<core::ChargeEstimate> estimate;
    std::vector<core::PartReplacement> replacements;
};

struct ReturnsEligibilityRequest {
    core::ReturnReason reason = core::ReturnReason::NoReason;
    core::Remedy wanted = core::Remedy::Refund;
    core::UnixSeconds delivered_at = 0;
    core::UtcOffsetMinutes utc_offset_minutes = core::kChinaUtcOffset;
    std::optional<core::CivilDate> purchase_date;
    bool item_intact = true;
    std::string order_number; // optional
    std::string phone_last4;  // with order_number: proves the order is the caller's
    bool operator==(const ReturnsEligibilityRequest&) const = default;
};

// An order's items for the returns flow: the caller proves the order is theirs with the whole
// phone number it was placed with (the same number a return ticket must carry).
struct OrderLookupRequest {
    std::string order_number;
    std::string phone; // any common format; normalised like a ticket's phone
    bool operator==(const OrderLookupRequest&) const = default;
};

struct OrderItem {
    std::string model;
    std::string serial; // may be empty (not yet assigned to a unit)
    bool operator==(const OrderItem&) const = default;
};

struct OrderLookupResponse {
    std::string order_number;
    std::string phone_masked;                    // "138****8000"
    std::optional<core::CivilDate> purchase_date; // warranty start
    std::optional<core::UnixSeconds> delivered_at; // absent: not delivered yet, nothing to return
    std::vector<OrderItem> items;
    bool operator==(const OrderLookupResponse&) const = default;
};

core::ReturnsQuery ToReturnsQuery(const ReturnsEligibilityRequest& request, core::UnixSeconds now);

struct FaqItem {
    std::string id;
    core::LocalizedText question;
    core::LocalizedText answer;
    std::vector<std::string> tags;
    double score = 0.0;
    bool operator==(const FaqItem&) const = default;
};

struct FaqSearchResponse {
    std::string query;
    std::vector<FaqItem> items;
    bool operator==(const FaqSearchResponse&) const = default;
};

AFTERCARE_WIRE_TYPE(CreateTicketRequest); // body = the draft itself (kind, priority, customer, product, ...)
AFTERCARE_WIRE_TYPE(AttachmentInfo);
AFTERCARE_WIRE_TYPE(SlaView);
AFTERCARE_WIRE_TYPE(EscalationNotice);
AFTERCARE_WIRE_TYPE(TicketView);
AFTERCARE_WIRE_TYPE(CreateTicketResponse);
AFTERCARE_WIRE_TYPE(LookupRequest);
AFTERCARE_WIRE_TYPE(LookupResponse);
AFTERCARE_WIRE_TYPE(EventsResponse);
AFTERCARE_WIRE_TYPE(MessageRequest);
AFTERCARE_WIRE_TYPE(SignOutResponse);
AFTERCARE_WIRE_TYPE(CustomerActionRequest);
AFTERCARE_WIRE_TYPE(QuoteAnswerRequest);
AFTERCARE_WIRE_TYPE(WarrantyLookupRequest);
AFTERCARE_WIRE_TYPE(WarrantyLookupResponse);
AFTERCARE_WIRE_TYPE(ReturnsEligibilityRequest);
AFTERCARE_WIRE_TYPE(OrderLookupRequest);
AFTERCARE_WIRE_TYPE(OrderItem);
AFTERCARE_WIRE_TYPE(OrderLookupResponse);
AFTERCARE_WIRE_TYPE(FaqItem);
AFTERCARE_WIRE_TYPE(FaqSearchResponse);

} // namespace aftercare::api
