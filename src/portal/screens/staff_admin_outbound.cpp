// The admin screen's messages tab (#/staff/admin?tab=outbound): the e-mail and SMS channels the
// customers' and managers' notices go by (with a test message each), the vendor's webhook
// endpoints (add, switch on/off, rotate the signing secret) and the webhook deliveries with
// "resend". A channel the server's flags set is shown read-only; secrets are typed, never shown.
//
// [SECTION] Helpers
// [SECTION] E-mail and SMS
// [SECTION] Webhooks
#include "screens/staff_admin.h"

#include "app.h"
#include "console/delivery_entry.h"
#include "console/format.h"
#include "icons.h"
#include "net/outbound_admin.h"
#include "widgets.h"
#include "widgets/dropdown.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace aftercare::portal {
namespace {

// The SMS providers the server knows, in the dropdown's order ("" is "off").
constexpr std::array<const char*, 3> kProviders = {"", "tencent", "http"};
constexpr std::size_t kShownDeliveries = 30;  // the newest; the server keeps the last 200

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

// The server's complaint about one setting ("email.url"), in the UI's language; empty when none.
std::string FieldError(const AppState& state, const std::optional<ApiError>& error, std::string_view field) {
    if (!error) return {};
    for (const core::Error& detail : error->details)
        if (detail.field == field) return Localized(detail.message, state.language);
    if (error->field == field) return Localized(error->message, state.language);
    return {};
}

// Whether the server's complaint is shown under a field of the cards (else it gets a banner).
bool OnAField(const ApiError& error) {
    const auto ours = [](const std::string& field) {
        return field == "to" || field.rfind("email.", 0) == 0 || field.rfind("sms.", 0) == 0;
    };
    if (ours(error.field)) return true;
    return !error.details.empty() &&
           std::all_of(error.details.begin(), error.details.end(), [&](const core::Error& d) { return ours(d.field); });
}

float FieldWidth(const Ui& ui) { return std::min(ImGui::GetContentRegionAvail().x, ui.theme.Em(26.0f)); }

void Notice(AppState& state, Ui& ui, const std::string& channel) {
    const OutboundAdminState& tab = state.staff.admin.outbound;
    const auto found = tab.channel_notice.find(channel);
    if (found == tab.channel_notice.end()) return;
    const OutboundAdminState::ChannelNotice& notice = found->second;
    Paragraph(ui, TextStyle::Small, state.strings.Format(state.language, notice.key, {{"error", notice.error}}),
              notice.ok ? ui.theme.palette.success : ui.theme.palette.danger, notice.ok ? Role::Status : Role::Alert);
}

// A channel card's top: its title, "已启用" / "未启用", where the settings come from, and what it is for.
void BeginChannelCard(AppState& state, Ui& ui, const char* id, const char* title_key, const char* help_key,
                      bool enabled, bool set_by_server) {
    const Palette& p = ui.theme.palette;
    BeginCard(ui, id);
    Heading(ui, TextStyle::Title3, state.Tr(title_key), 2);
    ColourChip(ui, state.Tr(enabled ? "staff.outbound.on" : "staff.outbound.off"), enabled ? p.success : p.text_muted);
    if (set_by_server)
        Paragraph(ui, TextStyle::Small, state.Tr("staff.outbound.set_by_server"), p.text_muted);
    Paragraph(ui, TextStyle::Small, state.Tr(help_key), p.text_muted);
}

// A test message to `to`, once the channel is on.
void TestRow(AppState& state, Ui& ui, const char* channel, std::string& to, bool enabled) {
    OutboundAdminState& tab = state.staff.admin.outbound;
    const std::string id = std::string(channel) + "-test-to";
    const bool sms = std::string_view(channel) == "sms";
    TextField(ui, id.c_str(), state.Tr(sms ? "staff.outbound.test_phone" : "staff.outbound.test_email"), to,
              {.error = FieldError(state, tab.channel_error, "to"),
               .numeric = sms,
               .width = FieldWidth(ui)});
    const std::string button = std::string(channel) + "-test";
    if (Button(ui, button.c_str(), state.Tr("staff.outbound.send_test"),
               {.kind = ButtonKind::Secondary, .enabled = enabled && !to.empty() && !tab.busy, .icon = ICON_PAPER_PLANE}))
        SendTestMessage(state, channel, to);
}

//-----------------------------------------------------------------------------
// [SECTION] E-mail and SMS
//-----------------------------------------------------------------------------

void DrawEmailCard(AppState& state, Ui& ui, const api::ChannelsView& view) {
    const Palette& p = ui.theme.palette;
    OutboundAdminState& tab = state.staff.admin.outbound;
    BeginChannelCard(state, ui, "##email-channel", "staff.outbound.email_title", "staff.outbound.email_help",
                     !view.email.url.empty(), view.email_set_by_server);
    const bool locked = view.email_set_by_server;
    const auto& error = tab.channel_error;
    if (locked) {
        Paragraph(ui, TextStyle::Body, view.email.url + "  ·  " + view.email.from, p.text);
    } else {
        const float width = FieldWidth(ui);
        TextField(ui, "email-url", state.Tr("staff.outbound.smtp_url"), tab.email.url,
                  {.hint = "smtp://smtp.example.com:587", .help = state.Tr("staff.outbound.smtp_url_help"),
                   .error = FieldError(state, error, "email.url"), .width = width});
        TextField(ui, "email-from", state.Tr("staff.outbound.smtp_from"), tab.email.from,
                  {.hint = "service@example.com", .error = FieldError(state, error, "email.from"), .width = width});
        TextField(ui, "email-user", state.Tr("staff.outbound.smtp_user"), tab.email.user, {.width = width});
        TextField(ui, "email-password", state.Tr("staff.outbound.smtp_password"), tab.email_password,
                  {.help = state.Tr(view.email_password_set ? "staff.outbound.secret_kept" : "staff.outbound.secret_none"),
                   .error = FieldError(state, error, "email.password"), .password = true, .width = width});
        if (Button(ui, "email-save", state.Tr("staff.outbound.save_email"), {.enabled = !tab.busy, .icon = ICON_CHECK}))
            SaveChannel(state, "email");
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    TestRow(state, ui, "email", tab.email_test_to, !view.email.url.empty());
    Notice(state, ui, "email");
    EndCard(ui);
}

void DrawSmsFields(AppState& state, Ui& ui, const api::ChannelsView& view) {
    OutboundAdminState& tab = state.staff.admin.outbound;
    const auto& error = tab.channel_error;
    const float width = FieldWidth(ui);
    std::vector<std::string> providers;
    for (const char* provider : kProviders)
        providers.push_back(state.Tr(std::string("staff.outbound.provider.") + (*provider ? provider : "none")));
    int chosen = 0;
    for (std::size_t i = 0; i < kProviders.size(); ++i)
        if (tab.sms.provider == kProviders[i]) chosen = static_cast<int>(i);
    if (Dropdown(ui, "sms-provider", state.Tr("staff.outbound.provider"), providers, chosen,
                 {.label_inside = false, .error = FieldError(state, error, "sms.provider")}))
        tab.sms.provider = kProviders[static_cast<std::size_t>(chosen)];
    const std::string secret_help =
        state.Tr(view.sms_secret_set ? "staff.outbound.secret_kept" : "staff.outbound.secret_none");
    if (tab.sms.provider == "http") {
        TextField(ui, "sms-url", state.Tr("staff.outbound.gateway_url"), tab.sms.url,
                  {.hint = "https://sms-gateway.example.com/send", .help = state.Tr("staff.outbound.gateway_help"),
                   .error = FieldError(state, error, "sms.url"), .width = width});
        TextField(ui, "sms-secret", state.Tr("staff.outbound.gateway_token"), tab.sms_secret,
                  {.help = secret_help, .error = FieldError(state, error, "sms.secret_key"), .password = true,
                   .width = width});
    } else if (tab.sms.provider == "tencent") {
        struct Field {
            const char* id;
            const char* label;
            std::string* value;
            const char* field;
        };
        const Field fields[] = {
            {"sms-secret-id", "staff.outbound.tencent_secret_id", &tab.sms.secret_id, "sms.secret_id"},
            {"sms-app-id", "staff.outbound.tencent_app_id", &tab.sms.sdk_app_id, "sms.sdk_app_id"},
            {"sms-sign-name", "staff.outbound.tencent_sign_name", &tab.sms.sign_name, "sms.sign_name"},
            {"sms-template-id", "staff.outbound.tencent_template_id", &tab.sms.template_id, "sms.template_id"},
            {"sms-region", "staff.outbound.tencent_region", &tab.sms.region, "sms.region"},
        };
        for (const Field& f : fields)
            TextField(ui, f.id, state.Tr(f.label), *f.value, {.error = FieldError(state, error, f.field), .width = width});
        TextField(ui, "sms-secret", state.Tr("staff.outbound.tencent_secret_key"), tab.sms_secret,
                  {.help = secret_help, .error = FieldError(state, error, "sms.secret_key"), .password = true,
                   .width = width});
    }
    if (Button(ui, "sms-save", state.Tr("staff.outbound.save_sms"), {.enabled = !tab.busy, .icon = ICON_CHECK}))
        SaveChannel(state, "sms");
}

void DrawSmsCard(AppState& state, Ui& ui, const api::ChannelsView& view) {
    const Palette& p = ui.theme.palette;
    OutboundAdminState& tab = state.staff.admin.outbound;
    BeginChannelCard(state, ui, "##sms-channel", "staff.outbound.sms_title", "staff.outbound.sms_help",
                     !view.sms.provider.empty(), view.sms_set_by_server);
    if (view.sms_set_by_server) {
        Paragraph(ui, TextStyle::Body,
                  state.Tr("staff.outbound.provider." + view.sms.provider) +
                      (view.sms.sign_name.empty() ? "" : "  ·  【" + view.sms.sign_name + "】"),
                  p.text);
    } else {
        DrawSmsFields(state, ui, view);
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    TestRow(state, ui, "sms", tab.sms_test_to, !view.sms.provider.empty());
    Notice(state, ui, "sms");
    EndCard(ui);
}

//-----------------------------------------------------------------------------
// [SECTION] Webhooks
//-----------------------------------------------------------------------------

void DrawAddWebhook(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    OutboundAdminState& tab = state.staff.admin.outbound;
    TextField(ui, "webhook-url", state.Tr("staff.outbound.webhook_url"), tab.webhook_url,
              {.hint = "https://erp.example.com/aftercare-events",
               .error = FieldError(state, tab.webhook_error, "url"),
               .required = true,
               .width = FieldWidth(ui)});
    Paragraph(ui, TextStyle::Small, state.Tr("staff.outbound.webhook_events"), theme.palette.text);
    for (const char* event : api::kWebhookEvents) {
        bool on = tab.webhook_events.contains(event);
        const std::string id = std::string("webhook-event-") + event;
        if (CheckBox(ui, id.c_str(), event, on)) {
            if (on) tab.webhook_events.insert(event);
            else tab.webhook_events.erase(event);
        }
        ImGui::SameLine(0.0f, theme.Em(1.0f));
    }
    ImGui::NewLine();
    const bool ready = !tab.webhook_url.empty() && !tab.webhook_events.empty() && !tab.busy;
    if (Button(ui, "webhook-add", state.Tr("staff.outbound.webhook_add"), {.enabled = ready, .icon = ICON_PLUS}))
        AddWebhook(state);
}

void DrawShownSecret(AppState& state, Ui& ui) {
    OutboundAdminState& tab = state.staff.admin.outbound;
    if (!tab.shown_secret) return;
    const Palette& p = ui.theme.palette;
    Paragraph(ui, TextStyle::Body,
              state.strings.Format(state.language, "staff.outbound.secret_shown", {{"url", tab.shown_secret->url}}),
              p.warning, Role::Alert);
    Paragraph(ui, TextStyle::Body, tab.shown_secret->secret, p.text);
    if (Button(ui, "webhook-copy-secret", state.Tr("staff.outbound.copy_secret"),
               {.kind = ButtonKind::Secondary, .icon = ICON_COPY}))
        ui.host.CopyToClipboard(tab.shown_secret->secret);
}

void DrawWebhookRow(AppState& state, Ui& ui, const api::WebhookView& endpoint) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    OutboundAdminState& tab = state.staff.admin.outbound;
    ImGui::PushID(static_cast<int>(endpoint.id));
    Paragraph(ui, TextStyle::Body, "#" + std::to_string(endpoint.id) + "  " + endpoint.url, p.text);
    ColourChip(ui, state.Tr(endpoint.active ? "staff.outbound.on" : "staff.outbound.off"),
               endpoint.active ? p.success : p.text_muted);
    for (const std::string& event : endpoint.events) {
        ImGui::SameLine(0.0f, theme.Em(0.4f));
        ColourChip(ui, event, p.brand, {.compact = true});
    }
    if (endpoint.previous_secret_until) {
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.outbound.previous_secret",
                                       {{"time", FormatShortDateTime(*endpoint.previous_secret_until,
                                                                     ui.host.UtcOffsetMinutes())}}),
                  p.text_muted);
    }
    if (Button(ui, "toggle", state.Tr(endpoint.active ? "staff.outbound.disable" : "staff.outbound.enable"),
               {.kind = ButtonKind::Quiet, .enabled = !tab.busy}))
        SetWebhookActive(state, endpoint.id, !endpoint.active);
    ImGui::SameLine(0.0f, theme.Em(0.75f));
    if (Button(ui, "rotate", state.Tr("staff.outbound.rotate"),
               {.kind = ButtonKind::Quiet, .enabled = !tab.busy && endpoint.active, .icon = ICON_REFRESH}))
        RotateWebhookSecret(state, endpoint.id);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    ImGui::PopID();
}

void DrawWebhooksCard(AppState& state, Ui& ui) {
    const Palette& p = ui.theme.palette;
    OutboundAdminState& tab = state.staff.admin.outbound;
    if (tab.webhooks.IsIdle()) LoadWebhooks(state);
    BeginCard(ui, "##webhooks");
    Heading(ui, TextStyle::Title3, state.Tr("staff.outbound.webhooks_title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("staff.outbound.webhooks_help"), p.text_muted);
    DrawAddWebhook(state, ui);
    if (tab.webhook_error && ErrorBanner(ui, state.strings, state.language, *tab.webhook_error, "webhook-error"))
        tab.webhook_error.reset();
    DrawShownSecret(state, ui);
    if (tab.webhooks.IsFailed() && tab.webhooks.error &&
        ErrorBanner(ui, state.strings, state.language, *tab.webhooks.error, "webhooks-error"))
        tab.webhooks.Reset();
    if (tab.webhooks.value) {
        if (tab.webhooks.value->endpoints.empty())
            Paragraph(ui, TextStyle::Small, state.Tr("staff.outbound.no_webhooks"), p.text_muted);
        for (const api::WebhookView& endpoint : tab.webhooks.value->endpoints) DrawWebhookRow(state, ui, endpoint);
    }
    EndCard(ui);
}

void DrawDeliveriesCard(AppState& state, Ui& ui) {
    const Palette& p = ui.theme.palette;
    OutboundAdminState& tab = state.staff.admin.outbound;
    if (tab.deliveries.IsIdle()) LoadWebhookDeliveries(state);
    BeginCard(ui, "##webhook-deliveries");
    Heading(ui, TextStyle::Title3, state.Tr("staff.outbound.deliveries_title"), 2);
    if (tab.deliveries.IsLoading() && !tab.deliveries.value) LoadingIndicator(ui, state.Tr("staff.delivery.loading"));
    if (tab.deliveries.IsFailed() && tab.deliveries.error &&
        ErrorBanner(ui, state.strings, state.language, *tab.deliveries.error, "webhook-deliveries-error"))
        LoadWebhookDeliveries(state);
    if (tab.deliveries.value) {
        const auto& deliveries = tab.deliveries.value->deliveries;
        if (deliveries.empty()) Paragraph(ui, TextStyle::Small, state.Tr("staff.outbound.no_deliveries"), p.text_muted);
        const std::size_t shown = std::min(deliveries.size(), kShownDeliveries);
        for (std::size_t i = 0; i < shown; ++i) {
            const api::DeliveryEntry& entry = deliveries[i];
            if (i > 0) ImGui::Dummy(ImVec2(0, ui.theme.Em(0.5f)));
            DrawDeliveryEntry(state, ui, entry);
            // A pending message goes out by itself; one that went out or gave up can be sent again.
            if (entry.state != "pending") {
                ImGui::PushID(static_cast<int>(entry.id));
                if (Button(ui, "resend", state.Tr("staff.outbound.resend"),
                           {.kind = ButtonKind::Quiet, .enabled = !tab.busy, .icon = ICON_PAPER_PLANE}))
                    ResendDelivery(state, entry.id);
                ImGui::PopID();
            }
        }
        if (Button(ui, "webhook-deliveries-refresh", state.Tr("staff.delivery.refresh"),
                   {.kind = ButtonKind::Quiet, .enabled = !tab.deliveries.IsLoading(), .icon = ICON_REFRESH}))
            LoadWebhookDeliveries(state);
    }
    EndCard(ui);
}

} // namespace

void DrawOutboundTab(AppState& state, Ui& ui) {
    OutboundAdminState& tab = state.staff.admin.outbound;
    if (tab.channels.IsIdle()) LoadChannels(state);
    if (tab.channels.IsLoading() && !tab.channels.value) LoadingIndicator(ui, state.Tr("staff.admin.loading"));
    if (tab.channels.IsFailed() && tab.channels.error &&
        ErrorBanner(ui, state.strings, state.language, *tab.channels.error, "channels-error"))
        tab.channels.Reset();
    if (tab.channel_error && !OnAField(*tab.channel_error) &&
        ErrorBanner(ui, state.strings, state.language, *tab.channel_error, "channel-error"))
        tab.channel_error.reset();
    if (tab.channels.value) {
        const api::ChannelsView view = *tab.channels.value;  // a copy: a save may replace it mid-frame
        DrawEmailCard(state, ui, view);
        DrawSmsCard(state, ui, view);
    }
    DrawWebhooksCard(state, ui);
    DrawDeliveriesCard(state, ui);
}

} // namespace aftercare::portal
