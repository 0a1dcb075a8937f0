// The rate screen's cards: the ticket being rated, the rating form, a rating already given, and
// why a ticket cannot be rated yet.
#include "screens/rate_parts.h"

#include "app.h"
#include "icons.h"
#include "labels.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/feedback.h"
#include "widgets/stars.h"
#include "widgets/verdict_card.h"

#include "core/utf8.h"
#include "core/validation.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

constexpr const char* kWordKeys[] = {"widgets.stars.word.1", "widgets.stars.word.2", "widgets.stars.word.3",
                                     "widgets.stars.word.4", "widgets.stars.word.5"};

std::string StarsText(const AppState& state, int stars) {
    if (stars < 1 || stars > 5) return state.Tr("widgets.stars.none");
    return state.strings.Format(state.language, "widgets.stars.value",
                                {{"value", std::to_string(stars)}, {"word", state.Tr(kWordKeys[stars - 1])}});
}

std::string_view ErrorOf(const RateState& r, const char* field) {
    const auto it = r.errors.find(field);
    return it == r.errors.end() ? std::string_view() : std::string_view(it->second);
}

// The widest dimension label, so the five rows of stars line up.
float LabelColumn(const AppState& state, const Ui& ui) {
    PushTextStyle(ui.theme, TextStyle::Body);
    float widest = 0.0f;
    for (const RateDimension& dimension : kRateDimensions) {
        widest = std::max(widest, ImGui::CalcTextSize(state.Tr(dimension.label_key).c_str()).x);
    }
    ImGui::PopFont();
    return widest;
}

// Text the customer typed, in the regular face at a style's size, wrapped and mirrored.
void CustomerText(Ui& ui, TextStyle style, std::string_view text, const ImVec4& colour) {
    ImGui::PushFont(ui.theme.fonts.regular, ui.theme.FontPx(style));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.a11y.AddText(Role::Text, text);
}

// A small rounded label with the ticket's state.
void StateChip(Ui& ui, std::string_view text, const ImVec4& colour) {
    const Theme& theme = ui.theme;
    PushTextStyle(theme, TextStyle::Small);
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 pad(theme.Em(0.6f), theme.Em(0.2f));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 max(pos.x + size.x + pad.x * 2.0f, pos.y + size.y + pad.y * 2.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, max, ToU32(ImVec4(colour.x, colour.y, colour.z, 0.12f)), (max.y - pos.y) * 0.5f);
    draw->AddText(ImVec2(pos.x + pad.x, pos.y + pad.y), ToU32(colour), text.data(), text.data() + text.size());
    ImGui::Dummy(ImVec2(max.x - pos.x, max.y - pos.y));
    ImGui::PopFont();
    ui.a11y.AddText(Role::Text, text);
}

void DrawRatingRows(AppState& state, Ui& ui, std::array<int, 5>& stars, bool read_only) {
    RateState& r = state.rate;
    const float label_width = LabelColumn(state, ui);
    for (size_t i = 0; i < stars.size(); ++i) {
        const RateDimension& dimension = kRateDimensions[i];
        const std::string value_text = StarsText(state, stars[i]);
        if (StarRating(ui, dimension.id, state.Tr(dimension.label_key), stars[i],
                       {.label_width = label_width,
                        .value_text = value_text,
                        .error = read_only ? std::string_view() : ErrorOf(r, dimension.id),
                        .read_only = read_only})) {
            r.errors.erase(dimension.id);
        }
    }
}

} // namespace

void DrawTicketSummary(AppState& state, Ui& ui, const api::TicketView& ticket) {
    const Palette& p = ui.theme.palette;
    BeginCard(ui, "##ticket");
    StateChip(ui, StateLabel(state, ticket.state, core::Audience::Customer), ToneColour(p, StateTone(ticket.state)));
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "rate.ticket.line",
                                   {{"kind", KindLabel(state, ticket.kind, core::Audience::Customer)},
                                    {"number", ticket.service_number}}),
              p.text_muted);
    // The subject is the customer's words: the regular face (the bold one holds only the portal's).
    CustomerText(ui, TextStyle::Title3, ticket.subject, p.text);
    if (!ticket.product.model.empty()) Paragraph(ui, TextStyle::Small, ticket.product.model, p.text_muted);
    EndCard(ui);
}

void DrawRatingForm(AppState& state, Ui& ui) {
    RateState& r = state.rate;
    const Palette& p = ui.theme.palette;
    BeginCard(ui, "##form");
    Heading(ui, TextStyle::Title3, state.Tr("rate.form.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("rate.form.help"), p.text_muted);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    DrawRatingRows(state, ui, r.form.stars, false);

    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    const ChoiceOption solved[] = {{"solved-yes", state.Tr("rate.solved.yes"), {}, ICON_CHECK},
                                   {"solved-no", state.Tr("rate.solved.no"), {}, ICON_TIMES_CIRCLE}};
    int answer = r.form.solved == 1 ? 0 : r.form.solved == 0 ? 1 : -1;
    if (ChoiceGroup(ui, "solved", state.Tr("rate.solved.label"), solved, answer,
                    {.error = ErrorOf(r, "solved"), .required = true})) {
        r.form.solved = answer == 0 ? 1 : 0;
        r.errors.erase("solved");
    }

    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    const std::string hint = state.Tr("rate.comment.hint");
    const std::string count = state.strings.Format(
        state.language, "rate.comment.count",
        {{"count", std::to_string(core::CountCodePoints(r.form.comment).value_or(r.form.comment.size()))},
         {"max", std::to_string(core::TextLimits::kCommentMax)}});
    if (TextField(ui, "comment", state.Tr("rate.comment.label"), r.form.comment,
                  {.hint = hint.c_str(), .help = count, .error = ErrorOf(r, "comment"), .multiline = true,
                   .height_em = 4.5f})
            .changed) {
        r.errors.erase("comment");
    }
    if (r.sent.IsFailed() && ErrorBanner(ui, state.strings, state.language, *r.sent.error, "send-error")) {
        SubmitRating(state, ui);
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    const bool sending = r.sent.IsLoading();
    if (Button(ui, "submit", state.Tr(sending ? "rate.submitting" : "rate.submit"),
               {.width = ImGui::GetContentRegionAvail().x, .enabled = !sending, .icon = ICON_STAR})) {
        SubmitRating(state, ui);
    }
    EndCard(ui);
}

void DrawGivenRating(AppState& state, Ui& ui, const core::Rating& rating) {
    RateState& r = state.rate;
    const Palette& p = ui.theme.palette;
    if (r.just_rated) {
        BeginVerdictCard(ui, "##given", Verdict::Granted, state.Tr("rate.thanks.title"), state.Tr("rate.thanks.body"));
    } else {
        BeginVerdictCard(ui, "##given", Verdict::Info, state.Tr("rate.already.title"), state.Tr("rate.already.body"),
                         ICON_HEART);
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    std::array<int, 5> stars = StarsOf(rating);
    DrawRatingRows(state, ui, stars, true);
    Paragraph(ui, TextStyle::Body, state.Tr(rating.solved ? "rate.given.solved" : "rate.given.unsolved"), p.text);
    if (!rating.comment.empty()) {
        Paragraph(ui, TextStyle::Small, state.Tr("rate.given.comment"), p.text_muted);
        Paragraph(ui, TextStyle::Body, rating.comment, p.text);
    }
    EndVerdictCard(ui);
}

void DrawNotYetRatable(AppState& state, Ui& ui, const api::TicketView& ticket) {
    const bool ended = ticket.state == core::TicketState::Cancelled || ticket.state == core::TicketState::Rejected;
    const std::string& state_label = StateLabel(state, ticket.state, core::Audience::Customer);
    BeginVerdictCard(ui, "##not-yet", Verdict::Info,
                     state.Tr(ended ? "rate.not_yet.ended.title" : "rate.not_yet.title"),
                     state.strings.Format(state.language, ended ? "rate.not_yet.ended.body" : "rate.not_yet.body",
                                          {{"state", state_label}}),
                     ICON_CLOCK);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    if (Button(ui, "track", state.Tr("rate.not_yet.track"), {.icon = ICON_SEARCH})) {
        Navigate(state, Route{Screen::Track, ticket.service_number, {}});  // the open ticket, token and all
    }
    EndVerdictCard(ui);
}

} // namespace aftercare::portal
