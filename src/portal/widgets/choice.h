// Single-choice widgets (radio groups): pill-shaped chips that wrap onto new lines, for short
// labels (fault category, visit day); and option cards with an icon and a sentence of
// explanation, for choices that need one (service mode, urgency). Each option is a radio in the
// accessibility mirror, named by its label and described by its explanation.
#pragma once

#include "widgets.h"

#include <string_view>
#include <vector>

namespace aftercare::portal {

struct ChoiceOption {
    std::string_view label;
    std::string_view description;  // cards: the sentence under the label
    const char* icon = nullptr;    // cards: drawn in a tinted disc
    bool enabled = true;
};

struct ChoiceGroupOptions {
    std::string_view error;        // shown under the group in red (and on every option's mirror)
    bool required = false;
    int columns = 1;               // cards: columns on a wide screen (always one on a phone)
};

// `selected` is an index into `options`, or -1 for none yet. Returns true when it changed.
// An empty `group_label` draws no label (a heading above already names the group).
bool ChoiceChips(Ui& ui, const char* id, std::string_view group_label, const std::vector<ChoiceOption>& options,
                 int& selected, const ChoiceGroupOptions& group = {});
bool ChoiceCards(Ui& ui, const char* id, std::string_view group_label, const std::vector<ChoiceOption>& options,
                 int& selected, const ChoiceGroupOptions& group = {});

// The small label above a field or group, with a red asterisk when required (TextField's look).
void FieldLabel(Ui& ui, std::string_view label, bool required);

} // namespace aftercare::portal
