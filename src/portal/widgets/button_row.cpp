// Button rows; see button_row.h.
#include "widgets/button_row.h"

#include <string>

namespace aftercare::portal {

float NaturalButtonWidth(const Ui& ui, std::string_view label, const char* icon) {
    // Mirrors Button(): the icon, two spaces, the label, and 1.25 em of padding on each side.
    std::string shown = icon ? std::string(icon) + "  " : std::string();
    shown += label;
    return ImGui::CalcTextSize(shown.c_str()).x + ui.theme.Em(2.5f);
}

void SameLineIfFits(float next_width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < next_width) ImGui::NewLine();
}

} // namespace aftercare::portal
