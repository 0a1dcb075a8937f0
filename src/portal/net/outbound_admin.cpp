// The messages tab's requests; see outbound_admin.h.
#include "net/outbound_admin.h"

#include "app.h"
#include "net/staff_requests.h"

namespace aftercare::portal {
namespace {

OutboundAdminState& Tab(AppState& state) { return state.staff.admin.outbound; }

// The form of `channel` ("email", "sms"; empty: both) shows what the server has; secrets are never
// sent back, so their fields start empty. A save refills only its own card: what is being typed
// on the other stays.
void FillForm(OutboundAdminState& tab, const api::ChannelsView& view, const std::string& channel = {}) {
    if (channel != "sms") {
        tab.email = view.email;
        tab.email_password.clear();
    }
    if (channel != "email") {
        tab.sms = view.sms;
        tab.sms_secret.clear();
    }
}

void Failed(AppState& state, ApiError error) {
    OutboundAdminState& tab = Tab(state);
    tab.busy = false;
    tab.channel_error = std::move(error);
}

} // namespace

void LoadChannels(AppState& state) {
    Tab(state).channels.StartLoading();
    requests::LoadChannels(
        state,
        [&state](api::ChannelsView view) {
            FillForm(Tab(state), view);
            Tab(state).channels.Succeed(std::move(view));
        },
        [&state](ApiError error) { Tab(state).channels.Fail(std::move(error)); });
}

void SaveChannel(AppState& state, const std::string& channel) {
    OutboundAdminState& tab = Tab(state);
    api::UpdateChannelsRequest request;
    if (channel == "email") {
        request.email = tab.email;
        request.email->password.reset();
        if (!tab.email_password.empty()) request.email->password = tab.email_password;
    } else {
        request.sms = tab.sms;
        request.sms->secret_key.reset();
        if (!tab.sms_secret.empty()) request.sms->secret_key = tab.sms_secret;
    }
    tab.busy = true;
    tab.channel_error.reset();
    tab.channel_notice.erase(channel);
    requests::SaveChannels(
        state, request,
        [&state, channel](api::ChannelsView view) {
            OutboundAdminState& t = Tab(state);
            t.busy = false;
            FillForm(t, view, channel);
            t.channel_notice[channel] = {"staff.outbound.saved", {}, true};
            // The forms' "notify me by" choices in this app follow at once.
            state.channels.email = !view.email.url.empty();
            state.channels.sms = !view.sms.provider.empty();
            t.channels.Succeed(std::move(view));
        },
        [&state](ApiError error) { Failed(state, std::move(error)); });
}

void SendTestMessage(AppState& state, const std::string& channel, const std::string& to) {
    OutboundAdminState& tab = Tab(state);
    tab.busy = true;
    tab.channel_error.reset();
    tab.channel_notice.erase(channel);
    requests::TestChannel(
        state, api::TestChannelRequest{channel, to},
        [&state, channel](api::TestChannelResponse answer) {
            OutboundAdminState& t = Tab(state);
            t.busy = false;
            t.channel_notice[channel] = {answer.sent ? "staff.outbound.test_sent" : "staff.outbound.test_failed",
                                         answer.error, answer.sent};
        },
        [&state](ApiError error) { Failed(state, std::move(error)); });
}

void LoadWebhooks(AppState& state) {
    Tab(state).webhooks.StartLoading();
    requests::LoadWebhooks(
        state, [&state](api::WebhookList list) { Tab(state).webhooks.Succeed(std::move(list)); },
        [&state](ApiError error) { Tab(state).webhooks.Fail(std::move(error)); });
}

namespace {
// A created or changed endpoint: its secret (when new) is shown once, and the list is read again.
void WebhookChanged(AppState& state, api::WebhookView view) {
    OutboundAdminState& t = Tab(state);
    t.busy = false;
    if (!view.secret.empty()) t.shown_secret = std::move(view);
    LoadWebhooks(state);
}

void WebhookFailed(AppState& state, ApiError error) {
    OutboundAdminState& t = Tab(state);
    t.busy = false;
    t.webhook_error = std::move(error);
}

void UpdateWebhook(AppState& state, long long id, const api::UpdateWebhookRequest& request) {
    OutboundAdminState& tab = Tab(state);
    tab.busy = true;
    tab.webhook_error.reset();
    tab.shown_secret.reset();
    requests::UpdateWebhook(
        state, id, request, [&state](api::WebhookView view) { WebhookChanged(state, std::move(view)); },
        [&state](ApiError error) { WebhookFailed(state, std::move(error)); });
}
} // namespace

void AddWebhook(AppState& state) {
    OutboundAdminState& tab = Tab(state);
    tab.busy = true;
    tab.webhook_error.reset();
    tab.shown_secret.reset();
    requests::CreateWebhook(
        state, api::CreateWebhookRequest{tab.webhook_url, {tab.webhook_events.begin(), tab.webhook_events.end()}},
        [&state](api::WebhookView view) {
            Tab(state).webhook_url.clear();
            Tab(state).webhook_events.clear();
            WebhookChanged(state, std::move(view));
        },
        [&state](ApiError error) { WebhookFailed(state, std::move(error)); });
}

void SetWebhookActive(AppState& state, long long id, bool active) {
    api::UpdateWebhookRequest request;
    request.active = active;
    UpdateWebhook(state, id, request);
}

void RotateWebhookSecret(AppState& state, long long id) {
    api::UpdateWebhookRequest request;
    request.rotate_secret = true;
    UpdateWebhook(state, id, request);
}

void LoadWebhookDeliveries(AppState& state) {
    Tab(state).deliveries.StartLoading();
    requests::LoadWebhookDeliveries(
        state, [&state](api::DeliveryList list) { Tab(state).deliveries.Succeed(std::move(list)); },
        [&state](ApiError error) { Tab(state).deliveries.Fail(std::move(error)); });
}

void ResendDelivery(AppState& state, long long id) {
    OutboundAdminState& tab = Tab(state);
    tab.busy = true;
    tab.webhook_error.reset();
    requests::ResendDelivery(
        state, id,
        [&state](api::DeliveryEntry) {
            Tab(state).busy = false;
            LoadWebhookDeliveries(state);
        },
        [&state](ApiError error) { WebhookFailed(state, std::move(error)); });
}

} // namespace aftercare::portal
