// One line of a delivery log; see delivery_entry.h.
#include "console/delivery_entry.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/status_chip.h"

namespace aftercare::portal {
namespace {

// The outbox's template and webhook names, in words. Literal keys, so the i18n check sees them.
struct EventName {
    const char* type;
    const char* key;
};
constexpr EventName kEventNames[] = {
    {"ticket_received", "staff.delivery.event.ticket_received"},
    {"ticket_accepted", "staff.delivery.event.ticket_accepted"},
    {"engineer_assigned", "staff.delivery.event.engineer_assigned"},
    {"waiting_reply", "staff.delivery.event.waiting_reply"},
    {"return_steps", "staff.delivery.event.return_steps"},
    {"complaint_answered", "staff.delivery.event.complaint_answered"},
    {"ticket_resolved", "staff.delivery.event.ticket_resolved"},
    {"rating_invitation", "staff.delivery.event.rating_invitation"},
    {"engineer_departed", "staff.delivery.event.engineer_departed"},
    {"quote_issued", "staff.delivery.event.quote_issued"},
    {"visit_rescheduled", "staff.delivery.event.visit_rescheduled"},
    {"escalation_notice", "staff.delivery.event.escalation_notice"},
    {"quality_incident", "staff.delivery.event.quality_incident"},
};

std::string EventLabel(const AppState& state, const std::string& type) {
    for (const EventName& name : kEventNames)
        if (type == name.type) return state.Tr(name.key);
    return type;  // a webhook event such as ticket.state_changed reads well as it is
}

const char* ChannelIcon(const std::string& channel) {
    if (channel == "email") return ICON_ENVELOPE;
    if (channel == "sms") return ICON_MOBILE;
    return ICON_LINK;
}

const char* ChannelKey(const std::string& channel) {
    if (channel == "email") return "staff.delivery.channel.email";
    if (channel == "sms") return "staff.delivery.channel.sms";
    return "staff.delivery.channel.webhook";
}

std::string RecipientLabel(const AppState& state, const api::DeliveryEntry& entry) {
    if (entry.recipient_label == "customer") return state.Tr("staff.delivery.to_customer");
    if (entry.channel == "webhook") return state.Tr("staff.delivery.to_vendor");
    return StaffName(state, entry.recipient_label);  // a manager told of an escalation
}

} // namespace

void DrawDeliveryEntry(AppState& state, Ui& ui, const api::DeliveryEntry& entry) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const int offset = ui.host.UtcOffsetMinutes();
    ImGui::PushID(static_cast<int>(entry.id));
    const char* state_key = entry.state == "sent"    ? "staff.delivery.state.sent"
                            : entry.state == "dead" ? "staff.delivery.state.dead"
                                                    : "staff.delivery.state.pending";
    const ImVec4 colour = entry.state == "sent" ? p.success : entry.state == "dead" ? p.danger : p.warning;
    ColourChip(ui, state.Tr(state_key), colour, {.icon = ChannelIcon(entry.channel), .compact = true});
    ImGui::SameLine(0.0f, theme.Em(0.4f));
    const std::string what = state.strings.Format(
        state.language, "staff.delivery.line",
        {{"channel", state.Tr(ChannelKey(entry.channel))}, {"event", EventLabel(state, entry.event_type)}});
    Paragraph(ui, TextStyle::Body, what, p.text);
    const std::string to = state.strings.Format(state.language, "staff.delivery.to",
                                                {{"who", RecipientLabel(state, entry)}, {"address", entry.recipient}});
    Paragraph(ui, TextStyle::Small, to, p.text_muted);
    std::string when;
    if (entry.state == "sent" && entry.sent_at) {
        when = state.strings.Format(state.language, "staff.delivery.sent_at",
                                    {{"time", FormatShortDateTime(*entry.sent_at, offset)},
                                     {"attempts", std::to_string(entry.attempts)}});
    } else if (entry.state == "dead") {
        when = state.strings.Format(state.language, "staff.delivery.dead_after",
                                    {{"attempts", std::to_string(entry.attempts)}});
    } else {
        when = state.strings.Format(
            state.language, "staff.delivery.pending_until",
            {{"time", FormatShortDateTime(entry.next_attempt_at.value_or(entry.created_at), offset)},
             {"attempts", std::to_string(entry.attempts)}});
    }
    when += " · " + state.strings.Format(state.language, "staff.delivery.queued_at",
                                         {{"time", FormatShortDateTime(entry.created_at, offset)}});
    Paragraph(ui, TextStyle::Small, when, p.text_muted);
    if (!entry.last_error.empty()) {
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.delivery.error", {{"error", entry.last_error}}),
                  entry.state == "dead" ? p.danger : p.text_muted);
    }
    ImGui::PopID();
}

} // namespace aftercare::portal
