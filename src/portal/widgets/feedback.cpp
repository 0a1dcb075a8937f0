// Feedback widgets; see feedback.h.
#include "widgets/feedback.h"

#include "icons.h"

#include <imgui_internal.h>  // IM_PI

#include <cmath>
#include <string>

namespace aftercare::portal {

const std::string& Localized(const core::LocalizedText& text, Language language) {
    if (language == Language::En) return text.en.empty() ? text.zh : text.en;
    return text.zh.empty() ? text.en : text.zh;
}

void LoadingIndicator(Ui& ui, std::string_view text) {
    const Theme& theme = ui.theme;
    const float radius = theme.Em(0.7f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(width, radius * 2.0f + theme.Em(2.5f)));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(pos.x + width * 0.5f, pos.y + theme.Em(0.5f) + radius);
    const float start = static_cast<float>(std::fmod(ui.host.NowUnixSeconds() * 6.0, 2.0 * IM_PI));
    ui.host.RequestRedrawAfter(1.0 / 30.0);  // an animation: about 30 frames a second while shown
    draw->PathArcTo(centre, radius, 0.0f, 2.0f * IM_PI, 32);
    draw->PathStroke(ToU32(theme.palette.brand_soft), 0, theme.Em(0.2f));
    draw->PathArcTo(centre, radius, start, start + IM_PI * 0.6f, 16);
    draw->PathStroke(ToU32(theme.palette.brand), 0, theme.Em(0.2f));
    PushTextStyle(theme, TextStyle::Small);
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    draw->AddText(ImVec2(pos.x + (width - size.x) * 0.5f, centre.y + radius + theme.Em(0.6f)),
                  ToU32(theme.palette.text_muted), text.data(), text.data() + text.size());
    ImGui::PopFont();
    ui.a11y.AddText(Role::Status, text);
}

std::string DescribeError(const StringTable& strings, Language language, const ApiError& error) {
    const std::string& server_words = Localized(error.message, language);
    switch (error.kind) {
    case ApiError::Kind::Offline: return strings.Get(language, "app.error.offline");
    case ApiError::Kind::RateLimited:
        return strings.Format(language, "app.error.rate_limited",
                              {{"seconds", std::to_string(error.retry_after_seconds > 0 ? error.retry_after_seconds : 60)}});
    case ApiError::Kind::NotFound:
        return server_words.empty() ? strings.Get(language, "app.error.not_found") : server_words;
    case ApiError::Kind::Unauthorized:
        return server_words.empty() ? strings.Get(language, "app.error.unauthorized") : server_words;
    case ApiError::Kind::Rejected:
        return server_words.empty() ? strings.Get(language, "app.error.rejected") : server_words;
    case ApiError::Kind::Server: break;
    }
    return strings.Get(language, "app.error.server");
}

bool ErrorBanner(Ui& ui, const StringTable& strings, Language language, const ApiError& error, const char* id) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const bool may_pass = error.kind == ApiError::Kind::Offline || error.kind == ApiError::Kind::RateLimited ||
                          error.kind == ApiError::Kind::Server;
    ImGui::PushID(id);
    BeginCard(ui, "##error",
              {.fill = ImVec4(1.0f, 0.925f, 0.925f, 1.0f), .border = ImVec4(p.danger.x, p.danger.y, p.danger.z, 0.35f)});
    // SetCursorPosX is window-relative; the card's left edge is not the window's.
    const float left = ImGui::GetCursorPosX();
    ImGui::PushStyleColor(ImGuiCol_Text, p.danger);
    ImGui::TextUnformatted(ICON_WARNING);
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetCursorStartPos().x + theme.Em(1.75f));
    Paragraph(ui, TextStyle::Body, DescribeError(strings, language, error), p.text, Role::Alert);
    bool retry = false;
    if (may_pass) {
        ImGui::SetCursorPosX(left + theme.Em(1.75f));
        retry = Button(ui, "retry", strings.Get(language, "app.retry"), {.kind = ButtonKind::Secondary});
    }
    EndCard(ui);
    ImGui::PopID();
    return retry;
}

void EmptyState(Ui& ui, const char* icon, std::string_view text) {
    const Theme& theme = ui.theme;
    const float width = ImGui::GetContentRegionAvail().x;
    PushTextStyle(theme, TextStyle::Display);
    const ImVec2 icon_size = ImGui::CalcTextSize(icon);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - icon_size.x) * 0.5f);
    ImGui::TextColored(theme.palette.border, "%s", icon);
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Body);
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, width);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - size.x) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, theme.palette.text_muted);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(width, size.x + 1.0f));
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.a11y.AddText(Role::Text, text);
}

} // namespace aftercare::portal
