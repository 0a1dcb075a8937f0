// A small rounded label tinted with a colour (a state, a priority, an SLA bucket). Inline: it
// follows ImGui::SameLine like any item, and is mirrored as text.
#pragma once

#include "widgets.h"

#include <string_view>

namespace aftercare::portal {

void Chip(Ui& ui, std::string_view text, const ImVec4& colour, const char* icon = nullptr);

// The size Chip() will take, for right-aligning or centring it.
ImVec2 ChipSize(const Ui& ui, std::string_view text, const char* icon = nullptr);

} // namespace aftercare::portal
