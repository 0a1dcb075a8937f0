// One message of a delivery log (the ticket workspace's, the admin screen's webhooks): its state
// chip and channel, what it was about, to whom (masked as the server gives it), when, attempts and
// the last error.
#pragma once

#include "api/outbound_wire.h"

namespace aftercare::portal {

struct AppState;
struct Ui;

void DrawDeliveryEntry(AppState& state, Ui& ui, const api::DeliveryEntry& entry);

} // namespace aftercare::portal
