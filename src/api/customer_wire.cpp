// to_json / from_json / ReadFields for the customer endpoints, and the ticket view builder.
#include "api/customer_wire.h"

#include "api/json_write.h"
#include "core/quote.h"
#include "core/state_machine.h"

#include <algorithm>
#include <limits>

namespace aftercare::api {

using detail::Object;
using detail::PutOptional;

#define AFTERCARE_FROM_JSON(Type)                                                                   \
    void from_json(const Json& json_value, Type& value) { ReadOrThrow(json_value, value); }

std::string MaskPhone(std::string_view normalized_phone) {
    if (normalized_phone.size() < 8) return std::string(normalized_phone.size(), '*');
    const std::string_view last4 = normalized_phone.substr(normalized_phone.size() - 4);
    if (normalized_phone.substr(0, 3) == "+86" && normalized_phone.size() == 14) {
        return std::string(normalized_phone.substr(3, 3)) + "****" + std::string(last4);
    }
    return std::string(normalized_phone.substr(0, 3)) + "****" + std::string(last4);
}

std::string MaskAddress(std::string_view address) {
    if (address.empty()) return {};
    // Code point boundaries: a UTF-8 continuation byte is 10xxxxxx.
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < address.size(); ++i) {
        if ((static_cast<unsigned char>(address[i]) & 0xC0) != 0x80) starts.push_back(i);
    }
    const std::size_t keep = std::min<std::size_t>(6, starts.size() / 3);
    const std::size_t cut = keep < starts.size() ? starts[keep] : address.size();
    return std::string(address.substr(0, cut)) + "****";
}

const EscalationNotice* SentNotice(const TicketView& view, core::EscalationLevel level) {
    const EscalationNotice* found = nullptr;
    for (const EscalationNotice& notice : view.escalation_notices)
        if (notice.level == level) found = &notice;
    return found;
}

TicketView MakeTicketView(const core::Ticket& whole, core::ActorRole reader, core::UnixSeconds now,
                          const core::Policy& policy, std::optional<core::Rating> rating,
                          std::vector<AttachmentInfo> attachments) {
    std::optional<core::Ticket> scratch;
    const core::Ticket& ticket = core::VisibleTo(whole, reader, scratch);
    TicketView view;
    view.service_number = ticket.service_number;
    view.kind = ticket.details.kind;
    view.priority = ticket.priority;
    view.state = ticket.state;
    view.subject = ticket.details.subject;
    view.description = ticket.details.description;
    view.customer_name = ticket.details.customer.name;
    view.phone_masked = MaskPhone(ticket.details.customer.phone);
    view.product = ticket.details.product;
    view.address = ticket.details.address;
    view.return_reason = ticket.details.return_reason;
    view.repair = ticket.details.repair;
    view.complaint = ticket.details.complaint;
    if (const core::ComplaintFindings* findings = core::ComplaintFindingsOf(ticket)) view.findings = *findings;
    view.channel = ticket.details.channel;
    view.assignee = ticket.assignee;
    view.escalation = ticket.escalation;
    view.rating = std::move(rating);
    view.created_at = ticket.created_at;
    view.updated_at = ticket.updated_at;
    EventsResponse page = EventsBefore(ticket, std::numeric_limits<int>::max(), kTimelinePage, reader);
    view.timeline = std::move(page.events);
    view.timeline_has_earlier = page.has_earlier;
    view.timeline_total = page.last_sequence;
    view.timeline_earlier = page.earlier;
    view.attachments = std::move(attachments);
    view.sla.evaluated_at = now;
    view.sla.status = core::EvaluateSla(ticket, now, policy);
    view.parts = core::PartCommitments(ticket);
    view.open_question = core::LatestQuestion(ticket);
    view.state_before = core::StateBeforeCurrent(ticket);
    view.available_actions = core::AvailableActions(ticket, reader, now, policy);
    if (ticket.details.kind == core::TicketKind::Repair && core::IsOnSite(ticket)) {
        view.visit_stage = std::string(core::ToString(core::StageOf(ticket)));
        view.sign_off = core::SignOffOf(ticket);
    }
    const core::QuoteStatus quote = core::LatestQuote(ticket);
    if (quote.quote) view.quote = *quote.quote;
    if (quote.answer) view.quote_answer = *quote.answer;
    if (const core::TimelineEvent* report = core::CurrentServiceReport(ticket)) view.service_report = *report;
    view.interim_plan = core::InterimPlanOf(ticket);
    if (reader != core::ActorRole::Customer) {
        view.repeat_of = whole.repeat_of;
        if (const core::TimelineEvent* flagged = core::QualityIncidentOf(whole)) view.quality_incident = *flagged;
    }
    return view;
}

namespace {

// `first`..`last` (iterators into the timeline) as a page, with what lies on either side.
EventsResponse PageOf(const core::Ticket& ticket, std::vector<core::TimelineEvent>::const_iterator first,
                      std::vector<core::TimelineEvent>::const_iterator last) {
    EventsResponse page;
    page.events.assign(first, last);
    page.last_sequence = ticket.timeline.empty() ? 0 : ticket.timeline.back().sequence;
    page.state = ticket.state;
    page.has_earlier = first != ticket.timeline.begin();
    page.earlier = static_cast<int>(first - ticket.timeline.begin());
    page.has_later = last != ticket.timeline.end();
    return page;
}

} // namespace

EventsResponse EventsAfter(const core::Ticket& whole, int after, int limit, core::ActorRole reader) {
    std::optional<core::Ticket> scratch;
    const core::Ticket& ticket = core::VisibleTo(whole, reader, scratch);
    const auto& timeline = ticket.timeline;
    const auto first = std::upper_bound(timeline.begin(), timeline.end(), after,
                                        [](int s, const core::TimelineEvent& e) { return s < e.sequence; });
    const auto last = first + std::min<std::ptrdiff_t>(std::max(limit, 0), timeline.end() - first);
    EventsResponse page = PageOf(ticket, first, last);
    // Nothing returned: what came before `after` is the caller's already, not "earlier" news.
    if (page.events.empty()) page.has_earlier = false;
    return page;
}

EventsResponse EventsBefore(const core::Ticket& whole, int before, int limit, core::ActorRole reader) {
    std::optional<core::Ticket> scratch;
    const core::Ticket& ticket = core::VisibleTo(whole, reader, scratch);
    const auto& timeline = ticket.timeline;
    const auto last = std::lower_bound(timeline.begin(), timeline.end(), before,
                                       [](const core::TimelineEvent& e, int s) { return e.sequence < s; });
    const auto first = last - std::min<std::ptrdiff_t>(std::max(limit, 0), last - timeline.begin());
    EventsResponse page = PageOf(ticket, first, last);
    if (page.events.empty()) page.has_later = false;
    return page;
}

core::ReturnsQuery ToReturnsQuery(const ReturnsEligibilityRequest& request, core::UnixSeconds now) {
    core::ReturnsQuery query;
    query.reason = request.reason;
    query.wanted = request.wanted;
    query.delivered_at = request.delivered_at;
    query.now = now;
    query.customer_utc_offset_minutes = request.utc_offset_minutes;
    query.warranty_start = request.purchase_date;
    query.item_intact = request.item_intact;
    return query;
}

// --- CreateTicketRequest: the body is the draft itself -----------------------------------------
void to_json(Json& json_value, const CreateTicketRequest& value) { json_value = value.ticket; }
void ReadFields(WireReader& reader, CreateTicketRequest& value) { ReadFields(reader, value.ticket); }
AFTERCARE_FROM_JSON(CreateTicketRequest)

void to_json(Json& json_value, const AttachmentInfo& value) {
    json_value = Object({{"id", value.id},
                         {"file_name", value.file_name},
                         {"content_type", value.content_type},
                         {"size_bytes", value.size_bytes},
                         {"uploaded_at", value.uploaded_at},
                         {"url", value.url}});
}
void ReadFields(WireReader& reader, AttachmentInfo& value) {
    reader.Required("id", value.id);
    reader.Required("file_name", value.file_name);
    reader.Required("content_type", value.content_type);
    reader.Required("size_bytes", value.size_bytes);
    reader.Optional("uploaded_at", value.uploaded_at);
    reader.Optional("url", value.url);
}
AFTERCARE_FROM_JSON(AttachmentInfo)

void to_json(Json& json_value, const SlaView& value) {
    json_value = value.status;
    json_value["evaluated_at"] = value.evaluated_at;
}
void ReadFields(WireReader& reader, SlaView& value) {
    reader.Required("evaluated_at", value.evaluated_at);
    ReadFields(reader, value.status);
}
AFTERCARE_FROM_JSON(SlaView)

void to_json(Json& json_value, const EscalationNotice& value) {
    json_value = Object({{"level", value.level}, {"roles", value.roles}, {"sent_at", value.sent_at}});
}
void ReadFields(WireReader& reader, EscalationNotice& value) {
    reader.Required("level", value.level);
    reader.Required("roles", value.roles);
    reader.Required("sent_at", value.sent_at);
}
AFTERCARE_FROM_JSON(EscalationNotice)

void to_json(Json& json_value, const TicketView& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"kind", value.kind},
                         {"priority", value.priority},
                         {"state", value.state},
                         {"subject", value.subject},
                         {"description", value.description},
                         {"customer_name", value.customer_name},
                         {"phone_masked", value.phone_masked},
                         {"product", value.product},
                         {"address", value.address},
                         {"assignee", value.assignee},
                         {"escalation", value.escalation},
                         {"created_at", value.created_at},
                         {"updated_at", value.updated_at},
                         {"timeline", value.timeline},
                         {"timeline_has_earlier", value.timeline_has_earlier},
                         {"timeline_total", value.timeline_total},
                         {"timeline_earlier", value.timeline_earlier},
                         {"attachments", value.attachments},
                         {"sla", value.sla},
                         {"parts", value.parts},
                         {"open_question", value.open_question},
                         {"state_before", value.state_before},
                         {"available_actions", value.available_actions},
                         {"staff_names", value.staff_names},
                         {"escalation_notices", value.escalation_notices}});
    if (!value.visit_stage.empty()) json_value["visit_stage"] = value.visit_stage;
    PutOptional(json_value, "sign_off", value.sign_off);
    PutOptional(json_value, "quote", value.quote);
    PutOptional(json_value, "quote_answer", value.quote_answer);
    PutOptional(json_value, "interim_plan", value.interim_plan);
    PutOptional(json_value, "service_report", value.service_report);
    json_value["channel"] = value.channel;
    PutOptional(json_value, "return_reason", value.return_reason);
    PutOptional(json_value, "repair", value.repair);
    PutOptional(json_value, "complaint", value.complaint);
    PutOptional(json_value, "findings", value.findings);
    PutOptional(json_value, "rating", value.rating);
    if (!value.repeat_of.empty()) json_value["repeat_of"] = value.repeat_of;
    PutOptional(json_value, "quality_incident", value.quality_incident);
    PutOptional(json_value, "quality_notice_sent_at", value.quality_notice_sent_at);
}
void ReadFields(WireReader& reader, TicketView& value) {
    reader.Required("service_number", value.service_number);
    reader.Required("kind", value.kind);
    reader.Required("priority", value.priority);
    reader.Required("state", value.state);
    reader.Optional("subject", value.subject);
    reader.Optional("description", value.description);
    reader.Optional("customer_name", value.customer_name);
    reader.Optional("phone_masked", value.phone_masked);
    reader.Optional("product", value.product);
    reader.Optional("address", value.address);
    reader.Optional("return_reason", value.return_reason);
    reader.Optional("repair", value.repair);
    reader.Optional("complaint", value.complaint);
    reader.Optional("findings", value.findings);
    reader.Optional("assignee", value.assignee);
    reader.Optional("escalation", value.escalation);
    reader.Optional("rating", value.rating);
    reader.Required("created_at", value.created_at);
    reader.Optional("updated_at", value.updated_at);
    reader.Required("timeline", value.timeline);
    reader.Optional("timeline_has_earlier", value.timeline_has_earlier);
    reader.Optional("timeline_total", value.timeline_total);
    reader.Optional("timeline_earlier", value.timeline_earlier);
    reader.Optional("attachments", value.attachments);
    reader.Required("sla", value.sla);
    reader.Optional("parts", value.parts);
    reader.Optional("open_question", value.open_question);
    reader.Optional("state_before", value.state_before);
    reader.Optional("available_actions", value.available_actions);
    reader.Optional("staff_names", value.staff_names);
    reader.Optional("escalation_notices", value.escalation_notices);
    reader.Optional("visit_stage", value.visit_stage);
    reader.Optional("sign_off", value.sign_off);
    reader.Optional("quote", value.quote);
    reader.Optional("quote_answer", value.quote_answer);
    reader.Optional("interim_plan", value.interim_plan);
    reader.Optional("service_report", value.service_report);
    reader.Optional("repeat_of", value.repeat_of);
    reader.Optional("quality_incident", value.quality_incident);
    reader.Optional("quality_notice_sent_at", value.quality_notice_sent_at);
    reader.Optional("channel", value.channel);
}
AFTERCARE_FROM_JSON(TicketView)

void to_json(Json& json_value, const CreateTicketResponse& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"access_token", value.access_token},
                         {"token_expires_at", value.token_expires_at},
                         {"ticket", value.ticket},
                         {"notify_channels", value.notify_channels}});
    PutOptional(json_value, "returns_decision", value.returns_decision);
}
void ReadFields(WireReader& reader, CreateTicketResponse& value) {
    reader.Required("service_number", value.service_number);
    reader.Required("access_token", value.access_token);
    reader.Optional("token_expires_at", value.token_expires_at);
    reader.Required("ticket", value.ticket);
    reader.Optional("returns_decision", value.returns_decision);
    reader.Optional("notify_channels", value.notify_channels);
}
AFTERCARE_FROM_JSON(CreateTicketResponse)

void to_json(Json& json_value, const LookupRequest& value) {
    json_value = Object({{"service_number", value.service_number}, {"phone_last4", value.phone_last4}});
}
void ReadFields(WireReader& reader, LookupRequest& value) {
    reader.Required("service_number", value.service_number);
    reader.Required("phone_last4", value.phone_last4);
}
AFTERCARE_FROM_JSON(LookupRequest)

void to_json(Json& json_value, const LookupResponse& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"access_token", value.access_token},
                         {"token_expires_at", value.token_expires_at}});
}
void ReadFields(WireReader& reader, LookupResponse& value) {
    reader.Required("service_number", value.service_number);
    reader.Required("access_token", value.access_token);
    reader.Optional("token_expires_at", value.token_expires_at);
}
AFTERCARE_FROM_JSON(LookupResponse)

void to_json(Json& json_value, const EventsResponse& value) {
    json_value = Object({{"events", value.events},
                         {"last_sequence", value.last_sequence},
                         {"state", value.state},
                         {"has_earlier", value.has_earlier},
                         {"has_later", value.has_later},
                         {"earlier", value.earlier}});
}
void ReadFields(WireReader& reader, EventsResponse& value) {
    reader.Required("events", value.events);
    reader.Required("last_sequence", value.last_sequence);
    reader.Optional("state", value.state);
    reader.Optional("has_earlier", value.has_earlier);
    reader.Optional("has_later", value.has_later);
    reader.Optional("earlier", value.earlier);
}
AFTERCARE_FROM_JSON(EventsResponse)

void to_json(Json& json_value, const SignOutResponse& value) {
    json_value = Object({{"sessions_ended", value.sessions_ended}});
}
void ReadFields(WireReader& reader, SignOutResponse& value) { reader.Required("sessions_ended", value.sessions_ended); }
AFTERCARE_FROM_JSON(SignOutResponse)

void to_json(Json& json_value, const MessageRequest& value) {
    json_value = Object({{"text", value.text}});
}
void ReadFields(WireReader& reader, MessageRequest& value) { reader.Required("text", value.text); }
AFTERCARE_FROM_JSON(MessageRequest)

void to_json(Json& json_value, const CustomerActionRequest& value) {
    json_value = Object({{"note", value.note}});
}
void ReadFields(WireReader& reader, CustomerActionRequest& value) { reader.Optional("note", value.note); }
AFTERCARE_FROM_JSON(CustomerActionRequest)

void to_json(Json& json_value, const QuoteAnswerRequest& value) {
    json_value = Object({{"accept", value.accept}});
}
void ReadFields(WireReader& reader, QuoteAnswerRequest& value) { reader.Required("accept", value.accept); }
AFTERCARE_FROM_JSON(QuoteAnswerRequest)

void to_json(Json& json_value, const WarrantyLookupRequest& value) {
    json_value = Object({{"serial", value.serial},
                         {"faulty_part", value.faulty_part},
                         {"utc_offset_minutes", value.utc_offset_minutes},
                         {"on_site", value.on_site}});
    PutOptional(json_value, "purchase_date", value.purchase_date);
    PutOptional(json_value, "parts_cost_fen", value.parts_cost_fen);
}
void ReadFields(WireReader& reader, WarrantyLookupRequest& value) {
    reader.Required("serial", value.serial);
    reader.Optional("faulty_part", value.faulty_part);
    reader.Optional("purchase_date", value.purchase_date);
    reader.Optional("utc_offset_minutes", value.utc_offset_minutes);
    reader.Optional("parts_cost_fen", value.parts_cost_fen);
    reader.Optional("on_site", value.on_site);
}
AFTERCARE_FROM_JSON(WarrantyLookupRequest)

void to_json(Json& json_value, const WarrantyLookupResponse& value) {
    json_value = Object({{"serial", value.serial},
                         {"model", value.model},
                         {"decision", value.decision},
                         {"replacements", value.replacements}});
    PutOptional(json_value, "purchase_date", value.purchase_date);
    PutOptional(json_value, "estimate", value.estimate);
}
void ReadFields(WireReader& reader, WarrantyLookupResponse& value) {
    reader.Required("serial", value.serial);
    reader.Optional("model", value.model);
    reader.Optional("purchase_date", value.purchase_date);
    reader.Required("decision", value.decision);
    reader.Optional("estimate", value.estimate);
    reader.Optional("replacements", value.replacements);
}
AFTERCARE_FROM_JSON(WarrantyLookupResponse)

void to_json(Json& json_value, const ReturnsEligibilityRequest& value) {
    json_value = Object({{"reason", value.reason},
                         {"wanted", value.wanted},
                         {"delivered_at", value.delivered_at},
                         {"utc_offset_minutes", value.utc_offset_minutes},
                         {"item_intact", value.item_intact},
                         {"order_number", value.order_number},
                         {"phone_last4", value.phone_last4}});
    PutOptional(json_value, "purchase_date", value.purchase_date);
}
void ReadFields(WireReader& reader, ReturnsEligibilityRequest& value) {
    reader.Required("reason", value.reason);
    reader.Required("wanted", value.wanted);
    if (!reader.Failed() && value.wanted != core::Remedy::Refund && value.wanted != core::Remedy::Exchange) {
        reader.Fail("wanted", "invalid_value", reader.PathOf("wanted") + ": expected \"refund\" or \"exchange\"");
    }
    reader.Required("delivered_at", value.delivered_at);
    reader.Optional("utc_offset_minutes", value.utc_offset_minutes);
    reader.Optional("purchase_date", value.purchase_date);
    reader.Optional("item_intact", value.item_intact);
    reader.Optional("order_number", value.order_number);
    reader.Optional("phone_last4", value.phone_last4);
}
AFTERCARE_FROM_JSON(ReturnsEligibilityRequest)

void to_json(Json& json_value, const OrderLookupRequest& value) {
    json_value = Object({{"order_number", value.order_number}, {"phone", value.phone}});
}
void ReadFields(WireReader& reader, OrderLookupRequest& value) {
    reader.Required("order_number", value.order_number);
    reader.Required("phone", value.phone);
}
AFTERCARE_FROM_JSON(OrderLookupRequest)

void to_json(Json& json_value, const OrderItem& value) {
    json_value = Object({{"model", value.model}, {"serial", value.serial}});
}
void ReadFields(WireReader& reader, OrderItem& value) {
    reader.Required("model", value.model);
    reader.Optional("serial", value.serial);
}
AFTERCARE_FROM_JSON(OrderItem)

void to_json(Json& json_value, const OrderLookupResponse& value) {
    json_value = Object(
        {{"order_number", value.order_number}, {"phone_masked", value.phone_masked}, {"items", value.items}});
    PutOptional(json_value, "purchase_date", value.purchase_date);
    PutOptional(json_value, "delivered_at", value.delivered_at);
}
void ReadFields(WireReader& reader, OrderLookupResponse& value) {
    reader.Required("order_number", value.order_number);
    reader.Optional("phone_masked", value.phone_masked);
    reader.Optional("purchase_date", value.purchase_date);
    reader.Optional("delivered_at", value.delivered_at);
    reader.Required("items", value.items);
}
AFTERCARE_FROM_JSON(OrderLookupResponse)

void to_json(Json& json_value, const FaqItem& value) {
    json_value = Object({{"id", value.id},
                         {"question", value.question},
                         {"answer", value.answer},
                         {"tags", value.tags},
                         {"score", value.score}});
}
void ReadFields(WireReader& reader, FaqItem& value) {
    reader.Required("id", value.id);
    reader.Required("question", value.question);
    reader.Required("answer", value.answer);
    reader.Optional("tags", value.tags);
    reader.Optional("score", value.score);
}
AFTERCARE_FROM_JSON(FaqItem)

void to_json(Json& json_value, const FaqSearchResponse& value) {
    json_value = Object({{"query", value.query}, {"items", value.items}});
}
void ReadFields(WireReader& reader, FaqSearchResponse& value) {
    reader.Optional("query", value.query);
    reader.Required("items", value.items);
}
AFTERCARE_FROM_JSON(FaqSearchResponse)

#undef AFTERCARE_FROM_JSON

} // namespace aftercare::api
