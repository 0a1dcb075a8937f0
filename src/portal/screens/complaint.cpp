// Complaint screen: the form, its draft on the device, core's checks and the request; the
// receipt after submission is in complaint_done.cpp.
#include "screens/complaint.h"

#include "app.h"
#include "dates.h"
#include "embed.h"
#include "icons.h"
#include "net/customer_requests.h"
#include "net/vendor_policy.h"
#include "screens/complaint_parts.h"
#include "screens/ticket_tokens.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/column.h"
#include "widgets/feedback.h"

#include "api/wire_reader.h"
#include "core/calendar.h"
#include "core/service_number.h"
#include "core/validation.h"

#include <array>
#include <utility>

namespace aftercare::portal {
namespace {

constexpr const char* kDraftKey = "draft.complaint";

std::optional<core::ComplaintCategory> FindCategory(std::string_view id) {
    core::ComplaintCategory category{};
    if (!core::FromString(id, category)) return std::nullopt;
    return category;
}

void LoadDraft(AppState& state, Host& host) {
    ComplaintState& c = state.complaint;
    c.draft_loaded = true;
    const auto stored = host.LoadLocal(kDraftKey);
    if (!stored) return;
    const api::Json json = api::Json::parse(*stored, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return;
    auto read = [&json](const char* key, std::string& out) {
        if (auto it = json.find(key); it != json.end() && it->is_string()) out = it->get<std::string>();
    };
    if (auto it = json.find("suggestion"); it != json.end() && it->is_boolean()) c.draft.suggestion = it->get<bool>();
    read("category", c.draft.category);
    if (!FindCategory(c.draft.category)) c.draft.category.clear();
    read("what", c.draft.what);
    read("related", c.draft.related);
    read("name", c.draft.name);
    read("phone", c.draft.phone);
    read("email", c.draft.email);
    ReadNotifyChoice(json, c.draft.notify);
    c.saved_draft = *stored;
}

void SaveDraft(AppState& state, Host& host) {
    ComplaintState& c = state.complaint;
    if (c.submitted.IsLoaded()) return;
    const ComplaintDraft& d = c.draft;
    api::Json fields{{"suggestion", d.suggestion}, {"category", d.category}, {"what", d.what},
                     {"related", d.related},       {"name", d.name},         {"phone", d.phone},
                     {"email", d.email}};
    WriteNotifyChoice(fields, d.notify);
    std::string json = fields.dump();
    if (json == c.saved_draft) return;
    host.SaveLocal(kDraftKey, json);
    c.saved_draft = std::move(json);
}

std::string_view ErrorOf(const ComplaintState& c, const char* field) {
    const auto it = c.errors.find(field);
    return it == c.errors.end() ? std::string_view() : std::string_view(it->second);
}

// Server and core field names → the field shown on this form.
const char* ShownField(std::string_view wire) {
    if (wire == "description") return "what";
    if (wire == "customer.name") return "name";
    if (wire == "customer.phone") return "phone";
    if (wire == "customer.email" || wire == "notify_by") return "email";
    if (wire == "subject" || wire == "complaint.category") return "category";  // i18n: not a key
    if (wire == "complaint.related_ticket") return "related";                   // i18n: not a key
    return "form";
}

void Submit(AppState& state, Host& host) {
    ComplaintState& c = state.complaint;
    c.errors.clear();
    core::TicketDraft draft;
    draft.customer.name = c.draft.name;
    draft.customer.phone = c.draft.phone;
    draft.customer.email = c.draft.email;
    draft.description = c.draft.what;
    const std::optional<core::ComplaintCategory> category = FindCategory(c.draft.category);
    if (c.draft.suggestion) {
        draft.kind = core::TicketKind::Suggestion;
        draft.subject = state.Tr("complaint.suggestion.subject");
    } else {
        draft.kind = core::TicketKind::Complaint;
        if (!category) c.errors["category"] = state.Tr("complaint.category.required");
        draft.subject = category ? state.strings.Format(state.language, "complaint.ticket.subject",
                                                        {{"category", Localized(core::Label(*category), state.language)}})
                                 : std::string();
        draft.complaint = core::ComplaintDetails{category.value_or(core::ComplaintCategory::Other), c.draft.related};
    }
    draft.utc_offset_minutes = host.UtcOffsetMinutes();
    ApplyNotifyChoice(state, c.draft.notify, draft);

    // The same rules the server applies, before anything is sent.
    core::TicketDraft checked = draft;
    for (const core::Error& error :
         core::ValidateTicketDraft(checked, static_cast<core::UnixSeconds>(host.NowUnixSeconds()))) {
        const char* field = ShownField(error.field);
        if (std::string_view(field) == "category" && !category) continue;  // said already
        c.errors.emplace(field, Localized(error.message, state.language));
    }
    if (!c.errors.empty()) return;

    c.submitted.StartLoading();
    draft.channel = SelfServiceChannel(state);
    requests::CreateTicket(
        state.api, host, c.idempotency_key, api::CreateTicketRequest{std::move(draft)},
        [&state, &host](api::CreateTicketResponse created) {
            KeepCreatedTicketToken(host, created);
            NotifyTicketCreated(host, created);
            ComplaintState& now = state.complaint;
            now.submitted.Succeed(std::move(created));
            host.RemoveLocal(kDraftKey);
            now.saved_draft.clear();
        },
        [&state](ApiError error) {
            ComplaintState& now = state.complaint;
            if (error.kind == ApiError::Kind::Rejected && std::string_view(ShownField(error.field)) != "form") {
                now.submitted.Reset();
                for (const core::Error& detail : error.details)
                    now.errors.emplace(ShownField(detail.field), Localized(detail.message, state.language));
                now.errors[ShownField(error.field)] = DescribeError(state.strings, state.language, error);
                return;
            }
            now.submitted.Fail(std::move(error));
        });
}

void DrawForm(AppState& state, Ui& ui) {
    ComplaintState& c = state.complaint;
    const Palette& p = ui.theme.palette;
    BeginCard(ui, "##complaint");
    Heading(ui, TextStyle::Title3, state.Tr("complaint.form.what.title"), 2);
    const std::array<ChoiceOption, 2> kinds = {
        ChoiceOption{"complaint", state.Tr("complaint.kind.complaint"), state.Tr("complaint.kind.complaint.hint")},
        ChoiceOption{"suggestion", state.Tr("complaint.kind.suggestion"), state.Tr("complaint.kind.suggestion.hint")}};
    int kind = c.draft.suggestion ? 1 : 0;
    if (ChoiceGroup(ui, "kind", state.Tr("complaint.kind.label"), kinds, kind, {.required = true})) {
        c.draft.suggestion = kind == 1;
        c.errors.clear();
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    if (!c.draft.suggestion) {
        std::array<ChoiceOption, std::size(core::kAllComplaintCategories)> categories;
        std::array<std::string, std::size(core::kAllComplaintCategories)> labels;
        int chosen = -1;
        for (size_t i = 0; i < std::size(core::kAllComplaintCategories); ++i) {
            labels[i] = Localized(core::Label(core::kAllComplaintCategories[i]), state.language);
            categories[i] = {core::ToString(core::kAllComplaintCategories[i]).data(), labels[i], {}};
            if (c.draft.category == core::ToString(core::kAllComplaintCategories[i])) chosen = static_cast<int>(i);
        }
        if (ChoiceGroup(ui, "category", state.Tr("complaint.category.label"), categories, chosen,
                        {.error = ErrorOf(c, "category"), .required = true})) {
            c.draft.category = std::string(core::ToString(core::kAllComplaintCategories[static_cast<size_t>(chosen)]));
            c.errors.erase("category");
        }
        ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    }
    const char* what_label = c.draft.suggestion ? "complaint.suggestion.label" : "complaint.what.label";
    const std::string what_hint = state.Tr(c.draft.suggestion ? "complaint.suggestion.hint" : "complaint.what.hint");
    if (TextField(ui, "what", state.Tr(what_label), c.draft.what,
                  {.hint = what_hint.c_str(), .error = ErrorOf(c, "what"), .required = true, .multiline = true,
                   .height_em = 6.0f})
            .changed) {
        c.errors.erase("what");
    }
    if (!c.draft.suggestion) {
        const std::string related_hint = state.Tr("complaint.related.hint");
        if (TextField(ui, "related", state.Tr("complaint.related.label"), c.draft.related,
                      {.hint = related_hint.c_str(), .help = state.Tr("complaint.related.help"),
                       .error = ErrorOf(c, "related")})
                .changed) {
            c.errors.erase("related");
        }
    }

    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.5f)));
    Heading(ui, TextStyle::Title3, state.Tr("complaint.form.contact.title"), 2);
    if (TextField(ui, "name", state.Tr("complaint.name.label"), c.draft.name,
                  {.error = ErrorOf(c, "name"), .required = true})
            .changed) {
        c.errors.erase("name");
    }
    const std::string phone_hint = state.Tr("complaint.phone.hint");
    if (TextField(ui, "phone", state.Tr("complaint.phone.label"), c.draft.phone,
                  {.hint = phone_hint.c_str(), .error = ErrorOf(c, "phone"), .required = true, .numeric = true})
            .changed) {
        c.errors.erase("phone");
    }
    const std::string email_hint = state.Tr("notify.email.hint");
    const char* email_help = EmailHelpKey(state);
    if (TextField(ui, "email", state.Tr("notify.email.label"), c.draft.email,
                  {.hint = email_hint.c_str(),
                   .help = email_help ? std::string_view(state.Tr(email_help)) : std::string_view(),
                   .error = ErrorOf(c, "email")})
            .changed) {
        c.errors.erase("email");
    }
    DrawNotifyChoice(state, ui, c.draft.notify, c.draft.email);

    // When we will answer if it is sent now: core's working-day rule on the vendor's calendar. A
    // suggestion has no such date, and the form says so rather than promising one.
    if (c.draft.suggestion) {
        Paragraph(ui, TextStyle::Small, state.Tr("complaint.suggestion.promise"), p.text_muted);
    } else {
        const auto now = static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds());
        const core::CivilDate answer_by = ComplaintAnswerDay(state.policy, now);
        const core::CivilDate today = core::LocalDate(now, state.policy.calendar.vendor_utc_offset_minutes);
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(
                      state.language, "complaint.promise",
                      {{"days", std::to_string(state.policy.sla.complaint_answer_working_days)},
                       {"date", FormatDayWithWeekday(state.strings, state.language, answer_by, today.year)}}),
                  p.text_muted);
    }
    if (const std::string_view form = ErrorOf(c, "form"); !form.empty()) {
        Paragraph(ui, TextStyle::Small, form, p.danger, Role::Alert);
    }
    if (c.submitted.IsFailed() &&
        ErrorBanner(ui, state.strings, state.language, *c.submitted.error, "submit-error")) {
        Submit(state, ui.host);
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    const bool sending = c.submitted.IsLoading();
    const char* submit_key = c.draft.suggestion ? "complaint.suggestion.submit" : "complaint.submit";
    if (Button(ui, "submit", state.Tr(sending ? "complaint.submitting" : submit_key),
               {.width = ImGui::GetContentRegionAvail().x, .enabled = !sending, .icon = ICON_CHECK})) {
        Submit(state, ui.host);
    }
    EndCard(ui);
}

} // namespace

core::CivilDate ComplaintAnswerDay(const core::Policy& policy, core::UnixSeconds submitted_at) {
    const core::WorkCalendar calendar(policy.calendar.holidays, policy.calendar.makeup_workdays);
    const core::DayNumber received = core::LocalDayNumber(submitted_at, policy.calendar.vendor_utc_offset_minutes);
    return core::CivilFromDays(calendar.AddWorkingDays(received, policy.sla.complaint_answer_working_days));
}

void StartComplaintAbout(AppState& state, std::string_view service_number) {
    state.complaint.handed_related = std::string(service_number);
    Navigate(state, Route{Screen::Complaint, {}, {}});
}

void DrawComplaint(AppState& state, Ui& ui) {
    EnsureVendorPolicy(state);  // holidays, the returns and complaint numbers
    ComplaintState& c = state.complaint;
    if (!c.draft_loaded) LoadDraft(state, ui.host);
    if (!c.handed_related.empty()) {
        // A new complaint about the ticket handed over. One already sent is done with: its
        // receipt and its words go, the customer's name and phone stay.
        if (c.submitted.IsLoaded()) {
            ComplaintDraft fresh;
            fresh.name = c.draft.name;
            fresh.phone = c.draft.phone;
            fresh.email = c.draft.email;
            fresh.notify = c.draft.notify;
            c.draft = std::move(fresh);
        }
        c.draft.related = std::exchange(c.handed_related, {});
        c.errors.erase("related");
        c.submitted.Reset();
        c.receipt_shown = false;
    }

    BeginNarrowColumn(ui, 40.0f);
    if (Button(ui, "back", state.Tr("app.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, Route{Screen::Home, {}, {}});
    }
    Heading(ui, TextStyle::Title1, state.Tr("complaint.title"), 1);
    Paragraph(ui, TextStyle::Body,
              state.strings.Format(state.language, "complaint.subtitle",
                                   {{"days", std::to_string(state.policy.sla.complaint_answer_working_days)}}),
              ui.theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    if (c.submitted.IsLoaded()) {
        if (!c.receipt_shown) {  // the receipt starts at the top of the page
            c.receipt_shown = true;
            ImGui::SetScrollY(0.0f);
        }
        DrawComplaintDone(state, ui);
    } else {
        DrawForm(state, ui);
    }
    EndNarrowColumn(ui);
    SaveDraft(state, ui.host);
}

} // namespace aftercare::portal
