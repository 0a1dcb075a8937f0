// Repair step 5, the review: every answer on one page, grouped as the steps were, each group with
// a link back to its step; then the submission, whose failures keep everything and offer a retry
// of the same attempt (same body, same Idempotency-Key).
#include "screens/repair_steps.h"

#include "app.h"
#include "format.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/file_tiles.h"

#include "core/validation.h"

namespace aftercare::portal {
namespace {

// A section card: its title, and "Edit" on the right that goes back to the step.
void BeginSection(AppState& state, Ui& ui, const char* id, const char* title_key, RepairStep step) {
    BeginCard(ui, id);
    const ImVec2 top_left = ImGui::GetCursorPos();
    Heading(ui, TextStyle::Title3, state.Tr(title_key), 2);
    const std::string edit = state.Tr("repair.review.edit");
    const std::string name = state.strings.Format(state.language, "repair.review.edit_named", {{"section", state.Tr(title_key)}});
    PushTextStyle(state.theme, TextStyle::Body);
    const float width = ImGui::CalcTextSize(edit.c_str()).x + state.theme.Em(3.5f);
    ImGui::PopFont();
    const ImVec2 after = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(top_left.x + ImGui::GetContentRegionAvail().x - width, top_left.y - state.theme.Em(0.5f)));
    ImGui::PushID(id);
    if (Button(ui, "edit", edit, {.kind = ButtonKind::Quiet, .width = width, .icon = ICON_PENCIL, .accessible_name = name})) {
        GoToStep(state, step);
    }
    ImGui::PopID();
    ImGui::SetCursorPos(after);
}

// "Label   value": side by side on a wide screen, stacked on a phone.
void Row(AppState& state, Ui& ui, const char* label_key, std::string_view value, bool muted = false) {
    const Theme& theme = state.theme;
    const bool wide = ImGui::GetContentRegionAvail().x >= theme.Em(26.0f);
    const float start = ImGui::GetCursorPosX();
    Paragraph(ui, TextStyle::Small, state.Tr(label_key), theme.palette.text_muted);
    if (wide) ImGui::SameLine(start + theme.Em(8.0f));
    Paragraph(ui, TextStyle::Body, value, muted ? theme.palette.text_muted : theme.palette.text);
}

void DrawProduct(AppState& state, Ui& ui) {
    const RepairState& repair = state.repair;
    const RepairDraft& draft = repair.draft;
    BeginSection(state, ui, "##review-product", "repair.step.product", RepairStep::Product);
    const auto serial = core::NormalizeSerial(draft.serial);
    Row(state, ui, "repair.serial", serial ? serial.Value() : draft.serial);
    if (!draft.model.empty()) Row(state, ui, "repair.review.model", draft.model);
    if (!draft.purchase_date.empty()) Row(state, ui, "repair.purchase_date", draft.purchase_date);
    if (!draft.order_number.empty()) Row(state, ui, "repair.review.order", draft.order_number);
    if (repair.warranty.IsLoaded()) {
        const core::WarrantyDecision& decision = repair.warranty.value->decision;
        const std::string until = core::FormatIsoDate(decision.covered_until);
        Row(state, ui, "repair.review.warranty",
            decision.in_warranty
                ? state.strings.Format(state.language, "repair.review.warranty_in", {{"date", until}})
                : state.strings.Format(state.language, "repair.review.warranty_out", {{"date", until}}));
    }
    if (!draft.faulty_part.empty()) Row(state, ui, "repair.review.part", PartLabel(state, draft.faulty_part));
    EndCard(ui);
}

void DrawFault(AppState& state, Ui& ui) {
    const RepairState& repair = state.repair;
    const RepairDraft& draft = repair.draft;
    BeginSection(state, ui, "##review-fault", "repair.step.fault", RepairStep::Fault);
    if (const char* key = FaultCategoryLabelKey(draft.fault_category)) Row(state, ui, "repair.fault.category", state.Tr(key));
    Row(state, ui, "repair.description", draft.description);
    if (repair.photos.empty()) {
        Row(state, ui, "repair.review.photos", state.Tr("repair.review.none"), true);
    } else {
        Row(state, ui, "repair.review.photos",
            state.strings.Format(state.language, "repair.review.photo_count", {{"count", std::to_string(repair.photos.size())}}));
        const std::vector<std::string> sizes = PhotoSizes(repair.photos);
        FileTiles(ui, "review-photos", PhotoTiles(repair.photos, sizes), {.removable = false});
    }
    EndCard(ui);
}

void DrawService(AppState& state, Ui& ui) {
    const RepairDraft& draft = state.repair.draft;
    const Language lang = state.language;
    BeginSection(state, ui, "##review-service", "repair.step.service", RepairStep::Service);
    if (draft.mode) Row(state, ui, "repair.mode", Localized(core::Label(*draft.mode), lang));
    if (NeedsAddress(draft)) Row(state, ui, "repair.review.address", draft.address);
    const auto day = core::ParseIsoDate(draft.visit_date);
    if (NeedsVisit(draft) && draft.visit_slot && day) {
        const core::CivilDate today =
            core::LocalDate(static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()), ui.host.UtcOffsetMinutes());
        Row(state, ui, "repair.review.visit",
            FormatDay(state.strings, lang, *day, today) + " " + Localized(core::Label(*draft.visit_slot), lang));
    }
    Row(state, ui, "repair.urgency", Localized(core::Label(draft.priority), lang));
    EndCard(ui);
}

void DrawContact(AppState& state, Ui& ui) {
    const RepairDraft& draft = state.repair.draft;
    BeginSection(state, ui, "##review-contact", "repair.step.contact", RepairStep::Contact);
    Row(state, ui, "repair.contact.name", draft.name);
    Row(state, ui, "repair.contact.phone", draft.phone);
    if (draft.email.empty()) {
        Row(state, ui, "repair.contact.email", state.Tr("repair.review.none"), true);
    } else {
        Row(state, ui, "repair.contact.email", draft.email);
    }
    if (const std::string notify = NotifySummary(state, draft.notify, draft.email); !notify.empty())
        Row(state, ui, "notify.title", notify);
    EndCard(ui);
}

void DrawSubmit(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    const Theme& theme = state.theme;
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (repair.submit.IsFailed()) {
        if (ErrorBanner(ui, state.strings, state.language, *repair.submit.error, "submit-error")) SubmitRepair(state, ui);
        ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    }
    if (repair.submit.IsLoading()) {
        LoadingIndicator(ui, state.Tr("repair.review.submitting"));
        return;
    }
    if (Button(ui, "submit", state.Tr("repair.review.submit"),
               {.width = ImGui::GetContentRegionAvail().x, .icon = ICON_PAPER_PLANE})) {
        SubmitRepair(state, ui);
    }
    Paragraph(ui, TextStyle::Small, state.Tr("repair.review.after"), theme.palette.text_muted);
}

} // namespace

void DrawReviewStep(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    Heading(ui, TextStyle::Title2, state.Tr("repair.review.title"), 2);
    Paragraph(ui, TextStyle::Body, state.Tr("repair.review.subtitle"), theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawProduct(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawFault(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawService(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawContact(state, ui);
    DrawSubmit(state, ui);
}

} // namespace aftercare::portal
