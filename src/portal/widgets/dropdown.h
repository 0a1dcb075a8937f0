// Choosing: a dropdown (a button that opens a list of options) and a check box. Both are mirrored:
// the dropdown as a button named by its label (the current choice as its description) whose
// options are radios; the check box as a checkbox with aria-checked.
#pragma once

#include "widgets.h"

#include <span>
#include <string>
#include <string_view>

namespace aftercare::portal {

struct DropdownOptions {
    float width = 0.0f;          // 0: fit label and longest option
    bool label_inside = true;    // "状态: 全部" in the button; false: a field label above it
    bool enabled = true;
    std::string_view error{};    // field error under it (label_inside == false)
};

// Returns true when the choice changed this frame.
bool Dropdown(Ui& ui, const char* id, std::string_view label, std::span<const std::string> options, int& selected,
              const DropdownOptions& options_in = {});

bool CheckBox(Ui& ui, const char* id, std::string_view label, bool& value);

} // namespace aftercare::portal
