// FAQ screen; see faq.h.
#include "screens/faq.h"

#include "app.h"
#include "icons.h"
#include "net/customer_requests.h"
#include "widgets.h"
#include "widgets/feedback.h"

namespace aftercare::portal {
namespace {

constexpr double kTypingPauseSeconds = 0.35;
constexpr int kResultLimit = 10;

void DrawItem(AppState& state, Ui& ui, const api::FaqItem& item) {
    const Theme& theme = ui.theme;
    const bool open = state.faq.expanded.contains(item.id);
    ImGui::PushID(item.id.c_str());
    BeginCard(ui, "##item");
    const std::string& question = Localized(item.question, state.language);
    const float width = ImGui::GetContentRegionAvail().x;
    if (Button(ui, "question", question,
               {.kind = ButtonKind::Quiet, .width = width, .icon = open ? ICON_CHEVRON_LEFT : ICON_CHEVRON_RIGHT})) {
        if (open) {
            state.faq.expanded.erase(item.id);
        } else {
            state.faq.expanded.insert(item.id);
        }
    }
    if (open) Paragraph(ui, TextStyle::Body, Localized(item.answer, state.language), theme.palette.text);
    EndCard(ui);
    ImGui::PopID();
}

} // namespace

void SearchFaq(AppState& state, const std::string& query) {
    FaqState& faq = state.faq;
    faq.searched = query;
    faq.search_due_at = 0;
    faq.results.StartLoading();
    requests::SearchFaq(
        state.api, query, state.language, kResultLimit,
        [&state, query](api::FaqSearchResponse response) {
            if (state.faq.searched == query) state.faq.results.Succeed(std::move(response));
        },
        [&state, query](ApiError error) {
            if (state.faq.searched == query) state.faq.results.Fail(std::move(error));
        });
}

void DrawFaq(AppState& state, Ui& ui) {
    FaqState& faq = state.faq;
    const Theme& theme = ui.theme;
    const double now = ui.host.NowUnixSeconds();

    // The address bar leads: a link or back/forward to #/faq?q=... shows that search.
    const std::string route_query = QueryValue(state.route.query, "q");
    if (route_query != faq.route_query || faq.results.IsIdle()) {
        faq.route_query = route_query;
        faq.query = route_query;
        SearchFaq(state, faq.query);
    }

    if (Button(ui, "back", state.Tr("app.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, Route{Screen::Home, {}, {}});
    }
    Heading(ui, TextStyle::Title1, state.Tr("faq.title"), 1);
    const std::string hint = state.Tr("faq.search.hint");
    const TextFieldResult field =
        TextField(ui, "search", state.Tr("faq.search.label"), faq.query, {.hint = hint.c_str()});
    if (field.changed) {
        faq.search_due_at = now + kTypingPauseSeconds;
        ui.host.RequestRedrawAfter(kTypingPauseSeconds);
    }
    if (field.submitted || (faq.search_due_at > 0 && now >= faq.search_due_at)) {
        if (faq.query != faq.searched) SearchFaq(state, faq.query);
        faq.search_due_at = 0;
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    switch (faq.results.state) {
    case Remote<api::FaqSearchResponse>::State::Idle:
    case Remote<api::FaqSearchResponse>::State::Loading:
        LoadingIndicator(ui, state.Tr("faq.loading"));
        break;
    case Remote<api::FaqSearchResponse>::State::Failed:
        if (ErrorBanner(ui, state.strings, state.language, *faq.results.error, "faq-error")) {
            SearchFaq(state, faq.query);
        }
        break;
    case Remote<api::FaqSearchResponse>::State::Loaded: {
        const auto& items = faq.results.value->items;
        if (items.empty()) {
            EmptyState(ui, ICON_QUESTION, state.Tr("faq.empty"));
        } else {
            Paragraph(ui, TextStyle::Small,
                      state.strings.Format(state.language, "faq.count", {{"count", std::to_string(items.size())}}),
                      theme.palette.text_muted, Role::Status);
            for (const api::FaqItem& item : items) DrawItem(state, ui, item);
        }
        break;
    }
    }
}

} // namespace aftercare::portal
