// Status chip; see status_chip.h.
#include "widgets/status_chip.h"

namespace aftercare::portal {
namespace {

constexpr float kPadEm = 0.75f;
constexpr float kDotEm = 0.45f;
constexpr float kGapEm = 0.45f;
constexpr float kHeightEm = 1.9f;

} // namespace

float StatusChipWidth(const Ui& ui, std::string_view label) {
    const Theme& theme = ui.theme;
    ImGui::PushFont(theme.fonts.bold ? theme.fonts.bold : theme.fonts.regular, theme.FontPx(TextStyle::Small));
    const float text_w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    ImGui::PopFont();
    return theme.Em(kPadEm * 2.0f + kDotEm + kGapEm) + text_w;
}

void StatusChip(Ui& ui, std::string_view label, Tone tone, std::string_view accessible_name) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float width = StatusChipWidth(ui, label);
    const float height = theme.Em(kHeightEm);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    draw->AddRectFilled(pos, max, ToU32(ToneTint(p, tone)), height * 0.5f);
    const ImVec4 colour = ToneColour(p, tone);
    const float dot_r = theme.Em(kDotEm) * 0.5f;
    draw->AddCircleFilled(ImVec2(pos.x + theme.Em(kPadEm) + dot_r, pos.y + height * 0.5f), dot_r, ToU32(colour));
    ImGui::PushFont(theme.fonts.bold ? theme.fonts.bold : theme.fonts.regular, theme.FontPx(TextStyle::Small));
    draw->AddText(ImVec2(pos.x + theme.Em(kPadEm + kDotEm + kGapEm), pos.y + (height - ImGui::GetFontSize()) * 0.5f),
                  ToU32(colour), label.data(), label.data() + label.size());
    ImGui::PopFont();
    ui.a11y.AddText(Role::Status, accessible_name);
}

} // namespace aftercare::portal
