// A modal dialog over the page: a title, a body the caller draws, and buttons. The page behind is
// dimmed and inert (for the mouse, Tab and screen readers alike); Esc closes it, as does the
// caller setting *open = false. Only one is open at a time.
#pragma once

#include "widgets.h"

#include <string_view>

namespace aftercare::portal {

// Shows the dialog while *open is true. Returns true when its content should be drawn; then call
// EndDialog(). When Esc is pressed it sets *open = false (the caller's "dismiss").
bool BeginDialog(Ui& ui, const char* id, std::string_view title, bool* open);
void EndDialog(Ui& ui);

} // namespace aftercare::portal
