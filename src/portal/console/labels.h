// The console's words and colours for domain values (states, priorities, kinds, actions, work
// records, SLA clocks, roles). Labels come from the staff string table ("staff.state.<wire name>"),
// so they render in both weights of the subset font and read naturally in each language.
#pragma once

#include "i18n.h"
#include "theme.h"

#include "core/sla.h"
#include "core/vocabulary.h"

#include <string>
#include <string_view>

namespace aftercare::portal {

struct AppState;

const std::string& StateLabel(const AppState& state, core::TicketState value);
const std::string& PriorityLabel(const AppState& state, core::Priority value);
const std::string& KindLabel(const AppState& state, core::TicketKind value);
const std::string& ActionLabel(const AppState& state, core::Action value);
const std::string& WorkLabel(const AppState& state, core::WorkKind value);
const std::string& ClockLabel(const AppState& state, core::SlaClock value);
const std::string& EscalationLabel(const AppState& state, core::EscalationLevel value);
const std::string& RoleLabel(const AppState& state, std::string_view role);
const std::string& UrgencyLabel(const AppState& state, core::SlaUrgency value);

ImVec4 StateColour(const Palette& palette, core::TicketState value);
ImVec4 PriorityColour(const Palette& palette, core::Priority value);
ImVec4 UrgencyColour(const Palette& palette, core::SlaUrgency value);
ImVec4 EscalationColour(const Palette& palette, core::EscalationLevel value);

} // namespace aftercare::portal
