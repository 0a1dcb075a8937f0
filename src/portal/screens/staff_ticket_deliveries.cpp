// The ticket workspace's delivery log: every message the ticket caused (customer notices by SMS or
// e-mail, escalation notices to managers, webhooks to the vendor), newest first, with the recipient
// masked as the server gives it, its state (sent, pending, dead), attempts, the last error and when.
// Reloaded with the ticket; while a message is pending, reloaded again when it is due.
#include "screens/staff_ticket.h"
#include "screens/staff_ticket_parts.h"

#include "app.h"
#include "console/console.h"
#include "console/delivery_entry.h"
#include "icons.h"
#include "net/staff_requests.h"
#include "widgets.h"
#include "widgets/feedback.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

// How long after a pending message's next attempt the log looks again (the sender needs a moment),
// and the longest it waits (a retry hours away is not worth holding a plan for).
constexpr double kAfterDueSeconds = 3.0;
constexpr double kLongestWaitSeconds = 60.0;

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
                DrawDeliveryEntry(state, ui, entry);
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
