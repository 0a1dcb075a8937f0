// Step indicator; see stepper.h.
#include "widgets/stepper.h"

#include "icons.h"

#include <imgui_internal.h>

#include <algorithm>

namespace aftercare::portal {
namespace {

std::string AccessibleName(const StepperOptions& options, int index, int total, std::string_view label, bool done) {
    std::string name(options.accessible_format);
    auto replace = [&name](std::string_view placeholder, std::string_view value) {
        if (const size_t at = name.find(placeholder); at != std::string::npos) name.replace(at, placeholder.size(), value);
    };
    replace("{n}", std::to_string(index + 1));
    replace("{total}", std::to_string(total));
    replace("{label}", label);
    if (done) name += options.done_suffix;
    return name;
}

} // namespace

std::optional<int> Stepper(Ui& ui, const char* id, const std::vector<std::string>& labels, int current,
                           const StepperOptions& options) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const int count = static_cast<int>(labels.size());
    if (count == 0) return std::nullopt;
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < theme.Em(30.0f);
    const float disc = theme.Em(narrow ? 1.75f : 2.0f);
    const TextStyle label_style = narrow ? TextStyle::Caption : TextStyle::Small;
    const float label_gap = theme.Em(0.4f);
    const float height = disc + label_gap + theme.FontPx(label_style) * 1.3f;
    const float slot = width / static_cast<float>(count);  // each step owns an equal column
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    std::optional<int> chosen;

    ImGui::PushID(id);
    // The connecting line first, under the discs: brand colour up to the current step.
    const float line_y = origin.y + disc * 0.5f;
    for (int i = 0; i + 1 < count; ++i) {
        const float x0 = origin.x + slot * (static_cast<float>(i) + 0.5f) + disc * 0.5f + theme.Em(0.25f);
        const float x1 = origin.x + slot * (static_cast<float>(i) + 1.5f) - disc * 0.5f - theme.Em(0.25f);
        if (x1 > x0) draw->AddLine(ImVec2(x0, line_y), ImVec2(x1, line_y), ToU32(i < current ? p.brand : p.border), 2.0f);
    }
    for (int i = 0; i < count; ++i) {
        const bool done = i < current;
        const bool here = i == current;
        const ImVec2 cell(origin.x + slot * static_cast<float>(i), origin.y);
        ImGui::SetCursorScreenPos(cell);
        ImGui::PushID(i);
        // The whole column is the tap target (at least 44 px high with its label), not just the disc.
        const bool pressed_mouse = ImGui::InvisibleButton("##step", ImVec2(slot, height));
        const ImGuiID item = ImGui::GetItemID();
        const bool pressed = done && (pressed_mouse || ui.a11y.TakeActivation(item));
        const bool hovered = done && ImGui::IsItemHovered();
        if (pressed) chosen = i;

        const ImVec2 centre(cell.x + slot * 0.5f, cell.y + disc * 0.5f);
        if (done || here) {
            draw->AddCircleFilled(centre, disc * 0.5f, ToU32(hovered ? p.brand_hover : p.brand));
        } else {
            draw->AddCircleFilled(centre, disc * 0.5f, ToU32(p.surface));
            draw->AddCircle(centre, disc * 0.5f - 0.75f, ToU32(p.border), 0, 1.5f);
        }
        if (here) draw->AddCircle(centre, disc * 0.5f + theme.Em(0.2f), ToU32(p.brand_soft), 0, theme.Em(0.2f));
        PushTextStyle(theme, narrow || done ? TextStyle::Small : TextStyle::Body);
        const std::string mark = done ? ICON_CHECK : std::to_string(i + 1);
        const ImVec2 mark_size = ImGui::CalcTextSize(mark.c_str());
        draw->AddText(ImVec2(centre.x - mark_size.x * 0.5f, centre.y - mark_size.y * 0.5f),
                      done || here ? IM_COL32_WHITE : ToU32(p.text_muted), mark.c_str());
        ImGui::PopFont();

        // Bold for the current step's label (the portal's own words), muted for the ones ahead.
        if (here && theme.fonts.bold) {
            ImGui::PushFont(theme.fonts.bold, theme.FontPx(label_style));
        } else {
            PushTextStyle(theme, label_style);
        }
        const std::string& label = labels[static_cast<size_t>(i)];
        const ImVec2 label_size = ImGui::CalcTextSize(label.c_str());
        const float label_x = std::max(cell.x + 1.0f, centre.x - label_size.x * 0.5f);
        draw->PushClipRect(ImVec2(cell.x, cell.y), ImVec2(cell.x + slot, cell.y + height), true);
        draw->AddText(ImVec2(label_x, cell.y + disc + label_gap), ToU32(here ? p.text : done ? p.brand : p.text_muted),
                      label.c_str());
        draw->PopClipRect();
        ImGui::PopFont();

        DrawFocusRing(ui, item);
        ui.a11y.AddLastItem(done ? Role::Button : Role::Text, AccessibleName(options, i, count, label, done),
                            here ? A11yFlags_Selected : A11yFlags_None);
        if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::PopID();
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    return chosen;
}

} // namespace aftercare::portal
