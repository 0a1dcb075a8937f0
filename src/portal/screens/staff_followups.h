// The console's follow-up screen (回访, #/staff/followups): resolved tickets whose customer no call
// has reached yet and key customers' periodic follow-ups (marked 定期回访, with the
// 《售后系统运行调查表》 as their form), oldest due first, with the customer, product, resolution date, days overdue and
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

// The 《售后系统运行调查表》 being filled in for one periodic follow-up at a time.
struct SurveyForm {
    std::int64_t schedule_id = 0;    // the schedule it is for; 0 when no form is open
    core::OperationSurvey survey;    // response_satisfaction 0 until chosen
    int anomaly = -1;                // -1 not chosen yet, 0 no, 1 yes
    std::map<std::string, std::string> errors;  // field -> message
    bool sending = false;
    std::optional<ApiError> error;
    std::string attempt_key;
};

// A new periodic follow-up for a key customer's product, as typed.
struct ScheduleForm {
    bool open = false;
    std::string serial;
    std::string customer_name;
    std::string customer_phone;
    std::string project_name;
    std::string contract_number;
    int period = 1;                  // 0 monthly, 1 quarterly
    std::string first_due;           // YYYY-MM-DD; today when the form opens
    std::map<std::string, std::string> errors;
    bool sending = false;
    std::optional<ApiError> error;
    std::string attempt_key;
};

struct FollowUpsState {
    Remote<api::FollowUpQueue> queue;  // the pages loaded so far, appended
    bool refreshing = false;
    bool loading_more = false;
    std::optional<ApiError> more_error;
    std::int64_t version = -1;         // the console's change counter the list reflects
    int generation = 0;                // answers for an older load are dropped
    FollowUpCallForm form;
    SurveyForm survey;
    ScheduleForm schedule;
    // Ending a periodic follow-up: the schedule asked about (0: none), then sent; a refusal shows on its card.
    std::int64_t ending = 0;
    bool end_sending = false;
    std::optional<ApiError> end_error;
    std::string notice;                // what the last recorded call did, in words
};

void DrawStaffFollowUps(AppState& state, Ui& ui);

// The ticket workspace's follow-up card (resolved, confirmed or closed tickets): the same call
// form, for a call made from the ticket itself.
void DrawFollowUpCall(AppState& state, Ui& ui, const api::TicketView& ticket);

} // namespace aftercare::portal
