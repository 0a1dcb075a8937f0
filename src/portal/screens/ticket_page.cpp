// Ticket page layout; see ticket_page.h. The parts live beside it: ticket_session (requests and
// live updates), ticket_status (states in words, stepper steps), ticket_sla (the countdown card),
// ticket_timeline, ticket_actions (prompts, messages, dialogs).
#include "screens/ticket_page.h"

#include "app.h"
#include "icons.h"
#include "labels.h"
#include "screens/ticket_actions.h"
#include "screens/ticket_session.h"
#include "screens/ticket_sla.h"
#include "screens/ticket_status.h"
#include "screens/ticket_timeline.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"
#include "widgets/status_stepper.h"

#include <cmath>

namespace aftercare::portal {
namespace {

constexpr float kTwoColumnsEm = 48.0f;  // the column width from which the page splits in two
constexpr float kSideShare = 0.42f;
constexpr double kCopiedSeconds = 2.0;  // how long "copied" replaces "copy"

// A label over its value, for the request's details.
void Detail(Ui& ui, const std::string& label, const std::string& value) {
    if (value.empty()) return;
    Paragraph(ui, TextStyle::Small, label, ui.theme.palette.text_muted);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - ui.theme.Em(0.5f));
    Paragraph(ui, TextStyle::Body, value, ui.theme.palette.text);
}

void DrawHeader(AppState& state, Ui& ui, const api::TicketView& view) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    BeginCard(ui, "##header");
    // Kind and priority on the left, the status chip on the right.
    const std::string kind = KindLabel(state, view.kind, core::Audience::Customer) + " · " + PriorityLabel(state, view.priority);
    const std::string& status = StateLabel(state, view.state, core::Audience::Customer);
    const float row_start = ImGui::GetCursorPosX();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float chip_w = StatusChipWidth(ui, status);
    const float row_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(row_y + theme.Em(0.3f));
    Paragraph(ui, TextStyle::Small, kind, p.text_muted);
    ImGui::SetCursorPos(ImVec2(row_start + avail - chip_w, row_y));
    StatusChip(ui, status, StateTone(view.state),
               state.strings.Format(state.language, "ticket.status.a11y", {{"status", status}}));
    ImGui::SetCursorPosX(row_start);

    Heading(ui, TextStyle::Title2, view.subject.empty() ? KindLabel(state, view.kind, core::Audience::Customer) : view.subject, 1);

    // The service number, with a copy button (customers quote it on the phone), on one line: the
    // text is centred on the button's height.
    const std::string number = state.strings.Format(state.language, "ticket.number", {{"number", view.service_number}});
    const float number_y = ImGui::GetCursorPosY() - theme.Em(0.25f);
    ImGui::SetCursorPosY(number_y + (theme.Em(2.75f) - theme.FontPx(TextStyle::Body)) * 0.5f);
    Paragraph(ui, TextStyle::Body, number, p.text_muted);
    ImGui::SameLine(0, theme.Em(0.25f));
    ImGui::SetCursorPosY(number_y);
    const double now = ui.host.NowUnixSeconds();
    const bool copied = now < state.ticket.copied_until;
    if (Button(ui, "copy", state.Tr(copied ? "ticket.copied" : "ticket.copy"),
               {.kind = ButtonKind::Quiet, .icon = copied ? ICON_CHECK : ICON_COPY})) {
        ui.host.CopyToClipboard(view.service_number);
        state.ticket.copied_until = now + kCopiedSeconds;
    }
    if (copied) ui.host.RequestRedrawAfter(state.ticket.copied_until - now);
    const std::vector<StepperStep> steps = TicketSteps(state, view);
    StatusStepper(ui, "stepper", steps);
    EndCard(ui);
}

void DrawDetails(AppState& state, Ui& ui, const api::TicketView& view) {
    const auto now = static_cast<core::UnixSeconds>(std::floor(ServerNow(state, ui.host.NowUnixSeconds())));
    BeginCard(ui, "##details");
    Heading(ui, TextStyle::Title3, state.Tr("ticket.details.title"), 2);
    std::string product = view.product.model;
    if (!view.product.serial.empty()) {
        product += (product.empty() ? "" : " · ") + view.product.serial;
    }
    Detail(ui, state.Tr("ticket.details.product"), product);
    if (!view.assignee.empty()) Detail(ui, state.Tr("ticket.details.assignee"), StaffName(view, view.assignee));
    Detail(ui, state.Tr("ticket.details.created"),
           FormatLocalTime(state.strings, state.language, view.created_at, now, ui.host.UtcOffsetMinutes()));
    Detail(ui, state.Tr("ticket.details.contact"), view.customer_name + "  " + view.phone_masked);
    Detail(ui, state.Tr("ticket.details.address"), view.address);
    Detail(ui, state.Tr("ticket.details.description"), view.description);
    if (view.complaint) {
        Detail(ui, state.Tr("ticket.details.complaint_category"),
               Localized(core::Label(view.complaint->category), state.language));
        Detail(ui, state.Tr("ticket.details.related"), view.complaint->related_ticket);
    }
    if (view.findings) {  // what the team found and changed, with the answer
        Detail(ui, state.Tr("ticket.details.root_cause"), view.findings->root_cause);
        Detail(ui, state.Tr("ticket.details.corrective_action"), view.findings->corrective_action);
    }
    EndCard(ui);
}

void DrawLiveTrouble(AppState& state, Ui& ui) {
    const TicketPageState& page = state.ticket;
    // One lost poll is normal (a network blip); say something from the second in a row.
    if (!page.live_error || page.poll_failures < 2) return;
    const Palette& p = ui.theme.palette;
    BeginCard(ui, "##live", {.fill = ToneTint(p, Tone::Warning, 0.10f), .border = ToneTint(p, Tone::Warning, 0.35f)});
    Paragraph(ui, TextStyle::Body,
              state.Tr(page.live_error->kind == ApiError::Kind::Offline ? "ticket.live.offline"
                                                                         : "ticket.live.reconnecting"),
              p.text, Role::Status);
    if (Button(ui, "reconnect", state.Tr("ticket.live.retry"), {.kind = ButtonKind::Secondary, .icon = ICON_REFRESH})) {
        ReconnectLive(state);
    }
    EndCard(ui);
}

void Gap(Ui& ui) { ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f))); }

void DrawLoaded(AppState& state, Ui& ui, const api::TicketView& view) {
    DrawHeader(state, ui, view);
    Gap(ui);
    DrawLiveTrouble(state, ui);

    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail >= ui.theme.Em(kTwoColumnsEm)) {
        // Desktop: the story on the left; the clock and the customer's moves on the right.
        const float gap = ui.theme.Em(1.0f);
        const float side = std::floor(avail * kSideShare);
        const float main = avail - side - gap;
        // Columns, not child windows: items scrolled out of sight stay in the accessibility mirror.
        const float left = ImGui::GetCursorPosX();
        const float top = ImGui::GetCursorPosY();
        BeginColumn(ui, left, main);
        DrawTimelineCard(state, ui, view);
        Gap(ui);
        DrawMessageCard(state, ui, view);
        EndColumn(ui);
        const float main_bottom = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(top);
        BeginColumn(ui, left + main + gap, side);
        DrawActionCards(state, ui, view);
        DrawSlaCard(state, ui, view);
        Gap(ui);
        DrawDetails(state, ui, view);
        Gap(ui);
        DrawCancelButton(state, ui, view);
        DrawComplainButton(state, ui, view);
        DrawSignOutButton(state, ui);
        EndColumn(ui);
        ImGui::SetCursorPosY(std::max(main_bottom, ImGui::GetCursorPosY()));
    } else {
        // Phone: what the customer should do first, then the clock, the story, the rest.
        DrawActionCards(state, ui, view);
        DrawSlaCard(state, ui, view);
        Gap(ui);
        DrawTimelineCard(state, ui, view);
        Gap(ui);
        DrawMessageCard(state, ui, view);
        Gap(ui);
        DrawDetails(state, ui, view);
        Gap(ui);
        DrawCancelButton(state, ui, view);
        DrawComplainButton(state, ui, view);
        DrawSignOutButton(state, ui);
    }
    DrawTicketDialogs(state, ui);
}

} // namespace

void DrawTicketPage(AppState& state, Ui& ui) {
    if (!SyncTicketRoute(state, ui)) return;
    TicketPageState& page = state.ticket;
    const Theme& theme = ui.theme;

    if (Button(ui, "back", state.Tr("ticket.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, Route{Screen::Track, {}, {}});
    }
    if (page.invalid_number) {
        EmptyState(ui, ICON_TICKET, state.Tr("ticket.invalid"));
        ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
        const float width = theme.Em(14.0f);
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) * 0.5f);
        if (Button(ui, "to-lookup", state.Tr("ticket.to_lookup"), {.width = width})) Navigate(state, Route{Screen::Track, {}, {}});
        return;
    }

    switch (state.open_ticket.view.state) {
    case Remote<api::TicketView>::State::Idle:
    case Remote<api::TicketView>::State::Loading: LoadingIndicator(ui, state.Tr("ticket.loading")); break;
    case Remote<api::TicketView>::State::Failed:
        if (state.open_ticket.view.error->kind == ApiError::Kind::NotFound) {
            EmptyState(ui, ICON_TICKET, state.Tr("ticket.not_found"));
            ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
            const float width = theme.Em(14.0f);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) * 0.5f);
            if (Button(ui, "to-lookup", state.Tr("ticket.to_lookup"), {.width = width})) {
                Navigate(state, Route{Screen::Track, {}, {}});
            }
        } else if (ErrorBanner(ui, state.strings, state.language, *state.open_ticket.view.error, "ticket-error")) {
            ReloadTicket(state, ui);
        }
        break;
    case Remote<api::TicketView>::State::Loaded: DrawLoaded(state, ui, *state.open_ticket.view.value); break;
    }
    PumpLiveUpdates(state, ui);
}

} // namespace aftercare::portal
