// Service number panel; see service_number.h.
#include "widgets/service_number.h"

#include "icons.h"

#include <string>

namespace aftercare::portal {
namespace {

constexpr double kCopiedShownSeconds = 2.0;

} // namespace

void ServiceNumberPanel(Ui& ui, const char* id, std::string_view number, const ServiceNumberLabels& labels,
                        double& copied_at) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::PushID(id);
    BeginCard(ui, "##number", CardStyle{p.brand_soft, p.brand_soft});
    Paragraph(ui, TextStyle::Small, labels.caption, p.text_muted);

    // The number in the display size; the copy button beside it, or under it when it does not fit.
    const std::string shown(number);
    PushTextStyle(theme, TextStyle::Title1);
    const float number_w = ImGui::CalcTextSize(shown.c_str()).x;
    ImGui::PopFont();
    const double now = ui.host.NowUnixSeconds();
    const bool copied = copied_at > 0 && now - copied_at < kCopiedShownSeconds;
    const std::string button(copied ? labels.copied : labels.copy);
    PushTextStyle(theme, TextStyle::Body);
    const float button_w = ImGui::CalcTextSize(button.c_str()).x + ImGui::CalcTextSize(ICON_COPY).x + theme.Em(3.0f);
    ImGui::PopFont();
    const float avail = ImGui::GetContentRegionAvail().x;

    const ImVec2 row = ImGui::GetCursorScreenPos();
    const float button_h = theme.Em(2.75f);
    PushTextStyle(theme, TextStyle::Title1);
    const float number_h = ImGui::GetFontSize();
    const bool beside = number_w + theme.Em(1.0f) + button_w <= avail;
    if (beside) ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + (button_h - number_h) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.brand_active);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.a11y.AddText(Role::Status, shown);
    // Beside the number, flush right (positions are on screen: the card is a region, not a window).
    if (beside) ImGui::SetCursorScreenPos(ImVec2(row.x + avail - button_w, row.y));
    if (Button(ui, "copy", button, {.kind = ButtonKind::Secondary, .width = button_w, .icon = copied ? ICON_CHECK : ICON_COPY})) {
        ui.host.CopyToClipboard(shown);
        copied_at = now;
        ui.host.RequestRedrawAfter(kCopiedShownSeconds);
    }
    EndCard(ui);
    ImGui::PopID();
}

} // namespace aftercare::portal
