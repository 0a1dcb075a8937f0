// The SLA board (#/staff/sla?sla=breached): open tickets with running clocks, nearest deadline
// first, counting down live; breached and breaching-soon highlighted; escalation levels with who
// is told at each level (the vendor policy's escalation steps and the staff holding those roles).
#pragma once

#include "net/remote.h"

#include "api/staff_wire.h"

#include <array>
#include <cstdint>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

struct SlaBoardState {
    std::string applied_query;
    std::string sla;               // "", breached, soon, on_track
    int generation = 0;
    Remote<api::QueueResponse> board;
    double received_at = 0;
    std::int64_t version = -1;     // change counter the board reflects
    std::array<std::int64_t, 3> counts{-1, -1, -1}; // breached, soon, on track
    std::int64_t counts_version = -1;
};

void DrawStaffSla(AppState& state, Ui& ui);

} // namespace aftercare::portal
