// File tiles; see file_tiles.h.
#include "widgets/file_tiles.h"

#include "icons.h"

#include <imgui_internal.h>  // ItemAdd: a preview is an item with an id, not a Dummy

#include <algorithm>
#include <string>

namespace aftercare::portal {
namespace {

// Clips `text` to `width` with an ellipsis, keeping whole UTF-8 characters.
std::string Ellipsize(std::string_view text, float width) {
    if (ImGui::CalcTextSize(text.data(), text.data() + text.size()).x <= width) return std::string(text);
    const std::string_view dots = "…";
    const float dots_w = ImGui::CalcTextSize(dots.data(), dots.data() + dots.size()).x;
    size_t end = text.size();
    while (end > 0) {
        do { --end; } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
        if (ImGui::CalcTextSize(text.data(), text.data() + end).x + dots_w <= width) break;
    }
    return std::string(text.substr(0, end)) + std::string(dots);
}

} // namespace

std::optional<int> FileTiles(Ui& ui, const char* id, const std::vector<FileTile>& tiles,
                             const FileTilesOptions& options) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    std::optional<int> removed;
    if (tiles.empty()) return removed;
    ImGui::PushID(id);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    // As many columns as fit at 6 em or more, so four tiles sit side by side on a phone.
    const int columns = std::max(1, static_cast<int>((avail + gap) / (theme.Em(6.0f) + gap)));
    const float side = std::min(theme.Em(8.0f), (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
    const float caption_h = theme.FontPx(TextStyle::Caption) * 1.3f;
    const float tile_h = side + theme.Em(0.35f) + caption_h * 2.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = theme.Em(0.6f);

    for (int i = 0; i < static_cast<int>(tiles.size()); ++i) {
        const FileTile& tile = tiles[static_cast<size_t>(i)];
        const int row = i / columns, column = i % columns;
        const ImVec2 min(origin.x + static_cast<float>(column) * (side + gap), origin.y + static_cast<float>(row) * (tile_h + gap));
        const ImVec2 max(min.x + side, min.y + side);
        ImGui::PushID(tile.id.data(), tile.id.data() + tile.id.size());

        // The preview (mirrored as an image named after the file).
        // An item with an id of its own: the mirror keys its elements by id.
        ImGui::SetCursorScreenPos(min);
        const ImRect preview_rect(min, max);
        ImGui::ItemSize(preview_rect);
        ImGui::ItemAdd(preview_rect, ImGui::GetID("##preview"));
        if (tile.preview) {
            draw->AddImageRounded(tile.preview->GetTexRef(), min, max, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, rounding);
        } else {
            draw->AddRectFilled(min, max, ToU32(p.brand_soft), rounding);
            PushTextStyle(theme, TextStyle::Title1);
            const char* icon = tile.icon ? tile.icon : ICON_PICTURE;
            const ImVec2 size = ImGui::CalcTextSize(icon);
            draw->AddText(ImVec2(min.x + (side - size.x) * 0.5f, min.y + (side - size.y) * 0.5f), ToU32(p.brand), icon);
            ImGui::PopFont();
        }
        draw->AddRect(min, max, ToU32(tile.failed ? p.danger : p.border), rounding);
        ui.a11y.AddLastItem(Role::Image, tile.name, A11yFlags_None, {}, tile.detail);

        // Name and detail under the preview.
        PushTextStyle(theme, TextStyle::Caption);
        const std::string name = Ellipsize(tile.name, side);
        const std::string detail = Ellipsize(tile.detail, side);
        draw->AddText(ImVec2(min.x, max.y + theme.Em(0.35f)), ToU32(p.text), name.c_str());
        draw->AddText(ImVec2(min.x, max.y + theme.Em(0.35f) + caption_h), ToU32(tile.failed ? p.danger : p.text_muted),
                      detail.c_str());
        ImGui::PopFont();

        if (options.removable) {
            // A 44 px tap target over the corner; the visible mark is a small dark disc with ×.
            const float target = theme.Em(2.75f);
            ImGui::SetCursorScreenPos(ImVec2(max.x - target, min.y));
            bool pressed = ImGui::InvisibleButton("##remove", ImVec2(target, target));
            const ImGuiID item = ImGui::GetItemID();
            pressed |= ui.a11y.TakeActivation(item);
            if (pressed) removed = i;
            const bool hovered = ImGui::IsItemHovered();
            const float mark = theme.Em(1.5f);
            const ImVec2 centre(max.x - theme.Em(0.35f) - mark * 0.5f, min.y + theme.Em(0.35f) + mark * 0.5f);
            draw->AddCircleFilled(centre, mark * 0.5f, hovered ? IM_COL32(29, 33, 41, 230) : IM_COL32(29, 33, 41, 170));
            PushTextStyle(theme, TextStyle::Caption);
            const ImVec2 size = ImGui::CalcTextSize(ICON_TIMES);
            draw->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), IM_COL32_WHITE, ICON_TIMES);
            ImGui::PopFont();
            DrawFocusRing(ui, item);
            std::string label(options.remove_label);
            if (const size_t at = label.find("{name}"); at != std::string::npos) label.replace(at, 6, tile.name);
            ui.a11y.AddLastItem(Role::Button, label);
            if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
        ImGui::PopID();
    }
    const int rows = (static_cast<int>(tiles.size()) + columns - 1) / columns;
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(avail, static_cast<float>(rows) * tile_h + static_cast<float>(rows - 1) * gap));
    ImGui::PopID();
    return removed;
}

} // namespace aftercare::portal
