// Star ratings: a row of five stars with its label, tapped or clicked, and mirrored as a slider
// ("4 / 5") that arrow keys, Home/End and digits operate.
#pragma once

#include "widgets.h"

#include <string_view>

namespace aftercare::portal {

struct StarRatingOptions {
    float label_width = 0.0f;     // the label column; 0: the label's own width
    std::string_view value_text{};  // what the mirror speaks and the row shows, e.g. "4 / 5，满意"
    std::string_view error{};       // shown under the row in red
    bool read_only = false;       // a rating already given: drawn, mirrored as text, not operable
};

// `value` is 0 (not rated yet) or 1..5. Returns true when the customer changed it.
bool StarRating(Ui& ui, const char* id, std::string_view label, int& value, const StarRatingOptions& options = {});

} // namespace aftercare::portal
