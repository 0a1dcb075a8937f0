// Step indicator; see progress_steps.h.
#include "widgets/progress_steps.h"

#include "icons.h"

#include <algorithm>
#include <string>

namespace aftercare::portal {
namespace {

void DrawWide(Ui& ui, std::span<const std::string_view> labels, int current, float width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const int count = static_cast<int>(labels.size());
    const float slot = width / static_cast<float>(count);
    const float radius = theme.Em(0.9f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float cy = origin.y + radius;

    // The joining line first, so the circles sit on top of it.
    for (int i = 0; i + 1 < count; ++i) {
        const float x0 = origin.x + slot * (static_cast<float>(i) + 0.5f) + radius + theme.Em(0.3f);
        const float x1 = origin.x + slot * (static_cast<float>(i) + 1.5f) - radius - theme.Em(0.3f);
        draw->AddLine(ImVec2(x0, cy), ImVec2(x1, cy), ToU32(i < current ? p.brand : p.border), 2.0f);
    }
    for (int i = 0; i < count; ++i) {
        const ImVec2 centre(origin.x + slot * (static_cast<float>(i) + 0.5f), cy);
        const bool done = i < current;
        const bool now = i == current;
        if (done || now) {
            draw->AddCircleFilled(centre, radius, ToU32(p.brand));
        } else {
            draw->AddCircleFilled(centre, radius, ToU32(p.surface));
            draw->AddCircle(centre, radius, ToU32(p.border), 0, 1.5f);
        }
        PushTextStyle(theme, TextStyle::Small);
        const std::string number = std::to_string(i + 1);
        const char* mark = done ? ICON_CHECK : number.c_str();
        const ImVec2 mark_size = ImGui::CalcTextSize(mark);
        draw->AddText(ImVec2(centre.x - mark_size.x * 0.5f, centre.y - mark_size.y * 0.5f),
                      done || now ? IM_COL32_WHITE : ToU32(p.text_muted), mark);
        const std::string_view label = labels[static_cast<size_t>(i)];
        const ImVec2 label_size = ImGui::CalcTextSize(label.data(), label.data() + label.size());
        const ImVec4 ink = now ? p.text : (done ? p.brand : p.text_muted);
        draw->AddText(ImVec2(centre.x - label_size.x * 0.5f, cy + radius + theme.Em(0.4f)), ToU32(ink), label.data(),
                      label.data() + label.size());
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(width, radius * 2.0f + theme.Em(0.4f) + theme.FontPx(TextStyle::Small)));
}

void DrawNarrow(Ui& ui, int count, int current, std::string_view progress, float width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float gap = theme.Em(0.3f);
    const float bar_h = theme.Em(0.3f);
    const float segment = (width - gap * static_cast<float>(count - 1)) / static_cast<float>(count);
    for (int i = 0; i < count; ++i) {
        const ImVec2 min(origin.x + (segment + gap) * static_cast<float>(i), origin.y);
        draw->AddRectFilled(min, ImVec2(min.x + segment, min.y + bar_h), ToU32(i <= current ? p.brand : p.border),
                            bar_h * 0.5f);
    }
    ImGui::Dummy(ImVec2(width, bar_h));
    PushTextStyle(theme, TextStyle::Small);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::TextUnformatted(progress.data(), progress.data() + progress.size());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

} // namespace

void ProgressSteps(Ui& ui, std::span<const std::string_view> labels, int current, std::string_view progress) {
    if (labels.empty()) return;
    const Theme& theme = ui.theme;
    const float width = ImGui::GetContentRegionAvail().x;
    PushTextStyle(theme, TextStyle::Small);
    float widest = 0.0f;
    for (std::string_view label : labels) {
        widest = std::max(widest, ImGui::CalcTextSize(label.data(), label.data() + label.size()).x);
    }
    ImGui::PopFont();
    const bool wide = width / static_cast<float>(labels.size()) >= widest + theme.Em(1.0f);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (wide) {
        DrawWide(ui, labels, current, width);
    } else {
        DrawNarrow(ui, static_cast<int>(labels.size()), current, progress, width);
    }
    // One mirrored line for the whole indicator, over what was drawn.
    const ImVec2 end = ImGui::GetItemRectMax();
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, end.y - start.y));
    ui.a11y.AddText(Role::Text, progress);
}

} // namespace aftercare::portal
