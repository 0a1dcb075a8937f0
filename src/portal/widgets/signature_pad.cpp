// The signature pad; see signature_pad.h.
#include "widgets/signature_pad.h"

#include <algorithm>
#include <cmath>

namespace aftercare::portal {

bool SignaturePad(Ui& ui, const char* id, std::string_view label, std::string_view description,
                  SignaturePadState& pad, float height) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushID(id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(std::max(width, 1.0f), std::max(height, 1.0f));
    ImGui::InvisibleButton("##pad", size);
    ui.a11y.AddLastItem(Role::Image, label, A11yFlags_Drawing, {}, description);
    const bool active = ImGui::IsItemActive();
    bool changed = false;

    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const SignaturePoint point{std::clamp((mouse.x - pos.x) / size.x, 0.0f, 1.0f),
                               std::clamp((mouse.y - pos.y) / size.y, 0.0f, 1.0f)};
    if (active && !pad.drawing) {
        pad.drawing = true;
        pad.strokes.push_back({point});
        changed = true;
    } else if (active) {
        // A point only when the finger moved a little: a still finger adds nothing.
        const SignaturePoint& last = pad.strokes.back().back();
        const float dx = (point.x - last.x) * size.x, dy = (point.y - last.y) * size.y;
        if (dx * dx + dy * dy >= 2.0f * 2.0f) {
            pad.strokes.back().push_back(point);
            changed = true;
        }
    } else {
        pad.drawing = false;
    }

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float r = theme.Em(0.6f);
    draw->AddRectFilled(pos, max, ToU32(p.surface), r);
    draw->AddRect(pos, max, ToU32(active ? p.brand : p.border), r, 0, active ? 2.0f : 1.5f);
    // The line the customer signs on.
    const float base_y = pos.y + size.y * 0.75f;
    draw->AddLine(ImVec2(pos.x + theme.Em(1.0f), base_y), ImVec2(max.x - theme.Em(1.0f), base_y), ToU32(p.border), 1.0f);
    const ImU32 ink = ToU32(p.text);
    const float pen = std::max(2.0f, theme.Em(0.18f));
    for (const SignatureStroke& stroke : pad.strokes) {
        if (stroke.size() == 1) {
            draw->AddCircleFilled(ImVec2(pos.x + stroke[0].x * size.x, pos.y + stroke[0].y * size.y), pen * 0.5f, ink);
            continue;
        }
        for (std::size_t i = 1; i < stroke.size(); ++i) {
            draw->AddLine(ImVec2(pos.x + stroke[i - 1].x * size.x, pos.y + stroke[i - 1].y * size.y),
                          ImVec2(pos.x + stroke[i].x * size.x, pos.y + stroke[i].y * size.y), ink, pen);
        }
    }
    ImGui::PopID();
    return changed;
}

} // namespace aftercare::portal
