// The console's new-ticket screen: the form, core's checks before sending (the
// customer forms' own messages), the request, and the result to read out or hand over.
#include "screens/staff_intake.h"

#include "app.h"
#include "console/console.h"
#include "icons.h"
#include "kiosk/receipt.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/column.h"
#include "widgets/feedback.h"

#include "core/validation.h"

#include <array>
#include <iterator>
#include <string_view>
#include <utility>

namespace aftercare::portal {
namespace {

constexpr core::Channel kIntakeChannels[] = {core::Channel::Phone, core::Channel::WalkIn, core::Channel::Email};
constexpr core::TicketKind kKinds[] = {core::TicketKind::Repair, core::TicketKind::Complaint,
                                       core::TicketKind::Consultation, core::TicketKind::Suggestion,
                                       core::TicketKind::Return, core::TicketKind::Exchange};
constexpr core::Priority kPriorities[] = {core::Priority::General, core::Priority::Serious, core::Priority::Urgent};
constexpr core::ReturnReason kReasons[] = {core::ReturnReason::NoReason, core::ReturnReason::DeadOnArrival,
                                           core::ReturnReason::QualityProblem, core::ReturnReason::WrongItem};

template <class E> E Parsed(const std::string& text, E fallback) {
    E value = fallback;
    return core::FromString(text, value) ? value : fallback;
}

bool IsReturn(const IntakeDraft& d) { return d.kind == "return" || d.kind == "exchange"; }
bool IsComplaint(const IntakeDraft& d) { return d.kind == "complaint"; }

std::string_view ErrorOf(const IntakeState& in, const char* field) {
    const auto it = in.errors.find(field);
    return it == in.errors.end() ? std::string_view() : std::string_view(it->second);
}

// Server and core field names -> the field shown on this form.
const char* ShownField(std::string_view wire) {
    if (wire == "channel") return "channel";
    if (wire == "customer.name") return "name";
    if (wire == "customer.phone") return "phone";
    if (wire == "customer.email" || wire == "notify_by") return "email";
    if (wire == "product.model") return "model";
    if (wire == "product.serial") return "serial";
    if (wire == "product.order_number") return "order";
    if (wire == "return_reason") return "reason";
    if (wire == "complaint.category") return "category";       // i18n: not a key
    if (wire == "complaint.related_ticket") return "related";  // i18n: not a key
    if (wire == "subject") return "subject";
    if (wire == "description") return "description";
    if (wire == "address") return "address";
    return "form";
}

core::TicketDraft MakeDraft(const AppState& state, const IntakeDraft& d, core::UtcOffsetMinutes offset) {
    core::TicketDraft draft;
    draft.channel = Parsed(d.channel, core::Channel::Phone);
    draft.kind = Parsed(d.kind, core::TicketKind::Repair);
    draft.priority = Parsed(d.priority, core::Priority::General);
    draft.customer.name = d.name;
    draft.customer.phone = d.phone;
    draft.customer.email = d.email;
    draft.product.model = d.model;
    draft.product.serial = d.serial;
    draft.subject = d.subject;
    draft.description = d.description;
    draft.address = d.address;
    if (IsReturn(d)) {
        draft.product.order_number = d.order_number;
        core::ReturnReason reason{};
        if (core::FromString(d.return_reason, reason)) draft.return_reason = reason;
    }
    if (IsComplaint(d)) {
        core::ComplaintDetails complaint;
        complaint.category = Parsed(d.complaint_category, core::ComplaintCategory::Other);
        complaint.related_ticket = d.related_ticket;
        draft.complaint = complaint;
    }
    draft.utc_offset_minutes = offset;
    // The customer hears from us in the language the member speaks with them in.
    draft.language = state.language == Language::En ? "en" : "zh-CN";
    return draft;
}

void Submit(AppState& state, Ui& ui) {
    IntakeState& in = state.staff.intake;
    in.errors.clear();
    if (IsComplaint(in.draft) && in.draft.complaint_category.empty())
        in.errors.emplace("category", state.Tr("complaint.category.required"));
    core::TicketDraft draft = MakeDraft(state, in.draft, ui.host.UtcOffsetMinutes());
    // The rules the server applies, before anything is sent, in the customer forms' words.
    core::TicketDraft checked = draft;
    for (const core::Error& error :
         core::ValidateTicketDraft(checked, static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()))) {
        in.errors.emplace(ShownField(error.field), Localized(error.message, state.language));
    }
    if (auto channel = core::CheckChannel(draft.channel, core::ActorRole::Staff))
        in.errors.emplace("channel", Localized(channel->message, state.language));
    if (!in.errors.empty()) return;

    in.submitted.StartLoading();
    requests::IntakeTicket(
        state, ui.host, in.attempt_key, api::CreateTicketRequest{std::move(draft)},
        [&state](api::CreateTicketResponse created) {
            IntakeState& now = state.staff.intake;
            now.submitted.Succeed(std::move(created));
            now.link_copied = false;
        },
        [&state](ApiError error) {
            IntakeState& now = state.staff.intake;
            // A field the server refused goes under that field; everything typed stays.
            if (error.kind == ApiError::Kind::Rejected && std::string_view(ShownField(error.field)) != "form") {
                now.submitted.Reset();
                for (const core::Error& detail : error.details)
                    now.errors.emplace(ShownField(detail.field), Localized(detail.message, state.language));
                now.errors.emplace(ShownField(error.field), DescribeError(state.strings, state.language, error));
                return;
            }
            now.submitted.Fail(std::move(error));
        });
}

// One chip group over an enum's values; writes the chosen wire name into `value`.
template <class E, std::size_t N>
void EnumChips(AppState& state, Ui& ui, const char* id, std::string_view label, const E (&values)[N],
               std::string& value, std::string_view error, auto label_of) {
    std::array<ChoiceOption, N> options;
    std::array<std::string, N> labels;
    int chosen = -1;
    for (std::size_t i = 0; i < N; ++i) {
        labels[i] = label_of(values[i]);
        options[i] = {core::ToString(values[i]).data(), labels[i], {}};
        if (value == core::ToString(values[i])) chosen = static_cast<int>(i);
    }
    if (ChoiceGroup(ui, id, label, options, chosen, {.error = error, .required = true})) {
        value = std::string(core::ToString(values[static_cast<std::size_t>(chosen)]));
        state.staff.intake.errors.erase(id);
    }
}

void Text(AppState& state, Ui& ui, const char* id, const char* label_key, std::string& value,
          TextFieldOptions options = {}) {
    IntakeState& in = state.staff.intake;
    options.error = ErrorOf(in, id);
    if (TextField(ui, id, state.Tr(label_key), value, options).changed) in.errors.erase(id);
}

void DrawForm(AppState& state, Ui& ui) {
    IntakeState& in = state.staff.intake;
    IntakeDraft& d = in.draft;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;

    BeginCard(ui, "##intake-how");
    Heading(ui, TextStyle::Title3, state.Tr("intake.section.how"), 2);
    EnumChips(state, ui, "channel", state.Tr("intake.channel.label"), kIntakeChannels, d.channel, ErrorOf(in, "channel"),
              [&state](core::Channel c) { return ChannelLabel(state, c); });
    EnumChips(state, ui, "kind", state.Tr("intake.kind.label"), kKinds, d.kind, ErrorOf(in, "kind"),
              [&state](core::TicketKind k) { return KindLabel(state, k, core::Audience::Staff); });
    if (d.kind == "repair") {
        EnumChips(state, ui, "priority", state.Tr("intake.priority.label"), kPriorities, d.priority,
                  ErrorOf(in, "priority"), [&state](core::Priority v) { return PriorityLabel(state, v); });
    }
    EndCard(ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));

    BeginCard(ui, "##intake-customer");
    Heading(ui, TextStyle::Title3, state.Tr("intake.section.customer"), 2);
    Text(state, ui, "name", "intake.name.label", d.name, {.required = true});
    const std::string phone_hint = state.Tr("intake.phone.hint");
    Text(state, ui, "phone", "intake.phone.label", d.phone,
         {.hint = phone_hint.c_str(), .help = state.Tr("intake.phone.help"), .required = true, .numeric = true});
    Text(state, ui, "email", "intake.email.label", d.email);
    Text(state, ui, "address", "intake.address.label", d.address);
    EndCard(ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));

    BeginCard(ui, "##intake-request");
    Heading(ui, TextStyle::Title3, state.Tr("intake.section.request"), 2);
    Text(state, ui, "model", "intake.model.label", d.model);
    Text(state, ui, "serial", "intake.serial.label", d.serial);
    if (IsReturn(d)) {
        Text(state, ui, "order", "intake.order.label", d.order_number,
             {.help = state.Tr("intake.order.help"), .required = true});
        EnumChips(state, ui, "reason", state.Tr("intake.reason.label"), kReasons, d.return_reason,
                  ErrorOf(in, "reason"),
                  [&state](core::ReturnReason r) { return Localized(core::Label(r), state.language); });
    }
    if (IsComplaint(d)) {
        EnumChips(state, ui, "category", state.Tr("complaint.category.label"), core::kAllComplaintCategories, d.complaint_category,
                  ErrorOf(in, "category"),
                  [&state](core::ComplaintCategory c) { return Localized(core::Label(c), state.language); });
        const std::string related_hint = state.Tr("complaint.related.hint");
        Text(state, ui, "related", "complaint.related.label", d.related_ticket,
             {.hint = related_hint.c_str(), .help = state.Tr("intake.related.help")});
    }
    Text(state, ui, "subject", "intake.subject.label", d.subject, {.required = true});
    const std::string description_hint = state.Tr("intake.description.hint");
    Text(state, ui, "description", "intake.description.label", d.description,
         {.hint = description_hint.c_str(), .required = true, .multiline = true, .height_em = 5.0f});

    if (const std::string_view form = ErrorOf(in, "form"); !form.empty())
        Paragraph(ui, TextStyle::Small, form, p.danger, Role::Alert);
    if (in.submitted.IsFailed() &&
        ErrorBanner(ui, state.strings, state.language, *in.submitted.error, "intake-error")) {
        Submit(state, ui);  // "retry": the same attempt key, so a lost answer creates nothing twice
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    const bool sending = in.submitted.IsLoading();
    if (Button(ui, "intake-submit", state.Tr(sending ? "intake.submitting" : "intake.submit"),
               {.width = ImGui::GetContentRegionAvail().x, .enabled = !sending, .icon = ICON_CHECK})) {
        Submit(state, ui);
    }
    EndCard(ui);
}

// The service number to read out, the tracking link (once: it carries the customer's token), and a
// printed slip (no token on paper: its QR code leads to the lookup, like the kiosk's receipt).
void DrawDone(AppState& state, Ui& ui, const api::CreateTicketResponse& created) {
    IntakeState& in = state.staff.intake;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    BeginCard(ui, "##intake-done");
    Heading(ui, TextStyle::Title2, state.Tr("intake.done.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("intake.done.number"), p.text_muted);
    Paragraph(ui, TextStyle::Display, created.service_number, p.brand, Role::Status);
    Paragraph(ui, TextStyle::Body, PromiseText(state, created.ticket), p.text);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    Paragraph(ui, TextStyle::Small, state.Tr("intake.done.link"), p.text_muted);
    const std::string url = TrackingUrl(ui.host.PageOrigin(), created.service_number, created.access_token);
    Paragraph(ui, TextStyle::Small, url, p.text);
    Paragraph(ui, TextStyle::Caption, state.Tr("intake.done.link_once"), p.text_muted);
    if (!created.notify_channels.empty())
        Paragraph(ui, TextStyle::Small, state.Tr("intake.done.notified"), p.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (Button(ui, "intake-copy-link", state.Tr(in.link_copied ? "intake.done.copied" : "intake.done.copy"),
               {.kind = ButtonKind::Secondary, .icon = ICON_LINK})) {
        ui.host.CopyToClipboard(url);
        in.link_copied = true;
    }
    ImGui::SameLine();
    if (Button(ui, "intake-print", state.Tr("intake.done.print"), {.kind = ButtonKind::Secondary, .icon = ICON_PRINT}))
        PrintTicketReceipt(state, ui.host, created);
    ImGui::SameLine();
    if (Button(ui, "intake-open", state.Tr("intake.done.open"), {.kind = ButtonKind::Secondary})) {
        const std::string number = created.service_number;
        state.staff.intake = IntakeState{};  // the link is shown once
        Navigate(state, Route{Screen::StaffTicket, number});
        EndCard(ui);
        return;
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (Button(ui, "intake-another", state.Tr("intake.done.another"), {.icon = ICON_PLUS})) {
        state.staff.intake = IntakeState{};
    }
    EndCard(ui);
}

} // namespace

void DrawStaffIntake(AppState& state, Ui& ui) {
    if (!BeginConsoleScreen(state, ui, Screen::StaffIntake)) return;
    IntakeState& in = state.staff.intake;
    BeginNarrowColumn(ui, 46.0f);
    Heading(ui, TextStyle::Title1, state.Tr("intake.title"), 1);
    Paragraph(ui, TextStyle::Body, state.Tr("intake.subtitle"), ui.theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    if (in.submitted.IsLoaded()) {
        const api::CreateTicketResponse created = *in.submitted.value;  // a copy: the buttons may reset the state
        DrawDone(state, ui, created);
    } else {
        DrawForm(state, ui);
    }
    EndNarrowColumn(ui);
}

} // namespace aftercare::portal
