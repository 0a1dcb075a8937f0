// Rate a service (#/rate/<number>, or #/rate to find the ticket first): five dimensions of 1-5
// stars, "was it solved?", a comment. Once per ticket, and only after it is resolved.
#pragma once

#include "net/remote.h"

#include "api/customer_wire.h"

#include <array>
#include <map>
#include <string>
#include <string_view>

namespace aftercare::portal {

struct AppState;
struct Ui;

// What the customer has given so far; saved on the device per ticket, so a reload keeps it.
struct RateForm {
    std::array<int, 5> stars{};  // quality, speed, attitude, scope, guarantee; 0 = not yet
    int solved = -1;             // -1 not answered, 0 no, 1 yes
    std::string comment;
};

// What the rate screen keeps beside the ticket it rates, which is the open ticket
// (AppState::open_ticket, screens/open_ticket.h): its number, token and view.
struct RateState {
    std::string route_number;  // the route's number as last taken (compact), to notice a new one
    bool route_taken = false;
    // Finding the ticket when the device holds no token for it.
    std::string lookup_number;
    std::string lookup_last4;
    Remote<api::LookupResponse> lookup;
    std::map<std::string, std::string> errors;  // field → message, shown next to the field

    RateForm form;
    std::string saved_form;  // the JSON last written to the device
    RemoteStatus sent;
    bool just_rated = false;     // thank the customer for the rating they just gave
    bool already_rated = false;  // the server said it was rated before: say so kindly
    bool scroll_to_top = false;  // the answer replaced the form: show it from the top
};

void DrawRate(AppState& state, Ui& ui);

// Opens the rating form for the open ticket (from its ticket page): its token is already held, so
// the form opens without asking who they are again, even where this device keeps nothing (storage
// refused, a kiosk session).
void StartRating(AppState& state, std::string_view service_number);

} // namespace aftercare::portal
