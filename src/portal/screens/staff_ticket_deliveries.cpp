// The ticket workspace's delivery log: every message the ticket caused (customer notices by SMS or
// e-mail, escalation notices to managers, webhooks to the vendor), newest first, with the recipient
// masked as the server gives it, its state (sent, pending, dead), attempts, the last error and when.
// Reloaded with the ticket; while a message is pending, reloaded again when it is due.
#include "screens/staff_ticket.h"
#include "screens/staff_ticket_parts.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "net/staff_requests.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

// How long after a pending message's next attempt the log looks again (the sender needs a moment),
// and the longest it waits (a retry hours away is not worth holding a plan for).
constexpr double kAfterDueSeconds = 3.0;
constexpr double kLongestWaitSeconds = 60.0;

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
    {"escalation_notice", "staff.delivery.event.escalation_notice"},
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

void DrawEntry(AppState& state, Ui& ui, const api::DeliveryEntry& entry) {
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

// A pending message becomes sent (or fails) on the server without a new event: look again when due.
void PlanReload(AppState& state, Host& host, const api::DeliveryList& list) {
    WorkspaceState& ws = state.staff.ticket;
    ws.deliveries_due_at = 0;
    const double now = host.NowUnixSeconds();
    double due = 0;
    for (const api::DeliveryEntry& entry : list.deliveries) {
        if (entry.state != "pending") continue;
        const double at = static_cast<double>(entry.next_attempt_at.value_or(entry.created_at)) + kAfterDueSeconds;
        due = due == 0 ? at : std::min(due, at);
    }
    if (due == 0) return;
    ws.deliveries_due_at = std::clamp(due, now + kAfterDueSeconds, now + kLongestWaitSeconds);
    host.RequestRedrawAfter(ws.deliveries_due_at - now);
}

} // namespace

void LoadDeliveries(AppState& state, Host& host) {
    WorkspaceState& ws = state.staff.ticket;
    ws.deliveries.StartLoading();  // keeps the list shown until the new one arrives
    ws.deliveries_due_at = 0;
    const std::string number = ws.number;
    requests::LoadDeliveries(
        state, number,
        [&state, &host, number](api::DeliveryList answer) {
            if (state.staff.ticket.number != number) return;
            PlanReload(state, host, answer);
            state.staff.ticket.deliveries.Succeed(std::move(answer));
        },
        [&state, number](ApiError error) {
            if (state.staff.ticket.number != number) return;
            state.staff.ticket.deliveries.Fail(std::move(error));
        });
}

void DrawDeliveries(AppState& state, Ui& ui) {
    WorkspaceState& ws = state.staff.ticket;
    const Palette& p = ui.theme.palette;
    if (ws.deliveries.IsIdle()) LoadDeliveries(state, ui.host);
    if (ws.deliveries_due_at > 0 && ui.host.NowUnixSeconds() >= ws.deliveries_due_at && !ws.deliveries.IsLoading())
        LoadDeliveries(state, ui.host);
    BeginCard(ui, "##deliveries");
    Heading(ui, TextStyle::Title3, state.Tr("staff.delivery.title"), 2);
    if (ws.deliveries.IsLoading() && !ws.deliveries.value) LoadingIndicator(ui, state.Tr("staff.delivery.loading"));
    if (ws.deliveries.IsFailed() && ws.deliveries.error &&
        ErrorBanner(ui, state.strings, state.language, *ws.deliveries.error, "deliveries-error")) {
        LoadDeliveries(state, ui.host);
    }
    if (ws.deliveries.value) {
        const auto& deliveries = ws.deliveries.value->deliveries;
        if (deliveries.empty()) {
            Paragraph(ui, TextStyle::Small, state.Tr("staff.delivery.empty"), p.text_muted);
        } else {
            for (const api::DeliveryEntry& entry : deliveries) {
                if (&entry != &deliveries.front()) ImGui::Dummy(ImVec2(0, ui.theme.Em(0.5f)));
                DrawEntry(state, ui, entry);
            }
        }
        if (Button(ui, "deliveries-refresh", state.Tr("staff.delivery.refresh"),
                   {.kind = ButtonKind::Quiet, .enabled = !ws.deliveries.IsLoading(), .icon = ICON_REFRESH})) {
            LoadDeliveries(state, ui.host);
        }
    }
    EndCard(ui);
}

} // namespace aftercare::portal
