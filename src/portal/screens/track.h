// Track screen (#/track): find a ticket by its service number and the last four digits of the
// phone given with it, then open its page (#/track/<number>, screens/ticket_page.h). The number is
// checked as it is typed (length, characters, check character) with core's ParseServiceNumber.
#pragma once

#include "net/remote.h"

#include "api/customer_wire.h"

#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

struct TrackState {
    std::string number;              // as typed
    std::string last4;
    bool draft_loaded = false;       // the form was restored from this device once
    std::string route_number;        // the ?n= last taken from the address bar
    bool tried = false;              // a lookup was attempted: empty fields now say so
    std::string last4_error_server;  // the server's word on the digits sent
    Remote<api::LookupResponse> lookup;
    std::string notice_key;          // why the form is shown again: an expired link, a bare ticket link
};

// #/track draws the lookup form, #/track/<number> the ticket page.
void DrawTrack(AppState& state, Ui& ui);

} // namespace aftercare::portal
