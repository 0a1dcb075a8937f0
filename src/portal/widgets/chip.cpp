// Chip; see chip.h.
#include "widgets/chip.h"

#include <string>

namespace aftercare::portal {
namespace {

std::string Shown(std::string_view text, const char* icon) {
    return icon ? std::string(icon) + " " + std::string(text) : std::string(text);
}

} // namespace

ImVec2 ChipSize(const Ui& ui, std::string_view text, const char* icon) {
    PushTextStyle(ui.theme, TextStyle::Small);
    const std::string shown = Shown(text, icon);
    const ImVec2 size = ImGui::CalcTextSize(shown.c_str());
    ImGui::PopFont();
    return ImVec2(size.x + ui.theme.Em(1.0f), size.y + ui.theme.Em(0.4f));
}

void Chip(Ui& ui, std::string_view text, const ImVec4& colour, const char* icon, bool mirrored) {
    const ImVec2 size = ChipSize(ui, text, icon);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    draw->AddRectFilled(pos, max, ToU32(ImVec4(colour.x, colour.y, colour.z, 0.12f)), size.y * 0.5f);
    PushTextStyle(ui.theme, TextStyle::Small);
    const std::string shown = Shown(text, icon);
    // A touch darker than the colour itself, so small text on the tint keeps its contrast.
    const ImVec4 ink(colour.x * 0.82f, colour.y * 0.82f, colour.z * 0.82f, 1.0f);
    draw->AddText(ImVec2(pos.x + ui.theme.Em(0.5f), pos.y + ui.theme.Em(0.2f)), ToU32(ink), shown.c_str());
    ImGui::PopFont();
    if (mirrored) ui.a11y.AddText(Role::Text, text);
}

} // namespace aftercare::portal
