// to_json / from_json / ReadFields for the staff endpoints, and the queue item builder.
#include "api/staff_wire.h"

#include "api/json_write.h"

namespace aftercare::api {

using detail::Object;
using detail::PutOptional;

#define AFTERCARE_FROM_JSON(Type)                                                                   \
    void from_json(const Json& json_value, Type& value) { ReadOrThrow(json_value, value); }

QueueItem MakeQueueItem(const core::Ticket& ticket, core::UnixSeconds now, const core::Policy& policy) {
    QueueItem item;
    item.service_number = ticket.service_number;
    item.kind = ticket.details.kind;
    item.priority = ticket.priority;
    item.state = ticket.state;
    item.subject = ticket.details.subject;
    item.customer_name = ticket.details.customer.name;
    item.assignee = ticket.assignee;
    item.escalation = ticket.escalation;
    item.created_at = ticket.created_at;
    item.updated_at = ticket.updated_at;
    item.sla.evaluated_at = now;
    item.sla.status = core::EvaluateSla(ticket, now, policy);
    item.channel = ticket.details.channel;
    return item;
}

bool IsQueueSortColumn(std::string_view column) {
    for (std::string_view known : kQueueSortColumns) {
        if (known == column) return true;
    }
    return false;
}

core::WorkEntry ToWorkEntry(const WorkRequest& request) {
    // A client never names a signature: the server sets those fields from the PNG it keeps.
    core::WorkEntry entry;
    entry.kind = request.kind;
    entry.note = request.note;
    entry.part = request.part;
    entry.completes = request.completes;
    entry.part_serial = request.part_serial;
    entry.quote = request.quote;
    entry.report = request.report;
    return entry;
}

core::TransitionRequest ToTransitionRequest(const TransitionRequestWire& wire, const core::Actor& actor) {
    core::TransitionRequest request;
    request.action = wire.action;
    request.actor = actor;
    request.note = wire.note;
    request.assignee = wire.assignee;
    request.priority = wire.priority;
    request.visit = wire.visit;
    request.findings = wire.findings;
    return request;
}

void to_json(Json& json_value, const StaffLoginRequest& value) {
    json_value = Object({{"username", value.username}, {"password", value.password}});
}
void ReadFields(WireReader& reader, StaffLoginRequest& value) {
    reader.Required("username", value.username);
    reader.Required("password", value.password);
}
AFTERCARE_FROM_JSON(StaffLoginRequest)

void to_json(Json& json_value, const StaffMember& value) {
    json_value = Object({{"id", value.id}, {"display_name", value.display_name}, {"roles", value.roles}});
}
void ReadFields(WireReader& reader, StaffMember& value) {
    reader.Required("id", value.id);
    reader.Optional("display_name", value.display_name);
    reader.Optional("roles", value.roles);
}
AFTERCARE_FROM_JSON(StaffMember)

void to_json(Json& json_value, const StaffLoginResponse& value) {
    json_value = Object({{"access_token", value.access_token},
                         {"token_expires_at", value.token_expires_at},
                         {"staff", value.staff}});
}
void ReadFields(WireReader& reader, StaffLoginResponse& value) {
    reader.Required("access_token", value.access_token);
    reader.Optional("token_expires_at", value.token_expires_at);
    reader.Required("staff", value.staff);
}
AFTERCARE_FROM_JSON(StaffLoginResponse)

void to_json(Json& json_value, const QueueFilter& value) {
    json_value = Object({{"assignee", value.assignee},
                         {"limit", value.limit},
                         {"cursor", value.cursor},
                         {"sla", value.sla},
                         {"unassigned", value.unassigned},
                         {"sort", value.sort},
                         {"descending", value.descending}});
    PutOptional(json_value, "state", value.state);
    PutOptional(json_value, "kind", value.kind);
    PutOptional(json_value, "priority", value.priority);
    PutOptional(json_value, "breached", value.breached);
    PutOptional(json_value, "offset", value.offset);
}
void ReadFields(WireReader& reader, QueueFilter& value) {
    reader.Optional("state", value.state);
    reader.Optional("kind", value.kind);
    reader.Optional("priority", value.priority);
    reader.Optional("breached", value.breached);
    reader.Optional("sla", value.sla);
    reader.Optional("assignee", value.assignee);
    reader.Optional("unassigned", value.unassigned);
    reader.Optional("sort", value.sort);
    if (!reader.Failed() && !IsQueueSortColumn(value.sort)) {
        reader.Fail("sort", "invalid_value", reader.PathOf("sort") + ": not a sortable column");
    }
    reader.Optional("descending", value.descending);
    reader.Optional("offset", value.offset);
    reader.Optional("limit", value.limit);
    if (!reader.Failed() && (value.limit < 1 || value.limit > 500)) {
        reader.Fail("limit", "invalid_value", reader.PathOf("limit") + ": expected 1..500");
    }
    reader.Optional("cursor", value.cursor);
}
AFTERCARE_FROM_JSON(QueueFilter)

void to_json(Json& json_value, const QueueItem& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"kind", value.kind},
                         {"priority", value.priority},
                         {"state", value.state},
                         {"subject", value.subject},
                         {"customer_name", value.customer_name},
                         {"assignee", value.assignee},
                         {"escalation", value.escalation},
                         {"created_at", value.created_at},
                         {"updated_at", value.updated_at},
                         {"sla", value.sla},
                         {"channel", value.channel}});
}
void ReadFields(WireReader& reader, QueueItem& value) {
    reader.Required("service_number", value.service_number);
    reader.Required("kind", value.kind);
    reader.Required("priority", value.priority);
    reader.Required("state", value.state);
    reader.Optional("subject", value.subject);
    reader.Optional("customer_name", value.customer_name);
    reader.Optional("assignee", value.assignee);
    reader.Optional("escalation", value.escalation);
    reader.Required("created_at", value.created_at);
    reader.Optional("updated_at", value.updated_at);
    reader.Required("sla", value.sla);
    reader.Optional("channel", value.channel);
}
AFTERCARE_FROM_JSON(QueueItem)

void to_json(Json& json_value, const QueueResponse& value) {
    json_value = Object({{"items", value.items},
                         {"next_cursor", value.next_cursor},
                         {"offset", value.offset},
                         {"total", value.total},
                         {"version", value.version}});
}
void ReadFields(WireReader& reader, QueueResponse& value) {
    reader.Required("items", value.items);
    reader.Optional("next_cursor", value.next_cursor);
    reader.Optional("offset", value.offset);
    reader.Optional("total", value.total);
    reader.Optional("version", value.version);
}
AFTERCARE_FROM_JSON(QueueResponse)

void to_json(Json& json_value, const ChangesResponse& value) {
    json_value = Object({{"version", value.version}});
}
void ReadFields(WireReader& reader, ChangesResponse& value) { reader.Required("version", value.version); }
AFTERCARE_FROM_JSON(ChangesResponse)

void to_json(Json& json_value, const WorkRequest& value) {
    json_value = Object({{"kind", value.kind},
                         {"note", value.note},
                         {"part", value.part},
                         {"completes", value.completes},
                         {"part_serial", value.part_serial}});
    PutOptional(json_value, "quote", value.quote);
    PutOptional(json_value, "report", value.report);
}
void ReadFields(WireReader& reader, WorkRequest& value) {
    reader.Required("kind", value.kind);
    reader.Optional("note", value.note);
    reader.Optional("part", value.part);
    reader.Optional("completes", value.completes);
    reader.Optional("part_serial", value.part_serial);
    reader.Optional("quote", value.quote);
    reader.Optional("report", value.report);
}
AFTERCARE_FROM_JSON(WorkRequest)

void to_json(Json& json_value, const NoteRequest& value) {
    json_value = Object({{"text", value.text}, {"quality_incident", value.quality_incident}});
}
void ReadFields(WireReader& reader, NoteRequest& value) {
    reader.Required("text", value.text);
    reader.Optional("quality_incident", value.quality_incident);
}
AFTERCARE_FROM_JSON(NoteRequest)

bool IsRevealReason(std::string_view reason) {
    for (std::string_view known : kRevealReasons) {
        if (known == reason) return true;
    }
    return false;
}

void to_json(Json& json_value, const RevealRequest& value) {
    json_value = Object({{"field", value.field}, {"reason", value.reason}, {"note", value.note}});
}
void ReadFields(WireReader& reader, RevealRequest& value) {
    reader.Required("field", value.field);
    // The reason is checked by the server with its own words (a reveal without one is refused);
    // read optionally here so that refusal says what to do rather than "missing field".
    reader.Optional("reason", value.reason);
    reader.Optional("note", value.note);
    if (!reader.Failed() && value.field != kRevealPhone && value.field != kRevealAddress) {
        reader.Fail("field", "invalid_value", reader.PathOf("field") + ": expected \"phone\" or \"address\"");
    }
}
AFTERCARE_FROM_JSON(RevealRequest)

void to_json(Json& json_value, const RevealResponse& value) {
    json_value = Object({{"field", value.field}, {"value", value.value}, {"revealed_at", value.revealed_at}});
}
void ReadFields(WireReader& reader, RevealResponse& value) {
    reader.Required("field", value.field);
    reader.Required("value", value.value);
    reader.Optional("revealed_at", value.revealed_at);
}
AFTERCARE_FROM_JSON(RevealResponse)

void to_json(Json& json_value, const AuditEntry& value) {
    json_value = Object({{"id", value.id},
                         {"at", value.at},
                         {"staff", value.staff},
                         {"action", value.action},
                         {"service_number", value.service_number},
                         {"detail", value.detail}});
}
void ReadFields(WireReader& reader, AuditEntry& value) {
    reader.Required("id", value.id);
    reader.Required("at", value.at);
    reader.Required("staff", value.staff);
    reader.Required("action", value.action);
    reader.Optional("service_number", value.service_number);
    reader.Optional("detail", value.detail);
}
AFTERCARE_FROM_JSON(AuditEntry)

void to_json(Json& json_value, const AuditResponse& value) {
    json_value = Object({{"entries", value.entries}});
}
void ReadFields(WireReader& reader, AuditResponse& value) { reader.Required("entries", value.entries); }
AFTERCARE_FROM_JSON(AuditResponse)

void to_json(Json& json_value, const StaffAccount& value) {
    json_value = Object({{"id", value.id},
                         {"display_name", value.display_name},
                         {"roles", value.roles},
                         {"active", value.active},
                         {"created_at", value.created_at},
                         {"email", value.email},
                         {"phone", value.phone},
                         {"language", value.language}});
}
void ReadFields(WireReader& reader, StaffAccount& value) {
    reader.Required("id", value.id);
    reader.Optional("display_name", value.display_name);
    reader.Optional("roles", value.roles);
    reader.Optional("active", value.active);
    reader.Optional("created_at", value.created_at);
    reader.Optional("email", value.email);
    reader.Optional("phone", value.phone);
    reader.Optional("language", value.language);
}
AFTERCARE_FROM_JSON(StaffAccount)

void to_json(Json& json_value, const StaffListResponse& value) {
    json_value = Object({{"members", value.members}});
}
void ReadFields(WireReader& reader, StaffListResponse& value) { reader.Required("members", value.members); }
AFTERCARE_FROM_JSON(StaffListResponse)

void to_json(Json& json_value, const CreateStaffRequest& value) {
    json_value = Object({{"username", value.username},
                         {"display_name", value.display_name},
                         {"roles", value.roles},
                         {"password", value.password}});
}
void ReadFields(WireReader& reader, CreateStaffRequest& value) {
    reader.Required("username", value.username);
    reader.Optional("display_name", value.display_name);
    reader.Required("roles", value.roles);
    reader.Optional("password", value.password);
}
AFTERCARE_FROM_JSON(CreateStaffRequest)

void to_json(Json& json_value, const UpdateStaffRequest& value) {
    json_value = Json::object();
    PutOptional(json_value, "display_name", value.display_name);
    PutOptional(json_value, "roles", value.roles);
    PutOptional(json_value, "active", value.active);
    PutOptional(json_value, "password", value.password);
    PutOptional(json_value, "email", value.email);
    PutOptional(json_value, "phone", value.phone);
    PutOptional(json_value, "language", value.language);
}
void ReadFields(WireReader& reader, UpdateStaffRequest& value) {
    reader.Optional("display_name", value.display_name);
    reader.Optional("roles", value.roles);
    reader.Optional("active", value.active);
    reader.Optional("password", value.password);
    reader.Optional("email", value.email);
    reader.Optional("phone", value.phone);
    reader.Optional("language", value.language);
}
AFTERCARE_FROM_JSON(UpdateStaffRequest)

void to_json(Json& json_value, const SlaCompliance& value) {
    json_value = Json{
        {"tickets", value.tickets}, {"breached", value.breached}, {"compliance_rate", value.compliance_rate}};
}
void ReadFields(WireReader& reader, SlaCompliance& value) {
    reader.Required("tickets", value.tickets);
    reader.Required("breached", value.breached);
    reader.Optional("compliance_rate", value.compliance_rate);
}
AFTERCARE_FROM_JSON(SlaCompliance)

void to_json(Json& json_value, const DurationDistribution& value) {
    json_value = Object({{"count", value.count},
                         {"p50", value.p50},
                         {"p90", value.p90},
                         {"p99", value.p99},
                         {"bucket_upper_seconds", value.bucket_upper_seconds},
                         {"buckets", value.buckets}});
}
void ReadFields(WireReader& reader, DurationDistribution& value) {
    reader.Required("count", value.count);
    reader.Optional("p50", value.p50);
    reader.Optional("p90", value.p90);
    reader.Optional("p99", value.p99);
    reader.Optional("bucket_upper_seconds", value.bucket_upper_seconds);
    reader.Optional("buckets", value.buckets);
    const bool empty = value.buckets.empty() && value.bucket_upper_seconds.empty();
    if (!reader.Failed() && !empty && value.buckets.size() != value.bucket_upper_seconds.size() + 1) {
        reader.Fail("buckets", "invalid_value", reader.PathOf("buckets") + ": expected one more than the bounds");
    }
}
AFTERCARE_FROM_JSON(DurationDistribution)

void to_json(Json& json_value, const SatisfactionPoint& value) {
    json_value = Object({{"from", value.from},
                         {"count", value.count},
                         {"satisfied", value.satisfied},
                         {"mean_quality", value.mean_quality},
                         {"mean_speed", value.mean_speed},
                         {"mean_attitude", value.mean_attitude},
                         {"mean_scope", value.mean_scope},
                         {"mean_guarantee", value.mean_guarantee}});
}
void ReadFields(WireReader& reader, SatisfactionPoint& value) {
    reader.Required("from", value.from);
    reader.Required("count", value.count);
    reader.Optional("satisfied", value.satisfied);
    reader.Optional("mean_quality", value.mean_quality);
    reader.Optional("mean_speed", value.mean_speed);
    reader.Optional("mean_attitude", value.mean_attitude);
    reader.Optional("mean_scope", value.mean_scope);
    reader.Optional("mean_guarantee", value.mean_guarantee);
}
AFTERCARE_FROM_JSON(SatisfactionPoint)

void to_json(Json& json_value, const ComplaintItem& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"subject", value.subject},
                         {"state", value.state},
                         {"created_at", value.created_at},
                         {"due_at", value.due_at},
                         {"answered", value.answered},
                         {"late", value.late},
                         {"working_days_left", value.working_days_left},
                         {"category", value.category}});
    if (!value.related_ticket.empty()) json_value["related_ticket"] = value.related_ticket;
    PutOptional(json_value, "findings", value.findings);
}
void ReadFields(WireReader& reader, ComplaintItem& value) {
    reader.Required("service_number", value.service_number);
    reader.Optional("subject", value.subject);
    reader.Required("state", value.state);
    reader.Required("created_at", value.created_at);
    reader.Required("due_at", value.due_at);
    reader.Optional("answered", value.answered);
    reader.Optional("late", value.late);
    reader.Optional("working_days_left", value.working_days_left);
    reader.Optional("category", value.category);
    reader.Optional("related_ticket", value.related_ticket);
    reader.Optional("findings", value.findings);
}
AFTERCARE_FROM_JSON(ComplaintItem)

void to_json(Json& json_value, const ComplaintCategoryCount& value) {
    json_value = Object({{"total", value.total}, {"answered", value.answered}, {"breached", value.breached}});
}
void ReadFields(WireReader& reader, ComplaintCategoryCount& value) {
    reader.Required("total", value.total);
    reader.Optional("answered", value.answered);
    reader.Optional("breached", value.breached);
}
AFTERCARE_FROM_JSON(ComplaintCategoryCount)

void to_json(Json& json_value, const AssigneeStats& value) {
    json_value = Object({{"assignee", value.assignee},
                         {"tickets", value.tickets},
                         {"resolved", value.resolved},
                         {"breached", value.breached},
                         {"on_time_rate", value.on_time_rate},
                         {"reopened", value.reopened},
                         {"repeat_repairs", value.repeat_repairs},
                         {"mean_resolution_seconds", value.mean_resolution_seconds},
                         {"satisfaction", value.satisfaction}});
}
void ReadFields(WireReader& reader, AssigneeStats& value) {
    reader.Required("assignee", value.assignee);
    reader.Required("tickets", value.tickets);
    reader.Optional("resolved", value.resolved);
    reader.Optional("breached", value.breached);
    reader.Optional("on_time_rate", value.on_time_rate);
    reader.Optional("reopened", value.reopened);
    reader.Optional("repeat_repairs", value.repeat_repairs);
    reader.Optional("mean_resolution_seconds", value.mean_resolution_seconds);
    reader.Optional("satisfaction", value.satisfaction);
}
AFTERCARE_FROM_JSON(AssigneeStats)

void to_json(Json& json_value, const AssignRequest& value) {
    json_value = Object({{"assignee", value.assignee}, {"note", value.note}});
}
void ReadFields(WireReader& reader, AssignRequest& value) {
    reader.Required("assignee", value.assignee);
    reader.Optional("note", value.note);
}
AFTERCARE_FROM_JSON(AssignRequest)

void to_json(Json& json_value, const TransitionRequestWire& value) {
    json_value = Object({{"action", value.action}, {"note", value.note}, {"assignee", value.assignee}});
    PutOptional(json_value, "priority", value.priority);
    PutOptional(json_value, "visit", value.visit);
    PutOptional(json_value, "findings", value.findings);
    PutOptional(json_value, "expected_sequence", value.expected_sequence);
}
void ReadFields(WireReader& reader, TransitionRequestWire& value) {
    reader.Required("action", value.action);
    reader.Optional("note", value.note);
    reader.Optional("assignee", value.assignee);
    reader.Optional("priority", value.priority);
    reader.Optional("visit", value.visit);
    reader.Optional("findings", value.findings);
    reader.Optional("expected_sequence", value.expected_sequence);
}
AFTERCARE_FROM_JSON(TransitionRequestWire)

void to_json(Json& json_value, const StatsResponse& value) {
    json_value = Object({{"from", value.from},
                         {"to", value.to},
                         {"tickets_total", value.tickets_total},
                         {"by_state", value.by_state},
                         {"by_kind", value.by_kind},
                         {"by_priority", value.by_priority},
                         {"breached", value.breached},
                         {"escalated", value.escalated},
                         {"mean_first_response_seconds", value.mean_first_response_seconds},
                         {"mean_resolution_seconds", value.mean_resolution_seconds},
                         {"resolution_target_seconds", value.resolution_target_seconds},
                         {"resolution_meets_target", value.resolution_meets_target},
                         {"satisfaction", value.satisfaction},
                         {"satisfaction_target", value.satisfaction_target},
                         {"satisfaction_meets_target", value.satisfaction_meets_target},
                         {"sla_compliance", value.sla_compliance},
                         {"first_response_seconds", value.first_response_seconds},
                         {"resolution_seconds", value.resolution_seconds},
                         {"series_bucket_seconds", value.series_bucket_seconds},
                         {"satisfaction_series", value.satisfaction_series},
                         {"complaint_answer_working_days", value.complaint_answer_working_days},
                         {"complaints", value.complaints},
                         {"complaints_by_category", value.complaints_by_category},
                         {"resolved", value.resolved},
                         {"reopened", value.reopened},
                         {"reopen_rate", value.reopen_rate},
                         {"repairs", value.repairs},
                         {"repeat_repairs", value.repeat_repairs},
                         {"repeat_repair_rate", value.repeat_repair_rate},
                         {"quality_incidents", value.quality_incidents},
                         {"by_channel", value.by_channel},
                         {"satisfaction_portal", value.satisfaction_portal},
                         {"satisfaction_phone", value.satisfaction_phone},
                         {"rated", value.rated},
                         {"rating_response_rate", value.rating_response_rate},
                         {"followups_due", value.followups_due},
                         {"followups_reached", value.followups_reached},
                         {"followup_reach_rate", value.followup_reach_rate},
                         {"by_assignee", value.by_assignee}});
}
void ReadFields(WireReader& reader, StatsResponse& value) {
    reader.Required("from", value.from);
    reader.Required("to", value.to);
    reader.Required("tickets_total", value.tickets_total);
    reader.Optional("by_state", value.by_state);
    reader.Optional("by_kind", value.by_kind);
    reader.Optional("by_priority", value.by_priority);
    reader.Optional("breached", value.breached);
    reader.Optional("escalated", value.escalated);
    reader.Optional("mean_first_response_seconds", value.mean_first_response_seconds);
    reader.Optional("mean_resolution_seconds", value.mean_resolution_seconds);
    reader.Optional("resolution_target_seconds", value.resolution_target_seconds);
    reader.Optional("resolution_meets_target", value.resolution_meets_target);
    reader.Required("satisfaction", value.satisfaction);
    reader.Optional("satisfaction_target", value.satisfaction_target);
    reader.Optional("satisfaction_meets_target", value.satisfaction_meets_target);
    reader.Optional("sla_compliance", value.sla_compliance);
    reader.Optional("first_response_seconds", value.first_response_seconds);
    reader.Optional("resolution_seconds", value.resolution_seconds);
    reader.Optional("series_bucket_seconds", value.series_bucket_seconds);
    reader.Optional("satisfaction_series", value.satisfaction_series);
    reader.Optional("complaint_answer_working_days", value.complaint_answer_working_days);
    reader.Optional("complaints", value.complaints);
    reader.Optional("complaints_by_category", value.complaints_by_category);
    reader.Optional("resolved", value.resolved);
    reader.Optional("reopened", value.reopened);
    reader.Optional("reopen_rate", value.reopen_rate);
    reader.Optional("repairs", value.repairs);
    reader.Optional("repeat_repairs", value.repeat_repairs);
    reader.Optional("repeat_repair_rate", value.repeat_repair_rate);
    reader.Optional("quality_incidents", value.quality_incidents);
    reader.Optional("by_channel", value.by_channel);
    reader.Optional("satisfaction_portal", value.satisfaction_portal);
    reader.Optional("satisfaction_phone", value.satisfaction_phone);
    reader.Optional("rated", value.rated);
    reader.Optional("rating_response_rate", value.rating_response_rate);
    reader.Optional("followups_due", value.followups_due);
    reader.Optional("followups_reached", value.followups_reached);
    reader.Optional("followup_reach_rate", value.followup_reach_rate);
    reader.Optional("by_assignee", value.by_assignee);
}
AFTERCARE_FROM_JSON(StatsResponse)

#undef AFTERCARE_FROM_JSON

} // namespace aftercare::api
