// to_json / from_json / ReadFields for the core domain types.
#include "api/core_json.h"

#include "api/json_write.h"

namespace aftercare::core {

using api::Json;
using api::WireReader;
using api::detail::Object;
using api::detail::PutOptional;

#define AFTERCARE_WIRE_ENUM_IMPL(Type)                                                              \
    void to_json(Json& json_value, Type value) { json_value = std::string(ToString(value)); }        \
    void from_json(const Json& json_value, Type& value) { api::ReadOrThrow(json_value, value); }

AFTERCARE_WIRE_ENUM_IMPL(TicketKind)
AFTERCARE_WIRE_ENUM_IMPL(Priority)
AFTERCARE_WIRE_ENUM_IMPL(TicketState)
AFTERCARE_WIRE_ENUM_IMPL(Action)
AFTERCARE_WIRE_ENUM_IMPL(ActorRole)
AFTERCARE_WIRE_ENUM_IMPL(EscalationLevel)
AFTERCARE_WIRE_ENUM_IMPL(EventType)
AFTERCARE_WIRE_ENUM_IMPL(WorkKind)
AFTERCARE_WIRE_ENUM_IMPL(SlaClock)
AFTERCARE_WIRE_ENUM_IMPL(DeadlineStatus)
AFTERCARE_WIRE_ENUM_IMPL(ReturnReason)
AFTERCARE_WIRE_ENUM_IMPL(Remedy)
AFTERCARE_WIRE_ENUM_IMPL(ReturnsRule)
AFTERCARE_WIRE_ENUM_IMPL(WarrantyRule)
AFTERCARE_WIRE_ENUM_IMPL(ServiceMode)
AFTERCARE_WIRE_ENUM_IMPL(VisitSlot)
AFTERCARE_WIRE_ENUM_IMPL(Channel)
AFTERCARE_WIRE_ENUM_IMPL(FaultCause)
AFTERCARE_WIRE_ENUM_IMPL(RepairOutcome)
AFTERCARE_WIRE_ENUM_IMPL(ComplaintCategory)

#undef AFTERCARE_WIRE_ENUM_IMPL

void to_json(Json& json_value, const CivilDate& value) { json_value = FormatIsoDate(value); }
void from_json(const Json& json_value, CivilDate& value) { api::ReadOrThrow(json_value, value); }

// Every struct's from_json is the non-throwing reader plus a throw, so both paths agree.
#define AFTERCARE_FROM_JSON(Type)                                                                   \
    void from_json(const Json& json_value, Type& value) { api::ReadOrThrow(json_value, value); }

// --- LocalizedText ---------------------------------------------------------------------------
void to_json(Json& json_value, const LocalizedText& value) {
    json_value = Object({{"zh", value.zh}, {"en", value.en}});
}
void ReadFields(WireReader& reader, LocalizedText& value) {
    reader.Required("zh", value.zh);
    reader.Required("en", value.en);
}
AFTERCARE_FROM_JSON(LocalizedText)

// --- Error -----------------------------------------------------------------------------------
void to_json(Json& json_value, const Error& value) {
    json_value = Object({{"code", value.code}, {"message", value.message}, {"field", value.field}});
}
void ReadFields(WireReader& reader, Error& value) {
    reader.Required("code", value.code);
    reader.Optional("message", value.message);
    reader.Optional("field", value.field);
}
AFTERCARE_FROM_JSON(Error)

// --- Actor -----------------------------------------------------------------------------------
void to_json(Json& json_value, const Actor& value) {
    json_value = Object({{"role", value.role}, {"id", value.id}});
}
void ReadFields(WireReader& reader, Actor& value) {
    reader.Required("role", value.role);
    reader.Optional("id", value.id);
}
AFTERCARE_FROM_JSON(Actor)

// --- CustomerContact -------------------------------------------------------------------------
void to_json(Json& json_value, const CustomerContact& value) {
    json_value = Object({{"name", value.name}, {"phone", value.phone}, {"email", value.email}});
}
void ReadFields(WireReader& reader, CustomerContact& value) {
    reader.Required("name", value.name);
    reader.Required("phone", value.phone);
    reader.Optional("email", value.email);
}
AFTERCARE_FROM_JSON(CustomerContact)

// --- ProductInfo -----------------------------------------------------------------------------
void to_json(Json& json_value, const ProductInfo& value) {
    json_value =
        Object({{"model", value.model}, {"serial", value.serial}, {"order_number", value.order_number}});
    PutOptional(json_value, "purchase_date", value.purchase_date);
    PutOptional(json_value, "delivered_at", value.delivered_at);
}
void ReadFields(WireReader& reader, ProductInfo& value) {
    reader.Optional("model", value.model);
    reader.Optional("serial", value.serial);
    reader.Optional("purchase_date", value.purchase_date);
    reader.Optional("order_number", value.order_number);
    reader.Optional("delivered_at", value.delivered_at);
}
AFTERCARE_FROM_JSON(ProductInfo)

// --- VisitWindow, RepairDetails ---------------------------------------------------------------
void to_json(Json& json_value, const VisitWindow& value) {
    json_value = Object({{"date", value.date}, {"slot", value.slot}});
}
void ReadFields(WireReader& reader, VisitWindow& value) {
    reader.Required("date", value.date);
    reader.Required("slot", value.slot);
}
AFTERCARE_FROM_JSON(VisitWindow)

void to_json(Json& json_value, const RepairDetails& value) {
    json_value = Object(
        {{"mode", value.mode}, {"fault_category", value.fault_category}, {"faulty_part", value.faulty_part}});
    PutOptional(json_value, "visit", value.visit);
}
void ReadFields(WireReader& reader, RepairDetails& value) {
    reader.Required("mode", value.mode);
    reader.Optional("visit", value.visit);
    reader.Optional("fault_category", value.fault_category);
    reader.Optional("faulty_part", value.faulty_part);
}
AFTERCARE_FROM_JSON(RepairDetails)

// --- ComplaintDetails, ComplaintFindings -------------------------------------------------------
void to_json(Json& json_value, const ComplaintDetails& value) {
    json_value = Object({{"category", value.category}, {"related_ticket", value.related_ticket}});
}
void ReadFields(WireReader& reader, ComplaintDetails& value) {
    reader.Required("category", value.category);
    reader.Optional("related_ticket", value.related_ticket);
}
AFTERCARE_FROM_JSON(ComplaintDetails)

void to_json(Json& json_value, const ComplaintFindings& value) {
    json_value = Object({{"root_cause", value.root_cause}, {"corrective_action", value.corrective_action}});
}
void ReadFields(WireReader& reader, ComplaintFindings& value) {
    reader.Optional("root_cause", value.root_cause); // blanks are refused by the transition, field by field
    reader.Optional("corrective_action", value.corrective_action);
}
AFTERCARE_FROM_JSON(ComplaintFindings)

// --- TicketDraft -----------------------------------------------------------------------------
void to_json(Json& json_value, const TicketDraft& value) {
    json_value = Object({{"kind", value.kind},
                         {"priority", value.priority},
                         {"customer", value.customer},
                         {"product", value.product},
                         {"subject", value.subject},
                         {"description", value.description},
                         {"address", value.address},
                         {"utc_offset_minutes", value.utc_offset_minutes},
                         {"language", value.language},
                         {"channel", value.channel}});
    PutOptional(json_value, "return_reason", value.return_reason);
    PutOptional(json_value, "repair", value.repair);
    PutOptional(json_value, "complaint", value.complaint);
    PutOptional(json_value, "notify_by", value.notify_by);
}
void ReadFields(WireReader& reader, TicketDraft& value) {
    reader.Required("kind", value.kind);
    reader.Optional("priority", value.priority);
    reader.Required("customer", value.customer);
    reader.Optional("product", value.product);
    reader.Required("subject", value.subject);
    reader.Required("description", value.description);
    reader.Optional("address", value.address);
    reader.Optional("return_reason", value.return_reason);
    reader.Optional("repair", value.repair);
    reader.Optional("complaint", value.complaint);
    reader.Optional("utc_offset_minutes", value.utc_offset_minutes);
    reader.Optional("language", value.language);
    reader.Optional("notify_by", value.notify_by);
    reader.Optional("channel", value.channel);
}
AFTERCARE_FROM_JSON(TicketDraft)

// --- Quotes and service reports -------------------------------------------------------------
// Charges are written for readers; a client's are never read into a record (the server computes them).
void to_json(Json& json_value, const PartUsed& value) {
    json_value = Object({{"part_number", value.part_number},
                         {"name", value.name},
                         {"original", value.original},
                         {"quantity", value.quantity},
                         {"unit_cost_fen", value.unit_cost_fen}});
    if (!value.new_serial.empty()) json_value["new_serial"] = value.new_serial;
}
void ReadFields(WireReader& reader, PartUsed& value) {
    reader.Required("part_number", value.part_number);
    reader.Optional("name", value.name);
    reader.Optional("new_serial", value.new_serial);
    reader.Optional("original", value.original);
    reader.Optional("quantity", value.quantity);
    reader.Required("unit_cost_fen", value.unit_cost_fen);
}
AFTERCARE_FROM_JSON(PartUsed)

void to_json(Json& json_value, const Quote& value) {
    json_value = Object(
        {{"parts", value.parts}, {"customer_caused", value.customer_caused}, {"charges", value.charges}});
}
void ReadFields(WireReader& reader, Quote& value) {
    reader.Required("parts", value.parts);
    reader.Optional("customer_caused", value.customer_caused);
    reader.Optional("charges", value.charges);
}
AFTERCARE_FROM_JSON(Quote)

void to_json(Json& json_value, const ServiceReport& value) {
    json_value = Object({{"diagnosis", value.diagnosis},
                         {"cause", value.cause},
                         {"actions", value.actions},
                         {"parts", value.parts},
                         {"labour_minutes", value.labour_minutes},
                         {"outcome", value.outcome},
                         {"charges", value.charges}});
}
void ReadFields(WireReader& reader, ServiceReport& value) {
    reader.Required("diagnosis", value.diagnosis);
    reader.Required("cause", value.cause);
    reader.Required("actions", value.actions);
    reader.Optional("parts", value.parts);
    reader.Optional("labour_minutes", value.labour_minutes);
    reader.Required("outcome", value.outcome);
    reader.Optional("charges", value.charges);
}
AFTERCARE_FROM_JSON(ServiceReport)

// --- WorkRecord ------------------------------------------------------------------------------
void to_json(Json& json_value, const WorkRecord& value) {
    json_value = Object({{"kind", value.kind}});
    if (!value.part.empty()) json_value["part"] = value.part;
    PutOptional(json_value, "due_at", value.due_at);
    if (value.completes != 0) json_value["completes"] = value.completes;
    if (!value.part_serial.empty()) json_value["part_serial"] = value.part_serial;
    if (!value.signature_sha256.empty()) json_value["signature_sha256"] = value.signature_sha256;
    if (!value.attachment_id.empty()) json_value["attachment_id"] = value.attachment_id;
    PutOptional(json_value, "quote", value.quote);
    PutOptional(json_value, "report", value.report);
}
void ReadFields(WireReader& reader, WorkRecord& value) {
    reader.Required("kind", value.kind);
    reader.Optional("part", value.part);
    reader.Optional("due_at", value.due_at);
    reader.Optional("completes", value.completes);
    reader.Optional("part_serial", value.part_serial);
    reader.Optional("signature_sha256", value.signature_sha256);
    reader.Optional("attachment_id", value.attachment_id);
    reader.Optional("quote", value.quote);
    reader.Optional("report", value.report);
}
AFTERCARE_FROM_JSON(WorkRecord)

// --- FollowUpCall ----------------------------------------------------------------------------
void to_json(Json& json_value, const FollowUpCall& value) {
    json_value = Object({{"reached", value.reached}});
}
void ReadFields(WireReader& reader, FollowUpCall& value) { reader.Required("reached", value.reached); }
AFTERCARE_FROM_JSON(FollowUpCall)

// --- TimelineEvent ---------------------------------------------------------------------------
void to_json(Json& json_value, const TimelineEvent& value) {
    json_value = Object({{"sequence", value.sequence},
                         {"at", value.at},
                         {"actor", value.actor},
                         {"type", value.type},
                         {"from_state", value.from_state},
                         {"to_state", value.to_state},
                         {"note", value.note}});
    PutOptional(json_value, "action", value.action);
    if (!value.assignee.empty()) json_value["assignee"] = value.assignee;
    PutOptional(json_value, "priority", value.priority);
    if (value.escalation != EscalationLevel::None) json_value["escalation"] = value.escalation;
    PutOptional(json_value, "work", value.work);
    PutOptional(json_value, "visit", value.visit);
    PutOptional(json_value, "call", value.call);
    PutOptional(json_value, "findings", value.findings);
}
void ReadFields(WireReader& reader, TimelineEvent& value) {
    reader.Required("sequence", value.sequence);
    reader.Required("at", value.at);
    reader.Required("actor", value.actor);
    reader.Required("type", value.type);
    reader.Optional("action", value.action);
    reader.Required("from_state", value.from_state);
    reader.Required("to_state", value.to_state);
    reader.Optional("note", value.note);
    reader.Optional("assignee", value.assignee);
    reader.Optional("priority", value.priority);
    reader.Optional("escalation", value.escalation);
    reader.Optional("work", value.work);
    reader.Optional("visit", value.visit);
    reader.Optional("call", value.call);
    reader.Optional("findings", value.findings);
}
AFTERCARE_FROM_JSON(TimelineEvent)

// --- Ticket ----------------------------------------------------------------------------------
void to_json(Json& json_value, const Ticket& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"details", value.details},
                         {"state", value.state},
                         {"resume_state", value.resume_state},
                         {"priority", value.priority},
                         {"assignee", value.assignee},
                         {"escalation", value.escalation},
                         {"rated", value.rated},
                         {"created_at", value.created_at},
                         {"updated_at", value.updated_at},
                         {"timeline", value.timeline}});
    if (!value.repeat_of.empty()) json_value["repeat_of"] = value.repeat_of;
}
void ReadFields(WireReader& reader, Ticket& value) {
    reader.Required("service_number", value.service_number);
    reader.Required("details", value.details);
    reader.Required("state", value.state);
    reader.Optional("resume_state", value.resume_state);
    reader.Required("priority", value.priority);
    reader.Optional("assignee", value.assignee);
    reader.Optional("escalation", value.escalation);
    reader.Optional("rated", value.rated);
    reader.Optional("repeat_of", value.repeat_of);
    reader.Required("created_at", value.created_at);
    reader.Optional("updated_at", value.updated_at);
    reader.Required("timeline", value.timeline);
}
AFTERCARE_FROM_JSON(Ticket)

// --- Deadline / SlaStatus --------------------------------------------------------------------
void to_json(Json& json_value, const Deadline& value) {
    json_value = Object({{"clock", value.clock},
                         {"status", value.status},
                         {"allowance_seconds", value.allowance_seconds},
                         {"remaining_seconds", value.remaining_seconds},
                         {"escalation_due", value.escalation_due}});
    PutOptional(json_value, "started_at", value.started_at);
    PutOptional(json_value, "due_at", value.due_at);
    PutOptional(json_value, "met_at", value.met_at);
}
void ReadFields(WireReader& reader, Deadline& value) {
    reader.Required("clock", value.clock);
    reader.Required("status", value.status);
    reader.Optional("started_at", value.started_at);
    reader.Optional("due_at", value.due_at);
    reader.Optional("met_at", value.met_at);
    reader.Optional("allowance_seconds", value.allowance_seconds);
    reader.Optional("remaining_seconds", value.remaining_seconds);
    reader.Optional("escalation_due", value.escalation_due);
}
AFTERCARE_FROM_JSON(Deadline)

void to_json(Json& json_value, const SlaStatus& value) {
    json_value = Object({{"deadlines", value.deadlines},
                         {"paused", value.paused},
                         {"paused_seconds", value.paused_seconds},
                         {"breached", value.breached},
                         {"escalation_due", value.escalation_due}});
    PutOptional(json_value, "next_change_at", value.next_change_at);
}
void ReadFields(WireReader& reader, SlaStatus& value) {
    reader.Required("deadlines", value.deadlines);
    // SlaStatus::Get indexes by clock: every clock, in SlaClock's order.
    bool in_order = value.deadlines.size() == core::kSlaClockCount;
    for (std::size_t index = 0; in_order && index < value.deadlines.size(); ++index) {
        in_order = value.deadlines[index].clock == static_cast<core::SlaClock>(index);
    }
    if (!reader.Failed() && !in_order) {
        reader.Fail("deadlines", "invalid_value",
                    reader.PathOf("deadlines") + ": expected first_response, dispatch, arrival, resolution");
    }
    reader.Optional("paused", value.paused);
    reader.Optional("paused_seconds", value.paused_seconds);
    reader.Optional("breached", value.breached);
    reader.Optional("escalation_due", value.escalation_due);
    reader.Optional("next_change_at", value.next_change_at);
}
AFTERCARE_FROM_JSON(SlaStatus)

// --- Rating / SatisfactionStats --------------------------------------------------------------
void to_json(Json& json_value, const Rating& value) {
    json_value = Object({{"quality", value.quality},
                         {"speed", value.speed},
                         {"attitude", value.attitude},
                         {"scope", value.scope},
                         {"guarantee", value.guarantee},
                         {"solved", value.solved},
                         {"comment", value.comment}});
}
void ReadFields(WireReader& reader, Rating& value) {
    reader.Required("quality", value.quality);
    reader.Required("speed", value.speed);
    reader.Required("attitude", value.attitude);
    reader.Required("scope", value.scope);
    reader.Required("guarantee", value.guarantee);
    reader.Required("solved", value.solved);
    reader.Optional("comment", value.comment);
}
AFTERCARE_FROM_JSON(Rating)

void to_json(Json& json_value, const SatisfactionStats& value) {
    json_value = Object({{"count", value.count},
                         {"satisfied", value.satisfied},
                         {"rate", value.rate},
                         {"meets_target", value.meets_target},
                         {"solved", value.solved},
                         {"mean_quality", value.mean_quality},
                         {"mean_speed", value.mean_speed},
                         {"mean_attitude", value.mean_attitude},
                         {"mean_scope", value.mean_scope},
                         {"mean_guarantee", value.mean_guarantee}});
}
void ReadFields(WireReader& reader, SatisfactionStats& value) {
    reader.Required("count", value.count);
    reader.Required("satisfied", value.satisfied);
    reader.Required("rate", value.rate);
    reader.Optional("meets_target", value.meets_target);
    reader.Optional("solved", value.solved);
    reader.Optional("mean_quality", value.mean_quality);
    reader.Optional("mean_speed", value.mean_speed);
    reader.Optional("mean_attitude", value.mean_attitude);
    reader.Optional("mean_scope", value.mean_scope);
    reader.Optional("mean_guarantee", value.mean_guarantee);
}
AFTERCARE_FROM_JSON(SatisfactionStats)

// --- Returns / warranty ----------------------------------------------------------------------
void to_json(Json& json_value, const ReturnsDecision& value) {
    json_value = Object({{"granted", value.granted},
                         {"remedy", value.remedy},
                         {"rule", value.rule},
                         {"reason", value.reason},
                         {"day_number", value.day_number}});
    PutOptional(json_value, "window_ends_at", value.window_ends_at);
}
void ReadFields(WireReader& reader, ReturnsDecision& value) {
    reader.Required("granted", value.granted);
    reader.Required("remedy", value.remedy);
    reader.Required("rule", value.rule);
    reader.Required("reason", value.reason);
    reader.Optional("day_number", value.day_number);
    reader.Optional("window_ends_at", value.window_ends_at);
}
AFTERCARE_FROM_JSON(ReturnsDecision)

void to_json(Json& json_value, const WarrantyDecision& value) {
    json_value = Object({{"in_warranty", value.in_warranty},
                         {"rule", value.rule},
                         {"covered_until", value.covered_until},
                         {"product_covered_until", value.product_covered_until},
                         {"days_left", value.days_left},
                         {"reason", value.reason}});
}
void ReadFields(WireReader& reader, WarrantyDecision& value) {
    reader.Required("in_warranty", value.in_warranty);
    reader.Required("rule", value.rule);
    reader.Required("covered_until", value.covered_until);
    reader.Optional("product_covered_until", value.product_covered_until);
    reader.Optional("days_left", value.days_left);
    reader.Required("reason", value.reason);
}
AFTERCARE_FROM_JSON(WarrantyDecision)

void to_json(Json& json_value, const ChargeEstimate& value) {
    json_value = Object({{"free", value.free},
                         {"parts_fen", value.parts_fen},
                         {"labour_fen", value.labour_fen},
                         {"on_site_fen", value.on_site_fen},
                         {"total_fen", value.total_fen},
                         {"basis", value.basis}});
}
void ReadFields(WireReader& reader, ChargeEstimate& value) {
    reader.Required("free", value.free);
    reader.Optional("parts_fen", value.parts_fen);
    reader.Optional("labour_fen", value.labour_fen);
    reader.Optional("on_site_fen", value.on_site_fen);
    reader.Required("total_fen", value.total_fen);
    reader.Optional("basis", value.basis);
}
AFTERCARE_FROM_JSON(ChargeEstimate)

void to_json(Json& json_value, const PartReplacement& value) {
    json_value = Object({{"part", value.part},
                         {"replaced_on", value.replaced_on},
                         {"customer_caused", value.customer_caused}});
    if (!value.part_serial.empty()) json_value["part_serial"] = value.part_serial;
}
void ReadFields(WireReader& reader, PartReplacement& value) {
    reader.Required("part", value.part);
    reader.Required("replaced_on", value.replaced_on);
    reader.Optional("customer_caused", value.customer_caused);
    reader.Optional("part_serial", value.part_serial);
}
AFTERCARE_FROM_JSON(PartReplacement)

void to_json(Json& json_value, const AttachmentMeta& value) {
    json_value = Object({{"file_name", value.file_name},
                         {"content_type", value.content_type},
                         {"size_bytes", value.size_bytes}});
}
void ReadFields(WireReader& reader, AttachmentMeta& value) {
    reader.Required("file_name", value.file_name);
    reader.Required("content_type", value.content_type);
    reader.Required("size_bytes", value.size_bytes);
}
AFTERCARE_FROM_JSON(AttachmentMeta)

void to_json(Json& json_value, const PartCommitment& value) {
    json_value = Object({{"sequence", value.sequence},
                         {"part", value.part},
                         {"in_stock", value.in_stock},
                         {"promised_at", value.promised_at},
                         {"due_at", value.due_at}});
    PutOptional(json_value, "done_at", value.done_at);
}
void ReadFields(WireReader& reader, PartCommitment& value) {
    reader.Required("sequence", value.sequence);
    reader.Required("part", value.part);
    reader.Required("in_stock", value.in_stock);
    reader.Required("promised_at", value.promised_at);
    reader.Required("due_at", value.due_at);
    reader.Optional("done_at", value.done_at);
}
AFTERCARE_FROM_JSON(PartCommitment)

#undef AFTERCARE_FROM_JSON

} // namespace aftercare::core
