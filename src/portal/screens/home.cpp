// Home screen; see home.h.
#include "screens/home.h"

#include "app.h"
#include "icons.h"
#include "time_format.h"
#include "widgets.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace aftercare::portal {
namespace {

struct HomeAction {
    const char* id;
    const char* icon;
    const char* title_key;
    const char* hint_key;
    Screen screen = Screen::Home;  // where the card leads
};

constexpr HomeAction kActions[] = {
    {"repair", ICON_WRENCH, "home.action.repair", "home.action.repair.hint", Screen::Repair},
    {"track", ICON_SEARCH, "home.action.track", "home.action.track.hint", Screen::Track},
    {"returns", ICON_EXCHANGE, "home.action.returns", "home.action.returns.hint", Screen::Returns},
    {"rate", ICON_STAR, "home.action.rate", "home.action.rate.hint", Screen::Rate},
    {"complain", ICON_COMMENT, "home.action.complain", "home.action.complain.hint", Screen::Complaint},
    {"ask", ICON_QUESTION, "home.action.ask", "home.action.ask.hint", Screen::Consultation},
};

// A card's hint, with the policy's number where it names one (returns window, complaint answer).
std::string HintText(const AppState& state, const HomeAction& action) {
    const std::string_view id = action.id;
    const int days = id == "returns"    ? state.policy.returns.no_reason_days
                     : id == "complain" ? state.policy.sla.complaint_answer_working_days
                                        : 0;
    return state.strings.Format(state.language, action.hint_key, {{"days", std::to_string(days)}});
}

void DrawActions(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(1.0f);
    // Two columns once a card can be at least 18 em wide; one column on a phone.
    const int columns = avail >= theme.Em(18.0f) * 2.0f + gap ? 2 : 1;
    const float card_width = (avail - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    int column = 0;
    for (const HomeAction& action : kActions) {
        if (column > 0) ImGui::SameLine(0.0f, gap);
        const bool pressed = ActionCard(ui, action.id, action.icon, state.Tr(action.title_key),
                                        HintText(state, action), card_width);
        if (pressed && state.kiosk.enabled && std::string_view(action.id) == "repair") {
            Navigate(state, Route{Screen::KioskRepair, {}, {}});  // a kiosk asks one question per screen
        } else if (pressed && action.screen != Screen::Home) {
            Navigate(state, Route{action.screen, {}, {}});
        }
        column = (column + 1) % columns;
    }
}

// The hotline line: only when the policy has a number, and its hours as the policy's service hours
// say (7×24, or the weekly hours with public holidays closed).
std::optional<std::string> HotlineLine(const AppState& state) {
    const core::Policy& policy = state.policy;
    if (policy.contact.hotline.empty()) return std::nullopt;
    if (policy.service_hours.round_the_clock) {
        return state.strings.Format(state.language, "home.commitment.hotline", {{"number", policy.contact.hotline}});
    }
    return state.strings.Format(
        state.language, "home.commitment.hotline_hours",
        {{"number", policy.contact.hotline},
         {"hours", FormatWeeklyHours(state.strings, state.language, policy.service_hours)}});
}

void DrawCommitments(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    const core::Policy& policy = state.policy;
    const Language lang = state.language;
    const StringTable& s = state.strings;
    // Every number as the policy states it: 90 minutes reads "1 小时 30 分钟", 18 months "18 个月".
    std::vector<std::pair<const char*, std::string>> lines = {
        {ICON_CLOCK, s.Format(lang, "home.commitment.response",
                              {{"duration", FormatDuration(s, lang, policy.sla.general.first_response_minutes)}})},
        {ICON_BOLT, s.Format(lang, "home.commitment.urgent",
                             {{"duration", FormatDuration(s, lang, policy.sla.urgent.first_response_minutes)}})},
        {ICON_SHIELD,
         s.Format(lang, "home.commitment.warranty", {{"period", FormatMonths(s, lang, policy.warranty.months)}})},
        {ICON_UNDO, s.Format(lang, "home.commitment.returns", {{"days", std::to_string(policy.returns.no_reason_days)}})},
        {ICON_COMMENT, s.Format(lang, "home.commitment.complaint",
                                {{"days", std::to_string(policy.sla.complaint_answer_working_days)}})},
    };
    if (auto hotline = HotlineLine(state)) lines.emplace_back(ICON_PHONE, std::move(*hotline));

    BeginCard(ui, "##commitments");
    Heading(ui, TextStyle::Title3, state.Tr("home.commitments.title"), 2);
    ImGui::Spacing();
    for (const auto& [icon, line] : lines) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme.palette.success);
        ImGui::TextUnformatted(icon);
        ImGui::PopStyleColor();
        ImGui::SameLine(ImGui::GetCursorStartPos().x + theme.Em(1.75f));  // a fixed icon column
        Paragraph(ui, TextStyle::Body, line, theme.palette.text);
    }
    EndCard(ui);
}

void DrawFaqSearch(AppState& state, Ui& ui) {
    BeginCard(ui, "##faq");
    Heading(ui, TextStyle::Title3, state.Tr("home.faq.title"), 2);
    const std::string hint = state.Tr("home.faq.placeholder");
    const TextFieldResult field =
        TextField(ui, "faq-search", state.Tr("home.faq.label"), state.home_faq_query, {.hint = hint.c_str()});
    const float button_width = ui.theme.Em(8.0f);
    if (Button(ui, "faq-go", state.Tr("home.faq.search"), {.width = button_width, .icon = ICON_SEARCH}) ||
        field.submitted) {
        Navigate(state, Route{Screen::Faq, {}, "q=" + EncodeQueryValue(state.home_faq_query)});
    }
    EndCard(ui);
}

} // namespace

void DrawHome(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    Heading(ui, TextStyle::Title1, state.Tr("home.greeting"), 1);
    Paragraph(ui, TextStyle::Body, state.Tr("home.subtitle"), theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));

    DrawActions(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.75f)));
    DrawFaqSearch(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    DrawCommitments(state, ui);
}

} // namespace aftercare::portal
