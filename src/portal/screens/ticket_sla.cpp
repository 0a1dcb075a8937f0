// Live SLA card; see ticket_sla.h.
#include "screens/ticket_sla.h"

#include "app.h"
#include "icons.h"
#include "screens/ticket_session.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/tone.h"

#include <cmath>

namespace aftercare::portal {
namespace {

using core::DeadlineStatus;
using core::SlaClock;
using core::TicketKind;
using core::TicketState;

bool Ticking(const core::Deadline& d) {
    return d.status == DeadlineStatus::Running || d.status == DeadlineStatus::Overdue;
}

// The promise to talk about: an overdue clock first (honesty), else the one due soonest.
const core::Deadline* Headline(const core::SlaStatus& sla) {
    const core::Deadline* best = nullptr;
    for (const core::Deadline& d : sla.deadlines) {
        if (!Ticking(d) || !d.due_at) continue;
        if (best == nullptr) {
            best = &d;
            continue;
        }
        const bool d_over = d.status == DeadlineStatus::Overdue;
        const bool best_over = best->status == DeadlineStatus::Overdue;
        if (d_over != best_over ? d_over : *d.due_at < *best->due_at) best = &d;
    }
    return best;
}

bool AnswerKind(TicketKind kind) { return kind == TicketKind::Complaint || kind == TicketKind::Consultation; }
bool ReturnsKind(TicketKind kind) { return kind == TicketKind::Return || kind == TicketKind::Exchange; }

const char* HeadlineKey(SlaClock clock, TicketKind kind) {
    switch (clock) {
    case SlaClock::FirstResponse: return "ticket.sla.first_response.headline";
    case SlaClock::Dispatch: return "ticket.sla.dispatch.headline";
    case SlaClock::Arrival: return "ticket.sla.arrival.headline";
    case SlaClock::Resolution: break;
    }
    if (AnswerKind(kind)) return "ticket.sla.resolution.headline.answer";
    if (ReturnsKind(kind)) return "ticket.sla.resolution.headline.returns";
    return "ticket.sla.resolution.headline.repair";
}

const char* ClockKey(SlaClock clock, TicketKind kind) {
    switch (clock) {
    case SlaClock::FirstResponse: return "ticket.sla.clock.first_response";
    case SlaClock::Dispatch: return "ticket.sla.clock.dispatch";
    case SlaClock::Arrival: return "ticket.sla.clock.arrival";
    case SlaClock::Resolution: break;
    }
    return AnswerKind(kind) ? "ticket.sla.clock.answer" : "ticket.sla.clock.resolution";
}

const char* LevelKey(core::EscalationLevel level) {
    return level == core::EscalationLevel::GeneralManager ? "ticket.sla.level.general_manager"
                                                          : "ticket.sla.level.department_manager";
}

// Roles in words: "部门经理、总经理" (roles customers have no word for are left out).
std::string RoleNames(const AppState& state, const std::vector<std::string>& roles) {
    std::string names;
    for (const std::string& role : roles) {
        const char* key = role == "general_manager"      ? "ticket.sla.level.general_manager"
                          : role == "department_manager" ? "ticket.sla.level.department_manager"
                                                         : nullptr;
        if (key == nullptr) continue;
        if (!names.empty()) names += state.Tr("ticket.sla.list_separator");
        names += state.Tr(key);
    }
    return names;
}

// Who the policy says follows the ticket up at this level.
std::string Notified(const AppState& state, core::EscalationLevel level) {
    std::string names;
    if (const core::EscalationStep* step = core::FindEscalationStep(state.policy, level))
        names = RoleNames(state, step->notify_roles);
    return names.empty() ? state.Tr(LevelKey(level)) : names;
}

// One line per clock: its name on the left, its standing on the right.
void DrawClockRow(AppState& state, Ui& ui, const core::Deadline& d, TicketKind kind, double server_now) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const int offset = ui.host.UtcOffsetMinutes();
    const auto now = static_cast<core::UnixSeconds>(server_now);
    auto at = [&](core::UnixSeconds t) { return FormatLocalTime(state.strings, state.language, t, now, offset); };
    std::string text;
    ImVec4 colour = p.text_muted;
    const char* icon = ICON_CLOCK;
    switch (d.status) {
    case DeadlineStatus::MetOnTime:
        text = state.strings.Format(state.language, "ticket.sla.row.met_on_time", {{"time", at(*d.met_at)}});
        colour = p.success;
        icon = ICON_CHECK;
        break;
    case DeadlineStatus::MetLate:
        text = state.strings.Format(
            state.language, "ticket.sla.row.met_late",
            {{"time", at(*d.met_at)}, {"duration", FormatCountdown(state.strings, state.language, *d.met_at - *d.due_at)}});
        colour = p.warning;
        icon = ICON_WARNING;
        break;
    case DeadlineStatus::Running:
        text = state.strings.Format(state.language, "ticket.sla.row.running", {{"time", at(*d.due_at)}});
        colour = p.text;
        break;
    case DeadlineStatus::Overdue:
        text = state.strings.Format(state.language, "ticket.sla.row.overdue",
                                    {{"duration", FormatCountdown(state.strings, state.language, d.remaining_seconds)}});
        colour = p.danger;
        icon = ICON_WARNING;
        break;
    case DeadlineStatus::Paused:
        text = state.Tr("ticket.sla.row.paused");
        icon = ICON_PAUSE;
        break;
    case DeadlineStatus::NotStarted: text = state.Tr("ticket.sla.row.not_started"); break;
    case DeadlineStatus::Stopped: text = state.Tr("ticket.sla.row.stopped"); break;
    case DeadlineStatus::NotApplicable: return;
    }
    const std::string& label = state.Tr(ClockKey(d.clock, kind));
    const float width = ImGui::GetContentRegionAvail().x;
    // SameLine() offsets count from the line's start (the card's content edge inside a card group).
    const float start_x = ImGui::GetCursorStartPos().x;
    PushTextStyle(theme, TextStyle::Small);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::SameLine(start_x + theme.Em(1.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, p.text_muted);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ui.a11y.AddText(Role::Text, label + ": " + text);
    const float text_w = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SameLine(start_x + std::max(theme.Em(8.0f), width - text_w));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void DrawEscalation(AppState& state, Ui& ui, const api::TicketView& view, double server_now) {
    const core::EscalationLevel level = view.escalation;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    // A card, not a child window: its text must stay in the accessibility mirror when scrolled away.
    BeginCard(ui, "##escalation", {.fill = ToneTint(p, Tone::Warning, 0.10f), .border = ToneTint(p, Tone::Warning, 0.35f)});
    ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
    ImGui::TextUnformatted(ICON_BELL);
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetCursorStartPos().x + theme.Em(1.6f));
    // "Notified" only when the delivery log says a notice went out; otherwise who follows it up.
    const api::EscalationNotice* sent = api::SentNotice(view, level);
    const std::string roles = sent ? RoleNames(state, sent->roles) : std::string();
    const std::string text =
        !roles.empty()
            ? state.strings.Format(state.language, "ticket.sla.escalated_notified",
                                   {{"level", state.Tr(LevelKey(level))},
                                    {"roles", roles},
                                    {"time", FormatLocalTime(state.strings, state.language, sent->sent_at,
                                                             static_cast<core::UnixSeconds>(server_now),
                                                             ui.host.UtcOffsetMinutes())}})
            : state.strings.Format(state.language, "ticket.sla.escalated",
                                   {{"level", state.Tr(LevelKey(level))}, {"notified", Notified(state, level)}});
    Paragraph(ui, TextStyle::Small, text, p.text, Role::Status);
    EndCard(ui);
}

// Why the clocks are paused: the state says, except in Assigned and In progress, where only a
// repair quote waiting for the customer's answer pauses them (core/sla.h).
const char* PauseReasonKey(TicketState ticket_state) {
    switch (ticket_state) {
    case TicketState::AwaitingItem: return "ticket.sla.paused.awaiting_item";
    case TicketState::WaitingCustomer: return "ticket.sla.paused.waiting_customer";
    default: return "ticket.sla.paused.quote";
    }
}

} // namespace

core::SlaStatus CurrentSla(const api::TicketView& view, double server_now) {
    const auto now = static_cast<core::UnixSeconds>(std::floor(server_now));
    return core::Aged(view.sla.status, now - view.sla.evaluated_at);
}

void DrawSlaCard(AppState& state, Ui& ui, const api::TicketView& view) {
    if (view.state == TicketState::Cancelled || view.state == TicketState::Rejected) return;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const double device_now = ui.host.NowUnixSeconds();
    const double server_now = ServerNow(state, device_now);
    const core::SlaStatus sla = CurrentSla(view, server_now);
    const auto now = static_cast<core::UnixSeconds>(server_now);
    const int offset = ui.host.UtcOffsetMinutes();
    const bool finished = view.state == TicketState::Resolved || view.state == TicketState::Confirmed ||
                          view.state == TicketState::Closed;

    BeginCard(ui, "##sla");
    ImGui::PushStyleColor(ImGuiCol_Text, p.brand);
    PushTextStyle(theme, TextStyle::Title3);
    ImGui::TextUnformatted(ICON_CLOCK);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine(0, theme.Em(0.5f));
    Heading(ui, TextStyle::Title3, state.Tr("ticket.sla.title"), 2);

    const core::Deadline* headline = Headline(sla);
    const core::Deadline& resolution = sla.Get(SlaClock::Resolution);
    if (finished) {
        const bool late = resolution.status == DeadlineStatus::MetLate;
        const std::string text =
            late ? state.strings.Format(state.language, "ticket.sla.done.late",
                                        {{"duration", FormatCountdown(state.strings, state.language,
                                                                      *resolution.met_at - *resolution.due_at)}})
                 : state.Tr("ticket.sla.done.on_time");
        Paragraph(ui, TextStyle::Title2, text, late ? p.warning : p.success, Role::Status);
    } else if (sla.paused) {
        Paragraph(ui, TextStyle::Title2, state.Tr("ticket.sla.paused.headline"), p.text, Role::Status);
        Paragraph(ui, TextStyle::Body, state.Tr(PauseReasonKey(view.state)), p.text_muted);
    } else if (headline != nullptr && headline->status == DeadlineStatus::Overdue) {
        // The headline is the live region; the countdown under it changes every second, so it is
        // plain text (a screen reader would otherwise read it out once a second).
        Paragraph(ui, TextStyle::Title2, state.Tr("ticket.sla.overdue.headline"), p.danger, Role::Status);
        Paragraph(ui, TextStyle::Title1,
                  state.strings.Format(state.language, "ticket.sla.overdue",
                                       {{"duration", FormatCountdown(state.strings, state.language,
                                                                     headline->remaining_seconds)}}),
                  p.danger);
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "ticket.sla.overdue.was",
                                       {{"time", FormatLocalTime(state.strings, state.language, *headline->due_at,
                                                                 now, offset)}}),
                  p.text_muted);
    } else if (headline != nullptr) {
        Paragraph(ui, TextStyle::Title2,
                  state.strings.Format(state.language, HeadlineKey(headline->clock, view.kind),
                                       {{"time", FormatLocalTime(state.strings, state.language, *headline->due_at,
                                                                 now, offset)}}),
                  p.text, Role::Status);
        Paragraph(ui, TextStyle::Title1,
                  state.strings.Format(state.language, "ticket.sla.left",
                                       {{"duration", FormatCountdown(state.strings, state.language,
                                                                     headline->remaining_seconds)}}),
                  p.brand);
    } else if (resolution.status == DeadlineStatus::NotStarted) {
        // Urgent repairs: the fix is promised within N hours of the engineer arriving.
        Paragraph(ui, TextStyle::Title2,
                  state.strings.Format(state.language, "ticket.sla.urgent_after_arrival",
                                       {{"duration", FormatCountdown(state.strings, state.language,
                                                                     resolution.allowance_seconds)}}),
                  p.text, Role::Status);
    }

    if (view.escalation != core::EscalationLevel::None) {
        ImGui::Dummy(ImVec2(0, theme.Em(0.1f)));
        DrawEscalation(state, ui, view, server_now);
    }

    ImGui::Dummy(ImVec2(0, theme.Em(0.1f)));
    ImGui::PushStyleColor(ImGuiCol_Separator, p.border);
    ImGui::Separator();
    ImGui::PopStyleColor();
    for (const core::Deadline& d : sla.deadlines) DrawClockRow(state, ui, d, view.kind, server_now);
    EndCard(ui);

    // A running clock changes every second: come back on the next whole second, and only then.
    bool ticking = false;
    for (const core::Deadline& d : sla.deadlines) ticking = ticking || (Ticking(d) && !sla.paused);
    if (ticking) ui.host.RequestRedrawAfter(1.0 - std::fmod(server_now, 1.0) + 0.005);
}

} // namespace aftercare::portal
