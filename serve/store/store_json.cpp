// Ticket and event documents as the stores keep them.
#include "store/store_json.hpp"

#include <stdexcept>

#include "api/core_json.h"
#include "api/followup_schedule_wire.h"
#include "json_text.hpp"
#include "store/store.hpp"

namespace aftercare::serve::store_json {

using Json = nlohmann::json;

std::string Dump(const Json& value) { return JsonText(value); }

std::string TicketBody(const core::Ticket& ticket) {
    Json body;
    to_json(body, ticket);
    body.erase("timeline");
    return Dump(body);
}

std::string EventBody(const core::TimelineEvent& event) {
    Json body;
    to_json(body, event);
    return Dump(body);
}

int LastSequence(const core::Ticket& ticket) { return ticket.timeline.empty() ? 0 : ticket.timeline.back().sequence; }

core::Ticket ParseTicket(const std::string& body_text, const std::vector<std::string>& events) {
    Json body = Json::parse(body_text);
    Json timeline = Json::array();
    for (const auto& event : events) timeline.push_back(Json::parse(event));
    body["timeline"] = std::move(timeline);
    auto ticket = api::FromJson<core::Ticket>(body);
    if (!ticket) throw std::runtime_error("stored ticket does not parse: " + ticket.GetError().code);
    return std::move(ticket).Value();
}

core::TimelineEvent ParseEvent(const std::string& body) {
    auto event = api::FromJson<core::TimelineEvent>(Json::parse(body));
    if (!event) throw std::runtime_error("stored event does not parse");
    return std::move(event).Value();
}

std::string SurveyBody(const core::OperationSurvey& survey) {
    Json body;
    to_json(body, survey);
    return Dump(body);
}

core::OperationSurvey ParseSurvey(const std::string& body) {
    auto survey = api::FromJson<core::OperationSurvey>(Json::parse(body));
    if (!survey) throw std::runtime_error("stored survey does not parse");
    return std::move(survey).Value();
}

}  // namespace aftercare::serve::store_json

namespace aftercare::serve {

TicketRow::TicketRow(const core::Ticket& of, TicketIndex columns, int after)
    : ticket(&of), index(std::move(columns)), last_sequence(store_json::LastSequence(of)),
      body(store_json::TicketBody(of)) {
    for (const auto& event : of.timeline)
        if (event.sequence > after) events.emplace_back(event.sequence, store_json::EventBody(event));
}

}  // namespace aftercare::serve
