// The complaint receipt: the service number and the day we answer by, as the server's SLA clock
// computed it, with the way to follow the complaint like any ticket. A suggestion's receipt has no date.
#include "screens/complaint_parts.h"

#include "app.h"
#include "dates.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/service_number.h"
#include "widgets/verdict_card.h"

namespace aftercare::portal {
namespace {

// The answer deadline from the ticket's resolution clock (the server's policy and clock); core's
// rule on this device's policy when the clock has no due time (it always has for complaints).
core::CivilDate AnswerDay(const AppState& state, const api::TicketView& ticket) {
    const core::UtcOffsetMinutes offset = state.policy.calendar.vendor_utc_offset_minutes;
    const core::Deadline& resolution = ticket.sla.status.Get(core::SlaClock::Resolution);
    if (resolution.due_at) return core::LocalDate(*resolution.due_at, offset);
    return ComplaintAnswerDay(state.policy, ticket.created_at);
}

} // namespace

void DrawComplaintDone(AppState& state, Ui& ui) {
    ComplaintState& c = state.complaint;
    const Theme& theme = ui.theme;
    const api::CreateTicketResponse& created = *c.submitted.value;
    const core::CivilDate today =
        core::LocalDate(static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()),
                        state.policy.calendar.vendor_utc_offset_minutes);
    if (created.ticket.kind == core::TicketKind::Suggestion) {
        BeginVerdictCard(ui, "##done", Verdict::Granted, state.Tr("complaint.suggestion.done.title"),
                         state.Tr("complaint.suggestion.done.body"));
    } else {
        const std::string date =
            FormatDayWithWeekday(state.strings, state.language, AnswerDay(state, created.ticket), today.year);
        BeginVerdictCard(ui, "##done", Verdict::Granted, state.Tr("complaint.done.title"),
                         state.strings.Format(state.language, "complaint.done.deadline", {{"date", date}}));
    }
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "complaint.done.contact", {{"phone", created.ticket.phone_masked}}),
              theme.palette.text_muted);
    if (const std::string promise = NotifyPromise(state, created); !promise.empty())
        Paragraph(ui, TextStyle::Small, promise, theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    ServiceNumberPanel(ui, "number", created.service_number,
                       {state.Tr("complaint.done.number"), state.Tr("widgets.copy"), state.Tr("widgets.copied")},
                       c.copied_at);
    EndVerdictCard(ui);

    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    const float width = ImGui::GetContentRegionAvail().x;
    if (Button(ui, "track", state.Tr("complaint.done.track"), {.width = width, .icon = ICON_SEARCH})) {
        Navigate(state, ParseRoute("#/track/" + created.service_number + "?t=" + EncodeQueryValue(created.access_token)));
    }
    if (Button(ui, "home", state.Tr("complaint.done.home"), {.kind = ButtonKind::Secondary, .width = width})) {
        c = ComplaintState{};
        c.draft_loaded = true;
        Navigate(state, Route{Screen::Home, {}, {}});
    }
}

} // namespace aftercare::portal
