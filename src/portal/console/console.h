// The staff console's frame: the session guard, the change feed, the console's navigation bar,
// and the helpers every console screen uses to call the staff API as the signed-in member.
#pragma once

#include "net/api_client.h"
#include "router.h"

#include <string>
#include <string_view>

namespace aftercare::portal {

struct AppState;
struct Ui;

// Runs before a console screen draws: sends a signed-out visitor to the login (remembering where
// they were going), keeps the change feed polling and the staff directory loaded.
void RunConsole(AppState& state, Ui& ui);

// Draws the console screen the route names. The console is its own program on the web
// (staff.html), so that a customer's first visit does not download its code: the customer's
// program (index.html, kiosk.html, embeds) links console/elsewhere.cpp in place of this library,
// and its RunConsole sends a console route to staff.html instead.
void DrawConsoleScreen(AppState& state, Ui& ui);

// Draws the console's navigation (sections, who is signed in, sign out). Returns false when no one
// is signed in: the screen then draws nothing (the login is on its way).
bool BeginConsoleScreen(AppState& state, Ui& ui, Screen section);

bool SignedIn(const AppState& state);
// True when an answer belongs to the session still signed in (not one signed out meanwhile).
bool SameSession(const AppState& state, const std::string& token);
// Every console failure goes through here: a 401 means the session ended, so sign out and say why.
void OnStaffError(AppState& state, const ApiError& error);
void SignOut(AppState& state, const char* notice_key);

// The display name for a staff username ("李工"), or the username while the directory loads.
const std::string& StaffName(const AppState& state, const std::string& username);

} // namespace aftercare::portal
