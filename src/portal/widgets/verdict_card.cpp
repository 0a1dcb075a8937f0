// Verdict card; see verdict_card.h.
#include "widgets/verdict_card.h"

#include "icons.h"

namespace aftercare::portal {
namespace {

constexpr float kIconColumnEm = 3.25f;

ImVec4 Mix(const ImVec4& base, const ImVec4& tint, float amount) {
    return ImVec4(base.x + (tint.x - base.x) * amount, base.y + (tint.y - base.y) * amount,
                  base.z + (tint.z - base.z) * amount, 1.0f);
}

ImVec4 AccentOf(const Palette& p, Verdict verdict) {
    switch (verdict) {
    case Verdict::Granted: return p.success;
    case Verdict::Refused: return p.warning;
    case Verdict::Info: return p.brand;
    }
    return p.brand;
}

const char* IconOf(Verdict verdict) {
    switch (verdict) {
    case Verdict::Granted: return ICON_CHECK;
    case Verdict::Refused: return ICON_WARNING;
    case Verdict::Info: return ICON_INFO;
    }
    return ICON_INFO;
}

} // namespace

void BeginVerdictCard(Ui& ui, const char* id, Verdict verdict, std::string_view title, std::string_view reason,
                      const char* icon) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const ImVec4 accent = AccentOf(p, verdict);
    // Opaque tints: the card is drawn over the page's grey.
    BeginCard(ui, id, CardStyle{Mix(p.surface, accent, 0.07f), Mix(p.surface, accent, 0.45f)});

    // The icon disc, then everything else in a column beside it.
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float disc = theme.Em(2.5f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(start.x + disc * 0.5f, start.y + disc * 0.5f);
    draw->AddCircleFilled(centre, disc * 0.5f, ToU32(accent));
    PushTextStyle(theme, TextStyle::Title2);
    if (icon == nullptr) icon = IconOf(verdict);
    const ImVec2 icon_size = ImGui::CalcTextSize(icon);
    draw->AddText(ImVec2(centre.x - icon_size.x * 0.5f, centre.y - icon_size.y * 0.5f), IM_COL32_WHITE, icon);
    ImGui::PopFont();

    ImGui::Indent(theme.Em(kIconColumnEm));
    ImGui::SetCursorScreenPos(ImVec2(start.x + theme.Em(kIconColumnEm), start.y + theme.Em(0.3f)));
    PushTextStyle(theme, TextStyle::Title2);
    ImGui::PushStyleColor(ImGuiCol_Text, p.text);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.a11y.AddText(Role::Status, title);
    // The reason comes from the server's rules, in the customer's language: the regular face.
    if (!reason.empty()) Paragraph(ui, TextStyle::Body, reason, p.text);
}

void EndVerdictCard(Ui& ui) {
    ImGui::Unindent(ui.theme.Em(kIconColumnEm));
    EndCard(ui);
}

} // namespace aftercare::portal
