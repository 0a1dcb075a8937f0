// to_json / from_json / ReadFields of the follow-up wire types, and the queue item builder.
#include "api/followup_wire.h"

#include "api/json_write.h"

namespace aftercare::api {

using detail::Object;
using detail::PutOptional;

#define AFTERCARE_FROM_JSON(Type)                                                                   \
    void from_json(const Json& json_value, Type& value) { ReadOrThrow(json_value, value); }

FollowUpItem MakeFollowUpItem(const core::Ticket& ticket, core::UnixSeconds now, const core::Policy& policy) {
    const core::FollowUpStatus status = core::FollowUpOf(ticket);
    FollowUpItem item;
    item.service_number = ticket.service_number;
    item.kind = ticket.details.kind;
    item.state = ticket.state;
    item.subject = ticket.details.subject;
    item.customer_name = ticket.details.customer.name;
    item.phone_masked = MaskPhone(ticket.details.customer.phone);
    item.model = ticket.details.product.model;
    item.serial = ticket.details.product.serial;
    item.assignee = ticket.assignee;
    item.resolved_at = status.pending_since.value_or(0);
    item.due_at = core::FollowUpDueAt(item.resolved_at, policy).value_or(item.resolved_at);
    item.days_overdue = core::DaysOverdue(item.due_at, now);
    item.attempts = status.attempts;
    item.last_attempt_at = status.last_attempt_at;
    item.last_note = status.last_note;
    item.rated = ticket.rated;
    return item;
}

void to_json(Json& json_value, const FollowUpItem& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"kind", value.kind},
                         {"state", value.state},
                         {"subject", value.subject},
                         {"customer_name", value.customer_name},
                         {"phone_masked", value.phone_masked},
                         {"model", value.model},
                         {"serial", value.serial},
                         {"assignee", value.assignee},
                         {"resolved_at", value.resolved_at},
                         {"due_at", value.due_at},
                         {"days_overdue", value.days_overdue},
                         {"attempts", value.attempts},
                         {"last_note", value.last_note},
                         {"rated", value.rated},
                         {"periodic", value.periodic}});
    PutOptional(json_value, "last_attempt_at", value.last_attempt_at);
    if (value.periodic) {
        json_value["schedule_id"] = value.schedule_id;
        json_value["project_name"] = value.project_name;
        json_value["contract_number"] = value.contract_number;
        json_value["period"] = value.period;
        json_value["due_date"] = value.due_date;
    }
}
void ReadFields(WireReader& reader, FollowUpItem& value) {
    reader.Optional("service_number", value.service_number);
    reader.Optional("kind", value.kind);
    reader.Optional("state", value.state);
    reader.Optional("subject", value.subject);
    reader.Optional("customer_name", value.customer_name);
    reader.Optional("phone_masked", value.phone_masked);
    reader.Optional("model", value.model);
    reader.Optional("serial", value.serial);
    reader.Optional("assignee", value.assignee);
    reader.Required("resolved_at", value.resolved_at);
    reader.Required("due_at", value.due_at);
    reader.Optional("days_overdue", value.days_overdue);
    reader.Optional("attempts", value.attempts);
    reader.Optional("last_attempt_at", value.last_attempt_at);
    reader.Optional("last_note", value.last_note);
    reader.Optional("rated", value.rated);
    reader.Optional("periodic", value.periodic);
    reader.Optional("schedule_id", value.schedule_id);
    reader.Optional("project_name", value.project_name);
    reader.Optional("contract_number", value.contract_number);
    reader.Optional("period", value.period);
    reader.Optional("due_date", value.due_date);
}
AFTERCARE_FROM_JSON(FollowUpItem)

void to_json(Json& json_value, const FollowUpQueue& value) {
    json_value = Object({{"items", value.items},
                         {"offset", value.offset},
                         {"total", value.total},
                         {"after_days", value.after_days}});
}
void ReadFields(WireReader& reader, FollowUpQueue& value) {
    reader.Required("items", value.items);
    reader.Optional("offset", value.offset);
    reader.Optional("total", value.total);
    reader.Optional("after_days", value.after_days);
}
AFTERCARE_FROM_JSON(FollowUpQueue)

void to_json(Json& json_value, const FollowUpCallRequest& value) {
    json_value = Object({{"reached", value.reached}, {"note", value.note}});
    PutOptional(json_value, "rating", value.rating);
}
void ReadFields(WireReader& reader, FollowUpCallRequest& value) {
    reader.Required("reached", value.reached);
    reader.Optional("note", value.note);
    reader.Optional("rating", value.rating);
}
AFTERCARE_FROM_JSON(FollowUpCallRequest)

core::FollowUpCallEntry ToEntry(const FollowUpCallRequest& request) {
    return core::FollowUpCallEntry{request.reached, request.note, request.rating};
}

#undef AFTERCARE_FROM_JSON

} // namespace aftercare::api
