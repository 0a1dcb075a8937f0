// The rate screen's pieces, shared by its files only: the flow (rate.cpp) and the cards
// (rate_cards.cpp).
#pragma once

#include "screens/rate.h"

#include "core/rating.h"

namespace aftercare::portal {

struct AppState;
struct Ui;
class Host;

// The five dimensions in wire order, with their string keys (literal, for the i18n check).
struct RateDimension {
    const char* id;
    const char* label_key;
};
inline constexpr RateDimension kRateDimensions[] = {
    {"quality", "rate.dim.quality"}, {"speed", "rate.dim.speed"},         {"attitude", "rate.dim.attitude"},
    {"scope", "rate.dim.scope"},     {"guarantee", "rate.dim.guarantee"},
};

core::Rating RatingFromForm(const RateForm& form);
std::array<int, 5> StarsOf(const core::Rating& rating);

// --- rate.cpp ---------------------------------------------------------------------------------
void SubmitRating(AppState& state, Ui& ui);
void LoadRatedTicket(AppState& state, Host& host);

// --- rate_cards.cpp ---------------------------------------------------------------------------
void DrawTicketSummary(AppState& state, Ui& ui, const api::TicketView& ticket);
void DrawRatingForm(AppState& state, Ui& ui);
// A rating already given: thanks (just now) or a kind "already rated", with what was given.
void DrawGivenRating(AppState& state, Ui& ui, const core::Rating& rating);
// Not resolved yet (or cancelled): why there is nothing to rate, and where to follow it.
void DrawNotYetRatable(AppState& state, Ui& ui, const api::TicketView& ticket);

} // namespace aftercare::portal
