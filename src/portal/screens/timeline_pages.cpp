// Timeline paging; see timeline_pages.h.
#include "screens/timeline_pages.h"

#include "app.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/feedback.h"

#include <iterator>

namespace aftercare::portal {
int OldestHeld(const api::TicketView& view) { return view.timeline.empty() ? 0 : view.timeline.front().sequence; }

void PrependEarlier(api::TicketView& view, int before, const api::EventsResponse& page) {
    if (page.events.empty() || view.timeline.empty() || before != OldestHeld(view)) return;
    view.timeline.insert(view.timeline.begin(), page.events.begin(), page.events.end());
    view.timeline_has_earlier = page.has_earlier;
    view.timeline_earlier = page.earlier;
}

void KeepPagedHistory(const api::TicketView* previous, api::TicketView& fresh) {
    if (previous == nullptr || previous->service_number != fresh.service_number || fresh.timeline.empty()) return;
    const int oldest_fresh = OldestHeld(fresh);
    const auto& held = previous->timeline;
    if (held.empty() || OldestHeld(*previous) >= oldest_fresh) return;
    // Held events older than the fresh page; they must reach the page's first event.
    auto end = held.begin();
    while (end != held.end() && end->sequence < oldest_fresh) ++end;
    const bool overlap = end != held.end();
    if (!overlap && std::prev(end)->sequence + 1 != oldest_fresh) return;
    fresh.timeline.insert(fresh.timeline.begin(), held.begin(), end);
    fresh.timeline_has_earlier = previous->timeline_has_earlier;
    fresh.timeline_earlier = previous->timeline_earlier;
}

bool DrawShowEarlier(AppState& state, Ui& ui, const api::TicketView& view, bool loading,
                     const std::optional<ApiError>& failure) {
    if (!view.timeline_has_earlier || view.timeline.empty()) return false;
    const Palette& p = ui.theme.palette;
    const int hidden = view.timeline_earlier;
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "widgets.timeline.earlier_count", {{"count", std::to_string(hidden)}}),
              p.text_muted);
    bool pressed = Button(ui, "show-earlier",
                          state.Tr(loading ? "widgets.timeline.earlier_loading" : "widgets.timeline.earlier"),
                          {.kind = ButtonKind::Secondary, .enabled = !loading, .icon = ICON_HISTORY});
    if (failure && ErrorBanner(ui, state.strings, state.language, *failure, "earlier-error")) pressed = true;
    return pressed && !loading;
}

} // namespace aftercare::portal
