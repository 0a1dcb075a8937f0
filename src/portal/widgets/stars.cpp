// Star ratings; see stars.h.
#include "widgets/stars.h"

#include "icons.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace aftercare::portal {
namespace {

constexpr int kStars = 5;

// The value a DOM slider edit carries ("4"), if it is one.
int ParseStars(const std::string& text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return 0;
    return std::clamp(value, 1, kStars);
}

void DrawStars(Ui& ui, ImVec2 origin, float cell, int shown, bool preview) {
    const Palette& p = ui.theme.palette;
    const ImVec4 empty(p.text_muted.x, p.text_muted.y, p.text_muted.z, 0.25f);
    const ImVec4 filled = preview ? ImVec4(p.warning.x, p.warning.y, p.warning.z, 0.6f) : p.warning;
    PushTextStyle(ui.theme, TextStyle::Title1);
    const ImVec2 glyph = ImGui::CalcTextSize(ICON_STAR);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < kStars; ++i) {
        const ImVec2 at(origin.x + cell * static_cast<float>(i) + (cell - glyph.x) * 0.5f,
                        origin.y + (cell - glyph.y) * 0.5f);
        draw->AddText(at, ToU32(i < shown ? filled : empty), ICON_STAR);
    }
    ImGui::PopFont();
}

} // namespace

bool StarRating(Ui& ui, const char* id, std::string_view label, int& value, const StarRatingOptions& options) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float cell = theme.Em(2.75f);  // one star's tap target: 44 px at 16 px
    const float gap = theme.Em(0.75f);
    const float stars_w = cell * kStars;
    const float avail = ImGui::GetContentRegionAvail().x;
    PushTextStyle(theme, TextStyle::Body);
    const float label_w = options.label_width > 0.0f
                              ? options.label_width
                              : ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Small);
    const float value_w = ImGui::CalcTextSize(options.value_text.data(),
                                              options.value_text.data() + options.value_text.size()).x;
    ImGui::PopFont();
    // One row (label, stars, value) when it fits; on a phone the label and value share a line above the stars.
    const bool one_row = avail >= label_w + gap + stars_w + gap + std::max(value_w, theme.Em(7.0f));

    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    PushTextStyle(theme, TextStyle::Body);
    const float body_px = ImGui::GetFontSize();
    ImGui::PopFont();
    const float top_line = one_row ? 0.0f : body_px + theme.Em(0.25f);
    const ImVec2 stars_pos(one_row ? origin.x + label_w + gap : origin.x - theme.Em(0.55f), origin.y + top_line);

    // Label and value text.
    PushTextStyle(theme, TextStyle::Body);
    draw->AddText(ImVec2(origin.x, one_row ? origin.y + (cell - body_px) * 0.5f : origin.y), ToU32(p.text),
                  label.data(), label.data() + label.size());
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Small);
    const float small_px = ImGui::GetFontSize();
    const ImVec2 value_pos = one_row ? ImVec2(stars_pos.x + stars_w + gap, origin.y + (cell - small_px) * 0.5f)
                                     : ImVec2(origin.x + avail - value_w, origin.y + (body_px - small_px) * 0.5f);
    draw->AddText(value_pos, ToU32(value > 0 ? p.text : p.text_muted), options.value_text.data(),
                  options.value_text.data() + options.value_text.size());
    ImGui::PopFont();

    bool changed = false;
    ImGui::SetCursorScreenPos(stars_pos);
    if (options.read_only) {
        ImGui::Dummy(ImVec2(stars_w, cell));
        DrawStars(ui, stars_pos, cell, value, false);
        std::string spoken(label);
        spoken += "  ";
        spoken += options.value_text;
        ui.a11y.AddText(Role::Text, spoken);
    } else {
        const bool pressed = ImGui::InvisibleButton("##stars", ImVec2(stars_w, cell));
        const ImGuiID item_id = ImGui::GetItemID();
        const bool hovered = ImGui::IsItemHovered();
        const int under_pointer =
            std::clamp(static_cast<int>((ImGui::GetIO().MousePos.x - stars_pos.x) / cell) + 1, 1, kStars);
        if (pressed && under_pointer != value) {
            value = under_pointer;
            changed = true;
        }
        // Keyboard and assistive technology: the mirrored slider sends its new value.
        if (auto edit = ui.a11y.TakeEdit(item_id)) {
            const int typed = ParseStars(edit->text);
            if (typed > 0 && typed != value) {
                value = typed;
                changed = true;
            }
        }
        const bool preview = hovered && !ImGui::IsItemActive() && under_pointer != value;
        DrawStars(ui, stars_pos, cell, preview ? under_pointer : value, preview);
        DrawFocusRing(ui, item_id);
        A11yFlags flags = options.error.empty() ? A11yFlags(A11yFlags_None) : A11yFlags(A11yFlags_Invalid);
        flags |= A11yFlags_Required;
        ui.a11y.AddLastItemSlider(label, A11yRange{1, kStars, value}, options.value_text, flags, options.error);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    if (!options.error.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetCursorScreenPos().y));
        Paragraph(ui, TextStyle::Small, options.error, p.danger, Role::Alert);
    }
    ImGui::PopID();
    return changed;
}

} // namespace aftercare::portal
