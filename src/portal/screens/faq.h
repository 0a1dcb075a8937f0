// FAQ screen (#/faq?q=...): search the vendor's answers in the UI language as you type.
#pragma once

#include "net/remote.h"

#include "api/customer_wire.h"

#include <set>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

struct FaqState {
    std::string query;              // what is in the search field
    std::string route_query;        // the ?q= last taken from the address bar
    std::string searched;           // the query of the results shown or loading
    double search_due_at = 0;       // typing pauses this long before a search goes out
    Remote<api::FaqSearchResponse> results;
    std::set<std::string> expanded; // FAQ ids whose answers are open
};

void DrawFaq(AppState& state, Ui& ui);

// Starts a search (also used by the home screen's search box).
void SearchFaq(AppState& state, const std::string& query);

} // namespace aftercare::portal
