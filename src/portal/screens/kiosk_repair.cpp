// Quick repair for the kiosk; see kiosk_repair.h.
#include "screens/kiosk_repair.h"

#include "app.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/submitted.h"

#include "core/validation.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

using Step = KioskRepairState::Step;
constexpr int kQuestionCount = 4;  // Phone, Serial, Problem, Name; then the review
constexpr size_t kSubjectCodePoints = 30;

// The subject staff see in their queue: the description's first line, cut at a character boundary.
std::string SubjectFrom(const std::string& description) {
    const std::string line = description.substr(0, description.find('\n'));
    size_t bytes = 0, code_points = 0;
    while (bytes < line.size() && code_points < kSubjectCodePoints) {
        const auto lead = static_cast<unsigned char>(line[bytes]);
        bytes += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        ++code_points;
    }
    return bytes < line.size() ? line.substr(0, std::min(bytes, line.size())) + "…" : line;
}

core::TicketDraft MakeDraft(const KioskRepairState& repair, int utc_offset_minutes) {
    core::TicketDraft draft;
    draft.kind = core::TicketKind::Repair;
    draft.priority = core::Priority::General;
    draft.customer.name = repair.name;
    draft.customer.phone = repair.phone;
    draft.product.serial = repair.serial;
    draft.subject = SubjectFrom(repair.description);
    draft.description = repair.description;
    draft.utc_offset_minutes = utc_offset_minutes;
    return draft;
}

Step StepOfField(const std::string& field) {
    if (field == "customer.phone") return Step::Phone;
    if (field.rfind("product.", 0) == 0) return Step::Serial;
    if (field == "customer.name") return Step::Name;
    return Step::Problem;
}

// The current question's answer checked with the rules the server applies; empty when fine.
std::string CheckStep(const AppState& state, const KioskRepairState& repair) {
    std::optional<core::Error> error;
    switch (repair.step) {
    case Step::Phone:
        if (auto phone = core::NormalizePhone(repair.phone, "customer.phone"); !phone) error = phone.GetError();
        break;
    case Step::Serial:
        if (!repair.serial.empty()) {
            if (auto serial = core::NormalizeSerial(repair.serial, "product.serial"); !serial) error = serial.GetError();
        }
        break;
    case Step::Problem:
        error = core::CheckText("description", repair.description, core::TextLimits::kDescriptionMin,
                                core::TextLimits::kDescriptionMax, true);
        break;
    case Step::Name: error = core::CheckText("customer.name", repair.name, 1, core::TextLimits::kNameMax, false); break;
    case Step::Review:
    case Step::Submitted: break;
    }
    return error ? Localized(error->message, state.language) : std::string();
}

void Submit(AppState& state, Ui& ui) {
    KioskRepairState& repair = state.kiosk_repair;
    core::TicketDraft draft = MakeDraft(repair, ui.host.UtcOffsetMinutes());
    draft.language = state.language == Language::En ? "en" : "zh-CN";  // the messages we send, as the screen spoke
    draft.channel = core::Channel::Kiosk;
    const core::FieldErrors errors = core::ValidateTicketDraft(draft, static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()));
    if (!errors.empty()) {
        repair.step = StepOfField(errors.front().field);
        repair.error = Localized(errors.front().message, state.language);
        return;
    }
    if (repair.idempotency_key.empty()) repair.idempotency_key = ui.host.RandomHex128();
    repair.submission = state.kiosk.outbox->Submit(state.api, ui.host, api::CreateTicketRequest{std::move(draft)},
                                                   repair.idempotency_key);
    repair.step = Step::Submitted;
}

void DrawProgress(AppState& state, Ui& ui, int index) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const std::string label = state.strings.Format(
        state.language, "kiosk_repair.progress", {{"n", std::to_string(index + 1)}, {"total", std::to_string(kQuestionCount)}});
    Paragraph(ui, TextStyle::Small, label, p.text_muted);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.4f), height = theme.Em(0.35f);
    const float segment = (width - gap * (kQuestionCount - 1)) / kQuestionCount;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    for (int i = 0; i < kQuestionCount; ++i) {
        const ImVec2 min(pos.x + static_cast<float>(i) * (segment + gap), pos.y);
        draw->AddRectFilled(min, ImVec2(min.x + segment, min.y + height), ToU32(i <= index ? p.brand : p.border),
                            height * 0.5f);
    }
    ImGui::Dummy(ImVec2(width, height + theme.Em(0.75f)));
}

// Back (or cancel on the first question) and Next, the full width between them.
void DrawStepButtons(AppState& state, Ui& ui, bool can_skip, bool submitted_field) {
    KioskRepairState& repair = state.kiosk_repair;
    const Theme& theme = ui.theme;
    const float gap = theme.Em(1.0f);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    PushTextStyle(theme, TextStyle::Title3);
    const float back_w = (width - gap) * 0.35f;
    const bool first = repair.step == Step::Phone;
    if (Button(ui, "back", state.Tr(first ? "kiosk_repair.cancel" : "kiosk_repair.back"),
               {.kind = ButtonKind::Secondary, .width = back_w, .icon = ICON_CHEVRON_LEFT})) {
        repair.error.clear();
        if (first) Navigate(state, Route{});
        else repair.step = static_cast<Step>(static_cast<int>(repair.step) - 1);
    }
    ImGui::SameLine(0.0f, gap);
    const std::string& next = state.Tr(can_skip ? "kiosk_repair.skip" : "kiosk_repair.next");
    if (Button(ui, "next", next, {.width = width - gap - back_w, .icon = ICON_CHEVRON_RIGHT}) || submitted_field) {
        repair.error = CheckStep(state, repair);
        if (repair.error.empty()) repair.step = static_cast<Step>(static_cast<int>(repair.step) + 1);
    }
    ImGui::PopFont();
}

void DrawQuestion(AppState& state, Ui& ui) {
    KioskRepairState& repair = state.kiosk_repair;
    const Palette& p = ui.theme.palette;
    const int index = static_cast<int>(repair.step);
    DrawProgress(state, ui, index);
    struct Question {
        const char* title_key;
        const char* hint_key;
        const char* label_key;
        std::string* value;
        KeypadKind keypad;
        bool multiline;
    };
    const Question questions[] = {
        {"kiosk_repair.phone.title", "kiosk_repair.phone.hint", "kiosk_repair.phone.label", &repair.phone,
         KeypadKind::Phone, false},
        {"kiosk_repair.serial.title", "kiosk_repair.serial.hint", "kiosk_repair.serial.label", &repair.serial,
         KeypadKind::Serial, false},
        {"kiosk_repair.problem.title", "kiosk_repair.problem.hint", "kiosk_repair.problem.label", &repair.description,
         KeypadKind::None, true},
        {"kiosk_repair.name.title", "kiosk_repair.name.hint", "kiosk_repair.name.label", &repair.name,
         KeypadKind::None, false},
    };
    const Question& q = questions[index];
    Heading(ui, TextStyle::Title1, state.Tr(q.title_key), 1);
    Paragraph(ui, TextStyle::Body, state.Tr(q.hint_key), p.text_muted);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    const TextFieldResult field =
        TextField(ui, q.label_key, state.Tr(q.label_key), *q.value,
                  {.error = repair.error, .required = repair.step != Step::Serial, .multiline = q.multiline,
                   .keypad = q.keypad, .height_em = 6.0f});
    if (field.changed) repair.error.clear();
    const bool can_skip = repair.step == Step::Serial && repair.serial.empty();
    DrawStepButtons(state, ui, can_skip, field.submitted);
}

void DrawReview(AppState& state, Ui& ui) {
    KioskRepairState& repair = state.kiosk_repair;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    Heading(ui, TextStyle::Title1, state.Tr("kiosk_repair.review.title"), 1);
    Paragraph(ui, TextStyle::Body, state.Tr("kiosk_repair.review.hint"), p.text_muted);
    if (!repair.error.empty()) Paragraph(ui, TextStyle::Body, repair.error, p.danger, Role::Alert);
    BeginCard(ui, "##review");
    struct Row {
        const char* id;
        const char* label_key;
        const std::string& value;
        Step step;
    };
    const Row rows[] = {
        {"edit-phone", "kiosk_repair.phone.label", repair.phone, Step::Phone},
        {"edit-serial", "kiosk_repair.serial.label", repair.serial, Step::Serial},
        {"edit-problem", "kiosk_repair.problem.label", repair.description, Step::Problem},
        {"edit-name", "kiosk_repair.name.label", repair.name, Step::Name},
    };
    const float edit_w = theme.Em(5.0f);
    for (const Row& row : rows) {
        const float top = ImGui::GetCursorPosY();
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - edit_w - theme.Em(1.0f));
        Paragraph(ui, TextStyle::Small, state.Tr(row.label_key), p.text_muted);
        // What the customer typed, in the regular face (the bold one carries only the portal's words).
        Paragraph(ui, TextStyle::Body, row.value.empty() ? state.Tr("kiosk_repair.review.none") : row.value,
                  row.value.empty() ? p.text_muted : p.text);
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - edit_w);
        ImGui::SetCursorPosY(top);
        if (Button(ui, row.id, state.Tr("kiosk_repair.review.edit"), {.kind = ButtonKind::Quiet, .width = edit_w})) {
            repair.step = row.step;
            repair.error.clear();
        }
        ImGui::Spacing();
    }
    EndCard(ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    PushTextStyle(theme, TextStyle::Title3);
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(1.0f);
    const float back_w = (width - gap) * 0.35f;
    if (Button(ui, "back", state.Tr("kiosk_repair.back"), {.kind = ButtonKind::Secondary, .width = back_w, .icon = ICON_CHEVRON_LEFT})) {
        repair.step = Step::Name;
    }
    ImGui::SameLine(0.0f, gap);
    if (Button(ui, "submit", state.Tr("kiosk_repair.submit"), {.width = width - gap - back_w, .icon = ICON_CHECK})) {
        Submit(state, ui);
    }
    ImGui::PopFont();
}

} // namespace

void DrawKioskRepair(AppState& state, Ui& ui) {
    KioskRepairState& repair = state.kiosk_repair;
    if (!state.embed.prefill.serial.empty() && repair.serial.empty() && repair.step == Step::Phone) {
        repair.serial = state.embed.prefill.serial;  // a vendor page or link that knows the product
    }
    switch (repair.step) {
    case Step::Review: DrawReview(state, ui); break;
    case Step::Submitted:
        Heading(ui, TextStyle::Title1, state.Tr("kiosk_repair.title"), 1);
        if (DrawSubmission(state, ui, repair.submission) == SubmissionView::Refused) {
            PushTextStyle(ui.theme, TextStyle::Title3);
            if (Button(ui, "fix", state.Tr("kiosk_repair.fix"), {.kind = ButtonKind::Secondary, .icon = ICON_CHEVRON_LEFT})) {
                repair.step = Step::Review;
                repair.idempotency_key.clear();  // a changed request is a new attempt
            }
            ImGui::PopFont();
        }
        break;
    default: DrawQuestion(state, ui); break;
    }
}

} // namespace aftercare::portal
