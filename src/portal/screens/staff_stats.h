// Statistics (#/staff/stats?days=30): satisfaction against the target, per-dimension averages over
// time, SLA compliance per priority, first-response and resolution time distributions, complaints
// and their working-day deadlines; every chart drawn with ImDrawList and summarized in words.
#pragma once

#include "net/remote.h"

#include "api/staff_wire.h"

#include <cstdint>
#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

struct StatsState {
    int days = 30;                 // the range shown (from the route)
    int loaded_days = 0;
    Remote<api::StatsResponse> stats;
    std::int64_t version = -1;     // change counter the numbers reflect
    // The period's CSV files (supervisors and admins): one export at a time.
    std::string exporting;         // the set being fetched ("tickets" ...), empty when none
    std::optional<ApiError> export_error;
};

void DrawStaffStats(AppState& state, Ui& ui);

} // namespace aftercare::portal
