// The console's "new ticket" screen (#/staff/new): staff register a ticket for a
// caller, a walk-in or an e-mail — the same kinds, checks and service number as self-service — and
// then read out or hand over the service number, the tracking link, or a printed slip.
#pragma once

#include "net/remote.h"

#include "api/customer_wire.h"

#include <map>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

// What the member typed. Kept in memory with the session only (never on the device: it is a
// customer's personal data on a shared desk), and kept as typed through a refused or failed send.
struct IntakeDraft {
    std::string channel = "phone";  // phone | walk_in | email (core::Channel wire names)
    std::string kind = "repair";    // core::TicketKind wire name
    std::string priority = "general";
    std::string name;
    std::string phone;
    std::string email;
    std::string model;
    std::string serial;
    std::string order_number;   // returns and exchanges: the order the server looks up
    std::string return_reason;  // returns and exchanges: core::ReturnReason wire name
    std::string complaint_category;  // complaints: core::ComplaintCategory wire name
    std::string related_ticket;      // complaints: the service number it is about; optional
    std::string subject;
    std::string description;
    std::string address;
};

struct IntakeState {
    IntakeDraft draft;
    std::map<std::string, std::string> errors;  // shown field -> message, under the field
    Remote<api::CreateTicketResponse> submitted;
    std::string attempt_key;  // one per attempt; a retry after a lost answer reuses it
    bool link_copied = false;
};

void DrawStaffIntake(AppState& state, Ui& ui);

} // namespace aftercare::portal
