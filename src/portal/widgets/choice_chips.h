// Choice groups: one answer out of a few, as wrapping pill chips (reasons, yes/no) or as option
// cards with a hint line (items, refund or exchange). Mirrored as radio buttons.
#pragma once

#include "widgets.h"

#include <span>
#include <string_view>

namespace aftercare::portal {

struct ChoiceOption {
    const char* id = "";          // stable across languages
    std::string_view label{};
    std::string_view hint{};      // cards: a second line; chips: spoken only
    const char* icon = nullptr;   // chips: drawn before the label
    bool enabled = true;
};

enum class ChoiceStyle { Chips, Cards };

struct ChoiceGroupOptions {
    ChoiceStyle style = ChoiceStyle::Chips;
    std::string_view error{};     // shown under the group in red
    bool required = false;
    float card_min_width_em = 16.0f;  // cards: two columns when both fit, else one
};

// A labelled group; `selected` is an index into `options`, -1 for none yet. Returns true when the
// customer picked another option (tap, click, or Enter/Space on its mirrored radio).
bool ChoiceGroup(Ui& ui, const char* id, std::string_view label, std::span<const ChoiceOption> options, int& selected,
                 const ChoiceGroupOptions& group = {});

} // namespace aftercare::portal
