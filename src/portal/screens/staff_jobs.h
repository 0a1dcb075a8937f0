// The engineer's phone view (#/staff/jobs): the signed-in engineer's on-site jobs in visit order,
// each with its booked window, arrival deadline, product and fault, the address revealed on tap
// (audited, reason "on-site visit"), one-tap 已出发 / 已到达 / 完成, and after finishing the
// customer's sign-off: a signature on the phone, or "confirms later on the portal".
#pragma once

#include "net/remote.h"
#include "widgets/signature_pad.h"

#include "api/jobs_wire.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

// What one tap on a job is doing, and how it ended (shown on that job's card).
struct JobStep {
    bool busy = false;
    std::string done;               // the result, in words ("已记录出发：14:05")
    std::optional<ApiError> error;  // why it was refused
};

struct JobsState {
    Remote<api::JobsResponse> jobs;       // the pages loaded so far, appended
    bool refreshing = false;              // a reload of the first page is on its way
    bool loading_more = false;
    std::optional<ApiError> more_error;
    std::int64_t version = -1;            // change counter the list reflects
    int generation = 0;                   // answers for an older load are dropped
    std::map<std::string, JobStep> steps; // by service number
    std::map<std::string, std::string> addresses;  // revealed, by service number
    std::map<std::string, SignaturePadState> signatures;  // by service number: strokes survive reloads
    std::string signature_error_number;   // the job whose signature was refused before sending
    std::string notice;                   // the last job that left the list, and why (signed off)
};

void DrawStaffJobs(AppState& state, Ui& ui);

} // namespace aftercare::portal
