// The engineer's jobs: the item builder and JSON.
#include "api/jobs_wire.h"

#include "api/json_write.h"
#include "core/quote.h"
#include "core/sla.h"
#include "core/work_log.h"

namespace aftercare::api {

using detail::Object;
using detail::PutOptional;

JobItem MakeJobItem(const core::Ticket& ticket, core::UnixSeconds now, const core::Policy& policy) {
    JobItem item;
    item.service_number = ticket.service_number;
    item.priority = ticket.priority;
    item.state = ticket.state;
    item.subject = ticket.details.subject;
    item.customer_name = ticket.details.customer.name;
    item.model = ticket.details.product.model;
    if (ticket.details.repair) item.fault_category = ticket.details.repair->fault_category;
    item.address_masked = MaskAddress(ticket.details.address);
    item.visit = core::BookedVisit(ticket);
    if (item.visit) {
        const core::VisitSpan span = core::SpanOf(*item.visit, ticket.details.utc_offset_minutes);
        item.visit_start = span.start;
        item.visit_end = span.end;
    }
    const core::SlaStatus sla = core::EvaluateSla(ticket, now, policy);
    const core::Deadline& arrival = sla.Get(core::SlaClock::Arrival);
    const bool running = arrival.status == core::DeadlineStatus::Running ||
                         arrival.status == core::DeadlineStatus::Overdue;
    if (running && arrival.due_at) item.arrival_due_at = arrival.due_at;
    item.arrival_overdue = arrival.status == core::DeadlineStatus::Overdue;
    item.stage = std::string(core::ToString(core::StageOf(ticket)));
    item.last_sequence = ticket.timeline.empty() ? 0 : ticket.timeline.back().sequence;
    item.has_service_report = core::CurrentServiceReport(ticket) != nullptr;
    return item;
}

#define AFTERCARE_FROM_JSON(Type)                                                                   \
    void from_json(const Json& json_value, Type& value) { ReadOrThrow(json_value, value); }

void to_json(Json& json_value, const JobItem& value) {
    json_value = Object({{"service_number", value.service_number},
                         {"priority", value.priority},
                         {"state", value.state},
                         {"subject", value.subject},
                         {"customer_name", value.customer_name},
                         {"model", value.model},
                         {"fault_category", value.fault_category},
                         {"address_masked", value.address_masked},
                         {"arrival_overdue", value.arrival_overdue},
                         {"stage", value.stage},
                         {"last_sequence", value.last_sequence},
                         {"has_service_report", value.has_service_report}});
    PutOptional(json_value, "visit", value.visit);
    PutOptional(json_value, "visit_start", value.visit_start);
    PutOptional(json_value, "visit_end", value.visit_end);
    PutOptional(json_value, "arrival_due_at", value.arrival_due_at);
}
void ReadFields(WireReader& reader, JobItem& value) {
    reader.Required("service_number", value.service_number);
    reader.Required("priority", value.priority);
    reader.Required("state", value.state);
    reader.Optional("subject", value.subject);
    reader.Optional("customer_name", value.customer_name);
    reader.Optional("model", value.model);
    reader.Optional("fault_category", value.fault_category);
    reader.Optional("address_masked", value.address_masked);
    reader.Optional("visit", value.visit);
    reader.Optional("visit_start", value.visit_start);
    reader.Optional("visit_end", value.visit_end);
    reader.Optional("arrival_due_at", value.arrival_due_at);
    reader.Optional("arrival_overdue", value.arrival_overdue);
    reader.Required("stage", value.stage);
    reader.Optional("last_sequence", value.last_sequence);
    reader.Optional("has_service_report", value.has_service_report);
}
AFTERCARE_FROM_JSON(JobItem)

void to_json(Json& json_value, const JobsResponse& value) {
    json_value =
        Object({{"items", value.items}, {"next_cursor", value.next_cursor}, {"version", value.version}});
}
void ReadFields(WireReader& reader, JobsResponse& value) {
    reader.Required("items", value.items);
    reader.Optional("next_cursor", value.next_cursor);
    reader.Optional("version", value.version);
}
AFTERCARE_FROM_JSON(JobsResponse)

} // namespace aftercare::api
