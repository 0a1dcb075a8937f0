// The engineer's phone view; see staff_jobs.h.
//
// [SECTION] Data: the list and its refresh
// [SECTION] Steps: depart, arrive, finish, sign-off, reveal
// [SECTION] Job card
// [SECTION] Screen
#include "screens/staff_jobs.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "dates.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "screens/repair_draft.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/signature_image.h"
#include "widgets/status_chip.h"

#include "core/time.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

constexpr int kPageSize = 20;
// The PNG the server keeps: wide enough to read a signature, small enough (~15 KB) for a phone
// on a weak signal. The pen is thicker than on screen: the image is viewed smaller than drawn.
constexpr int kSignatureWidth = 600;
constexpr int kSignatureHeight = 240;
constexpr float kSignaturePen = 4.0f;

//-----------------------------------------------------------------------------
// [SECTION] Data: the list and its refresh
//-----------------------------------------------------------------------------

// The first page again (after a step, or when any ticket changed). What is shown stays until the
// answer replaces it, so a tap in between still lands on the job it was meant for.
void LoadJobs(AppState& state) {
    JobsState& jobs = state.staff.jobs;
    const int generation = ++jobs.generation;
    if (!jobs.jobs.value) jobs.jobs.StartLoading();
    jobs.refreshing = true;
    jobs.more_error.reset();
    requests::LoadJobs(
        state, {}, kPageSize,
        [&state, generation](api::JobsResponse answer) {
            JobsState& j = state.staff.jobs;
            if (j.generation != generation) return;
            j.refreshing = false;
            j.version = answer.version;
            j.jobs.Succeed(std::move(answer));
        },
        [&state, generation](ApiError error) {
            JobsState& j = state.staff.jobs;
            if (j.generation != generation) return;
            j.refreshing = false;
            // A failed refresh keeps the list it had; only a first load shows the failure instead.
            if (j.jobs.value) j.more_error = std::move(error);
            else j.jobs.Fail(std::move(error));
        });
}

void LoadMoreJobs(AppState& state) {
    JobsState& jobs = state.staff.jobs;
    if (!jobs.jobs.value || jobs.jobs.value->next_cursor.empty() || jobs.loading_more) return;
    jobs.loading_more = true;
    jobs.more_error.reset();
    const int generation = jobs.generation;
    requests::LoadJobs(
        state, jobs.jobs.value->next_cursor, kPageSize,
        [&state, generation](api::JobsResponse answer) {
            JobsState& j = state.staff.jobs;
            j.loading_more = false;
            if (j.generation != generation || !j.jobs.value) return;
            auto& items = j.jobs.value->items;
            items.insert(items.end(), answer.items.begin(), answer.items.end());
            j.jobs.value->next_cursor = answer.next_cursor;
        },
        [&state](ApiError error) {
            JobsState& j = state.staff.jobs;
            j.loading_more = false;
            j.more_error = std::move(error);
        });
}

api::JobItem* FindJob(AppState& state, const std::string& number) {
    if (!state.staff.jobs.jobs.value) return nullptr;
    for (api::JobItem& item : state.staff.jobs.jobs.value->items)
        if (item.service_number == number) return &item;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Steps: depart, arrive, finish, sign-off, reveal
//-----------------------------------------------------------------------------

// A step's answer is the ticket: the card moves on at once (its stage and sequence from the
// answer), then the list is read again for the order and the deadlines.
void StepDone(AppState& state, const std::string& number, const api::TicketView& view, std::string done) {
    JobsState& jobs = state.staff.jobs;
    JobStep& step = jobs.steps[number];
    step.busy = false;
    step.error.reset();
    step.done = std::move(done);
    if (api::JobItem* item = FindJob(state, number)) {
        item->state = view.state;
        item->stage = view.visit_stage;
        item->last_sequence = view.timeline_total;
    }
    if (view.sign_off) {
        // Signed off: the job leaves the list, so what happened is said above it.
        jobs.notice = number + " · " + step.done;
        jobs.signatures.erase(number);
    }
    LoadJobs(state);
}

void StepFailed(AppState& state, const std::string& number, ApiError error) {
    JobStep& step = state.staff.jobs.steps[number];
    step.busy = false;
    step.done.clear();
    // A refusal because the ticket moved on (someone else recorded it, 409) shows with the list
    // as it now is.
    if (error.status == 409) LoadJobs(state);
    step.error = std::move(error);
}

template <class Change>
void SendStep(AppState& state, Ui& ui, const std::string& number, Change change, const char* done_key) {
    JobStep& step = state.staff.jobs.steps[number];
    step.busy = true;
    step.error.reset();
    step.done.clear();
    state.staff.jobs.notice.clear();
    Host& host = ui.host;
    requests::ChangeTicket(
        state, number, requests::TicketChange{std::move(change)},
        [&state, &host, number, done_key](api::TicketView view) {
            const std::string time = FormatShortDateTime(static_cast<std::int64_t>(host.NowUnixSeconds()),
                                                         host.UtcOffsetMinutes());
            StepDone(state, number, view, state.strings.Format(state.language, done_key, {{"time", time}}));
        },
        [&state, number](ApiError error) { StepFailed(state, number, std::move(error)); });
}

void SendSignature(AppState& state, const std::string& number) {
    JobsState& jobs = state.staff.jobs;
    SignaturePadState& pad = jobs.signatures[number];
    if (pad.Empty()) {
        jobs.signature_error_number = number;  // said next to the pad; nothing is sent
        return;
    }
    jobs.signature_error_number.clear();
    JobStep& step = jobs.steps[number];
    step.busy = true;
    step.error.reset();
    step.done.clear();
    requests::SendSignature(
        state, number, SignaturePng(pad.strokes, kSignatureWidth, kSignatureHeight, kSignaturePen),
        [&state, number](api::TicketView view) {
            StepDone(state, number, view, state.Tr("staff.jobs.done.signed"));
        },
        [&state, number](ApiError error) { StepFailed(state, number, std::move(error)); });
}

// The engineer is going there: the reason is the visit itself, and the tap is the deliberate act
// the audit records.
void RevealAddress(AppState& state, const std::string& number) {
    JobStep& step = state.staff.jobs.steps[number];
    step.busy = true;
    step.error.reset();
    api::RevealRequest request;
    request.field = std::string(api::kRevealAddress);
    request.reason = "on_site_visit";
    requests::RevealCustomer(
        state, number, request,
        [&state, number](api::RevealResponse answer) {
            state.staff.jobs.steps[number].busy = false;
            state.staff.jobs.addresses[number] = answer.value;
        },
        [&state, number](ApiError error) {
            JobStep& s = state.staff.jobs.steps[number];
            s.busy = false;
            s.error = std::move(error);
        });
}

//-----------------------------------------------------------------------------
// [SECTION] Job card
//-----------------------------------------------------------------------------

ImVec4 StageColour(const Palette& p, const std::string& stage) {
    if (stage == "on_the_way") return p.warning;
    if (stage == "on_site") return p.brand;
    if (stage == "finished") return p.success;
    return p.text_muted;
}

void DrawWhen(AppState& state, Ui& ui, const api::JobItem& job) {
    const Palette& p = ui.theme.palette;
    const std::int64_t now = static_cast<std::int64_t>(ui.host.NowUnixSeconds());
    const int offset = ui.host.UtcOffsetMinutes();
    if (job.visit) {
        const int year = core::LocalDate(now, offset).year;
        Paragraph(ui, TextStyle::Body,
                  state.strings.Format(state.language, "staff.jobs.booked",
                                       {{"window", FormatVisitWindow(state.strings, state.language, *job.visit, year)}}),
                  p.text);
    } else {
        Paragraph(ui, TextStyle::Body, state.Tr("staff.jobs.unbooked"), p.text_muted);
    }
    if (job.arrival_due_at && job.stage != "on_site" && job.stage != "finished") {
        const std::int64_t left = *job.arrival_due_at - now;
        const std::string time = FormatLocalTime(state.strings, state.language, *job.arrival_due_at, now, offset);
        const bool overdue = job.arrival_overdue || left < 0;
        const std::string line =
            overdue ? state.strings.Format(state.language, "staff.jobs.arrive_overdue",
                                           {{"time", time}, {"late", FormatCountdown(state.strings, state.language, -left)}})
                    : state.strings.Format(state.language, "staff.jobs.arrive_by",
                                           {{"time", time}, {"left", FormatCountdown(state.strings, state.language, left)}});
        Paragraph(ui, TextStyle::Small, line, overdue ? p.danger : p.text_muted);
        ui.host.RequestRedrawAfter(1.0);  // the countdown
    }
}

void DrawAddress(AppState& state, Ui& ui, const api::JobItem& job, const JobStep& step) {
    const Palette& p = ui.theme.palette;
    const auto revealed = state.staff.jobs.addresses.find(job.service_number);
    if (revealed != state.staff.jobs.addresses.end()) {
        Paragraph(ui, TextStyle::Body,
                  state.strings.Format(state.language, "staff.jobs.address", {{"address", revealed->second}}), p.text);
        return;
    }
    if (job.address_masked.empty()) {
        Paragraph(ui, TextStyle::Small, state.Tr("staff.jobs.no_address"), p.text_muted);
        return;
    }
    Paragraph(ui, TextStyle::Body,
              state.strings.Format(state.language, "staff.jobs.address", {{"address", job.address_masked}}), p.text);
    if (Button(ui, "show-address", state.Tr("staff.jobs.show_address"),
               {.kind = ButtonKind::Secondary, .width = ImGui::GetContentRegionAvail().x, .enabled = !step.busy,
                .icon = ICON_MAP_MARKER,
                .accessible_name = state.strings.Format(state.language, "staff.jobs.show_address_of",
                                                        {{"number", job.service_number}})})) {
        RevealAddress(state, job.service_number);
    }
    Paragraph(ui, TextStyle::Caption, state.Tr("staff.jobs.show_address_hint"), p.text_muted);
}

// A per-job control's accessible name: its label and the job's number, so a screen reader (and a
// test) can tell the cards' 已出发 buttons apart; the visible label stays short.
std::string OfJob(const AppState& state, const std::string& label, const api::JobItem& job) {
    return state.strings.Format(state.language, "staff.jobs.of_job", {{"what", label}, {"number", job.service_number}});
}

void DrawSignOff(AppState& state, Ui& ui, const api::JobItem& job, const JobStep& step) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    JobsState& jobs = state.staff.jobs;
    SignaturePadState& pad = jobs.signatures[job.service_number];
    Heading(ui, TextStyle::Title3, state.Tr("staff.jobs.sign.title"), 3);
    Paragraph(ui, TextStyle::Small, state.Tr("staff.jobs.sign.help"), p.text_muted);
    const std::string strokes =
        state.strings.Format(state.language, "staff.jobs.sign.strokes", {{"n", std::to_string(pad.strokes.size())}});
    if (SignaturePad(ui, "signature", OfJob(state, state.Tr("staff.jobs.sign.pad"), job), strokes, pad, theme.Em(10.0f)) &&
        jobs.signature_error_number == job.service_number)
        jobs.signature_error_number.clear();
    if (jobs.signature_error_number == job.service_number)
        Paragraph(ui, TextStyle::Small, state.Tr("staff.jobs.sign.empty"), p.danger, Role::Alert);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.5f);
    const float clear_w = std::min(avail * 0.35f, theme.Em(8.0f));
    const std::string& clear = state.Tr("staff.jobs.sign.clear");
    if (Button(ui, "clear-signature", clear,
               {.kind = ButtonKind::Secondary, .width = clear_w, .enabled = !step.busy && !pad.Empty(), .icon = ICON_UNDO,
                .accessible_name = OfJob(state, clear, job)}))
        pad.Clear();
    ImGui::SameLine(0.0f, gap);
    const std::string& submit = state.Tr("staff.jobs.sign.submit");
    if (Button(ui, "submit-signature", submit,
               {.width = avail - clear_w - gap, .enabled = !step.busy, .icon = ICON_CHECK,
                .accessible_name = OfJob(state, submit, job)}))
        SendSignature(state, job.service_number);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    const std::string& later_label = state.Tr("staff.jobs.sign.later");
    if (Button(ui, "sign-later", later_label,
               {.kind = ButtonKind::Quiet, .width = avail, .enabled = !step.busy,
                .accessible_name = OfJob(state, later_label, job)})) {
        api::WorkRequest later;
        later.kind = core::WorkKind::SignOffLater;
        SendStep(state, ui, job.service_number, later, "staff.jobs.done.later");
    }
}

// The one step that applies now, as a full-width button (44 px tall, a thumb's width).
void DrawNextStep(AppState& state, Ui& ui, const api::JobItem& job, const JobStep& step) {
    struct Next {
        const char* id;
        const char* label_key;
        const char* icon;
    };
    const Next next = job.stage == "not_departed" ? Next{"depart", "staff.jobs.depart", ICON_CAR}
                      : job.stage == "on_the_way" ? Next{"arrive", "staff.jobs.arrive", ICON_MAP_MARKER}
                      : job.stage == "on_site" && !job.has_service_report
                          ? Next{"report", "staff.jobs.write_report", ICON_FILE_TEXT}
                      : job.stage == "on_site" ? Next{"finish", "staff.jobs.finish", ICON_CHECK}
                                                  : Next{};
    if (job.stage == "finished") {
        DrawSignOff(state, ui, job, step);
        return;
    }
    if (next.id == nullptr) return;
    const std::string& label = state.Tr(next.label_key);
    if (!Button(ui, next.id, label,
                {.width = ImGui::GetContentRegionAvail().x, .enabled = !step.busy, .icon = next.icon,
                 .accessible_name = OfJob(state, label, job)}))
        return;
    if (job.stage == "on_site" && !job.has_service_report) {
        // The 售后服务报告单 comes before "finished": it is written in the ticket's workspace.
        Navigate(state, Route{Screen::StaffTicket, job.service_number});
        return;
    }
    if (job.stage == "on_site") {
        api::TransitionRequestWire resolve;
        resolve.action = core::Action::Resolve;
        resolve.expected_sequence = job.last_sequence;
        SendStep(state, ui, job.service_number, resolve, "staff.jobs.done.finish");
        return;
    }
    api::WorkRequest work;
    const bool depart = job.stage == "not_departed";
    work.kind = depart ? core::WorkKind::Departure : core::WorkKind::Arrival;
    SendStep(state, ui, job.service_number, work, depart ? "staff.jobs.done.departure" : "staff.jobs.done.arrival");
}

void DrawJob(AppState& state, Ui& ui, const api::JobItem& job) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const JobStep step = state.staff.jobs.steps[job.service_number];  // a copy: callbacks may change the map
    ImGui::PushID(job.service_number.c_str());
    BeginCard(ui, "##job");
    // Number and where the visit stands.
    Heading(ui, TextStyle::Title3, job.service_number, 2);
    const std::string stage = state.Tr("staff.jobs.stage." + job.stage);
    ColourChip(ui, stage, StageColour(p, job.stage));
    ImGui::SameLine(0.0f, theme.Em(0.5f));
    ColourChip(ui, PriorityLabel(state, job.priority), PriorityColour(p, job.priority));
    DrawWhen(state, ui, job);
    // What to repair, and for whom.
    std::string product = job.model;
    if (const char* fault = FaultCategoryLabelKey(job.fault_category)) {
        product += (product.empty() ? "" : " · ") + state.Tr(fault);
    }
    if (!product.empty()) Paragraph(ui, TextStyle::Body, product, p.text);
    if (!job.subject.empty()) Paragraph(ui, TextStyle::Small, job.subject, p.text_muted);
    Paragraph(ui, TextStyle::Small, state.strings.Format(state.language, "staff.jobs.customer", {{"name", job.customer_name}}),
              p.text_muted);
    DrawAddress(state, ui, job, step);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawNextStep(state, ui, job, step);
    if (step.busy) LoadingIndicator(ui, state.Tr("staff.jobs.sending"));
    if (!step.done.empty()) Paragraph(ui, TextStyle::Small, step.done, p.success, Role::Status);
    if (step.error) Paragraph(ui, TextStyle::Small, DescribeError(state.strings, state.language, *step.error), p.danger, Role::Alert);
    EndCard(ui);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
}

//-----------------------------------------------------------------------------
// [SECTION] Screen
//-----------------------------------------------------------------------------

// A phone's header: who is signed in, the way to the full console and out. (The console's tab
// bar does not fit 390 px.)
void DrawHeader(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const StaffSession& session = *state.staff.session;
    Heading(ui, TextStyle::Title2, state.Tr("staff.jobs.title"), 1);
    const std::string name = session.member.display_name.empty() ? session.member.id : session.member.display_name;
    Paragraph(ui, TextStyle::Small, state.strings.Format(state.language, "staff.jobs.who", {{"name", name}}), p.text_muted);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.5f);
    const float half = (avail - gap) * 0.5f;
    if (Button(ui, "to-queue", state.Tr("staff.nav.queue"), {.kind = ButtonKind::Secondary, .width = half, .icon = ICON_LIST}))
        Navigate(state, Route{Screen::StaffQueue});
    ImGui::SameLine(0.0f, gap);
    if (Button(ui, "sign-out", state.Tr("staff.nav.sign_out"), {.kind = ButtonKind::Quiet, .width = half, .icon = ICON_SIGN_OUT}))
        SignOut(state, "staff.login.signed_out");
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    Paragraph(ui, TextStyle::Small, state.Tr("staff.jobs.subtitle"), p.text_muted);
}

} // namespace

void DrawStaffJobs(AppState& state, Ui& ui) {
    if (!SignedIn(state)) return;  // RunConsole is sending the visitor to the login
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    JobsState& jobs = state.staff.jobs;

    // Live: any ticket changed (a colleague, the customer) → read the list again, once at a time,
    // and not while a step of ours is in flight (its own answer reloads it).
    const bool busy = std::any_of(jobs.steps.begin(), jobs.steps.end(), [](const auto& s) { return s.second.busy; });
    if (jobs.jobs.IsIdle() ||
        (jobs.jobs.IsLoaded() && !jobs.refreshing && !busy && jobs.version < state.staff.feed.version))
        LoadJobs(state);

    DrawHeader(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    if (!jobs.notice.empty()) Paragraph(ui, TextStyle::Body, jobs.notice, p.success, Role::Status);

    if (jobs.jobs.value) {
        const auto& items = jobs.jobs.value->items;
        if (items.empty()) EmptyState(ui, ICON_CHECK, state.Tr("staff.jobs.empty"));
        // Drawn from a copy: a step's answer may replace the list while it is drawn.
        const std::vector<api::JobItem> shown = items;
        for (const api::JobItem& job : shown) DrawJob(state, ui, job);
        if (!jobs.jobs.value->next_cursor.empty()) {
            if (Button(ui, "more-jobs", state.Tr("staff.jobs.more"),
                       {.kind = ButtonKind::Secondary, .width = ImGui::GetContentRegionAvail().x, .enabled = !jobs.loading_more}))
                LoadMoreJobs(state);
        }
        if (jobs.more_error && ErrorBanner(ui, state.strings, state.language, *jobs.more_error, "jobs-more-error"))
            LoadJobs(state);
    } else if (jobs.jobs.IsFailed()) {
        if (ErrorBanner(ui, state.strings, state.language, *jobs.jobs.error, "jobs-error")) LoadJobs(state);
    } else {
        LoadingIndicator(ui, state.Tr("staff.jobs.loading"));
    }
}

} // namespace aftercare::portal
