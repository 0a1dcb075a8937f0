// Interim rating route; see rate_pending.h.
#include "screens/rate_pending.h"

#include "app.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/feedback.h"

namespace aftercare::portal {

void DrawRatePending(AppState& state, Ui& ui) {
    if (Button(ui, "back", state.Tr("app.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, state.route.param.empty() ? Route{Screen::Home, {}, {}} : Route{Screen::Track, state.route.param, {}});
    }
    Heading(ui, TextStyle::Title1, state.Tr("home.action.rate"), 1);
    EmptyState(ui, ICON_STAR, state.Tr("ticket.rate.pending"));
}

} // namespace aftercare::portal
