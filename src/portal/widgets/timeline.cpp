// Timeline; see timeline.h.
#include "widgets/timeline.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

constexpr float kMarkerEm = 2.0f;
constexpr float kGutterEm = 3.0f;   // marker column, then the text
constexpr float kEntryGapEm = 1.1f;

void DrawNote(Ui& ui, const TimelineEntry& entry, float width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float pad_x = theme.Em(0.8f);
    const float pad_y = theme.Em(0.55f);
    PushTextStyle(theme, TextStyle::Body);  // regular face: people's words
    const float wrap = width - pad_x * 2.0f;
    const ImVec2 size = ImGui::CalcTextSize(entry.note.c_str(), nullptr, false, wrap);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 box_max(pos.x + std::min(width, size.x + pad_x * 2.0f + 1.0f), pos.y + size.y + pad_y * 2.0f);
    ImGui::GetWindowDrawList()->AddRectFilled(pos, box_max,
                                              ToU32(entry.note_from_reader ? p.brand_soft : p.background),
                                              theme.Em(0.6f));
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad_x, pos.y + pad_y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(entry.note.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ui.a11y.AddText(Role::Text, entry.note);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, box_max.y));
    ImGui::Dummy(ImVec2(0, 0));
}

} // namespace

void Timeline(Ui& ui, const char* id, std::span<const TimelineEntry> entries) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::PushID(id);
    const float marker = theme.Em(kMarkerEm);
    const float gutter = theme.Em(kGutterEm);
    const float left = ImGui::GetCursorPosX();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    for (size_t i = 0; i < entries.size(); ++i) {
        const TimelineEntry& entry = entries[i];
        ImGui::PushID(entry.key.c_str());
        const ImVec2 top = ImGui::GetCursorScreenPos();

        ImGui::SetCursorPosX(left + gutter);
        ImGui::BeginGroup();
        const float text_width = width - gutter;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_width);
        ImGui::PushFont(theme.fonts.bold ? theme.fonts.bold : theme.fonts.regular, theme.FontPx(TextStyle::Body));
        ImGui::PushStyleColor(ImGuiCol_Text, entry.tone == Tone::Neutral || entry.tone == Tone::Brand
                                                 ? p.text
                                                 : ToneColour(p, entry.tone));
        ImGui::TextUnformatted(entry.title.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ui.a11y.AddText(Role::Text, entry.title);
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.Em(0.45f));
        Paragraph(ui, TextStyle::Small, entry.meta, p.text_muted);
        if (!entry.note.empty()) {
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.Em(0.2f));
            DrawNote(ui, entry, text_width);
        }
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y;

        // The marker, centred on the title's first line, and the rail down to the next entry.
        const ImVec2 centre(top.x + marker * 0.5f, top.y + theme.FontPx(TextStyle::Body) * 0.5f + theme.Em(0.1f));
        if (i + 1 < entries.size()) {
            draw->AddLine(ImVec2(centre.x, centre.y + marker * 0.5f + theme.Em(0.25f)),
                          ImVec2(centre.x, bottom + theme.Em(kEntryGapEm) - theme.Em(0.25f)), ToU32(p.border),
                          theme.Em(0.12f));
        }
        const bool first = i == 0;
        draw->AddCircleFilled(centre, marker * 0.5f, ToU32(first ? ToneColour(p, entry.tone) : ToneTint(p, entry.tone, 0.14f)));
        if (entry.icon != nullptr) {
            ImGui::PushFont(theme.fonts.regular, theme.FontPx(TextStyle::Small));
            const ImVec2 size = ImGui::CalcTextSize(entry.icon);
            draw->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f),
                          first ? IM_COL32_WHITE : ToU32(ToneColour(p, entry.tone)), entry.icon);
            ImGui::PopFont();
        }
        // The next entry starts exactly where the rail ends; the last one closes the layout.
        ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + theme.Em(kEntryGapEm)));
        if (i + 1 == entries.size()) ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
    ImGui::PopID();
}

} // namespace aftercare::portal
