// Words and colours for the domain's values (states, kinds, priorities, actions, work records, SLA
// clocks, escalation, roles), for customers and for staff. The words of core's enums come from
// core/vocabulary.h, which holds one table per enum (with a customer wording where it truly
// differs: "待您回复" for the customer, "待客户回复" for staff), so the server's notes use the same
// words; roles and SLA urgency are the console's own, in the string table.
#pragma once

#include "i18n.h"
#include "theme.h"
#include "widgets/tone.h"

#include "core/sla.h"
#include "core/vocabulary.h"

#include <string>
#include <string_view>

namespace aftercare::portal {

struct AppState;

const std::string& StateLabel(const AppState& state, core::TicketState value, core::Audience audience);
const std::string& KindLabel(const AppState& state, core::TicketKind value, core::Audience audience);
const std::string& PriorityLabel(const AppState& state, core::Priority value);
const std::string& ActionLabel(const AppState& state, core::Action value);
const std::string& WorkLabel(const AppState& state, core::WorkKind value);
const std::string& ClockLabel(const AppState& state, core::SlaClock value);
const std::string& EscalationLabel(const AppState& state, core::EscalationLevel value);
const std::string& RoleLabel(const AppState& state, std::string_view role);
// Staff roles in words, as a list: "部门经理、总经理".
std::string RoleLabels(const AppState& state, const std::vector<std::string>& roles);
const std::string& UrgencyLabel(const AppState& state, core::SlaUrgency value);
const std::string& ChannelLabel(const AppState& state, core::Channel value);

// The customer's status chip: whose move it is (theirs is a warning, a refusal is danger).
Tone StateTone(core::TicketState value);
// The console's chips: a colour per stage of the flow.
ImVec4 StateColour(const Palette& palette, core::TicketState value);
ImVec4 PriorityColour(const Palette& palette, core::Priority value);
ImVec4 UrgencyColour(const Palette& palette, core::SlaUrgency value);
ImVec4 EscalationColour(const Palette& palette, core::EscalationLevel value);

} // namespace aftercare::portal
