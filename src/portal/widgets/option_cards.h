// Option cards: a single choice among a few options that each need a sentence of explanation
// (service mode, urgency), drawn as cards with an icon in a tinted disc, the label, the
// explanation and a radio mark. Each card is a radio in the accessibility mirror, named by its
// label and described by its explanation. (Short labels use ChoiceGroup's chips instead.)
#pragma once

#include "widgets.h"
#include "widgets/choice_chips.h"

#include <span>
#include <string_view>

namespace aftercare::portal {

struct OptionCardsOptions {
    std::string_view error{};      // shown under the group in red (and on every option's mirror)
    bool required = false;
    int columns = 1;               // columns on a wide screen (always one on a phone)
};

// `selected` is an index into `options` (ChoiceOption::hint is the explanation), or -1 for none
// yet. Returns true when it changed. An empty `group_label` draws no label (a heading above
// already names the group).
bool OptionCards(Ui& ui, const char* id, std::string_view group_label, std::span<const ChoiceOption> options,
                 int& selected, const OptionCardsOptions& group = {});

} // namespace aftercare::portal
