// The returns receipt: the RMA number, how to send the item back (address, what to pack, by when)
// and the way to follow the request like any ticket.
#include "screens/returns_parts.h"

#include "app.h"
#include "screens/notify_choice.h"
#include "dates.h"
#include "time_format.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/service_number.h"
#include "widgets/verdict_card.h"

namespace aftercare::portal {
namespace {

// One instruction: an icon in a fixed column, a short title, then the text.
void InstructionRow(Ui& ui, const char* icon, std::string_view title, std::string_view text) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float column = theme.Em(2.0f);
    const float start_x = ImGui::GetCursorPosX();
    const float top = ImGui::GetCursorPosY();
    PushTextStyle(theme, TextStyle::Title3);
    ImGui::PushStyleColor(ImGuiCol_Text, p.brand);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(start_x + column, top));
    ImGui::BeginGroup();
    Paragraph(ui, TextStyle::Small, title, p.text_muted);
    Paragraph(ui, TextStyle::Body, text, p.text);
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, theme.Em(0.2f)));
}

} // namespace

void DrawReturnsDone(AppState& state, Ui& ui) {
    ReturnsState& r = state.returns;
    const Theme& theme = ui.theme;
    if (!r.submitted.IsLoaded()) {  // nothing was submitted in this session: start over
        GoToStep(state, ReturnsStep::Order);
        return;
    }
    const api::CreateTicketResponse& created = *r.submitted.value;
    const bool exchange = created.ticket.kind == core::TicketKind::Exchange;

    // A time is promised only when the vendor set a per-ticket deadline (none by default).
    const std::optional<int> hours = state.policy.sla.returns_resolution_hours;
    const std::string body =
        hours ? state.strings.Format(state.language, exchange ? "returns.done.body.exchange" : "returns.done.body.refund",
                                     {{"duration", FormatDuration(state.strings, state.language, *hours * 60)}})
              : state.Tr(exchange ? "returns.done.body.exchange.open" : "returns.done.body.refund.open");
    BeginVerdictCard(ui, "##done", Verdict::Granted, state.Tr("returns.done.title"), body);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    ServiceNumberPanel(ui, "rma", created.service_number,
                       {state.Tr("returns.done.number"), state.Tr("widgets.copy"), state.Tr("widgets.copied")}, r.copied_at);
    if (const std::string promise = NotifyPromise(state, created); !promise.empty())
        Paragraph(ui, TextStyle::Small, promise, theme.palette.text_muted);
    EndVerdictCard(ui);

    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    BeginCard(ui, "##instructions");
    Heading(ui, TextStyle::Title3, state.Tr("returns.ship.title"), 2);
    ImGui::Dummy(ImVec2(0, theme.Em(0.1f)));
    InstructionRow(ui, ICON_MAP_MARKER, state.Tr("returns.ship.address.title"), state.Tr("returns.ship.address"));
    const bool defect = created.ticket.return_reason && *created.ticket.return_reason != core::ReturnReason::NoReason;
    InstructionRow(ui, ICON_CUBE, state.Tr("returns.ship.pack.title"),
                   state.Tr(defect ? "returns.ship.pack.defect" : "returns.ship.pack"));
    // The shipping deadline counts from the day the request was made, in the customer's calendar.
    const int offset = ui.host.UtcOffsetMinutes();
    const core::CivilDate by =
        core::AddDays(core::LocalDate(created.ticket.created_at, offset), state.policy.returns.ship_back_days);
    const core::CivilDate today = core::LocalDate(static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()), offset);
    InstructionRow(ui, ICON_CALENDAR, state.Tr("returns.ship.by.title"),
                   state.strings.Format(state.language, "returns.ship.by",
                                        {{"date", FormatDayWithWeekday(state.strings, state.language, by, today.year)},
                                         {"days", std::to_string(state.policy.returns.ship_back_days)}}));
    InstructionRow(ui, ICON_INFO_CIRCLE, state.Tr("returns.ship.label.title"),
                   state.strings.Format(state.language, "returns.ship.label", {{"number", created.service_number}}));
    if (exchange && !created.ticket.address.empty()) {
        InstructionRow(ui, ICON_TRUCK, state.Tr("returns.ship.replacement.title"), created.ticket.address);
    }
    EndCard(ui);

    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    const float width = ImGui::GetContentRegionAvail().x;
    if (Button(ui, "track", state.Tr("returns.done.track"), {.width = width, .icon = ICON_SEARCH})) {
        Navigate(state, ParseRoute("#/track/" + created.service_number + "?t=" + EncodeQueryValue(created.access_token)));
    }
    if (Button(ui, "another", state.Tr("returns.done.another"), {.kind = ButtonKind::Secondary, .width = width})) {
        r = ReturnsState{};
        r.draft_loaded = true;
    }
}

} // namespace aftercare::portal
