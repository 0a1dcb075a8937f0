// Kiosk mode: the idle timer, its warning and the session reset; see kiosk.h.
#include "kiosk/kiosk.h"

#include "app.h"
#include "icons.h"
#include "net/vendor_policy.h"
#include "widgets.h"

#include <imgui_internal.h>  // ClearActiveID, InputTextState

#include <cmath>
#include <memory>

namespace aftercare::portal {
namespace {

constexpr float kKioskBodyPx = 22.0f;  // read from arm's length: 22 px body, keys and targets >= 60 px

double IdleSeconds(const AppState& state, double now) { return now - state.kiosk.last_activity; }

} // namespace

void EnableKioskMode(AppState& state, double now) {
    state.kiosk.enabled = true;
    state.kiosk.attract = true;
    state.kiosk.last_activity = now;
    state.theme.body_px = kKioskBodyPx;
    ApplyTheme(state.theme);
}

void NoteKioskActivity(AppState& state, double now) { state.kiosk.last_activity = now; }

void OnNetworkOnline(AppState& state) {
    state.kiosk.outbox->OnOnline();
    EnsureVendorPolicy(state, /*retry_failed=*/true);  // if it could not load at start
}

double IdleWarningSecondsLeft(const AppState& state, double now) {
    if (!state.kiosk.enabled || state.kiosk.attract) return -1.0;
    const double left = static_cast<double>(state.policy.kiosk.idle_reset_seconds) - IdleSeconds(state, now);
    return left <= kIdleWarningSeconds ? std::max(left, 0.0) : -1.0;
}

void BeginKioskFrame(AppState& state, Host& host) {
    state.kiosk.outbox->Tick(state.api, host);
    if (!state.kiosk.enabled) return;
    const double now = host.NowUnixSeconds();
    // A clock set back must not postpone the reset: count from now instead.
    if (state.kiosk.last_activity > now) state.kiosk.last_activity = now;
    if (state.kiosk.attract) return;  // nothing to wipe, nothing to time
    const double reset_after = static_cast<double>(state.policy.kiosk.idle_reset_seconds);
    const double idle = IdleSeconds(state, now);
    if (state.kiosk.reset_requested || idle >= reset_after) {
        ResetKioskSession(state, host);
        return;
    }
    const double left = reset_after - idle;
    if (left > kIdleWarningSeconds) {
        host.RequestRedrawAfter(left - kIdleWarningSeconds);  // when the warning is due
    } else {
        // The countdown shows whole seconds: come back when the number changes.
        const double next_tick = left - (std::ceil(left) - 1.0);
        host.RequestRedrawAfter(std::max(next_tick, 0.02));
    }
}

void DrawIdleWarning(AppState& state, Ui& ui) {
    const double left = IdleWarningSecondsLeft(state, ui.host.NowUnixSeconds());
    if (left < 0.0) return;
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##idle-warning", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();
    // A modal in the mirror too: the page behind is inert for Tab and screen readers.
    ui.a11y.BeginModal(state.Tr("kiosk.idle.title"));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = viewport->WorkPos, size = viewport->WorkSize;
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), ToU32(ImVec4(0.114f, 0.129f, 0.161f, 0.55f)));

    // A centred card: a countdown ring, the question, what will happen, and one big button. Its
    // height is last frame's measure of its content; the background goes under the content.
    ImGuiStorage* storage = ImGui::GetStateStorage();
    const ImGuiID height_key = ImGui::GetID("##idle-card-height");
    const float card_w = std::min(size.x - theme.Em(3.0f), theme.Em(26.0f));
    const float card_h = storage->GetFloat(height_key, theme.Em(20.0f));
    const ImVec2 card(origin.x + (size.x - card_w) * 0.5f, origin.y + (size.y - card_h) * 0.5f);
    draw->ChannelsSplit(2);
    draw->ChannelsSetCurrent(1);

    const int seconds = static_cast<int>(std::ceil(left));
    const ImVec2 centre(card.x + card_w * 0.5f, card.y + theme.Em(4.5f));
    const float radius = theme.Em(2.8f);
    draw->AddCircle(centre, radius, ToU32(p.brand_soft), 64, theme.Em(0.45f));
    const float fraction = static_cast<float>(left / kIdleWarningSeconds);
    const float start = -IM_PI * 0.5f;
    draw->PathArcTo(centre, radius, start, start + fraction * 2.0f * IM_PI, 64);
    draw->PathStroke(ToU32(p.warning), 0, theme.Em(0.45f));
    PushTextStyle(theme, TextStyle::Display);
    const std::string number = std::to_string(seconds);
    const ImVec2 number_size = ImGui::CalcTextSize(number.c_str());
    draw->AddText(ImVec2(centre.x - number_size.x * 0.5f, centre.y - number_size.y * 0.5f), ToU32(p.text),
                  number.c_str());
    ImGui::PopFont();

    const float pad = theme.Em(1.75f);
    ImGui::SetCursorScreenPos(ImVec2(card.x + pad, card.y + theme.Em(8.5f)));
    BeginColumn(ui, card.x + pad - origin.x, card_w - pad * 2.0f);
    PushTextStyle(theme, TextStyle::Title1);
    const std::string& title = state.Tr("kiosk.idle.title");
    const float title_w = ImGui::CalcTextSize(title.c_str()).x;
    ImGui::PopFont();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (card_w - pad * 2.0f - title_w) * 0.5f));
    Heading(ui, TextStyle::Title1, title, 2);
    const std::string body =
        state.strings.Format(state.language, "kiosk.idle.body", {{"seconds", std::to_string(seconds)}});
    const float body_w = ImGui::CalcTextSize(body.c_str()).x;
    if (body_w < card_w - pad * 2.0f) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (card_w - pad * 2.0f - body_w) * 0.5f);
    Paragraph(ui, TextStyle::Body, body, p.text_muted, Role::Status);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    PushTextStyle(theme, TextStyle::Title3);
    if (Button(ui, "kiosk-continue", state.Tr("kiosk.idle.continue"),
               {.width = card_w - pad * 2.0f, .icon = ICON_HAND_POINTER})) {
        NoteKioskActivity(state, ui.host.NowUnixSeconds());
    }
    ImGui::PopFont();
    EndColumn(ui);
    const float measured = ImGui::GetItemRectMax().y + pad - card.y;
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(card, ImVec2(card.x + card_w, card.y + measured), ToU32(p.surface), theme.Em(1.0f));
    draw->ChannelsMerge();
    if (std::abs(measured - card_h) > 0.5f) {
        storage->SetFloat(height_key, measured);
        ui.host.RequestRedrawAfter(0.0);  // centre it again at its real height
    }
    ui.a11y.EndModal();
    ImGui::End();
}

void ResetKioskSession(AppState& state, Host& host) {
    HttpTransport& transport = state.api.Transport();
    transport.AbandonPending();
    host.ForgetCustomer();

    // What belongs to the device, not the customer, survives; everything else is re-created, so a
    // screen state added later is wiped without anyone having to remember to list it here.
    const Theme theme = state.theme;
    const EmbedConfig embed = state.embed;
    const core::Policy policy = state.policy;
    RemoteStatus vendor_policy = state.vendor_policy;
    if (vendor_policy.IsLoading()) vendor_policy.Reset();  // its request is dropped: ask again
    std::unique_ptr<Outbox> outbox = std::move(state.kiosk.outbox);
    std::destroy_at(&state);
    std::construct_at(&state, transport);
    state.theme = theme;
    state.embed = embed;
    state.policy = policy;
    state.vendor_policy = std::move(vendor_policy);
    state.kiosk.enabled = true;
    state.kiosk.attract = true;
    state.kiosk.last_activity = host.NowUnixSeconds();
    state.kiosk.outbox = std::move(outbox);
    state.kiosk.outbox->OnRequestsAbandoned();
    state.kiosk.outbox->ForgetFinished();
    state.a11y.OnDomScroll(0.0f);  // the next customer starts at the top

    // ImGui's own copy of the field being edited goes too.
    ImGui::ClearActiveID();
    if (ImGuiContext* context = ImGui::GetCurrentContext()) {
        context->InputTextState.ClearFreeMemory();
        context->InputTextState.ID = 0;
    }
    host.SetRoute(FormatRoute(state.route), /*replace=*/true);
    host.RequestRedrawAfter(0.0);
}

} // namespace aftercare::portal
