// Modal dialog; see dialog.h.
#include "widgets/dialog.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

constexpr float kMaxWidthEm = 28.0f;

} // namespace

bool BeginDialog(Ui& ui, const char* id, std::string_view title, bool* open) {
    const Theme& theme = ui.theme;
    if (*open && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    if (!ImGui::IsPopupOpen(id)) return false;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x - theme.Em(2.0f), theme.Em(kMaxWidthEm));
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0.0f));  // 0: the height fits the content every frame
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(theme.Em(1.5f), theme.Em(1.5f)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, theme.Em(1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar;
    const bool visible = ImGui::BeginPopupModal(id, nullptr, flags);
    ImGui::PopStyleVar(2);
    if (!visible) return false;

    if (!*open || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        *open = false;
        ImGui::CloseCurrentPopup();
    }
    ui.a11y.BeginModal(title);
    ImGui::PushTextWrapPos(0.0f);
    Heading(ui, TextStyle::Title2, title, 2);
    ImGui::PopTextWrapPos();
    return true;
}

void EndDialog(Ui& ui) {
    ui.a11y.EndModal();
    ImGui::EndPopup();
}

} // namespace aftercare::portal
