// Returns and exchanges screen: the page, its step indicator and the current step; see returns.h.
#include "screens/returns.h"

#include "app.h"
#include "icons.h"
#include "net/vendor_policy.h"
#include "screens/returns_parts.h"
#include "widgets.h"
#include "widgets/column.h"
#include "widgets/progress_steps.h"

#include <array>
#include <string_view>

namespace aftercare::portal {

void DrawReturns(AppState& state, Ui& ui) {
    EnsureVendorPolicy(state);  // holidays, the returns and complaint numbers
    ReturnsState& r = state.returns;
    if (!r.draft_loaded) LoadReturnsDraft(state, ui.host);
    const Theme& theme = ui.theme;

    BeginNarrowColumn(ui, 40.0f);
    if (Button(ui, "back", state.Tr("app.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, Route{Screen::Home, {}, {}});
    }
    Heading(ui, TextStyle::Title1, state.Tr("returns.title"), 1);
    Paragraph(ui, TextStyle::Body,
              state.strings.Format(state.language, "returns.subtitle",
                                   {{"days", std::to_string(state.policy.returns.no_reason_days)}}),
              theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    const std::array<std::string_view, 5> labels = {state.Tr("returns.step.order"), state.Tr("returns.step.item"),
                                                    state.Tr("returns.step.verdict"), state.Tr("returns.step.request"),
                                                    state.Tr("returns.step.done")};
    // Once done, every step is drawn done.
    const bool done = r.draft.step == ReturnsStep::Done;
    const int current = static_cast<int>(r.draft.step);
    ProgressSteps(ui, labels, done ? static_cast<int>(labels.size()) : current,
            done ? state.Tr("returns.step.finished")
                 : state.strings.Format(state.language, "returns.step.progress",
                                        {{"current", std::to_string(current + 1)},
                                         {"count", std::to_string(labels.size())},
                                         {"label", std::string(labels[static_cast<size_t>(current)])}}));
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    // A new step starts at the top of the page, wherever the last one was scrolled to.
    if (r.draft.step != r.shown_step) {
        r.shown_step = r.draft.step;
        ImGui::SetScrollY(0.0f);
    }
    switch (r.draft.step) {
    case ReturnsStep::Order: DrawOrderStep(state, ui); break;
    case ReturnsStep::Item: DrawItemStep(state, ui); break;
    case ReturnsStep::Verdict: DrawVerdictStep(state, ui); break;
    case ReturnsStep::Request: DrawRequestStep(state, ui); break;
    case ReturnsStep::Done: DrawReturnsDone(state, ui); break;
    }
    EndNarrowColumn(ui);

    SaveReturnsDraft(state, ui.host);
}

} // namespace aftercare::portal
