// Labels and colours of domain values; see labels.h.
#include "labels.h"

#include "app.h"
#include "widgets/feedback.h"

namespace aftercare::portal {
namespace {

const std::string& Lookup(const AppState& state, std::string_view prefix, std::string_view wire) {
    std::string key(prefix);
    key += wire;
    return state.Tr(key);
}

ImVec4 Neutral(const Palette& p) { return p.text_muted; }

} // namespace

const std::string& StateLabel(const AppState& state, core::TicketState value, core::Audience audience) {
    return Localized(core::Label(value, audience), state.language);
}
const std::string& KindLabel(const AppState& state, core::TicketKind value, core::Audience audience) {
    return Localized(core::Label(value, audience), state.language);
}
const std::string& PriorityLabel(const AppState& state, core::Priority value) {
    return Localized(core::Label(value), state.language);
}
const std::string& ChannelLabel(const AppState& state, core::Channel value) {
    return Localized(core::Label(value), state.language);
}
const std::string& ActionLabel(const AppState& state, core::Action value) {
    return Lookup(state, "staff.action.", core::ToString(value));
}
const std::string& WorkLabel(const AppState& state, core::WorkKind value) {
    return Lookup(state, "staff.work.", core::ToString(value));
}
const std::string& ClockLabel(const AppState& state, core::SlaClock value) {
    return Lookup(state, "staff.clock.", core::ToString(value));
}
const std::string& EscalationLabel(const AppState& state, core::EscalationLevel value) {
    return Lookup(state, "staff.escalation.", core::ToString(value));
}
const std::string& RoleLabel(const AppState& state, std::string_view role) { return Lookup(state, "staff.role.", role); }
std::string RoleLabels(const AppState& state, const std::vector<std::string>& roles) {
    std::string labels;
    for (const std::string& role : roles) {
        if (!labels.empty()) labels += state.Tr("ticket.sla.list_separator");
        labels += RoleLabel(state, role);
    }
    return labels;
}

const std::string& UrgencyLabel(const AppState& state, core::SlaUrgency value) {
    switch (value) {
    case core::SlaUrgency::Breached: return state.Tr("staff.sla.breached");
    case core::SlaUrgency::Soon: return state.Tr("staff.sla.soon");
    case core::SlaUrgency::OnTrack: return state.Tr("staff.sla.on_track");
    case core::SlaUrgency::None: break;
    }
    return state.Tr("staff.sla.none");
}

Tone StateTone(core::TicketState value) {
    switch (value) {
    case core::TicketState::WaitingCustomer:
    case core::TicketState::AwaitingItem:
    case core::TicketState::Resolved: return Tone::Warning; // the customer's move
    case core::TicketState::Confirmed: return Tone::Success;
    case core::TicketState::Closed:
    case core::TicketState::Cancelled: return Tone::Neutral;
    case core::TicketState::Rejected: return Tone::Danger;
    default: return Tone::Brand;
    }
}

ImVec4 StateColour(const Palette& p, core::TicketState value) {
    switch (value) {
    case core::TicketState::Submitted: return p.warning;
    case core::TicketState::Accepted:
    case core::TicketState::Assigned:
    case core::TicketState::InProgress:
    case core::TicketState::ItemReceived: return p.brand;
    case core::TicketState::WaitingCustomer:
    case core::TicketState::AwaitingItem: return ImVec4(0.447f, 0.180f, 0.820f, 1.0f);  // #722ED1: waiting on others
    case core::TicketState::Resolved:
    case core::TicketState::Confirmed: return p.success;
    case core::TicketState::Closed:
    case core::TicketState::Cancelled:
    case core::TicketState::Rejected: return Neutral(p);
    }
    return Neutral(p);
}

ImVec4 PriorityColour(const Palette& p, core::Priority value) {
    switch (value) {
    case core::Priority::Urgent: return p.danger;
    case core::Priority::Serious: return p.warning;
    case core::Priority::General: break;
    }
    return Neutral(p);
}

ImVec4 UrgencyColour(const Palette& p, core::SlaUrgency value) {
    switch (value) {
    case core::SlaUrgency::Breached: return p.danger;
    case core::SlaUrgency::Soon: return p.warning;
    case core::SlaUrgency::OnTrack: return p.success;
    case core::SlaUrgency::None: break;
    }
    return Neutral(p);
}

ImVec4 EscalationColour(const Palette& p, core::EscalationLevel value) {
    return value == core::EscalationLevel::GeneralManager ? p.danger : p.warning;
}

} // namespace aftercare::portal
