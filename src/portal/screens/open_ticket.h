// The ticket the customer has open: its number, the token that opens it and the server's view of
// it, held once for the ticket page (#/track/<number>) and the rate screen (#/rate/<number>). A
// rating given on one shows on the other, and going from one to the other asks nobody again.
#pragma once

#include "net/remote.h"

#include "api/customer_wire.h"

#include <string>

namespace aftercare::portal {

class Host;

struct OpenTicket {
    std::string compact;   // storage form ("R7KX4M9QP2HC"); empty when none is open
    std::string display;   // "R7KX-4M9Q-P2HC"
    std::string token;     // the customer token that opens it; empty until known
    int generation = 0;    // bumped whenever another ticket (or none) is opened: older answers are dropped
    Remote<api::TicketView> view;
    double clock_offset = 0;  // server clock minus this device's clock, from sla.evaluated_at
};

// Opens another ticket (or none, with empty numbers): everything known of the previous one goes.
void OpenAnother(OpenTicket& ticket, std::string compact, std::string display);

// Takes an answer carrying the ticket's whole view: the clock offset, and the older events paged in
// before stay in front of its newest page. A ticket seen open that is now resolved is told to the
// embedding page (a vendor's "your repair is done" banner); only a change seen live counts.
void TakeView(OpenTicket& ticket, api::TicketView view, Host& host);

} // namespace aftercare::portal
