// How both stores keep a ticket: its JSON without the timeline in one column, each timeline event as
// JSON in its own row. Shared by SqliteStore and PgStore so the two write identical documents.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/followup.h"
#include "core/ticket.h"

namespace aftercare::serve::store_json {

std::string Dump(const nlohmann::json& value);
std::string TicketBody(const core::Ticket& ticket);
std::string EventBody(const core::TimelineEvent& event);
int LastSequence(const core::Ticket& ticket);
// A ticket from its body and its events' bodies in sequence order. Rows were written by this code
// from validated values, so one that does not read back is corruption: it throws (a 500 with
// nothing leaked), never yields half a ticket.
core::Ticket ParseTicket(const std::string& body, const std::vector<std::string>& events);
core::TimelineEvent ParseEvent(const std::string& body);
// A periodic follow-up's 《售后系统运行调查表》 as JSON (followup_surveys.body), and back.
std::string SurveyBody(const core::OperationSurvey& survey);
core::OperationSurvey ParseSurvey(const std::string& body);

}  // namespace aftercare::serve::store_json
