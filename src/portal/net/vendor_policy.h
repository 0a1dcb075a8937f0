// The vendor's policy (SLA numbers, escalation steps, holidays) from GET /api/v1/policy, loaded
// once and kept in AppState::policy, so client-side rules (SLA countdowns) use the server's numbers.
#pragma once

namespace aftercare::portal {

struct AppState;

// Starts the load if it has not been tried, or (with retry_failed) if it failed; cheap to call
// every frame. Until it arrives AppState::policy holds the standard document's defaults.
void EnsureVendorPolicy(AppState& state, bool retry_failed = false);

} // namespace aftercare::portal
