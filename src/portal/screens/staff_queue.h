// The work queue (#/staff?state=&priority=&sort=&dir=...): an ImGui table over every matching
// ticket, virtualized with ImGuiListClipper; the rows drawn are fetched from the server a page at
// a time in the order and filter shown, and refreshed when the change feed says tickets moved.
#pragma once

#include "net/remote.h"

#include "api/staff_wire.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aftercare::portal {

struct AppState;
struct Ui;

struct QueuePage {
    bool loading = false;
    bool loaded = false;
    int generation = 0;           // of the filter it was asked for
    std::int64_t version = -1;    // the change counter it reflects
    double received_at = 0;       // host clock at arrival: SLA countdowns run on from here
    std::vector<api::QueueItem> items;
};

struct QueueState {
    std::string applied_query;    // the route query the view was built from
    api::QueueFilter filter;      // filters, sort and direction (from the route query)
    int generation = 0;           // bumps when the filter changes; older answers are dropped
    std::int64_t total = -1;      // rows matching the filter; -1 until the first page arrives
    std::map<int, QueuePage> pages; // page index -> rows
    std::optional<ApiError> error;
    int first_visible = 0;        // rows the clipper drew last frame
    int last_visible = 0;
    std::string jump;             // "open a ticket by its number"
    std::string jump_error;
};

void DrawStaffQueue(AppState& state, Ui& ui);

// The route query for a filter (and back): "state=submitted&sort=created&dir=desc".
std::string QueueQueryString(const api::QueueFilter& filter);
api::QueueFilter QueueFilterFromQuery(const std::string& query);

} // namespace aftercare::portal
