// to_json / from_json / ReadFields for the staff endpoints, and the queue item builder.
#include "api/staff_wire.h"

#include "api/json_write.h"

namespace aftercare::api {

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
    return item;
}

core::TransitionRequest ToTransitionRequest(const TransitionRequestWire& wire, const core::Actor& actor) {
    core::TransitionRequest request;
    request.action = wire.action;
    request.actor = actor;
    request.note = wire.note;
    request.assignee = wire.assignee;
    request.priority = wire.priority;
    return request;
}

void to_json(Json& json_value, const StaffLoginRequest& value) {
    json_value = Json{{"username", value.username}, {"password", value.password}};
}
void ReadFields(WireReader& reader, StaffLoginRequest& value) {
    reader.Required("username", value.username);
    reader.Required("password", value.password);
}
AFTERCARE_FROM_JSON(StaffLoginRequest)

void to_json(Json& json_value, const StaffMember& value) {
    json_value = Json{{"id", value.id}, {"display_name", value.display_name}, {"roles", value.roles}};
}
void ReadFields(WireReader& reader, StaffMember& value) {
    reader.Required("id", value.id);
    reader.Optional("display_name", value.display_name);
    reader.Optional("roles", value.roles);
}
AFTERCARE_FROM_JSON(StaffMember)

void to_json(Json& json_value, const StaffLoginResponse& value) {
    json_value = Json{{"access_token", value.access_token},
                      {"token_expires_at", value.token_expires_at},
                      {"staff", value.staff}};
}
void ReadFields(WireReader& reader, StaffLoginResponse& value) {
    reader.Required("access_token", value.access_token);
    reader.Optional("token_expires_at", value.token_expires_at);
    reader.Required("staff", value.staff);
}
AFTERCARE_FROM_JSON(StaffLoginResponse)

void to_json(Json& json_value, const QueueFilter& value) {
    json_value = Json{{"assignee", value.assignee}, {"limit", value.limit}, {"cursor", value.cursor}};
    PutOptional(json_value, "state", value.state);
    PutOptional(json_value, "kind", value.kind);
    PutOptional(json_value, "priority", value.priority);
    PutOptional(json_value, "breached", value.breached);
}
void ReadFields(WireReader& reader, QueueFilter& value) {
    reader.Optional("state", value.state);
    reader.Optional("kind", value.kind);
    reader.Optional("priority", value.priority);
    reader.Optional("breached", value.breached);
    reader.Optional("assignee", value.assignee);
    reader.Optional("limit", value.limit);
    if (!reader.Failed() && (value.limit < 1 || value.limit > 500)) {
        reader.Fail("limit", "invalid_value", reader.PathOf("limit") + ": expected 1..500");
    }
    reader.Optional("cursor", value.cursor);
}
AFTERCARE_FROM_JSON(QueueFilter)

void to_json(Json& json_value, const QueueItem& value) {
    json_value = Json{{"service_number", value.service_number},
                      {"kind", value.kind},
                      {"priority", value.priority},
                      {"state", value.state},
                      {"subject", value.subject},
                      {"customer_name", value.customer_name},
                      {"assignee", value.assignee},
                      {"escalation", value.escalation},
                      {"created_at", value.created_at},
                      {"updated_at", value.updated_at},
                      {"sla", value.sla}};
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
}
AFTERCARE_FROM_JSON(QueueItem)

void to_json(Json& json_value, const QueueResponse& value) {
    json_value = Json{{"items", value.items}, {"next_cursor", value.next_cursor}};
}
void ReadFields(WireReader& reader, QueueResponse& value) {
    reader.Required("items", value.items);
    reader.Optional("next_cursor", value.next_cursor);
}
AFTERCARE_FROM_JSON(QueueResponse)

void to_json(Json& json_value, const AssignRequest& value) {
    json_value = Json{{"assignee", value.assignee}, {"note", value.note}};
}
void ReadFields(WireReader& reader, AssignRequest& value) {
    reader.Required("assignee", value.assignee);
    reader.Optional("note", value.note);
}
AFTERCARE_FROM_JSON(AssignRequest)

void to_json(Json& json_value, const TransitionRequestWire& value) {
    json_value = Json{{"action", value.action}, {"note", value.note}, {"assignee", value.assignee}};
    PutOptional(json_value, "priority", value.priority);
    PutOptional(json_value, "expected_sequence", value.expected_sequence);
}
void ReadFields(WireReader& reader, TransitionRequestWire& value) {
    reader.Required("action", value.action);
    reader.Optional("note", value.note);
    reader.Optional("assignee", value.assignee);
    reader.Optional("priority", value.priority);
    reader.Optional("expected_sequence", value.expected_sequence);
}
AFTERCARE_FROM_JSON(TransitionRequestWire)

void to_json(Json& json_value, const StatsResponse& value) {
    json_value = Json{{"from", value.from},
                      {"to", value.to},
                      {"tickets_total", value.tickets_total},
                      {"by_state", value.by_state},
                      {"by_kind", value.by_kind},
                      {"by_priority", value.by_priority},
                      {"breached", value.breached},
                      {"escalated", value.escalated},
                      {"mean_first_response_seconds", value.mean_first_response_seconds},
                      {"mean_resolution_seconds", value.mean_resolution_seconds},
                      {"satisfaction", value.satisfaction},
                      {"satisfaction_target", value.satisfaction_target}};
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
    reader.Required("satisfaction", value.satisfaction);
    reader.Optional("satisfaction_target", value.satisfaction_target);
}
AFTERCARE_FROM_JSON(StatsResponse)

#undef AFTERCARE_FROM_JSON

} // namespace aftercare::api
