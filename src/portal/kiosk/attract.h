// The kiosk's attract screen: what a passer-by sees between customers. Bilingual, the five actions
// large, "touch to start" anywhere.
#pragma once

namespace aftercare::portal {

struct AppState;
struct Ui;

// Draws over the whole window; a touch starts a session (on the home screen, or on the action
// touched).
void DrawAttract(AppState& state, Ui& ui);

} // namespace aftercare::portal
