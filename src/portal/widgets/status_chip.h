// A status chip: a rounded pill with a dot and a short label in a tone ("● 处理中").
#pragma once

#include "widgets.h"
#include "widgets/tone.h"

#include <string_view>

namespace aftercare::portal {

// Mirrored as a polite live region named `accessible_name` (e.g. "状态：处理中"), so a status
// that changes while the page is open is announced.
void StatusChip(Ui& ui, std::string_view label, Tone tone, std::string_view accessible_name);

// The chip's width for `label`, for right-aligning it.
float StatusChipWidth(const Ui& ui, std::string_view label);

} // namespace aftercare::portal
