// The admin screen's messages tab talking to the server: the e-mail and SMS channels (load, save,
// send a test), the webhook endpoints (load, add, switch on/off, rotate the secret) and their
// deliveries (load, resend). Answers land in AdminState::outbound. One function per intent.
#pragma once

#include <string>

#include "api/outbound_wire.h"

namespace aftercare::portal {

struct AppState;

void LoadChannels(AppState& state);
// Saves one channel ("email" or "sms") from the tab's form.
void SaveChannel(AppState& state, const std::string& channel);
void SendTestMessage(AppState& state, const std::string& channel, const std::string& to);

void LoadWebhooks(AppState& state);
void AddWebhook(AppState& state);
void SetWebhookActive(AppState& state, long long id, bool active);
void RotateWebhookSecret(AppState& state, long long id);

void LoadWebhookDeliveries(AppState& state);
void ResendDelivery(AppState& state, long long id);

} // namespace aftercare::portal
