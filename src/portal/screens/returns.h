// Returns and exchanges (#/returns): order number + phone → the order's item → why → the eligibility
// verdict from the server's rules → refund or exchange → a return ticket, its RMA number and how to
// send the item back.
#pragma once

#include "net/remote.h"
#include "screens/notify_choice.h"

#include "api/customer_wire.h"
#include "core/vocabulary.h"

#include <map>
#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

enum class ReturnsStep { Order, Item, Verdict, Request, Done };

// What the customer typed and chose: saved on the device as it changes, so a reload keeps it.
struct ReturnsDraft {
    ReturnsStep step = ReturnsStep::Order;
    std::string order_number;
    std::string phone;
    std::string item;  // the chosen item's key (ItemKey)
    std::optional<core::ReturnReason> reason;
    bool item_intact = true;
    std::optional<core::Remedy> remedy;  // Refund or Exchange
    std::string name;
    std::string email;    // optional
    NotifyChoice notify;  // "notify me by", for the channels the server has
    std::string address;  // where an exchange's replacement goes
    std::string note;
};

struct ReturnsState {
    bool draft_loaded = false;
    std::string saved_draft;  // the JSON last written to the device
    ReturnsDraft draft;
    std::map<std::string, std::string> errors;  // field → message, shown next to the field
    Remote<api::OrderLookupResponse> order;
    Remote<core::ReturnsDecision> refund;    // the verdict for each remedy, so the customer sees
    Remote<core::ReturnsDecision> exchange;  // which ones are open before choosing
    Remote<api::CreateTicketResponse> submitted;
    std::string idempotency_key;  // one per submission attempt, reused on retry
    double copied_at = 0;
    ReturnsStep shown_step = ReturnsStep::Order;  // to scroll a new step to the top
};

void DrawReturns(AppState& state, Ui& ui);

} // namespace aftercare::portal
