// Consultation screen: the form, its draft on the device, core's checks and the request; the
// receipt after submission is in consultation_done.cpp.
#include "screens/consultation.h"

#include "app.h"
#include "icons.h"
#include "net/customer_requests.h"
#include "net/vendor_policy.h"
#include "screens/consultation_done.h"
#include "screens/ticket_tokens.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/column.h"
#include "widgets/feedback.h"

#include "api/wire_reader.h"
#include "core/validation.h"

#include <array>
#include <utility>

namespace aftercare::portal {
namespace {

constexpr const char* kDraftKey = "draft.consultation";

struct Topic {
    const char* id;
    const char* label_key;
};
constexpr Topic kTopics[] = {
    {"usage", "consultation.topic.usage"},
    {"warranty", "consultation.topic.warranty"},
    {"parts", "consultation.topic.parts"},
    {"other", "consultation.topic.other"},
};

const Topic* FindTopic(std::string_view id) {
    for (const Topic& topic : kTopics) {
        if (id == topic.id) return &topic;
    }
    return nullptr;
}

void LoadDraft(AppState& state, Host& host) {
    ConsultationState& c = state.consultation;
    c.draft_loaded = true;
    const auto stored = host.LoadLocal(kDraftKey);
    if (!stored) return;
    const api::Json json = api::Json::parse(*stored, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object()) return;
    auto read = [&json](const char* key, std::string& out) {
        if (auto it = json.find(key); it != json.end() && it->is_string()) out = it->get<std::string>();
    };
    read("topic", c.draft.topic);
    if (FindTopic(c.draft.topic) == nullptr) c.draft.topic.clear();
    read("question", c.draft.question);
    read("model", c.draft.model);
    read("name", c.draft.name);
    read("phone", c.draft.phone);
    read("email", c.draft.email);
    ReadNotifyChoice(json, c.draft.notify);
    c.saved_draft = *stored;
}

void SaveDraft(AppState& state, Host& host) {
    ConsultationState& c = state.consultation;
    if (c.submitted.IsLoaded()) return;
    const ConsultationDraft& d = c.draft;
    api::Json fields{{"topic", d.topic}, {"question", d.question}, {"model", d.model},
                     {"name", d.name},   {"phone", d.phone},       {"email", d.email}};
    WriteNotifyChoice(fields, d.notify);
    std::string json = fields.dump();
    if (json == c.saved_draft) return;
    host.SaveLocal(kDraftKey, json);
    c.saved_draft = std::move(json);
}

std::string_view ErrorOf(const ConsultationState& c, const char* field) {
    const auto it = c.errors.find(field);
    return it == c.errors.end() ? std::string_view() : std::string_view(it->second);
}

// Server and core field names → the field shown on this form.
const char* ShownField(std::string_view wire) {
    if (wire == "description") return "question";
    if (wire == "product.model") return "model";
    if (wire == "customer.name") return "name";
    if (wire == "customer.phone") return "phone";
    if (wire == "customer.email" || wire == "notify_by") return "email";
    if (wire == "subject") return "topic";
    return "form";
}

void Submit(AppState& state, Host& host) {
    ConsultationState& c = state.consultation;
    c.errors.clear();
    const Topic* topic = FindTopic(c.draft.topic);
    if (topic == nullptr) c.errors["topic"] = state.Tr("consultation.topic.required");

    core::TicketDraft draft;
    draft.kind = core::TicketKind::Consultation;
    draft.customer.name = c.draft.name;
    draft.customer.phone = c.draft.phone;
    draft.customer.email = c.draft.email;
    draft.product.model = c.draft.model;
    draft.subject = topic ? state.strings.Format(state.language, "consultation.ticket.subject",
                                                 {{"topic", state.Tr(topic->label_key)}})
                          : std::string();
    draft.description = c.draft.question;
    draft.utc_offset_minutes = host.UtcOffsetMinutes();
    ApplyNotifyChoice(state, c.draft.notify, draft);

    // The same rules the server applies, before anything is sent.
    core::TicketDraft checked = draft;
    for (const core::Error& error :
         core::ValidateTicketDraft(checked, static_cast<core::UnixSeconds>(host.NowUnixSeconds()))) {
        const char* field = ShownField(error.field);
        if (std::string_view(field) == "topic" && topic == nullptr) continue;  // said already
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
            ConsultationState& now = state.consultation;
            now.submitted.Succeed(std::move(created));
            host.RemoveLocal(kDraftKey);
            now.saved_draft.clear();
        },
        [&state](ApiError error) {
            ConsultationState& now = state.consultation;
            if (error.kind == ApiError::Kind::Rejected && std::string_view(ShownField(error.field)) != "form") {
                now.submitted.Reset();
                now.errors[ShownField(error.field)] = DescribeError(state.strings, state.language, error);
                return;
            }
            now.submitted.Fail(std::move(error));
        });
}

void DrawForm(AppState& state, Ui& ui) {
    ConsultationState& c = state.consultation;
    const Palette& p = ui.theme.palette;
    BeginCard(ui, "##consultation");
    Heading(ui, TextStyle::Title3, state.Tr("consultation.form.question.title"), 2);
    std::array<ChoiceOption, std::size(kTopics)> topics;
    int chosen = -1;
    for (size_t i = 0; i < std::size(kTopics); ++i) {
        topics[i] = {kTopics[i].id, state.Tr(kTopics[i].label_key), {}};
        if (c.draft.topic == kTopics[i].id) chosen = static_cast<int>(i);
    }
    if (ChoiceGroup(ui, "topic", state.Tr("consultation.topic.label"), topics, chosen,
                    {.error = ErrorOf(c, "topic"), .required = true})) {
        c.draft.topic = kTopics[static_cast<size_t>(chosen)].id;
        c.errors.erase("topic");
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    const std::string question_hint = state.Tr("consultation.question.hint");
    if (TextField(ui, "question", state.Tr("consultation.question.label"), c.draft.question,
                  {.hint = question_hint.c_str(), .error = ErrorOf(c, "question"), .required = true,
                   .multiline = true, .height_em = 6.0f})
            .changed) {
        c.errors.erase("question");
    }
    const std::string model_hint = state.Tr("consultation.model.hint");
    if (TextField(ui, "model", state.Tr("consultation.model.label"), c.draft.model,
                  {.hint = model_hint.c_str(), .error = ErrorOf(c, "model")})
            .changed) {
        c.errors.erase("model");
    }

    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.5f)));
    Heading(ui, TextStyle::Title3, state.Tr("consultation.form.contact.title"), 2);
    if (TextField(ui, "name", state.Tr("consultation.name.label"), c.draft.name,
                  {.error = ErrorOf(c, "name"), .required = true})
            .changed) {
        c.errors.erase("name");
    }
    const std::string phone_hint = state.Tr("consultation.phone.hint");
    if (TextField(ui, "phone", state.Tr("consultation.phone.label"), c.draft.phone,
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

    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "consultation.promise",
                                   {{"hours", std::to_string(state.policy.sla.consultation_answer_hours)}}),
              p.text_muted);
    if (const std::string_view form = ErrorOf(c, "form"); !form.empty()) {
        Paragraph(ui, TextStyle::Small, form, p.danger, Role::Alert);
    }
    if (c.submitted.IsFailed() &&
        ErrorBanner(ui, state.strings, state.language, *c.submitted.error, "submit-error")) {
        Submit(state, ui.host);
    }
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    const bool sending = c.submitted.IsLoading();
    if (Button(ui, "submit", state.Tr(sending ? "consultation.submitting" : "consultation.submit"),
               {.width = ImGui::GetContentRegionAvail().x, .enabled = !sending, .icon = ICON_CHECK})) {
        Submit(state, ui.host);
    }
    EndCard(ui);
}

} // namespace

void DrawConsultation(AppState& state, Ui& ui) {
    EnsureVendorPolicy(state);  // the answer hours
    ConsultationState& c = state.consultation;
    if (!c.draft_loaded) LoadDraft(state, ui.host);

    BeginNarrowColumn(ui, 40.0f);
    if (Button(ui, "back", state.Tr("app.back"), {.kind = ButtonKind::Quiet, .icon = ICON_CHEVRON_LEFT})) {
        Navigate(state, Route{Screen::Home, {}, {}});
    }
    Heading(ui, TextStyle::Title1, state.Tr("consultation.title"), 1);
    Paragraph(ui, TextStyle::Body,
              state.strings.Format(state.language, "consultation.subtitle",
                                   {{"hours", std::to_string(state.policy.sla.consultation_answer_hours)}}),
              ui.theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    if (c.submitted.IsLoaded()) {
        if (!c.receipt_shown) {  // the receipt starts at the top of the page
            c.receipt_shown = true;
            ImGui::SetScrollY(0.0f);
        }
        DrawConsultationDone(state, ui);
    } else {
        DrawForm(state, ui);
    }
    EndNarrowColumn(ui);
    SaveDraft(state, ui.host);
}

} // namespace aftercare::portal
