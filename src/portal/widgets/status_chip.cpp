// Chips; see status_chip.h.
#include "widgets/status_chip.h"

namespace aftercare::portal {
namespace {

constexpr float kPadEm = 0.75f;
constexpr float kDotEm = 0.45f;
constexpr float kGapEm = 0.45f;
constexpr float kHeightEm = 1.9f;
constexpr float kCompactHeightEm = 1.5f;

void PushChipFont(const Theme& theme) {
    ImGui::PushFont(theme.fonts.bold ? theme.fonts.bold : theme.fonts.regular, theme.FontPx(TextStyle::Small));
}

// The width of what stands before the label: the dot, or the icon.
float MarkWidth(const Theme& theme, const char* icon) {
    return icon ? ImGui::CalcTextSize(icon).x : theme.Em(kDotEm);
}

} // namespace

ImVec2 ColourChipSize(const Ui& ui, std::string_view label, const ChipStyle& style) {
    const Theme& theme = ui.theme;
    PushChipFont(theme);
    const float text_w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    const float mark_w = MarkWidth(theme, style.icon);
    ImGui::PopFont();
    return ImVec2(theme.Em(kPadEm * 2.0f + kGapEm) + mark_w + text_w,
                  theme.Em(style.compact ? kCompactHeightEm : kHeightEm));
}

void ColourChip(Ui& ui, std::string_view label, const ImVec4& colour, const ChipStyle& style) {
    const Theme& theme = ui.theme;
    const ImVec2 size = ColourChipSize(ui, label, style);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    draw->AddRectFilled(pos, max, ToU32(ImVec4(colour.x, colour.y, colour.z, 0.12f)), size.y * 0.5f);
    PushChipFont(theme);
    const float text_y = pos.y + (size.y - ImGui::GetFontSize()) * 0.5f;
    float x = pos.x + theme.Em(kPadEm);
    if (style.icon) {
        draw->AddText(ImVec2(x, text_y), ToU32(colour), style.icon);
    } else {
        const float dot_r = theme.Em(kDotEm) * 0.5f;
        draw->AddCircleFilled(ImVec2(x + dot_r, pos.y + size.y * 0.5f), dot_r, ToU32(colour));
    }
    x += MarkWidth(theme, style.icon) + theme.Em(kGapEm);
    draw->AddText(ImVec2(x, text_y), ToU32(colour), label.data(), label.data() + label.size());
    ImGui::PopFont();

    const std::string_view name = style.accessible_name.empty() ? label : style.accessible_name;
    switch (style.mirror) {
    case ChipMirror::Status: ui.a11y.AddText(Role::Status, name); break;
    case ChipMirror::Text: ui.a11y.AddText(Role::Text, name); break;
    case ChipMirror::None: break;
    }
}

float StatusChipWidth(const Ui& ui, std::string_view label) { return ColourChipSize(ui, label).x; }

void StatusChip(Ui& ui, std::string_view label, Tone tone, std::string_view accessible_name) {
    ColourChip(ui, label, ToneColour(ui.theme.palette, tone),
               {.mirror = ChipMirror::Status, .accessible_name = accessible_name});
}

} // namespace aftercare::portal
