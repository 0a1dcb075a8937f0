// Buttons side by side while they fit, wrapping onto the next line on a narrow screen.
#pragma once

#include "widgets.h"

#include <string_view>

namespace aftercare::portal {

// The width Button() gives a label (and icon) when no width is set.
float NaturalButtonWidth(const Ui& ui, std::string_view label, const char* icon = nullptr);

// Call between two items: the next one (`next_width` wide) goes on the same line if it fits there.
void SameLineIfFits(float next_width);

} // namespace aftercare::portal
