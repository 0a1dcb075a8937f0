// Repair step 1, the product: the serial number, checked against the vendor's warranty register
// while it is typed (POST /api/v1/warranty, after a pause in typing), with the answer in plain
// words: covered or not, until when, free or what it costs, and why. An unregistered serial asks
// for the purchase date (and the model) instead; a replaced key part asks whether the fault is in it.
#include "screens/repair_steps.h"

#include "app.h"
#include "format.h"
#include "icons.h"
#include "net/customer_requests.h"
#include "screens/service_report_view.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/feedback.h"

#include "core/money.h"
#include "core/validation.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

constexpr double kTypingPauseSeconds = 0.6;

// What a warranty answer depends on; a new key means a new question for the server.
std::string WarrantyKey(const RepairDraft& draft) {
    auto serial = core::NormalizeSerial(draft.serial);
    if (!serial) return {};
    const auto date = core::ParseIsoDate(draft.purchase_date);
    return serial.Value() + "|" + (date ? core::FormatIsoDate(*date) : "") + "|" + draft.faulty_part;
}

void CheckWarranty(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    const std::string key = WarrantyKey(repair.draft);
    repair.warranty_due_at = 0;
    if (key.empty() || key == repair.warranty_asked) return;
    api::WarrantyLookupRequest request;
    request.serial = repair.draft.serial;
    request.faulty_part = repair.draft.faulty_part;
    request.purchase_date = core::ParseIsoDate(repair.draft.purchase_date);
    request.utc_offset_minutes = ui.host.UtcOffsetMinutes();
    // A zero parts cost asks for the fixed charges (labour, a visit); parts are quoted after diagnosis.
    request.parts_cost_fen = 0;
    request.on_site = true;
    repair.warranty_asked = key;
    repair.warranty.StartLoading();
    requests::CheckWarranty(
        state.api, request,
        [&state, key](api::WarrantyLookupResponse answer) {
            RepairState& r = state.repair;
            if (r.warranty_asked != key) return;  // the customer typed on meanwhile
            if (!answer.model.empty()) r.draft.model = answer.model;  // the vendor's register wins
            r.warranty.Succeed(std::move(answer));
        },
        [&state, key](ApiError error) {
            if (state.repair.warranty_asked == key) state.repair.warranty.Fail(std::move(error));
        });
}

// The check waits for a pause in typing; a restored draft is checked at once.
void ScheduleCheck(AppState& state, Ui& ui, bool now) {
    RepairState& repair = state.repair;
    const double at = ui.host.NowUnixSeconds() + (now ? 0.0 : kTypingPauseSeconds);
    repair.warranty_due_at = at;
    if (!now) ui.host.RequestRedrawAfter(kTypingPauseSeconds);
}

void Line(Ui& ui, const char* icon, const ImVec4& icon_colour, std::string_view text, const ImVec4& colour,
          TextStyle style = TextStyle::Body) {
    ImGui::PushStyleColor(ImGuiCol_Text, icon_colour);
    PushTextStyle(ui.theme, style);
    ImGui::TextUnformatted(icon);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetCursorStartPos().x + ui.theme.Em(1.6f));
    Paragraph(ui, style, text, colour);
}

void DrawEstimate(AppState& state, Ui& ui, const api::WarrantyLookupResponse& answer) {
    const Palette& p = state.theme.palette;
    const Language lang = state.language;
    if (!answer.estimate) return;
    const core::ChargeEstimate& estimate = *answer.estimate;
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.1f)));
    ImGui::Separator();
    if (estimate.free) {
        // The decision's reason above already says why it is free.
        Line(ui, ICON_CHECK, p.success, state.Tr("repair.warranty.free"), p.text, TextStyle::Title3);
        return;
    }
    Heading(ui, TextStyle::Title3, state.Tr("repair.warranty.paid"), 4);
    if (estimate.labour_fen > 0) ChargeRow(ui, state.Tr("repair.estimate.labour"), core::FormatMoney(estimate.labour_fen));
    if (estimate.on_site_fen > 0) ChargeRow(ui, state.Tr("repair.estimate.on_site"), core::FormatMoney(estimate.on_site_fen));
    ChargeRow(ui, state.Tr("repair.estimate.parts"), state.Tr("repair.estimate.parts_amount"));
    Paragraph(ui, TextStyle::Small, Localized(estimate.basis, lang), p.text_muted);
}

// A key part of this unit was replaced in warranty: its own warranty may still cover the fault.
void DrawKeyPartQuestion(AppState& state, Ui& ui, const api::WarrantyLookupResponse& answer) {
    RepairState& repair = state.repair;
    std::vector<std::string> parts;
    for (const core::PartReplacement& replacement : answer.replacements) {
        if (core::IsKeyPart(state.policy, replacement.part) &&
            std::find(parts.begin(), parts.end(), replacement.part) == parts.end()) {
            parts.push_back(replacement.part);
        }
    }
    if (parts.empty()) return;
    std::vector<std::string> labels;
    for (const std::string& part : parts) labels.push_back(PartLabel(state, part));
    const std::string not_sure = state.Tr("repair.part.not_sure");
    std::vector<ChoiceOption> options;
    for (const std::string& label : labels) options.push_back({.label = label});
    options.push_back({.label = not_sure});
    int selected = static_cast<int>(parts.size());
    for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i] == repair.draft.faulty_part) selected = static_cast<int>(i);
    }
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
    std::string question;
    for (size_t i = 0; i < labels.size(); ++i) question += (i ? "、" : "") + labels[i];
    if (ChoiceGroup(ui, "key-part",
                    state.strings.Format(state.language, "repair.part.question", {{"parts", question}}), options,
                    selected)) {
        repair.draft.faulty_part = selected < static_cast<int>(parts.size()) ? parts[static_cast<size_t>(selected)] : "";
        CheckWarranty(state, ui);
    }
}

void DrawWarrantyAnswer(AppState& state, Ui& ui, const api::WarrantyLookupResponse& answer) {
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const Language lang = state.language;
    const core::WarrantyDecision& decision = answer.decision;
    const ImVec4 tone = decision.in_warranty ? p.success : p.warning;
    BeginCard(ui, "##warranty", {.fill = ImVec4(tone.x, tone.y, tone.z, 0.07f), .border = ImVec4(tone.x, tone.y, tone.z, 0.35f)});
    PushTextStyle(theme, TextStyle::Title2);
    ImGui::PushStyleColor(ImGuiCol_Text, tone);
    ImGui::TextUnformatted(decision.in_warranty ? ICON_SHIELD : ICON_WARNING);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine(0, theme.Em(0.6f));
    Heading(ui, TextStyle::Title3,
            state.Tr(decision.in_warranty ? "repair.warranty.in" : "repair.warranty.out"), 3);
    const std::string product = answer.model.empty() ? answer.serial : answer.model + " · " + answer.serial;
    Paragraph(ui, TextStyle::Small, product, p.text_muted);
    const StringTable& s = state.strings;
    const std::string until = core::FormatIsoDate(decision.covered_until);
    if (decision.in_warranty) {
        Paragraph(ui, TextStyle::Body,
                  s.Format(lang, "repair.warranty.until", {{"date", until}, {"days", std::to_string(decision.days_left)}}),
                  p.text, Role::Status);
    }
    // Core's own words: why it is (not) covered, with the date that decided it.
    Paragraph(ui, TextStyle::Body, Localized(decision.reason, lang), decision.in_warranty ? p.text_muted : p.text,
              decision.in_warranty ? Role::Text : Role::Status);
    DrawEstimate(state, ui, answer);
    DrawKeyPartQuestion(state, ui, answer);
    EndCard(ui);
}

void DrawUnregistered(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
    const std::string hint = state.Tr("repair.purchase_date.hint");
    const auto field = TextField(ui, "purchase-date", state.Tr("repair.purchase_date"), repair.draft.purchase_date,
                                 {.hint = hint.c_str(),
                                  .help = state.Tr("repair.purchase_date.help"),
                                  .error = FieldError(state, kPurchaseDateField),
                                  .required = true});
    ScrollIntoViewIfAsked(state, kPurchaseDateField);
    if (field.changed) {
        ClearFieldError(state, kPurchaseDateField);
        ScheduleCheck(state, ui, false);
    }
    const std::string model_hint = state.Tr("repair.model.hint");
    if (TextField(ui, "model", state.Tr("repair.model"), repair.draft.model,
                  {.hint = model_hint.c_str(), .error = FieldError(state, kModelField)})
            .changed) {
        ClearFieldError(state, kModelField);
    }
    ScrollIntoViewIfAsked(state, kModelField);
}

} // namespace

void DrawProductStep(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const double now = ui.host.NowUnixSeconds();

    BeginCard(ui, "##product");
    Heading(ui, TextStyle::Title2, state.Tr("repair.product.title"), 2);
    Paragraph(ui, TextStyle::Body, state.Tr("repair.product.subtitle"), p.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    const std::string hint = state.Tr("repair.serial.hint");
    const auto serial = TextField(ui, "serial", state.Tr("repair.serial"), repair.draft.serial,
                                  {.hint = hint.c_str(),
                                   .help = state.Tr("repair.serial.help"),
                                   .error = FieldError(state, kSerialField),
                                   .required = true});
    ScrollIntoViewIfAsked(state, kSerialField);
    if (serial.changed) {
        ClearFieldError(state, kSerialField);
        repair.draft.faulty_part.clear();  // another unit: its replaced parts are not this one's
        if (!repair.draft.order_serial.empty() && repair.draft.serial != repair.draft.order_serial) {
            // ...nor is the order's: its number, model and date were facts about the unit handed over.
            repair.draft.order_number.clear();
            repair.draft.order_serial.clear();
            repair.draft.purchase_date.clear();
            repair.draft.model.clear();
        }
        ScheduleCheck(state, ui, false);
    }
    if (serial.submitted) CheckWarranty(state, ui);
    // A restored draft, or a return to this step: ask about what is already typed.
    if (repair.warranty.IsIdle() && repair.warranty_due_at == 0 && !WarrantyKey(repair.draft).empty()) {
        ScheduleCheck(state, ui, true);
    }
    if (repair.warranty_due_at > 0 && now >= repair.warranty_due_at) CheckWarranty(state, ui);

    const bool serial_known = !WarrantyKey(repair.draft).empty();
    const bool unregistered = CurrentStepCheck(repair).purchase_date_required ||
                              (repair.warranty.IsLoaded() && repair.warranty.value->model.empty()) ||
                              !repair.draft.purchase_date.empty();
    if (serial_known && unregistered) {
        // A date from an order (a refused return handed over) is a fact, not a gap in the register.
        const std::string why = repair.draft.order_number.empty()
                                    ? state.Tr("repair.serial.unregistered")
                                    : state.strings.Format(state.language, "repair.from_order",
                                                           {{"order", repair.draft.order_number}});
        Paragraph(ui, TextStyle::Small, why, p.text_muted, Role::Status);
        DrawUnregistered(state, ui);
    }
    EndCard(ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    // Only an answer to what is typed now (or about to be asked) is shown.
    if (!serial_known || (repair.warranty_asked != WarrantyKey(repair.draft) && repair.warranty_due_at == 0)) return;
    if (repair.warranty.IsLoading()) {
        LoadingIndicator(ui, state.Tr("repair.warranty.checking"));
    } else if (repair.warranty.IsFailed() && repair.warranty.error->code != "serial_not_found") {
        if (ErrorBanner(ui, state.strings, state.language, *repair.warranty.error, "warranty-error")) {
            repair.warranty_asked.clear();
            CheckWarranty(state, ui);
        }
        Paragraph(ui, TextStyle::Small, state.Tr("repair.warranty.continue_anyway"), p.text_muted);
    } else if (repair.warranty.IsLoaded()) {
        DrawWarrantyAnswer(state, ui, *repair.warranty.value);
    }
}

} // namespace aftercare::portal
