// The workspace's forms: transitions with a note, assignment, re-triage with a reason, work records
// (diagnosis, spare parts and their commitments, arrival, service report) and replies to the
// customer. Each sends one request, and the server's answer (the ticket as it now is) replaces
// what is shown.
#include "screens/staff_ticket_parts.h"

#include "app.h"
#include "dates.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/dropdown.h"
#include "widgets/feedback.h"

#include "core/staff_roles.h"
#include "core/work_log.h"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace aftercare::portal {
namespace {

bool Blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

int LastSequence(const api::TicketView& ticket) { return ticket.timeline.empty() ? 0 : ticket.timeline.back().sequence; }

bool Has(const api::TicketView& ticket, core::Action action) {
    return std::find(ticket.available_actions.begin(), ticket.available_actions.end(), action) !=
           ticket.available_actions.end();
}

// The ImGui id of a form's error banner.
const char* BannerId(WorkspaceForm form) {
    switch (form) {
    case WorkspaceForm::Actions: return "actions-error";
    case WorkspaceForm::Assign: return "assign-error";
    case WorkspaceForm::Priority: return "priority-error";
    case WorkspaceForm::Work: return "work-error";
    case WorkspaceForm::Reply: return "reply-error";
    default: return "form-error";
    }
}

} // namespace

// Sends a change; `form` is the form that shows the result, or the error if it fails.
void SendChange(AppState& state, Ui& ui, WorkspaceForm form, const requests::TicketChange& change, std::string notice) {
    WorkspaceState& ws = state.staff.ticket;
    ws.busy = true;
    ws.error.reset();
    ws.notice.clear();
    const std::string number = ws.number;
    Host& host = ui.host;
    requests::ChangeTicket(
        state, number, change,
        [&state, &host, number, notice = std::move(notice), form](api::TicketView view) {
            if (state.staff.ticket.number != number) return;
            state.staff.ticket.busy = false;
            AcceptTicketChange(state, host, std::move(view), notice, form);
        },
        [&state, &host, number, form](ApiError error) {
            if (state.staff.ticket.number != number) return;
            WorkspaceState& w = state.staff.ticket;
            w.busy = false;
            w.error = error;
            w.error_form = form;
            // Someone else moved the ticket meanwhile: show it as it is now.
            if (error.status == 409) ReloadTicket(state, host);
        });
}

void FormError(AppState& state, Ui& ui, WorkspaceForm form) {
    WorkspaceState& ws = state.staff.ticket;
    if (ws.error && ws.error_form == form) {
        if (ErrorBanner(ui, state.strings, state.language, *ws.error, BannerId(form))) ws.error.reset();
    }
}

// The last success, if one of `forms` made it. A card shows it once for all its forms (the assign
// form is gone once an agent has taken the ticket, but "assigned to you" must still be read).
void FormNotice(AppState& state, Ui& ui, std::initializer_list<WorkspaceForm> forms) {
    const WorkspaceState& ws = state.staff.ticket;
    if (ws.notice.empty() || std::find(forms.begin(), forms.end(), ws.notice_form) == forms.end()) return;
    Paragraph(ui, TextStyle::Small, ws.notice, ui.theme.palette.success, Role::Status);
}

namespace {

// Buttons that flow and wrap like words.
struct ButtonFlow {
    Ui& ui;
    float avail;
    float used = 0.0f;

    bool Add(const char* id, const std::string& label, ButtonKind kind, bool enabled, const char* icon = nullptr) {
        PushTextStyle(ui.theme, TextStyle::Small);
        const std::string shown = icon ? std::string(icon) + "  " + label : label;
        const float width = ImGui::CalcTextSize(shown.c_str()).x + ui.theme.Em(2.2f);
        const float gap = ui.theme.Em(0.5f);
        if (used > 0.0f && used + gap + width <= avail) {
            ImGui::SameLine(0.0f, gap);
            used += gap + width;
        } else {
            used = width;
        }
        const bool pressed = Button(ui, id, label, {.kind = kind, .width = width, .enabled = enabled, .icon = icon});
        ImGui::PopFont();
        return pressed;
    }
};

const char* ActionIcon(core::Action action) {
    switch (action) {
    case core::Action::Accept: return ICON_CHECK;
    case core::Action::Start: return ICON_WRENCH;
    case core::Action::Resolve: return ICON_CHECK;
    case core::Action::RequestInfo: return ICON_QUESTION;
    case core::Action::Escalate: return ICON_LEVEL_UP;
    case core::Action::Reject: return ICON_TIMES;
    default: return nullptr;
    }
}

void DrawTransitions(AppState& state, Ui& ui, const api::TicketView& ticket) {
    WorkspaceState& ws = state.staff.ticket;
    const core::StaffPermissions& permissions = state.staff.session->permissions;
    std::vector<core::Action> actions;
    for (core::Action action : ticket.available_actions) {
        // These have forms of their own below.
        if (action == core::Action::Assign || action == core::Action::Reprioritize ||
            action == core::Action::Reschedule)
            continue;
        if (action == core::Action::Escalate && !permissions.escalate) continue;
        actions.push_back(action);
    }
    if (actions.empty()) return;
    const TextFieldResult note = TextField(ui, "action-note", state.Tr("staff.actions.note"), ws.action_note,
                                           {.help = state.Tr("staff.actions.note.help"), .error = ws.note_error,
                                            .multiline = true, .height_em = 3.5f});
    if (note.changed) ws.note_error.clear();
    const bool answers_complaint = ticket.kind == core::TicketKind::Complaint &&
                                   std::find(actions.begin(), actions.end(), core::Action::Resolve) != actions.end();
    if (answers_complaint) DrawComplaintFindings(state, ui);
    ButtonFlow flow{ui, ImGui::GetContentRegionAvail().x};
    bool primary_used = false;
    for (core::Action action : actions) {
        // The flow's natural next step is the one primary button.
        const bool forward = action == core::Action::Accept || action == core::Action::Start ||
                             action == core::Action::Resolve || action == core::Action::ReceiveItem ||
                             action == core::Action::Resume || action == core::Action::Approve;
        const ButtonKind kind = forward && !primary_used ? ButtonKind::Primary : ButtonKind::Secondary;
        primary_used |= kind == ButtonKind::Primary;
        const std::string id = "action-" + std::string(core::ToString(action));
        if (!flow.Add(id.c_str(), ActionLabel(state, action), kind, !ws.busy, ActionIcon(action))) continue;
        const bool needs_note = action == core::Action::Reject || action == core::Action::RequestInfo ||
                                action == core::Action::Escalate ||
                                (action == core::Action::Resolve && ticket.kind == core::TicketKind::Suggestion);
        if (needs_note && Blank(ws.action_note)) {
            ws.note_error = state.Tr("staff.actions.note_required");
            continue;
        }
        api::TransitionRequestWire request;
        if (answers_complaint && action == core::Action::Resolve) {
            request.findings = TakeComplaintFindings(state);
            if (!request.findings) continue;
        }
        request.action = action;
        request.note = ws.action_note;
        request.expected_sequence = LastSequence(ticket);
        SendChange(state, ui, WorkspaceForm::Actions, request,
             state.strings.Format(state.language, "staff.actions.done", {{"action", ActionLabel(state, action)}}));
    }
}

void DrawAssign(AppState& state, Ui& ui, const api::TicketView& ticket) {
    WorkspaceState& ws = state.staff.ticket;
    const StaffSession& session = *state.staff.session;
    if (!Has(ticket, core::Action::Assign) || !core::CanAssign(session.permissions, ticket.assignee)) return;
    if (!state.staff.members.IsLoaded()) return;
    std::vector<std::string> names;
    std::vector<std::string> ids;
    for (const api::StaffAccount& m : state.staff.members.value->members) {
        if (!m.active) continue;
        names.push_back(m.display_name.empty() ? m.id : m.display_name + " (" + m.id + ")");
        ids.push_back(m.id);
    }
    if (ws.assignee_choice < 0 || ws.assignee_choice >= static_cast<int>(ids.size())) {
        const std::string& want = ticket.assignee.empty() ? session.member.id : ticket.assignee;
        ws.assignee_choice = 0;
        for (size_t i = 0; i < ids.size(); ++i)
            if (ids[i] == want) ws.assignee_choice = static_cast<int>(i);
    }
    const Theme& theme = ui.theme;
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    Paragraph(ui, TextStyle::Small, state.Tr(ticket.assignee.empty() ? "staff.assign.title" : "staff.assign.reassign"),
              theme.palette.text);
    const float avail = ImGui::GetContentRegionAvail().x;
    Dropdown(ui, "assignee", state.Tr("staff.column.assignee"), names, ws.assignee_choice,
             {.width = std::min(avail, theme.Em(18.0f))});
    ImGui::SameLine(0.0f, theme.Em(0.5f));
    if (avail < theme.Em(30.0f)) ImGui::NewLine();
    ButtonFlow flow{ui, ImGui::GetContentRegionAvail().x};
    const std::string& chosen = ids.empty() ? session.member.id : ids[static_cast<size_t>(ws.assignee_choice)];
    const bool same = chosen == ticket.assignee;
    std::string target;
    if (flow.Add("assign", state.Tr(ticket.assignee.empty() ? "staff.assign.submit" : "staff.assign.submit_again"),
                 ButtonKind::Secondary, !ws.busy && !same, ICON_USER)) {
        target = chosen;
    }
    if (ticket.assignee != session.member.id &&
        flow.Add("assign-me", state.Tr("staff.assign.me"), ButtonKind::Quiet, !ws.busy)) {
        target = session.member.id;
    }
    if (!target.empty()) {
        api::AssignRequest request{target, ws.action_note};
        SendChange(state, ui, WorkspaceForm::Assign, request,
             state.strings.Format(state.language, "staff.assign.done", {{"name", StaffName(state, target)}}));
    }
    FormError(state, ui, WorkspaceForm::Assign);
}

void DrawPriority(AppState& state, Ui& ui, const api::TicketView& ticket) {
    WorkspaceState& ws = state.staff.ticket;
    if (!Has(ticket, core::Action::Reprioritize)) return;
    const Theme& theme = ui.theme;
    static constexpr std::array kPriorities = {core::Priority::Urgent, core::Priority::Serious, core::Priority::General};
    std::vector<std::string> options;
    for (core::Priority p : kPriorities) options.push_back(PriorityLabel(state, p));
    if (ws.priority_choice < 0) {
        for (size_t i = 0; i < kPriorities.size(); ++i)
            if (kPriorities[i] == ticket.priority) ws.priority_choice = static_cast<int>(i);
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    Paragraph(ui, TextStyle::Small, state.Tr("staff.priority.title"), theme.palette.text);
    const float avail = ImGui::GetContentRegionAvail().x;
    Dropdown(ui, "priority", state.Tr("staff.column.priority"), options, ws.priority_choice,
             {.width = std::min(avail, theme.Em(10.0f))});
    const TextFieldResult reason = TextField(ui, "priority-reason", state.Tr("staff.priority.reason"), ws.priority_reason,
                                             {.error = ws.priority_error});
    if (reason.changed) ws.priority_error.clear();
    const core::Priority wanted = kPriorities[static_cast<size_t>(std::clamp(ws.priority_choice, 0, 2))];
    ButtonFlow flow{ui, ImGui::GetContentRegionAvail().x};
    if (flow.Add("reprioritize", ActionLabel(state, core::Action::Reprioritize), ButtonKind::Secondary,
                 !ws.busy && wanted != ticket.priority, ICON_FLAG)) {
        if (Blank(ws.priority_reason)) {
            ws.priority_error = state.Tr("staff.priority.reason_required");
        } else {
            api::TransitionRequestWire request;
            request.action = core::Action::Reprioritize;
            request.priority = wanted;
            request.note = ws.priority_reason;
            request.expected_sequence = LastSequence(ticket);
            SendChange(state, ui, WorkspaceForm::Priority, request,
                 state.strings.Format(state.language, "staff.priority.done", {{"priority", PriorityLabel(state, wanted)}}));
        }
    }
    FormError(state, ui, WorkspaceForm::Priority);
}

// Moving the booked visit to a window agreed with the customer (by phone, usually): the day from
// today up to two weeks ahead on this device's calendar (the server checks the customer's), the slot,
// and the reason, which the customer reads on the timeline.
void DrawReschedule(AppState& state, Ui& ui, const api::TicketView& ticket) {
    WorkspaceState& ws = state.staff.ticket;
    if (!Has(ticket, core::Action::Reschedule)) return;
    static constexpr int kDaysOffered = 15;
    static constexpr std::array kSlots = {core::VisitSlot::Morning, core::VisitSlot::Afternoon,
                                          core::VisitSlot::Evening};
    const Theme& theme = ui.theme;
    const auto now = static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds());
    const core::CivilDate today = core::LocalDate(now, ui.host.UtcOffsetMinutes());
    const core::DayNumber today_number = core::DaysFromCivil(today);

    const std::optional<core::VisitWindow> booked = ticket.repair ? ticket.repair->visit : std::nullopt;
    if (ws.visit_day < 0) {
        const core::DayNumber from = booked ? core::DaysFromCivil(booked->date) : today_number + 1;
        ws.visit_day = static_cast<int>(std::clamp<core::DayNumber>(from - today_number, 0, kDaysOffered - 1));
    }
    if (ws.visit_slot < 0) {
        ws.visit_slot = 0;
        for (size_t i = 0; i < kSlots.size(); ++i)
            if (booked && kSlots[i] == booked->slot) ws.visit_slot = static_cast<int>(i);
    }
    std::vector<std::string> days;
    for (int offset = 0; offset < kDaysOffered; ++offset)
        days.push_back(FormatDayWithWeekday(state.strings, state.language, core::AddDays(today, offset), today.year));
    std::vector<std::string> slots;
    for (core::VisitSlot slot : kSlots) slots.push_back(Localized(core::Label(slot), state.language));

    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    Paragraph(ui, TextStyle::Small, state.Tr("staff.visit.title"), theme.palette.text);
    if (booked) {
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.visit.current",
                                       {{"window", FormatVisitWindow(state.strings, state.language, *booked, today.year)}}),
                  theme.palette.text_muted);
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    Dropdown(ui, "visit-day", state.Tr("staff.visit.day"), days, ws.visit_day, {.width = std::min(avail, theme.Em(12.0f))});
    Dropdown(ui, "visit-slot", state.Tr("staff.visit.slot"), slots, ws.visit_slot,
             {.width = std::min(avail, theme.Em(12.0f))});
    const TextFieldResult reason = TextField(ui, "visit-reason", state.Tr("staff.visit.reason"), ws.visit_reason,
                                             {.error = ws.visit_error});
    if (reason.changed) ws.visit_error.clear();

    const core::VisitWindow wanted{core::AddDays(today, std::clamp(ws.visit_day, 0, kDaysOffered - 1)),
                                   kSlots[static_cast<size_t>(std::clamp(ws.visit_slot, 0, 2))]};
    ButtonFlow flow{ui, ImGui::GetContentRegionAvail().x};
    if (flow.Add("reschedule", ActionLabel(state, core::Action::Reschedule), ButtonKind::Secondary,
                 !ws.busy && booked != wanted, ICON_CALENDAR)) {
        if (Blank(ws.visit_reason)) {
            ws.visit_error = state.Tr("staff.visit.reason_required");
        } else {
            api::TransitionRequestWire request;
            request.action = core::Action::Reschedule;
            request.visit = wanted;
            request.note = ws.visit_reason;
            request.expected_sequence = LastSequence(ticket);
            SendChange(state, ui, WorkspaceForm::Reschedule, request,
                 state.strings.Format(state.language, "staff.visit.done",
                                      {{"window", FormatVisitWindow(state.strings, state.language, wanted, today.year)}}));
        }
    }
    FormError(state, ui, WorkspaceForm::Reschedule);
}

} // namespace

void DrawTicketActions(AppState& state, Ui& ui, const api::TicketView& ticket) {
    const Theme& theme = ui.theme;
    BeginCard(ui, "##actions");
    Heading(ui, TextStyle::Title3, state.Tr("staff.actions.title"), 2);
    FormNotice(state, ui, {WorkspaceForm::Actions, WorkspaceForm::Assign, WorkspaceForm::Priority,
                           WorkspaceForm::Reschedule});
    if (ticket.available_actions.empty()) {
        Paragraph(ui, TextStyle::Body, state.Tr("staff.actions.none"), theme.palette.text_muted);
    }
    DrawTransitions(state, ui, ticket);
    FormError(state, ui, WorkspaceForm::Actions);
    DrawAssign(state, ui, ticket);
    DrawPriority(state, ui, ticket);
    DrawReschedule(state, ui, ticket);
    EndCard(ui);
}

void DrawWorkRecords(AppState& state, Ui& ui, const api::TicketView& ticket, double elapsed) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    WorkspaceState& ws = state.staff.ticket;
    const bool working = core::TakesWork(ticket.state);
    const std::vector<core::PartCommitment>& parts = ticket.parts;  // the server's, from the whole timeline
    if (!working && parts.empty()) return;

    BeginCard(ui, "##work");
    Heading(ui, TextStyle::Title3, state.Tr("staff.work.title"), 2);

    // Parts owed, with their commitment counting down.
    // The server's clock as of now: its answer's time plus what passed here since.
    const std::int64_t server_now = ticket.sla.evaluated_at + static_cast<std::int64_t>(elapsed);
    for (const core::PartCommitment& part : parts) {
        ImGui::PushID(part.sequence);
        const bool late = part.Late(server_now);
        const std::string kind = state.Tr(part.in_stock ? "staff.parts.in_stock" : "staff.parts.ordered");
        std::string status;
        ImVec4 colour = p.success;
        if (part.done_at) {
            status = state.strings.Format(state.language, part.in_stock ? "staff.parts.fitted_at" : "staff.parts.shipped_at",
                                          {{"time", FormatShortDateTime(*part.done_at, ui.host.UtcOffsetMinutes())}});
            colour = late ? p.danger : p.success;
        } else {
            const std::int64_t left = part.due_at - server_now;
            status = left >= 0 ? state.strings.Format(state.language, "staff.parts.left",
                                                      {{"time", FormatCountdownClock(state.language, left)}})
                               : state.strings.Format(state.language, "staff.parts.late",
                                                      {{"time", FormatCountdownClock(state.language, -left)}});
            colour = left < 0 ? p.danger : left <= core::kBreachingSoonSeconds ? p.warning : p.brand;
            ui.host.RequestRedrawAfter(1.0);
        }
        const std::string line = part.part + " · " + kind + " · " +
                                 state.strings.Format(state.language, part.in_stock ? "staff.parts.fit_by" : "staff.parts.ship_by",
                                                      {{"time", FormatShortDateTime(part.due_at, ui.host.UtcOffsetMinutes())}});
        Paragraph(ui, TextStyle::Body, line, p.text);
        Paragraph(ui, TextStyle::Small, status, colour, Role::Status);
        if (!part.done_at && working) {
            const core::WorkKind done = part.in_stock ? core::WorkKind::PartFitted : core::WorkKind::PartShipped;
            // A fitted part joins the product's replacement history; its own serial goes with it.
            if (part.in_stock)
                TextField(ui, "fitted-serial", state.Tr("staff.parts.fitted_serial"), ws.fitted_serial,
                          {.help = state.Tr("staff.parts.fitted_serial_help"),
                           .width = std::min(ImGui::GetContentRegionAvail().x, theme.Em(18.0f))});
            ButtonFlow flow{ui, ImGui::GetContentRegionAvail().x};
            if (flow.Add("part-done", WorkLabel(state, done), ButtonKind::Secondary, !ws.busy, ICON_CHECK)) {
                api::WorkRequest request{done, {}, {}, part.sequence, part.in_stock ? ws.fitted_serial : std::string(), {}, {}};
                ws.fitted_serial.clear();
                SendChange(state, ui, WorkspaceForm::Work, request,
                     state.strings.Format(state.language, "staff.work.done", {{"what", WorkLabel(state, done)}}));
            }
        }
        ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
        ImGui::PopID();
    }

    if (working) {
        // The service report has its own card (staff_ticket_report.cpp).
        static constexpr std::array kKinds = {core::WorkKind::Diagnosis, core::WorkKind::PartReserved,
                                              core::WorkKind::PartOrdered, core::WorkKind::Departure,
                                              core::WorkKind::Arrival,     core::WorkKind::InterimPlan};
        const bool repair = ticket.kind == core::TicketKind::Repair;
        // The rule of core::IsOnSite, on the view: only an on-site repair sends anyone out.
        const bool on_site = repair && (!ticket.repair || ticket.repair->mode == core::ServiceMode::OnSite);
        std::vector<std::string> options;
        std::vector<core::WorkKind> kinds;
        for (core::WorkKind kind : kKinds) {
            if (!repair && kind != core::WorkKind::Diagnosis) continue;
            const bool visit_step = kind == core::WorkKind::Departure || kind == core::WorkKind::Arrival;
            if (visit_step && !on_site) continue;
            options.push_back(WorkLabel(state, kind));
            kinds.push_back(kind);
        }
        ws.work_kind = std::clamp(ws.work_kind, 0, static_cast<int>(kinds.size()) - 1);
        const float avail = ImGui::GetContentRegionAvail().x;
        if (Dropdown(ui, "work-kind", state.Tr("staff.work.kind"), options, ws.work_kind,
                     {.width = std::min(avail, theme.Em(16.0f))})) {
            ws.work_error.clear();
        }
        const core::WorkKind kind = kinds[static_cast<size_t>(ws.work_kind)];
        const bool part_kind = kind == core::WorkKind::PartReserved || kind == core::WorkKind::PartOrdered;
        if (part_kind) {
            const int hours = kind == core::WorkKind::PartReserved ? state.policy.warranty.spare_part_in_stock_hours
                                                                    : state.policy.warranty.spare_part_ship_hours;
            Paragraph(ui, TextStyle::Small,
                      state.strings.Format(state.language,
                                           kind == core::WorkKind::PartReserved ? "staff.parts.promise_fit"
                                                                                : "staff.parts.promise_ship",
                                           {{"hours", std::to_string(hours)}}),
                      p.text_muted);
            TextField(ui, "work-part", state.Tr("staff.work.part"), ws.work_part, {.required = true});
        }
        const char* note_key = kind == core::WorkKind::Diagnosis     ? "staff.work.findings"
                               : kind == core::WorkKind::InterimPlan ? "staff.work.plan"
                                                                     : "staff.work.note";
        const TextFieldResult note = TextField(ui, "work-note", state.Tr(note_key), ws.work_note,
                                               {.error = ws.work_error, .multiline = true,
                                                .height_em = 3.5f});
        if (note.changed) ws.work_error.clear();
        ButtonFlow flow{ui, ImGui::GetContentRegionAvail().x};
        if (flow.Add("work-submit", state.Tr("staff.work.submit"), ButtonKind::Secondary, !ws.busy, ICON_PLUS)) {
            if (kind == core::WorkKind::Diagnosis && Blank(ws.work_note)) {
                ws.work_error = state.Tr("staff.work.note_required");
            } else if (kind == core::WorkKind::InterimPlan && Blank(ws.work_note)) {
                ws.work_error = state.Tr("staff.work.plan_required");
            } else if (part_kind && Blank(ws.work_part)) {
                ws.work_error = state.Tr("staff.work.part_required");
            } else {
                api::WorkRequest request{kind, ws.work_note, part_kind ? ws.work_part : std::string(), 0, {}, {}, {}};
                SendChange(state, ui, WorkspaceForm::Work, request,
                     state.strings.Format(state.language, "staff.work.done", {{"what", WorkLabel(state, kind)}}));
            }
        }
    }
    FormError(state, ui, WorkspaceForm::Work);
    FormNotice(state, ui, {WorkspaceForm::Work});
    EndCard(ui);
}

void DrawReply(AppState& state, Ui& ui, const api::TicketView& ticket) {
    WorkspaceState& ws = state.staff.ticket;
    const Palette& p = ui.theme.palette;
    // A closed ticket takes no message, but notes still: what is learnt later belongs on the record.
    const bool closed = core::IsTerminal(ticket.state);
    if (closed) ws.internal_note = true;
    BeginCard(ui, "##reply");
    Heading(ui, TextStyle::Title3, state.Tr(closed ? "staff.note.title" : "staff.reply.card_title"), 2);
    if (!closed) {
        const std::string to_customer = state.Tr("staff.reply.to_customer");
        const std::string note = state.Tr("staff.note.choice");
        const ChoiceOption options[] = {{"customer", to_customer, {}, ICON_COMMENT}, {"note", note, {}, ICON_LOCK}};
        int mode = ws.internal_note ? 1 : 0;
        if (ChoiceGroup(ui, "reply-mode", state.Tr("staff.reply.mode"), options, mode)) {
            ws.internal_note = mode == 1;
            ws.reply_error.clear();
        }
    }
    const bool note = ws.internal_note;
    const TextFieldResult text =
        TextField(ui, "reply", state.Tr(note ? "staff.note.label" : "staff.reply.label"), ws.reply,
                  {.help = state.Tr(note ? "staff.note.help" : "staff.reply.help"), .error = ws.reply_error,
                   .multiline = true, .height_em = 3.5f});
    if (text.changed) ws.reply_error.clear();
    if (note) {
        if (ticket.quality_incident) {
            Paragraph(ui, TextStyle::Small, state.Tr("staff.quality.already"), p.danger, Role::Status);
            ws.quality_incident = false;
        } else {
            CheckBox(ui, "quality-incident", state.Tr("staff.quality.flag"), ws.quality_incident);
        }
    }
    const bool flag = note && ws.quality_incident;
    const char* send_key = !note ? "staff.reply.send" : flag ? "staff.quality.send" : "staff.note.send";
    ButtonFlow flow{ui, ImGui::GetContentRegionAvail().x};
    if (flow.Add("reply-send", state.Tr(send_key), flag ? ButtonKind::Primary : ButtonKind::Secondary, !ws.busy,
                 note ? ICON_LOCK : ICON_PAPER_PLANE)) {
        if (Blank(ws.reply)) {
            ws.reply_error = state.Tr(note ? "staff.note.required" : "staff.reply.required");
        } else if (note) {
            SendChange(state, ui, WorkspaceForm::Reply, api::NoteRequest{ws.reply, flag},
                 state.Tr(flag ? "staff.quality.done" : "staff.note.done"));
        } else {
            SendChange(state, ui, WorkspaceForm::Reply, api::MessageRequest{ws.reply}, state.Tr("staff.reply.done"));
        }
    }
    FormError(state, ui, WorkspaceForm::Reply);
    FormNotice(state, ui, {WorkspaceForm::Reply});
    EndCard(ui);
}

std::string FieldErrorText(AppState& state, const WorkspaceState& ws, WorkspaceForm form, const std::string& field) {
    if (!ws.error || ws.error_form != form) return {};
    for (const core::Error& error : ws.error->details)
        if (error.field == field) return Localized(error.message, state.language);
    if (ws.error->field == field) return Localized(ws.error->message, state.language);
    return {};
}

void ClearFieldError(WorkspaceState& ws, WorkspaceForm form, const std::string& field) {
    if (!ws.error || ws.error_form != form) return;
    std::vector<core::Error>& details = ws.error->details;
    std::erase_if(details, [&](const core::Error& error) { return error.field == field; });
    if (ws.error->field != field) return;
    if (details.empty()) {
        ws.error.reset();
        return;
    }
    ws.error->field = details.front().field;
    ws.error->message = details.front().message;
}

void ShowFieldErrors(WorkspaceState& ws, WorkspaceForm form, const FieldErrors& found) {
    ApiError error;
    error.kind = ApiError::Kind::Rejected;
    for (const auto& [field, text] : found) error.details.push_back(core::MakeError("invalid", text, text, field));
    error.message = error.details.front().message;
    error.field = error.details.front().field;
    ws.error = std::move(error);
    ws.error_form = form;
}

} // namespace aftercare::portal
