// A small rounded label tinted with a colour (a state, a priority, an SLA bucket). Inline: it
// follows ImGui::SameLine like any item, and is mirrored as text.
#pragma once

#include "widgets.h"

#include <string_view>

namespace aftercare::portal {

// `mirrored` false: inside something already mirrored with these words (a table row's
// description), where a separate text element would only cover the row's own.
void Chip(Ui& ui, std::string_view text, const ImVec4& colour, const char* icon = nullptr, bool mirrored = true);

// The size Chip() will take, for right-aligning or centring it.
ImVec2 ChipSize(const Ui& ui, std::string_view text, const char* icon = nullptr);

} // namespace aftercare::portal
