// The consultation receipt: the service number and when we answer by, as the server's SLA clock
// computed it (the policy's hours, on its service hours), and the way to follow the question like
// any ticket.
#include "screens/consultation_done.h"

#include "app.h"
#include "icons.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/service_number.h"
#include "widgets/verdict_card.h"

namespace aftercare::portal {

void DrawConsultationDone(AppState& state, Ui& ui) {
    ConsultationState& c = state.consultation;
    const Theme& theme = ui.theme;
    const api::CreateTicketResponse& created = *c.submitted.value;
    const core::Deadline& answer = created.ticket.sla.status.Get(core::SlaClock::Resolution);
    const auto now = static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds());
    const std::string deadline =
        answer.due_at ? state.strings.Format(state.language, "consultation.done.deadline",
                                             {{"time", FormatLocalTime(state.strings, state.language, *answer.due_at, now,
                                                                       ui.host.UtcOffsetMinutes())}})
                      : std::string();

    BeginVerdictCard(ui, "##done", Verdict::Granted, state.Tr("consultation.done.title"), deadline);
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "consultation.done.contact", {{"phone", created.ticket.phone_masked}}),
              theme.palette.text_muted);
    if (const std::string promise = NotifyPromise(state, created); !promise.empty())
        Paragraph(ui, TextStyle::Small, promise, theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    ServiceNumberPanel(ui, "number", created.service_number,
                       {state.Tr("consultation.done.number"), state.Tr("widgets.copy"), state.Tr("widgets.copied")},
                       c.copied_at);
    EndVerdictCard(ui);

    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    const float width = ImGui::GetContentRegionAvail().x;
    if (Button(ui, "track", state.Tr("consultation.done.track"), {.width = width, .icon = ICON_SEARCH})) {
        Navigate(state, ParseRoute("#/track/" + created.service_number + "?t=" + EncodeQueryValue(created.access_token)));
    }
    if (Button(ui, "home", state.Tr("consultation.done.home"), {.kind = ButtonKind::Secondary, .width = width})) {
        c = ConsultationState{};
        c.draft_loaded = true;
        Navigate(state, Route{Screen::Home, {}, {}});
    }
}

} // namespace aftercare::portal
