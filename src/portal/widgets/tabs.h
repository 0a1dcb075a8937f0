// A row of tabs with an underline on the current one (the console's sections, a screen's views);
// where they do not fit (a phone), they wrap onto further rows.
// Each tab is mirrored with role "tab" and aria-selected.
#pragma once

#include "widgets.h"

#include <span>
#include <string>

namespace aftercare::portal {

// Returns the index of the tab activated this frame (click, tap, Enter/Space), or -1.
int TabBar(Ui& ui, const char* id, std::span<const std::string> labels, int selected);

} // namespace aftercare::portal
