// The console's follow-up screen (回访, #/staff/followups): resolved tickets whose customer no call
// has reached yet, oldest due first, with the customer, product, resolution date, days overdue and
// earlier attempts; a call is recorded on the card — reached or not, what was said, and on a
// reached call the customer's five-dimension rating given on the phone.
#pragma once

#include "net/remote.h"

#include "api/followup_wire.h"

#include <array>
#include <map>
#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

// The call being written down, for one ticket at a time.
struct FollowUpCallForm {
    std::string number;              // the ticket it is about; "" when no form is open
    int reached = -1;                // -1 not chosen yet, 0 not reached, 1 reached
    std::string note;
    bool with_rating = false;        // reached, not rated yet, and the customer gave a rating
    std::array<int, 5> stars{};      // quality, speed, attitude, scope, guarantee (0: not given)
    int solved = 1;                  // 1 yes, 0 no
    std::string comment;
    std::map<std::string, std::string> errors;  // field -> message
    bool sending = false;
    std::optional<ApiError> error;
    std::string attempt_key;         // one per attempt; a retry after a lost answer reuses it
};

struct FollowUpsState {
    Remote<api::FollowUpQueue> queue;  // the pages loaded so far, appended
    bool refreshing = false;
    bool loading_more = false;
    std::optional<ApiError> more_error;
    std::int64_t version = -1;         // the console's change counter the list reflects
    int generation = 0;                // answers for an older load are dropped
    FollowUpCallForm form;
    std::string notice;                // what the last recorded call did, in words
};

void DrawStaffFollowUps(AppState& state, Ui& ui);

// The ticket workspace's follow-up card (resolved, confirmed or closed tickets): the same call
// form, for a call made from the ticket itself.
void DrawFollowUpCall(AppState& state, Ui& ui, const api::TicketView& ticket);

} // namespace aftercare::portal
