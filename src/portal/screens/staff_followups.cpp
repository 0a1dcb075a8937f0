// The console's follow-up screen: the queue, its refresh, and the call form on a card.
#include "screens/staff_followups.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "screens/rate_parts.h"
#include "screens/staff_ticket_parts.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/column.h"
#include "widgets/feedback.h"
#include "widgets/stars.h"
#include "widgets/status_chip.h"

#include "core/followup.h"
#include "core/validation.h"

#include <algorithm>
#include <vector>

namespace aftercare::portal {
namespace {

// A refusal naming fields goes under those fields (every one the server found); anything else
// stays for the form's banner (false).
bool TakeFieldErrors(const AppState& state, const ApiError& error, std::map<std::string, std::string>& errors) {
    if (error.kind != ApiError::Kind::Rejected || error.field.empty()) return false;
    for (const core::Error& detail : error.details) errors.emplace(detail.field, Localized(detail.message, state.language));
    errors.emplace(error.field, DescribeError(state.strings, state.language, error));
    return true;
}

constexpr int kPageSize = 30;

//-----------------------------------------------------------------------------
// [SECTION] Data: the queue and its refresh
//-----------------------------------------------------------------------------

void LoadFollowUps(AppState& state) {
    FollowUpsState& f = state.staff.followups;
    const int generation = ++f.generation;
    if (!f.queue.value) f.queue.StartLoading();
    f.refreshing = true;
    f.more_error.reset();
    requests::LoadFollowUps(
        state, 0, kPageSize,
        [&state, generation](api::FollowUpQueue answer) {
            FollowUpsState& now = state.staff.followups;
            if (now.generation != generation) return;
            now.refreshing = false;
            now.version = state.staff.feed.version;
            now.queue.Succeed(std::move(answer));
        },
        [&state, generation](ApiError error) {
            FollowUpsState& now = state.staff.followups;
            if (now.generation != generation) return;
            now.refreshing = false;
            if (now.queue.value) now.more_error = std::move(error);
            else now.queue.Fail(std::move(error));
        });
}

void LoadMore(AppState& state) {
    FollowUpsState& f = state.staff.followups;
    if (!f.queue.value || f.loading_more) return;
    f.loading_more = true;
    f.more_error.reset();
    const int generation = f.generation;
    requests::LoadFollowUps(
        state, static_cast<int>(f.queue.value->items.size()), kPageSize,
        [&state, generation](api::FollowUpQueue answer) {
            FollowUpsState& now = state.staff.followups;
            now.loading_more = false;
            if (now.generation != generation || !now.queue.value) return;
            auto& items = now.queue.value->items;
            items.insert(items.end(), answer.items.begin(), answer.items.end());
            now.queue.value->total = answer.total;
        },
        [&state](ApiError error) {
            FollowUpsState& now = state.staff.followups;
            now.loading_more = false;
            now.more_error = std::move(error);
        });
}

//-----------------------------------------------------------------------------
// [SECTION] The call form
//-----------------------------------------------------------------------------

std::string_view ErrorOf(const FollowUpCallForm& form, const std::string& field) {
    const auto it = form.errors.find(field);
    return it == form.errors.end() ? std::string_view() : std::string_view(it->second);
}

// The server's and core's field names -> the field shown on the form.
std::string ShownField(std::string_view wire) {
    if (wire.rfind("rating.", 0) == 0) return std::string(wire.substr(7));
    if (wire == "rating" || wire == "note" || wire == "reached") return std::string(wire);
    return "form";
}

api::FollowUpCallRequest RequestOf(const FollowUpCallForm& form) {
    api::FollowUpCallRequest request;
    request.reached = form.reached == 1;
    request.note = form.note;
    if (request.reached && form.with_rating) {
        core::Rating rating;
        rating.quality = form.stars[0];
        rating.speed = form.stars[1];
        rating.attitude = form.stars[2];
        rating.scope = form.stars[3];
        rating.guarantee = form.stars[4];
        rating.solved = form.solved == 1;
        rating.comment = form.comment;
        request.rating = rating;
    }
    return request;
}

// `workspace`: sent from the ticket's workspace, which then shows the ticket as it now is.
void Send(AppState& state, Ui& ui, bool workspace) {
    FollowUpCallForm& form = state.staff.followups.form;
    form.errors.clear();
    form.error.reset();
    if (form.reached < 0) form.errors["reached"] = state.Tr("followup.call.reached_required");
    const api::FollowUpCallRequest request = RequestOf(form);
    // The checks the server makes, before anything is sent, in core's words.
    if (auto note = core::CheckText("note", request.note, 0, core::TextLimits::kNoteMax, true))
        form.errors["note"] = Localized(note->message, state.language);
    if (request.rating)
        for (const core::Error& error : core::ValidateRating(*request.rating))
            form.errors.emplace(ShownField("rating." + error.field), Localized(error.message, state.language));
    if (!form.errors.empty()) return;

    form.sending = true;
    const std::string number = form.number;
    const bool reached = request.reached;
    requests::RecordFollowUpCall(
        state, ui.host, form.attempt_key, number, request,
        [&state, &host = ui.host, number, reached, workspace](api::TicketView) {
            FollowUpsState& f = state.staff.followups;
            if (workspace) ReloadTicket(state, host);
            f.notice = state.strings.Format(state.language,
                                            reached ? "followup.notice.reached" : "followup.notice.not_reached",
                                            {{"number", number}});
            f.form = FollowUpCallForm{};
            LoadFollowUps(state);
        },
        [&state](ApiError error) {
            FollowUpCallForm& now = state.staff.followups.form;
            now.sending = false;
            if (error.kind == ApiError::Kind::Rejected && ShownField(error.field) != "form") {
                now.errors[ShownField(error.field)] = DescribeError(state.strings, state.language, error);
                return;
            }
            now.error = std::move(error);
        });
}

void DrawForm(AppState& state, Ui& ui, bool rated, bool workspace) {
    FollowUpCallForm& form = state.staff.followups.form;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    Heading(ui, TextStyle::Title3, state.Tr("followup.call.title"), 3);
    const std::array<ChoiceOption, 2> outcomes{{{"reached", state.Tr("followup.call.reached"), {}},
                                                {"not_reached", state.Tr("followup.call.not_reached"), {}}}};
    int outcome = form.reached == 1 ? 0 : form.reached == 0 ? 1 : -1;
    if (ChoiceGroup(ui, "outcome", state.Tr("followup.call.outcome"), outcomes, outcome,
                    {.error = ErrorOf(form, "reached"), .required = true})) {
        form.reached = outcome == 0 ? 1 : 0;
        form.errors.erase("reached");
        if (form.reached == 0) form.with_rating = false;
    }
    const std::string note_hint = state.Tr(form.reached == 0 ? "followup.call.note_hint_missed" : "followup.call.note_hint");
    if (TextField(ui, "note", state.Tr("followup.call.note"), form.note,
                  {.hint = note_hint.c_str(), .error = ErrorOf(form, "note"), .multiline = true, .height_em = 3.5f})
            .changed)
        form.errors.erase("note");

    if (form.reached == 1) {
        if (rated) {
            Paragraph(ui, TextStyle::Small, state.Tr("followup.call.already_rated"), p.text_muted);
        } else {
            const std::array<ChoiceOption, 2> rate{{{"no", state.Tr("followup.call.no_rating"), {}},
                                                    {"yes", state.Tr("followup.call.with_rating"), {}}}};
            int rating_choice = form.with_rating ? 1 : 0;
            if (ChoiceGroup(ui, "with-rating", state.Tr("followup.call.rating_question"), rate, rating_choice))
                form.with_rating = rating_choice == 1;
            if (form.with_rating) {
                for (std::size_t i = 0; i < form.stars.size(); ++i) {
                    const RateDimension& dimension = kRateDimensions[i];
                    const std::string value_text =
                        form.stars[i] ? std::to_string(form.stars[i]) + " / 5" : state.Tr("followup.call.not_given");
                    if (StarRating(ui, dimension.id, state.Tr(dimension.label_key), form.stars[i],
                                   {.label_width = theme.Em(6.0f), .value_text = value_text,
                                    .error = ErrorOf(form, dimension.id)}))
                        form.errors.erase(dimension.id);
                }
                const std::array<ChoiceOption, 2> solved{{{"yes", state.Tr("followup.call.solved_yes"), {}},
                                                          {"no", state.Tr("followup.call.solved_no"), {}}}};
                int solved_choice = form.solved == 1 ? 0 : 1;
                if (ChoiceGroup(ui, "solved", state.Tr("followup.call.solved"), solved, solved_choice))
                    form.solved = solved_choice == 0 ? 1 : 0;
                if (TextField(ui, "comment", state.Tr("followup.call.comment"), form.comment,
                              {.error = ErrorOf(form, "comment")})
                        .changed)
                    form.errors.erase("comment");
            }
        }
    }
    if (const std::string_view whole = ErrorOf(form, "form"); !whole.empty())
        Paragraph(ui, TextStyle::Small, whole, p.danger, Role::Alert);
    if (form.error && ErrorBanner(ui, state.strings, state.language, *form.error, "followup-error"))
        Send(state, ui, workspace);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (Button(ui, "save-call", state.Tr(form.sending ? "followup.call.saving" : "followup.call.save"),
               {.enabled = !form.sending, .icon = ICON_CHECK}))
        Send(state, ui, workspace);
    ImGui::SameLine();
    if (Button(ui, "cancel-call", state.Tr("followup.call.cancel"), {.kind = ButtonKind::Quiet, .enabled = !form.sending}))
        state.staff.followups.form = FollowUpCallForm{};
}

//-----------------------------------------------------------------------------
// [SECTION] The 售后系统运行调查表 of a periodic follow-up
//-----------------------------------------------------------------------------

std::string_view SurveyError(const SurveyForm& form, const std::string& field) {
    const auto it = form.errors.find(field);
    return it == form.errors.end() ? std::string_view() : std::string_view(it->second);
}

void SendSurvey(AppState& state, Ui& ui, const std::string& project) {
    SurveyForm& form = state.staff.followups.survey;
    form.errors.clear();
    form.error.reset();
    form.survey.anomaly = form.anomaly == 1;
    if (!form.survey.anomaly) form.survey.anomaly_description.clear();
    for (const core::Error& error : core::ValidateSurvey(form.survey))
        form.errors.emplace(error.field, Localized(error.message, state.language));
    if (form.anomaly < 0) form.errors["anomaly"] = state.Tr("followup.survey.anomaly_required");
    if (!form.errors.empty()) return;
    form.sending = true;
    requests::RecordFollowUpSurvey(
        state, ui.host, form.attempt_key, form.schedule_id, form.survey,
        [&state, project](api::SurveyRecorded recorded) {
            FollowUpsState& f = state.staff.followups;
            f.notice = state.strings.Format(state.language, "followup.notice.survey",
                                            {{"project", project},
                                             {"date", core::FormatIsoDate(recorded.schedule.next_due)}});
            f.survey = SurveyForm{};
            LoadFollowUps(state);
        },
        [&state](ApiError error) {
            SurveyForm& now = state.staff.followups.survey;
            now.sending = false;
            if (!TakeFieldErrors(state, error, now.errors)) now.error = std::move(error);
        });
}

void DrawSurveyForm(AppState& state, Ui& ui, const api::FollowUpItem& item) {
    SurveyForm& form = state.staff.followups.survey;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    Heading(ui, TextStyle::Title3, state.Tr("followup.survey.title"), 3);
    // What the form's head says (项目名称, 项目合同号, 调查时间): the schedule's, and the moment it is saved.
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "followup.survey.head",
                                   {{"project", item.project_name},
                                    {"contract", item.contract_number.empty() ? "—" : item.contract_number}}),
              p.text_muted);
    Paragraph(ui, TextStyle::Caption, state.Tr("followup.survey.time"), p.text_muted);
    auto text = [&](const char* id, const char* label_key, std::string& value, bool required) {
        if (TextField(ui, id, state.Tr(label_key), value,
                      {.error = SurveyError(form, id), .required = required, .multiline = true, .height_em = 3.0f})
                .changed)
            form.errors.erase(id);
    };
    text("equipment_usage", "followup.survey.equipment_usage", form.survey.equipment_usage, true);
    text("system_operation", "followup.survey.system_operation", form.survey.system_operation, true);
    text("system_stability", "followup.survey.system_stability", form.survey.system_stability, true);
    const std::array<ChoiceOption, 2> anomaly{{{"no", state.Tr("followup.survey.anomaly_no"), {}},
                                               {"yes", state.Tr("followup.survey.anomaly_yes"), {}}}};
    int chosen = form.anomaly;
    if (ChoiceGroup(ui, "anomaly", state.Tr("followup.survey.anomaly"), anomaly, chosen,
                    {.error = SurveyError(form, "anomaly"), .required = true})) {
        form.anomaly = chosen;
        form.errors.erase("anomaly");
    }
    if (form.anomaly == 1) text("anomaly_description", "followup.survey.anomaly_description", form.survey.anomaly_description, true);
    const std::string value_text = form.survey.response_satisfaction
                                       ? std::to_string(form.survey.response_satisfaction) + " / 5"
                                       : state.Tr("followup.call.not_given");
    if (StarRating(ui, "response_satisfaction", state.Tr("followup.survey.satisfaction"), form.survey.response_satisfaction,
                   {.value_text = value_text, .error = SurveyError(form, "response_satisfaction")}))
        form.errors.erase("response_satisfaction");
    text("remarks", "followup.survey.remarks", form.survey.remarks, false);
    if (form.error && ErrorBanner(ui, state.strings, state.language, *form.error, "survey-error"))
        SendSurvey(state, ui, item.project_name);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (Button(ui, "save-survey", state.Tr(form.sending ? "followup.call.saving" : "followup.survey.save"),
               {.enabled = !form.sending, .icon = ICON_CHECK}))
        SendSurvey(state, ui, item.project_name);
    ImGui::SameLine();
    if (Button(ui, "cancel-survey", state.Tr("followup.call.cancel"), {.kind = ButtonKind::Quiet, .enabled = !form.sending}))
        state.staff.followups.survey = SurveyForm{};
}

void EndSchedule(AppState& state, const api::FollowUpItem& item) {
    FollowUpsState& f = state.staff.followups;
    f.end_sending = true;
    f.end_error.reset();
    requests::EndFollowUpSchedule(
        state, item.schedule_id,
        [&state, project = item.project_name](api::FollowUpSchedule) {
            FollowUpsState& now = state.staff.followups;
            now.notice = state.strings.Format(state.language, "followup.notice.ended", {{"project", project}});
            now.ending = 0;
            now.end_sending = false;
            LoadFollowUps(state);
        },
        [&state](ApiError error) {
            FollowUpsState& now = state.staff.followups;
            now.end_sending = false;
            now.end_error = std::move(error);
        });
}

// "停止定期回访" asks once more before it acts: the schedule leaves the queue for good.
void DrawEndSchedule(AppState& state, Ui& ui, const api::FollowUpItem& item) {
    FollowUpsState& f = state.staff.followups;
    if (f.ending != item.schedule_id) {
        if (Button(ui, "end", state.Tr("followup.periodic.end"),
                   {.kind = ButtonKind::Quiet, .enabled = !f.end_sending, .icon = ICON_TIMES,
                    .accessible_name = state.strings.Format(state.language, "followup.periodic.end_for",
                                                            {{"project", item.project_name}})})) {
            f.ending = item.schedule_id;
            f.end_error.reset();
        }
        return;
    }
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "followup.periodic.end_confirm", {{"project", item.project_name}}),
              ui.theme.palette.text, Role::Alert);
    if (f.end_error && ErrorBanner(ui, state.strings, state.language, *f.end_error, "end-error")) EndSchedule(state, item);
    if (Button(ui, "end-confirm", state.Tr(f.end_sending ? "followup.call.saving" : "followup.periodic.end_yes"),
               {.enabled = !f.end_sending, .icon = ICON_TIMES}))
        EndSchedule(state, item);
    ImGui::SameLine();
    if (Button(ui, "end-cancel", state.Tr("followup.call.cancel"), {.kind = ButtonKind::Quiet, .enabled = !f.end_sending})) {
        f.ending = 0;
        f.end_error.reset();
    }
}

void DrawPeriodicItem(AppState& state, Ui& ui, const api::FollowUpItem& item) {
    FollowUpsState& f = state.staff.followups;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::PushID(static_cast<int>(item.schedule_id));
    BeginCard(ui, "##periodic");
    const std::string kind = state.Tr(item.period == "monthly" ? "followup.periodic.monthly" : "followup.periodic.quarterly");
    ColourChip(ui, kind, p.success);
    ImGui::SameLine(0.0f, theme.Em(0.5f));
    const std::string overdue =
        item.days_overdue > 0
            ? state.strings.Format(state.language, "followup.item.overdue", {{"days", std::to_string(item.days_overdue)}})
            : state.Tr("followup.item.due_today");
    ColourChip(ui, overdue, item.days_overdue > 0 ? p.warning : p.brand);
    Paragraph(ui, TextStyle::Body, item.project_name, p.text);
    Paragraph(ui, TextStyle::Body, item.customer_name + " · " + item.phone_masked, p.text);
    std::string product = item.model.empty() ? item.serial : item.model + " · " + item.serial;
    if (!item.contract_number.empty())
        product += " · " + state.strings.Format(state.language, "followup.periodic.contract", {{"contract", item.contract_number}});
    Paragraph(ui, TextStyle::Small, product, p.text_muted);
    Paragraph(ui, TextStyle::Small, state.strings.Format(state.language, "followup.periodic.due", {{"date", item.due_date}}),
              p.text_muted);
    if (f.survey.schedule_id == item.schedule_id) {
        DrawSurveyForm(state, ui, item);
    } else if (Button(ui, "survey", state.Tr("followup.periodic.fill"),
                      {.kind = ButtonKind::Secondary, .enabled = !f.survey.sending, .icon = ICON_FILE_TEXT,
                       .accessible_name = state.strings.Format(state.language, "followup.periodic.fill_for",
                                                               {{"project", item.project_name}})})) {
        f.survey = SurveyForm{};
        f.survey.schedule_id = item.schedule_id;
    }
    if (f.survey.schedule_id != item.schedule_id) DrawEndSchedule(state, ui, item);
    EndCard(ui);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
}

//-----------------------------------------------------------------------------
// [SECTION] A new periodic follow-up
//-----------------------------------------------------------------------------

void SendSchedule(AppState& state, Ui& ui) {
    ScheduleForm& form = state.staff.followups.schedule;
    form.errors.clear();
    form.error.reset();
    api::FollowUpScheduleRequest request;
    request.serial = form.serial;
    request.customer_name = form.customer_name;
    request.customer_phone = form.customer_phone;
    request.project_name = form.project_name;
    request.contract_number = form.contract_number;
    request.period = form.period == 0 ? "monthly" : "quarterly";
    const auto first_due = core::ParseIsoDate(form.first_due);
    if (first_due) request.first_due = *first_due;
    // Core's checks first, in its words; the date as typed must be a real date.
    core::FollowUpScheduleDraft draft{request.serial,       request.customer_name,   request.customer_phone,
                                      request.project_name, request.contract_number, core::FollowUpPeriod::Quarterly,
                                      request.first_due};
    const core::CivilDate today = core::LocalDate(static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()),
                                                  ui.host.UtcOffsetMinutes());
    for (const core::Error& error : core::ValidateScheduleDraft(draft, today))
        form.errors.emplace(error.field, Localized(error.message, state.language));
    if (!first_due) form.errors["first_due"] = state.Tr("followup.schedule.date_format");
    if (!form.errors.empty()) return;
    form.sending = true;
    requests::CreateFollowUpSchedule(
        state, ui.host, form.attempt_key, request,
        [&state](api::FollowUpSchedule made) {
            FollowUpsState& f = state.staff.followups;
            f.notice = state.strings.Format(state.language, "followup.notice.scheduled",
                                            {{"project", made.project_name},
                                             {"date", core::FormatIsoDate(made.next_due)}});
            f.schedule = ScheduleForm{};
            LoadFollowUps(state);
        },
        [&state](ApiError error) {
            ScheduleForm& now = state.staff.followups.schedule;
            now.sending = false;
            if (!TakeFieldErrors(state, error, now.errors)) now.error = std::move(error);
        });
}

void DrawScheduleForm(AppState& state, Ui& ui) {
    ScheduleForm& form = state.staff.followups.schedule;
    const Theme& theme = ui.theme;
    if (!form.open) {
        if (Button(ui, "new-schedule", state.Tr("followup.schedule.open"), {.kind = ButtonKind::Secondary, .icon = ICON_CALENDAR})) {
            form = ScheduleForm{};
            form.open = true;
            form.first_due = core::FormatIsoDate(core::LocalDate(static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()),
                                                                 ui.host.UtcOffsetMinutes()));
        }
        ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
        return;
    }
    auto error_of = [&form](const char* field) {
        const auto it = form.errors.find(field);
        return it == form.errors.end() ? std::string_view() : std::string_view(it->second);
    };
    auto text = [&](const char* id, const char* label_key, std::string& value, bool required) {
        if (TextField(ui, id, state.Tr(label_key), value, {.error = error_of(id), .required = required}).changed)
            form.errors.erase(id);
    };
    BeginCard(ui, "##schedule");
    Heading(ui, TextStyle::Title3, state.Tr("followup.schedule.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("followup.schedule.hint"), theme.palette.text_muted);
    text("serial", "followup.schedule.serial", form.serial, true);
    text("project_name", "followup.schedule.project", form.project_name, true);
    text("contract_number", "followup.schedule.contract", form.contract_number, false);
    text("customer_name", "followup.schedule.customer", form.customer_name, true);
    text("customer_phone", "followup.schedule.phone", form.customer_phone, true);
    const std::array<ChoiceOption, 2> periods{{{"monthly", state.Tr("followup.schedule.monthly"), {}},
                                               {"quarterly", state.Tr("followup.schedule.quarterly"), {}}}};
    ChoiceGroup(ui, "period", state.Tr("followup.schedule.period"), periods, form.period, {.required = true});
    text("first_due", "followup.schedule.first_due", form.first_due, true);
    if (form.error) ErrorBanner(ui, state.strings, state.language, *form.error, "schedule-error");
    if (Button(ui, "save-schedule", state.Tr(form.sending ? "followup.call.saving" : "followup.schedule.save"),
               {.enabled = !form.sending, .icon = ICON_CHECK}))
        SendSchedule(state, ui);
    ImGui::SameLine();
    if (Button(ui, "cancel-schedule", state.Tr("followup.call.cancel"), {.kind = ButtonKind::Quiet, .enabled = !form.sending}))
        form = ScheduleForm{};
    EndCard(ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
}

//-----------------------------------------------------------------------------
// [SECTION] The list
//-----------------------------------------------------------------------------

void DrawItem(AppState& state, Ui& ui, const api::FollowUpItem& item) {
    if (item.periodic) {
        DrawPeriodicItem(state, ui, item);
        return;
    }
    FollowUpsState& f = state.staff.followups;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const int offset = ui.host.UtcOffsetMinutes();
    ImGui::PushID(item.service_number.c_str());
    BeginCard(ui, "##followup");
    if (Button(ui, "open", item.service_number, {.kind = ButtonKind::Quiet, .icon = ICON_TICKET,
                                                  .accessible_name = state.strings.Format(
                                                      state.language, "followup.item.open", {{"number", item.service_number}})}))
        Navigate(state, Route{Screen::StaffTicket, item.service_number});
    ImGui::SameLine(0.0f, theme.Em(0.5f));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + theme.Em(0.45f));
    const std::string overdue =
        item.days_overdue > 0
            ? state.strings.Format(state.language, "followup.item.overdue", {{"days", std::to_string(item.days_overdue)}})
            : state.Tr("followup.item.due_today");
    ColourChip(ui, overdue, item.days_overdue > 0 ? p.warning : p.brand);
    Paragraph(ui, TextStyle::Body, item.customer_name + " · " + item.phone_masked, p.text);
    std::string product = item.model.empty() ? KindLabel(state, item.kind, core::Audience::Staff) : item.model;
    if (!item.serial.empty()) product += " · " + item.serial;
    if (!item.subject.empty()) product += " · " + item.subject;
    Paragraph(ui, TextStyle::Small, product, p.text_muted);
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "followup.item.resolved",
                                   {{"date", FormatDateTime(item.resolved_at, offset)},
                                    {"state", StateLabel(state, item.state, core::Audience::Staff)}}),
              p.text_muted);
    if (item.attempts > 0) {
        std::string attempts = state.strings.Format(
            state.language, "followup.item.attempts",
            {{"count", std::to_string(item.attempts)},
             {"time", item.last_attempt_at ? FormatShortDateTime(*item.last_attempt_at, offset) : std::string("—")}});
        if (!item.last_note.empty()) attempts += state.language == Language::ZhCN ? "：" : ": ";
        Paragraph(ui, TextStyle::Small, attempts + item.last_note, p.warning);
    }
    if (item.rated) Paragraph(ui, TextStyle::Caption, state.Tr("followup.item.rated"), p.text_muted);
    if (f.form.number == item.service_number) {
        DrawForm(state, ui, item.rated, false);
    } else if (Button(ui, "record", state.Tr("followup.item.record"),
                      {.kind = ButtonKind::Secondary, .enabled = !f.form.sending, .icon = ICON_PHONE,
                       .accessible_name = state.strings.Format(state.language, "followup.item.record_for",
                                                               {{"number", item.service_number}})})) {
        f.form = FollowUpCallForm{};
        f.form.number = item.service_number;
    }
    EndCard(ui);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
}

} // namespace

void DrawStaffFollowUps(AppState& state, Ui& ui) {
    if (!BeginConsoleScreen(state, ui, Screen::StaffFollowUps)) return;
    FollowUpsState& f = state.staff.followups;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    // Live: any ticket changed → read the list again, but not while a call is being written.
    if (f.queue.IsIdle() || (f.queue.IsLoaded() && !f.refreshing && f.form.number.empty() && f.survey.schedule_id == 0 &&
                             f.ending == 0 && f.version < state.staff.feed.version))
        LoadFollowUps(state);

    BeginNarrowColumn(ui, 46.0f);
    Heading(ui, TextStyle::Title1, state.Tr("followup.title"), 1);
    if (f.queue.value) {
        const api::FollowUpQueue& queue = *f.queue.value;
        const std::string subtitle =
            queue.after_days > 0 ? state.strings.Format(state.language, "followup.subtitle",
                                                        {{"days", std::to_string(queue.after_days)},
                                                         {"count", std::to_string(queue.total)}})
                                 : state.Tr("followup.off");
        Paragraph(ui, TextStyle::Body, subtitle, p.text_muted);
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (!f.notice.empty()) Paragraph(ui, TextStyle::Body, f.notice, p.success, Role::Status);
    DrawScheduleForm(state, ui);

    if (f.queue.value) {
        // Drawn from a copy: an answer may replace the list while it is drawn.
        const std::vector<api::FollowUpItem> shown = f.queue.value->items;
        if (shown.empty()) EmptyState(ui, ICON_CHECK, state.Tr("followup.empty"));
        for (const api::FollowUpItem& item : shown) DrawItem(state, ui, item);
        if (static_cast<std::int64_t>(shown.size()) < f.queue.value->total &&
            Button(ui, "more", state.Tr("followup.more"),
                   {.kind = ButtonKind::Secondary, .width = ImGui::GetContentRegionAvail().x, .enabled = !f.loading_more}))
            LoadMore(state);
        if (f.more_error && ErrorBanner(ui, state.strings, state.language, *f.more_error, "followups-more-error"))
            LoadFollowUps(state);
    } else if (f.queue.IsFailed()) {
        if (ErrorBanner(ui, state.strings, state.language, *f.queue.error, "followups-error")) LoadFollowUps(state);
    } else {
        LoadingIndicator(ui, state.Tr("followup.loading"));
    }
    EndNarrowColumn(ui);
}

void DrawFollowUpCall(AppState& state, Ui& ui, const api::TicketView& ticket) {
    if (ticket.state != core::TicketState::Resolved && ticket.state != core::TicketState::Confirmed &&
        ticket.state != core::TicketState::Closed)
        return;
    FollowUpsState& f = state.staff.followups;
    const Palette& p = ui.theme.palette;
    ImGui::PushID("followup-call");
    BeginCard(ui, "##workspace-followup");
    Heading(ui, TextStyle::Title3, state.Tr("followup.workspace.title"), 2);
    if (!f.notice.empty() && f.notice.rfind(ticket.service_number, 0) == 0)
        Paragraph(ui, TextStyle::Small, f.notice, p.success, Role::Status);
    if (f.form.number == ticket.service_number) {
        DrawForm(state, ui, ticket.rating.has_value(), true);
    } else {
        Paragraph(ui, TextStyle::Small, state.Tr("followup.workspace.hint"), p.text_muted);
        if (Button(ui, "record", state.Tr("followup.item.record"),
                   {.kind = ButtonKind::Secondary, .enabled = !f.form.sending, .icon = ICON_PHONE})) {
            f.form = FollowUpCallForm{};
            f.form.number = ticket.service_number;
        }
    }
    EndCard(ui);
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.6f)));
}

} // namespace aftercare::portal
