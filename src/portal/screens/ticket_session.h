// The ticket page's conversation with the server: opening the ticket named by the route (with the
// token from a tracking link or from this device), loading and refreshing the view, following it
// live by long-poll, and sending the customer's messages and actions. Nothing here draws.
#pragma once

#include "core/vocabulary.h"

#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

// Called first every frame the page is drawn: follows the route to the right ticket, takes a
// tracking link's token into storage (and out of the address bar), loads what is missing, and
// sends the customer back to the lookup form when there is no usable token (then it returns false:
// draw nothing more this frame).
bool SyncTicketRoute(AppState& state, Ui& ui);

// Keeps one long-poll for the ticket's events in flight while the page is drawn; new events
// refresh the view. Stops by itself when the page is no longer drawn.
void PumpLiveUpdates(AppState& state, Ui& ui);

void ReloadTicket(AppState& state, Ui& ui);
// "Show earlier": the page of the timeline before the oldest event shown (one request at a time).
void LoadEarlierEvents(AppState& state, Ui& ui);
// Retries the live connection now instead of at the end of its back-off.
void ReconnectLive(AppState& state);

// The server's clock now, from this device's clock and the offset measured on the last answer.
double ServerNow(const AppState& state, double device_now);

// Where the message being written is kept on this device until it is sent.
std::string MessageDraftKey(const AppState& state);

void SendTicketMessage(AppState& state, Ui& ui);
void RunTicketAction(AppState& state, Ui& ui, core::Action action, std::string note);
// Ends every session of this ticket on the server, then forgets it here: token, message draft.
// The lookup form follows, saying what happened.
void SignOutEverywhere(AppState& state, Ui& ui);
// The customer's answer to the repair quote; the answer (or why it failed) shows on the page.
void AnswerQuote(AppState& state, Ui& ui, bool accept);

} // namespace aftercare::portal
