// The ticket workspace; see staff_ticket.h. This file loads and follows the ticket and lays the
// workspace out; the forms, the timeline and the customer card are in staff_ticket_forms.cpp,
// _timeline.cpp and _customer.cpp.
//
// [SECTION] Loading and following
// [SECTION] Header
// [SECTION] SLA clocks
// [SECTION] Layout
#include "screens/staff_ticket.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "screens/staff_followups.h"
#include "screens/staff_ticket_parts.h"
#include "screens/timeline_pages.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"

#include "core/sla.h"
#include "core/work_log.h"

#include <algorithm>

namespace aftercare::portal {

//-----------------------------------------------------------------------------
// [SECTION] Loading and following
//-----------------------------------------------------------------------------

// The newest audit entries the workspace shows.
constexpr int kAuditShown = 20;

void LoadAudit(AppState& state) {
    WorkspaceState& ws = state.staff.ticket;
    ws.audit.StartLoading();
    const std::string number = ws.number;
    requests::LoadAudit(
        state, number, kAuditShown,
        [&state, number](api::AuditResponse answer) {
            if (state.staff.ticket.number == number) state.staff.ticket.audit.Succeed(std::move(answer));
        },
        [&state, number](ApiError error) {
            if (state.staff.ticket.number != number) return;
            state.staff.ticket.audit.Fail(error);
        });
}

namespace {

constexpr int kFollowWaitSeconds = 25;
constexpr double kFollowRetrySeconds = 5.0;

// The events long-poll: it answers when the ticket gets a new event (anyone's: the customer's
// message, a colleague's change, an escalation), and the workspace then reloads the ticket.
void Follow(AppState& state, Ui& ui) {
    WorkspaceState& ws = state.staff.ticket;
    if (ws.following || !ws.ticket.value || ui.host.NowUnixSeconds() < ws.follow_retry_at) return;
    ws.following = true;
    const auto& timeline = ws.ticket.value->timeline;
    const int after = timeline.empty() ? 0 : timeline.back().sequence;
    const std::string number = ws.number;
    Host& host = ui.host;
    requests::FollowStaffEvents(
        state, number, after, kFollowWaitSeconds,
        [&state, &host, number](api::EventsResponse answer) {
            if (state.staff.ticket.number != number) return;
            state.staff.ticket.following = false;
            if (!answer.events.empty()) ReloadTicket(state, host);
        },
        [&state, &host, number](ApiError) {
            if (state.staff.ticket.number != number) return;
            WorkspaceState& w = state.staff.ticket;
            w.following = false;
            w.follow_retry_at = host.NowUnixSeconds() + kFollowRetrySeconds;
            host.RequestRedrawAfter(kFollowRetrySeconds);
        });
}

} // namespace

void ReloadTicket(AppState& state, Host& host) {
    WorkspaceState& ws = state.staff.ticket;
    ws.ticket.StartLoading();  // keeps the view shown until the new one arrives
    const std::string number = ws.number;
    requests::LoadStaffTicket(
        state, number,
        [&state, &host, number](api::TicketView view) {
            if (state.staff.ticket.number != number) return;
            WorkspaceState& w = state.staff.ticket;
            KeepPagedHistory(w.ticket.value ? &*w.ticket.value : nullptr, view);
            w.ticket.Succeed(std::move(view));
            w.received_at = host.NowUnixSeconds();
            LoadDeliveries(state, host);  // a new event may have caused messages
        },
        [&state, number](ApiError error) {
            if (state.staff.ticket.number != number) return;
            state.staff.ticket.ticket.Fail(error);
        });
}

void LoadEarlierEvents(AppState& state, Host&) {
    WorkspaceState& ws = state.staff.ticket;
    if (ws.earlier_in_flight || !ws.ticket.value) return;
    ws.earlier_in_flight = true;
    ws.earlier_error.reset();
    const std::string number = ws.number;
    const int before = OldestHeld(*ws.ticket.value);
    requests::LoadStaffEarlierEvents(
        state, number, before,
        [&state, number, before](api::EventsResponse answer) {
            if (state.staff.ticket.number != number) return;
            WorkspaceState& w = state.staff.ticket;
            w.earlier_in_flight = false;
            if (w.ticket.value) PrependEarlier(*w.ticket.value, before, answer);
        },
        [&state, number](ApiError error) {
            if (state.staff.ticket.number != number) return;
            WorkspaceState& w = state.staff.ticket;
            w.earlier_in_flight = false;
            w.earlier_error = error;
        });
}

void AcceptTicketChange(AppState& state, Host& host, api::TicketView view, const std::string& notice,
                        WorkspaceForm form) {
    WorkspaceState& ws = state.staff.ticket;
    KeepPagedHistory(ws.ticket.value ? &*ws.ticket.value : nullptr, view);
    ws.ticket.Succeed(std::move(view));
    ws.received_at = host.NowUnixSeconds();
    ws.notice = notice;
    ws.notice_form = form;
    ws.error.reset();
    // The forms start over for the next step.
    ws.action_note.clear();
    ws.findings = {};
    ws.priority_reason.clear();
    ws.priority_choice = -1;
    ws.assignee_choice = -1;
    ws.work_note.clear();
    ws.work_part.clear();
    ws.reply.clear();
    ws.quality_incident = false;
    ws.product.Reset();  // a fitted part changes the register: the product record loads again
    LoadDeliveries(state, host);  // the change may have caused messages
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Header
//-----------------------------------------------------------------------------

void DrawHeader(AppState& state, Ui& ui, const api::TicketView& ticket) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    PushTextStyle(theme, TextStyle::Title1);
    ImGui::TextUnformatted(ticket.service_number.c_str());
    ImGui::PopFont();
    ui.a11y.AddText(Role::Heading, ticket.service_number, 1);
    ImGui::SameLine(0.0f, theme.Em(0.5f));
    PushTextStyle(theme, TextStyle::Small);
    if (Button(ui, "copy-number", state.Tr("staff.ticket.copy"), {.kind = ButtonKind::Quiet, .icon = ICON_COPY})) {
        ui.host.CopyToClipboard(ticket.service_number);
        state.staff.ticket.notice = state.Tr("staff.ticket.copied");
        state.staff.ticket.notice_form = WorkspaceForm::Actions;
    }
    ImGui::PopFont();
    // The chips wrap onto a second line on a phone rather than run off the screen.
    const float gap = theme.Em(0.4f);
    const float right = ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x;
    bool first = true;
    auto chip = [&](const std::string& label, const ImVec4& colour, const ChipStyle& style) {
        if (!first) {
            ImGui::SameLine(0.0f, gap);
            if (ImGui::GetCursorPosX() + ColourChipSize(ui, label, style).x > right) ImGui::NewLine();
        }
        first = false;
        ColourChip(ui, label, colour, style);
    };
    chip(StateLabel(state, ticket.state, core::Audience::Staff), StateColour(p, ticket.state), {});
    chip(PriorityLabel(state, ticket.priority), PriorityColour(p, ticket.priority), {.icon = ICON_FLAG});
    chip(KindLabel(state, ticket.kind, core::Audience::Staff), p.text_muted, {});
    if (ticket.escalation != core::EscalationLevel::None)
        chip(EscalationLabel(state, ticket.escalation), EscalationColour(p, ticket.escalation), {.icon = ICON_LEVEL_UP});
    if (ticket.quality_incident) chip(state.Tr("staff.quality.chip"), p.danger, {.icon = ICON_WARNING});
    if (!ticket.repeat_of.empty()) chip(state.Tr("staff.repeat.chip"), p.warning, {.icon = ICON_UNDO});
    ImGui::Dummy(ImVec2(0, theme.Em(0.2f)));
    Heading(ui, TextStyle::Title2, ticket.subject, 2);
    const std::string assignee = ticket.assignee.empty() ? state.Tr("staff.unassigned") : StaffName(state, ticket.assignee);
    const std::string meta = state.strings.Format(
        state.language, "staff.ticket.meta",
        {{"time", FormatDateTime(ticket.created_at, ui.host.UtcOffsetMinutes())}, {"assignee", assignee}});
    Paragraph(ui, TextStyle::Small, meta, p.text_muted);
}

//-----------------------------------------------------------------------------
// [SECTION] SLA clocks
//-----------------------------------------------------------------------------

void DrawClock(AppState& state, Ui& ui, const core::Deadline& deadline, double elapsed) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const int offset = ui.host.UtcOffsetMinutes();
    std::string status;
    ImVec4 colour = p.text_muted;
    float progress = -1.0f;
    const std::int64_t left = deadline.remaining_seconds - static_cast<std::int64_t>(elapsed);
    switch (deadline.status) {
    case core::DeadlineStatus::NotApplicable: status = state.Tr("staff.clock.not_applicable"); break;
    case core::DeadlineStatus::NotStarted: status = state.Tr("staff.clock.not_started"); break;
    case core::DeadlineStatus::Stopped: status = state.Tr("staff.clock.stopped"); break;
    case core::DeadlineStatus::Paused:
        status = state.strings.Format(state.language, "staff.clock.paused",
                                      {{"time", FormatCountdownClock(state.language, deadline.remaining_seconds)}});
        colour = ImVec4(0.447f, 0.180f, 0.820f, 1.0f);
        break;
    case core::DeadlineStatus::MetOnTime:
        status = state.strings.Format(state.language, "staff.clock.met", {{"time", FormatShortDateTime(*deadline.met_at, offset)}});
        colour = p.success;
        break;
    case core::DeadlineStatus::MetLate:
        status = state.strings.Format(state.language, "staff.clock.met_late",
                                      {{"time", FormatShortDateTime(*deadline.met_at, offset)}});
        colour = p.danger;
        break;
    case core::DeadlineStatus::Running:
    case core::DeadlineStatus::Overdue:
        if (left >= 0) {
            status = state.strings.Format(state.language, "staff.clock.left", {{"time", FormatCountdownClock(state.language, left)}});
            colour = left <= core::kBreachingSoonSeconds ? p.warning : p.success;
        } else {
            status = state.strings.Format(state.language, "staff.sla.overdue_by", {{"time", FormatCountdownClock(state.language, -left)}});
            colour = p.danger;
        }
        if (deadline.allowance_seconds > 0) {
            progress = 1.0f - static_cast<float>(left) / static_cast<float>(deadline.allowance_seconds);
        }
        ui.host.RequestRedrawAfter(1.0);
        break;
    }
    PushTextStyle(theme, TextStyle::Small);
    const std::string& name = ClockLabel(state, deadline.clock);
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted(name.c_str());
    ui.a11y.AddText(Role::Text, name);
    if (deadline.due_at) {
        // The deadline itself, right-aligned on the clock's name line.
        const std::string due = state.strings.Format(state.language, "staff.clock.due",
                                                     {{"time", FormatShortDateTime(*deadline.due_at, offset)}});
        ImGui::SameLine();
        ImGui::SetCursorScreenPos(ImVec2(right - ImGui::CalcTextSize(due.c_str()).x, ImGui::GetCursorScreenPos().y));
        ImGui::TextColored(p.text_muted, "%s", due.c_str());
        ui.a11y.AddText(Role::Text, due);
    }
    ImGui::PopFont();
    Paragraph(ui, TextStyle::Body, status, colour, Role::Status);
    if (progress >= 0.0f) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const float h = theme.Em(0.3f);
        ImGui::Dummy(ImVec2(width, h));
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), ToU32(p.background), h);
        draw->AddRectFilled(pos, ImVec2(pos.x + width * std::clamp(progress, 0.02f, 1.0f), pos.y + h), ToU32(colour), h);
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.35f)));
}

// §19: a repair escalated for want of a fix within the promise gets a stop-gap agreed with the
// customer while the work goes on. Asked for until one is recorded (it needs a working ticket).
bool NeedsInterimPlan(const api::TicketView& ticket) {
    return ticket.kind == core::TicketKind::Repair && core::TakesWork(ticket.state) && !ticket.interim_plan;
}

void DrawSla(AppState& state, Ui& ui, const api::TicketView& ticket, double elapsed) {
    const Theme& theme = ui.theme;
    BeginCard(ui, "##sla");
    Heading(ui, TextStyle::Title3, state.Tr("staff.ticket.sla"), 2);
    // A clock this ticket does not have is left out, except an on-site repair's dispatch without a
    // deadline (general priority): its visit is at a time agreed with the customer, which staff need
    // to know. Only on-site repairs have a visit stage (the server's core::IsOnSite).
    const bool on_site = !ticket.visit_stage.empty();
    for (const core::Deadline& deadline : ticket.sla.status.deadlines) {
        const bool agreed_visit = on_site && deadline.clock == core::SlaClock::Dispatch;
        if (deadline.status == core::DeadlineStatus::NotApplicable && !agreed_visit) continue;
        DrawClock(state, ui, deadline, elapsed);
    }
    if (ticket.escalation != core::EscalationLevel::None) {
        // Who was told, from the notices the server really sent: the policy's roles are only its
        // intent, and nobody may hold them, or the channel may be off.
        const std::string level = EscalationLabel(state, ticket.escalation);
        const api::EscalationNotice* sent = api::SentNotice(ticket, ticket.escalation);
        const std::string text =
            sent ? state.strings.Format(state.language, "staff.ticket.escalated",
                                        {{"level", level},
                                         {"roles", RoleLabels(state, sent->roles)},
                                         {"time", FormatShortDateTime(sent->sent_at, ui.host.UtcOffsetMinutes())}})
                 : state.strings.Format(state.language, "staff.ticket.escalated_untold",
                                        {{"level", level}, {"untold", state.Tr("staff.timeline.not_told")}});
        Paragraph(ui, TextStyle::Small, text, theme.palette.danger, Role::Status);
        if (NeedsInterimPlan(ticket))
            Paragraph(ui, TextStyle::Small, state.Tr("staff.ticket.interim_plan_due"), theme.palette.warning);
    }
    EndCard(ui);
}

void DrawRating(AppState& state, Ui& ui, const api::TicketView& ticket) {
    if (!ticket.rating) return;
    const Theme& theme = ui.theme;
    const core::Rating& r = *ticket.rating;
    BeginCard(ui, "##rating");
    Heading(ui, TextStyle::Title3, state.Tr("staff.rating.title"), 2);
    const std::pair<const char*, int> dims[] = {{"staff.rating.quality", r.quality},   {"staff.rating.speed", r.speed},
                                                {"staff.rating.attitude", r.attitude}, {"staff.rating.scope", r.scope},
                                                {"staff.rating.guarantee", r.guarantee}};
    for (const auto& [key, stars] : dims) {
        std::string line = state.Tr(key) + "  ";
        for (int i = 0; i < 5; ++i) line += i < stars ? ICON_STAR : ICON_STAR_EMPTY;
        Paragraph(ui, TextStyle::Small, line, theme.palette.text);
    }
    Paragraph(ui, TextStyle::Small, state.Tr(r.solved ? "staff.rating.solved" : "staff.rating.not_solved"),
              r.solved ? theme.palette.success : theme.palette.danger);
    if (!r.comment.empty()) Paragraph(ui, TextStyle::Body, r.comment, theme.palette.text);
    EndCard(ui);
}

//-----------------------------------------------------------------------------
// [SECTION] Layout
//-----------------------------------------------------------------------------

void Gap(const Theme& theme) { ImGui::Dummy(ImVec2(0, theme.Em(0.6f))); }

} // namespace

void DrawStaffTicket(AppState& state, Ui& ui) {
    if (!BeginConsoleScreen(state, ui, Screen::StaffQueue)) return;
    const Theme& theme = ui.theme;
    WorkspaceState& ws = state.staff.ticket;

    // The route names the ticket; a new one starts a fresh workspace (forms, reveals, errors).
    if (ws.number != state.route.param) {
        ws = WorkspaceState{};
        ws.number = state.route.param;
    }
    if (ws.ticket.IsIdle()) {
        ReloadTicket(state, ui.host);
        LoadAudit(state);
    }

    if (Button(ui, "back", state.Tr("staff.ticket.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, Route{Screen::StaffQueue, {}, state.staff.queue.applied_query});
    }
    if (!ws.ticket.value) {
        if (ws.ticket.IsFailed()) {
            if (ErrorBanner(ui, state.strings, state.language, *ws.ticket.error, "ticket-error")) ReloadTicket(state, ui.host);
        } else {
            LoadingIndicator(ui, state.Tr("staff.ticket.loading"));
        }
        return;
    }
    const api::TicketView& ticket = *ws.ticket.value;
    const double elapsed = ui.host.NowUnixSeconds() - ws.received_at;
    Follow(state, ui);

    DrawHeader(state, ui, ticket);
    if (ws.ticket.IsFailed()) {
        // A reload failed but an older view is on screen: say so, keep it.
        if (ErrorBanner(ui, state.strings, state.language, *ws.ticket.error, "reload-error")) ReloadTicket(state, ui.host);
    }
    Gap(theme);

    const float avail = ImGui::GetContentRegionAvail().x;
    const bool two_columns = avail >= theme.Em(56.0f);
    const float gap = theme.Em(1.0f);
    const float side_w = two_columns ? std::max(theme.Em(20.0f), avail * 0.34f) : avail;
    const float main_w = two_columns ? avail - side_w - gap : avail;

    const float left = ImGui::GetCursorPosX();
    BeginColumn(ui, left, main_w);
    DrawTicketActions(state, ui, ticket);
    Gap(theme);
    DrawComplaintCard(state, ui, ticket);
    if (ticket.kind == core::TicketKind::Complaint) Gap(theme);
    DrawWorkRecords(state, ui, ticket, elapsed);
    if (core::TakesWork(ticket.state)) Gap(theme);
    DrawServiceReportCard(state, ui, ticket);
    if (ticket.kind == core::TicketKind::Repair) Gap(theme);
    DrawReply(state, ui, ticket);
    if (!core::IsTerminal(ticket.state)) Gap(theme);
    DrawFollowUpCall(state, ui, ticket);
    if (two_columns) DrawTimeline(state, ui, ticket);
    EndColumn(ui);

    if (two_columns) ImGui::SameLine(0.0f, gap);
    BeginColumn(ui, two_columns ? left + main_w + gap : left, side_w);
    DrawSla(state, ui, ticket, elapsed);
    Gap(theme);
    DrawCustomer(state, ui, ticket);
    Gap(theme);
    DrawCustomerHistory(state, ui, ticket);
    if (!ticket.product.serial.empty()) {
        Gap(theme);
        DrawProductRecord(state, ui, ticket);
    }
    if (ticket.rating) {
        Gap(theme);
        DrawRating(state, ui, ticket);
    }
    Gap(theme);
    DrawDeliveries(state, ui);
    EndColumn(ui);

    if (!two_columns) {
        Gap(theme);
        DrawTimeline(state, ui, ticket);
    }
    DrawRevealDialog(state, ui);  // over the page, outside the columns
}

} // namespace aftercare::portal
