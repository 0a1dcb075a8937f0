// Shared portal widgets drawn on top of ImGui: cards, section titles, wrapped text in a style.
#pragma once

#include "theme.h"

#include <string_view>

namespace aftercare::portal {

// A large tappable card with a coloured icon disc, a title and a one-line hint.
// Returns true when activated (click, tap, Enter/Space when focused).
bool ActionCard(const Theme& theme, const char* id, const char* icon, std::string_view title,
                std::string_view hint, float width);

// Text in the given style, wrapped to the available width.
void TextWrapped(const Theme& theme, TextStyle style, std::string_view text, const ImVec4& colour);

// Begins a rounded white card filling the available width; content is laid out inside it.
// Always pair with EndCard(), whatever BeginCard returned.
void BeginCard(const Theme& theme, const char* id);
void EndCard();

} // namespace aftercare::portal
