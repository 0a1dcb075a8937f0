// The repair wizard's frame: routes ↔ steps, the step indicator, Back/Next with step validation,
// the draft on the device, and submission (with one Idempotency-Key per attempt) and uploads.
// The steps themselves are drawn by repair_<step>.cpp.
//
// Index
//   [SECTION] Steps and routes
//   [SECTION] Draft on the device
//   [SECTION] Field errors
//   [SECTION] Submission and uploads
//   [SECTION] The wizard frame
//   [SECTION] Photo tiles
#include "screens/repair.h"

#include "app.h"
#include "embed.h"
#include "format.h"
#include "icons.h"
#include "net/customer_requests.h"
#include "router.h"
#include "screens/repair_steps.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/stepper.h"

#include "api/core_json.h"
#include "core/validation.h"

#include <imgui_internal.h>  // scrolling the screen region to a field

#include <algorithm>
#include <utility>

namespace aftercare::portal {
namespace {

//-------------------------------------------------------------------------------------------------
// [SECTION] Steps and routes
//-------------------------------------------------------------------------------------------------

constexpr const char* kDraftKey = "repair/draft";          // Host::SaveLocal keys
constexpr const char* kSubmittedKey = "repair/submitted";

struct StepRoute {
    RepairStep step;
    std::string_view path;
    const char* label_key;  // in the step indicator; null for the end screens
};

constexpr StepRoute kStepRoutes[] = {
    {RepairStep::Product, "product", "repair.step.product"}, {RepairStep::Fault, "fault", "repair.step.fault"},
    {RepairStep::Service, "service", "repair.step.service"}, {RepairStep::Contact, "contact", "repair.step.contact"},
    {RepairStep::Review, "review", "repair.step.review"},    {RepairStep::Submitted, "done", nullptr},
    {RepairStep::Solved, "solved", nullptr},
};

// Fields in the order they appear, so "Next" scrolls to the first one with an error.
constexpr std::string_view kFieldOrder[] = {
    kSerialField, kPurchaseDateField, kModelField, kFaultyPartField, kFaultCategoryField,
    kDescriptionField, kModeField, kAddressField, kVisitField, kPriorityField,
    kNameField, kPhoneField, kEmailField,
};

std::optional<RepairStep> StepFromPath(std::string_view path) {
    for (const StepRoute& route : kStepRoutes) {
        if (route.path == path) return route.step;
    }
    return std::nullopt;
}

std::string PathOf(RepairStep step) {
    for (const StepRoute& route : kStepRoutes) {
        if (route.step == step) return std::string(route.path);
    }
    return "product";
}

int Index(RepairStep step) { return static_cast<int>(step); }
bool IsFormStep(RepairStep step) { return Index(step) < kRepairFormSteps; }

void RedirectTo(AppState& state, RepairStep step) { NavigateReplacing(state, Route{Screen::Repair, PathOf(step), {}}); }

//-------------------------------------------------------------------------------------------------
// [SECTION] Draft on the device
//-------------------------------------------------------------------------------------------------

// Equal answers (the submission attempt aside): a difference means the customer changed something.
bool SameAnswers(RepairDraft a, RepairDraft b) {
    a.attempt_key.clear();
    a.attempt_body.clear();
    b.attempt_key.clear();
    b.attempt_body.clear();
    return a == b;
}

void Start(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    repair.started = true;
    if (auto text = ui.host.LoadLocal(kDraftKey)) {
        repair.draft = LoadDraft(*text);
        repair.restored = !SameAnswers(repair.draft, RepairDraft{});
    }
    repair.saved = repair.draft;
    if (auto text = ui.host.LoadLocal(kSubmittedKey)) {
        if (auto answer = api::ParseWire<api::CreateTicketResponse>(*text)) {
            repair.submitted = std::move(answer).Value();
            repair.submitted_seen_at = ui.host.NowUnixSeconds();
        }
    }
}

// A new draft for the handed-off product, on the first step (the customer's contact details stay:
// they are the same person). Photos, answers and the warranty of another product go.
void TakeHandOff(AppState& state, Host& host) {
    RepairState& repair = state.repair;
    const RepairHandOff product = *std::exchange(repair.handed_off, std::nullopt);
    const RepairDraft earlier = repair.draft;
    ClearRepairDraft(state, host);
    RepairDraft& draft = repair.draft;
    draft.name = earlier.name;
    draft.phone = earlier.phone;
    draft.email = earlier.email;
    draft.notify = earlier.notify;
    draft.serial = product.serial;
    draft.model = product.model;
    draft.purchase_date = product.purchase_date ? core::FormatIsoDate(*product.purchase_date) : std::string();
    draft.order_number = product.order_number;
    draft.order_serial = product.serial;
}

// A vendor page that embeds the portal may name the product (embed.js: data-serial, data-product,
// data-order, or a prefill command): an empty wizard starts from it, once per serial named.
void TakeVendorPrefill(AppState& state) {
    RepairState& repair = state.repair;
    const Prefill& prefill = state.embed.prefill;
    if (prefill.serial.empty() || prefill.serial == repair.prefill_taken) return;
    repair.prefill_taken = prefill.serial;
    if (!repair.draft.serial.empty()) return;  // the customer's own answer wins
    // An order number the server would refuse could not be fixed by the customer (no field): left out.
    const bool order_ok = !prefill.order.empty() && !core::CheckOrderNumber(prefill.order);
    repair.handed_off = RepairHandOff{.serial = prefill.serial,
                                      .model = prefill.product,
                                      .purchase_date = std::nullopt,
                                      .order_number = order_ok ? prefill.order : std::string()};
}

// Writes the draft when it changed; a changed answer also ends the submission attempt, so the
// next submit sends the new answers under a new Idempotency-Key.
void SaveIfChanged(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    if (repair.draft == repair.saved) return;
    if (!SameAnswers(repair.draft, repair.saved) && !repair.submit.IsLoading()) {
        repair.draft.attempt_key.clear();
        repair.draft.attempt_body.clear();
        if (repair.submit.IsFailed()) repair.submit.Reset();
    }
    ui.host.SaveLocal(kDraftKey, SaveDraft(repair.draft));
    repair.saved = repair.draft;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Field errors
//-------------------------------------------------------------------------------------------------

// The screen region (the nearest scrolling window up from the current one).
ImGuiWindow* ScrollingWindow() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    while (window != nullptr && window->ScrollMax.y <= 0.0f) window = window->ParentWindow;
    return window;
}

bool TryAdvance(AppState& state, Ui& ui, RepairStep step) {
    RepairState& repair = state.repair;
    repair.errors = ValidateStep(step, repair.draft, CurrentStepCheck(repair), state.strings,
                                 static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds()), ui.host.UtcOffsetMinutes());
    if (repair.errors.empty()) return true;
    for (std::string_view field : kFieldOrder) {
        if (repair.errors.contains(field)) {
            repair.scroll_to = std::string(field);
            break;
        }
    }
    return false;
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Submission and uploads
//-------------------------------------------------------------------------------------------------

void OnSubmitted(AppState& state, Host& host, api::CreateTicketResponse answer) {
    NotifyTicketCreated(host, answer);
    RepairState& repair = state.repair;
    host.SaveLocal(kSubmittedKey, api::ToWire(answer));
    repair.submitted = std::move(answer);
    repair.submitted_seen_at = host.NowUnixSeconds();
    repair.submit.Reset();
    repair.errors.clear();
    // The photos stay in memory for their uploads; the answers are done with.
    repair.draft = RepairDraft{};
    repair.saved = repair.draft;
    repair.restored = false;
    host.RemoveLocal(kDraftKey);
    UploadPhotos(state);
    NavigateReplacing(state, Route{Screen::Repair, PathOf(RepairStep::Submitted), {}});
}

void OnSubmitFailed(AppState& state, ApiError error) {
    RepairState& repair = state.repair;
    // A refused body will not pass on a retry: CreateTicket ended the attempt, and the customer fixes
    // it and submits a new one. Failures that may pass (offline, rate limited, server) keep it.
    if (repair.draft.attempt_key.empty()) repair.draft.attempt_body.clear();
    if (error.kind == ApiError::Kind::Rejected && !error.field.empty()) {
        // The server's field errors go next to their fields, and the wizard goes where they are.
        repair.errors.clear();
        repair.errors.emplace(error.field, error.message);
        for (const core::Error& detail : error.details) repair.errors.emplace(detail.field, detail.message);
        RepairStep first = RepairStep::Review;
        for (const auto& [field, message] : repair.errors) {
            if (Index(StepOfField(field)) < Index(first)) first = StepOfField(field);
        }
        if (first != RepairStep::Review) GoToStep(state, first);
    }
    repair.submit.Fail(std::move(error));
}

void UploadNext(AppState& state);

void UploadOne(AppState& state, RepairPhoto& photo) {
    const api::CreateTicketResponse& ticket = *state.repair.submitted;
    photo.upload = RepairPhoto::Upload::Sending;
    photo.error.reset();
    const std::string id = photo.id;
    auto find = [&state, id]() -> RepairPhoto* {
        for (RepairPhoto& p : state.repair.photos) {
            if (p.id == id) return &p;
        }
        return nullptr;
    };
    requests::UploadAttachment(
        state.api, {ticket.service_number, ticket.access_token}, photo.bytes, photo.content_type, photo.name,
        [&state, find](api::AttachmentInfo) {
            if (RepairPhoto* p = find()) {
                p->upload = RepairPhoto::Upload::Done;
                p->bytes.clear();  // on the server now; free the memory
                p->bytes.shrink_to_fit();
            }
            UploadNext(state);
        },
        [&state, find](ApiError error) {
            if (RepairPhoto* p = find()) {
                p->upload = RepairPhoto::Upload::Failed;
                p->error = std::move(error);
            }
            UploadNext(state);
        });
}

// One at a time: a phone on a weak network gets each photo through instead of five half-way.
void UploadNext(AppState& state) {
    if (!state.repair.submitted) return;
    for (RepairPhoto& photo : state.repair.photos) {
        if (photo.upload == RepairPhoto::Upload::Sending) return;
    }
    for (RepairPhoto& photo : state.repair.photos) {
        if (photo.upload == RepairPhoto::Upload::Waiting) {
            UploadOne(state, photo);
            return;
        }
    }
}

//-------------------------------------------------------------------------------------------------
// [SECTION] The wizard frame
//-------------------------------------------------------------------------------------------------

void DrawRestoredNote(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    if (!repair.restored) return;
    const Palette& p = state.theme.palette;
    BeginCard(ui, "##restored", {.fill = p.brand_soft, .border = p.brand_soft});
    const float left = ImGui::GetCursorPosX();  // the card's left edge (SetCursorPosX is window-relative)
    ImGui::PushStyleColor(ImGuiCol_Text, p.brand);
    ImGui::TextUnformatted(ICON_INFO_CIRCLE);
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetCursorStartPos().x + state.theme.Em(1.75f));
    Paragraph(ui, TextStyle::Small, state.Tr("repair.restored"), p.text, Role::Status);
    ImGui::SetCursorPosX(left + state.theme.Em(1.75f));
    if (Button(ui, "start-over", state.Tr("repair.start_over"), {.kind = ButtonKind::Secondary, .icon = ICON_UNDO})) {
        ClearRepairDraft(state, ui.host);
    }
    EndCard(ui);
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
}

void DrawStepper(AppState& state, Ui& ui, RepairStep step) {
    std::vector<std::string> labels;
    for (const StepRoute& route : kStepRoutes) {
        if (route.label_key) labels.push_back(state.Tr(route.label_key));
    }
    const std::string format = state.Tr("repair.step.accessible");
    const std::string done = state.Tr("repair.step.done_suffix");
    if (auto chosen = Stepper(ui, "steps", labels, Index(step), {.accessible_format = format, .done_suffix = done})) {
        state.repair.errors.clear();
        GoToStep(state, static_cast<RepairStep>(*chosen));
    }
}

// Back on the left, Next (or nothing on the review step, which has its own submit) on the right.
void DrawNavigation(AppState& state, Ui& ui, RepairStep step) {
    const Theme& theme = state.theme;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    const bool narrow = avail < theme.Em(30.0f);
    const float width = narrow ? (avail - gap) * 0.5f : theme.Em(10.0f);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    const ImVec2 row = ImGui::GetCursorPos();
    if (step == RepairStep::Product) {
        if (Button(ui, "cancel", state.Tr("repair.nav.home"),
                   {.kind = ButtonKind::Secondary, .width = width, .icon = ICON_CHEVRON_LEFT})) {
            Navigate(state, Route{Screen::Home});
        }
    } else if (Button(ui, "previous", state.Tr("repair.nav.previous"),
                      {.kind = ButtonKind::Secondary, .width = width, .icon = ICON_CHEVRON_LEFT})) {
        state.repair.errors.clear();
        GoToStep(state, static_cast<RepairStep>(Index(step) - 1));
    }
    if (step == RepairStep::Review) return;
    ImGui::SetCursorPos(ImVec2(row.x + avail - width, row.y));
    if (Button(ui, "next", state.Tr("repair.nav.next"), {.width = width}) && TryAdvance(state, ui, step)) {
        GoToStep(state, static_cast<RepairStep>(Index(step) + 1));
    }
    if (!state.repair.errors.empty()) {
        Paragraph(ui, TextStyle::Small, state.Tr("repair.nav.fix_errors"), theme.palette.danger, Role::Alert);
    }
}

// Which step the route asks for, corrected when it cannot be shown yet (an earlier step is not
// done, or there is no submission to show): the address bar is then fixed without a new entry.
RepairStep ResolveStep(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    // A step already on its way (an answer that arrived before this frame moved the wizard on)
    // is the one to draw: the current route may no longer make sense (the draft is gone).
    const bool moving = state.navigate_to && state.navigate_to->screen == Screen::Repair;
    const std::optional<RepairStep> asked = StepFromPath(moving ? state.navigate_to->param : state.route.param);
    RepairStep step = asked.value_or(RepairStep::Product);
    if (IsFormStep(step)) {
        const auto now = static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds());
        for (int earlier = 0; earlier < Index(step); ++earlier) {
            const auto earlier_step = static_cast<RepairStep>(earlier);
            if (!ValidateStep(earlier_step, repair.draft, CurrentStepCheck(repair), state.strings, now,
                              ui.host.UtcOffsetMinutes()).empty()) {
                step = earlier_step;
                break;
            }
        }
    } else if (step == RepairStep::Submitted && !repair.submitted) {
        step = RepairStep::Product;
    }
    if (!asked || *asked != step) RedirectTo(state, step);
    return step;
}

} // namespace

void StartRepairFor(AppState& state, RepairHandOff product) {
    state.repair.handed_off = std::move(product);
    Navigate(state, Route{Screen::Repair, PathOf(RepairStep::Product), {}});
}

void GoToStep(AppState& state, RepairStep step) { Navigate(state, Route{Screen::Repair, PathOf(step), {}}); }

std::string_view FieldError(const AppState& state, std::string_view field) {
    const auto it = state.repair.errors.find(field);
    if (it == state.repair.errors.end()) return {};
    return Localized(it->second, state.language);
}

void ClearFieldError(AppState& state, std::string_view field) {
    if (const auto it = state.repair.errors.find(field); it != state.repair.errors.end()) state.repair.errors.erase(it);
}

void ScrollIntoViewIfAsked(AppState& state, std::string_view field) {
    if (state.repair.scroll_to != field) return;
    state.repair.scroll_to.clear();
    if (ImGuiWindow* window = ScrollingWindow()) {
        // A quarter down the screen: the field's label and the error under it are both in view.
        ImGui::SetScrollFromPosY(window, ImGui::GetItemRectMin().y - window->Pos.y - state.theme.Em(2.0f), 0.25f);
    }
}

StepCheck CurrentStepCheck(const RepairState& repair) {
    StepCheck check;
    check.purchase_date_required = repair.warranty.IsFailed() && repair.warranty.error->code == "serial_not_found";
    return check;
}

void SubmitRepair(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    if (repair.submit.IsLoading()) return;
    if (!TryAdvance(state, ui, RepairStep::Review)) {
        // Something no longer passes (e.g. the visit day is now in the past): go and show it.
        const RepairStep first = StepOfField(repair.scroll_to);
        if (first != RepairStep::Review) GoToStep(state, first);
        return;
    }
    // One key per attempt: a retry resends the same body under the same key, so a ticket whose
    // answer was lost is returned again instead of being created twice.
    if (repair.draft.attempt_key.empty()) {
        core::TicketDraft ticket =
            ToTicketDraft(repair.draft, state.strings, state.language, ui.host.UtcOffsetMinutes());
        ApplyNotifyChoice(state, repair.draft.notify, ticket);
        repair.draft.attempt_body = api::ToWire(api::CreateTicketRequest{ticket});
        repair.draft.attempt_key = ui.host.RandomHex128();
        SaveIfChanged(state, ui);  // on the device before it goes out: a reload retries the same attempt
    }
    core::Result<api::CreateTicketRequest> body = api::ParseWire<api::CreateTicketRequest>(repair.draft.attempt_body);
    if (!body) {  // cannot happen for a body this client wrote; start a fresh attempt rather than stall
        repair.draft.attempt_key.clear();
        repair.draft.attempt_body.clear();
        return;
    }
    repair.submit.StartLoading();
    body.Value().ticket.channel = SelfServiceChannel(state);
    requests::CreateTicket(
        state.api, ui.host, repair.draft.attempt_key, body.Value(),
        [&state, &host = ui.host](api::CreateTicketResponse answer) { OnSubmitted(state, host, std::move(answer)); },
        [&state](ApiError error) { OnSubmitFailed(state, std::move(error)); });
}

void UploadPhotos(AppState& state) { UploadNext(state); }

void ClearRepairDraft(AppState& state, Host& host) {
    RepairState& repair = state.repair;
    for (RepairPhoto& photo : repair.photos) {
        if (photo.preview) state.textures.Release(photo.preview);
    }
    repair.photos.clear();
    repair.photo_problems.clear();
    repair.draft = RepairDraft{};
    repair.saved = repair.draft;
    repair.errors.clear();
    repair.restored = false;
    repair.warranty.Reset();
    repair.warranty_asked.clear();
    repair.suggestions.Reset();
    repair.suggestions_asked.clear();
    repair.suggestions_shown.clear();
    repair.suggestions_on_open = false;
    repair.submit.Reset();
    host.RemoveLocal(kDraftKey);
}

std::string PartLabel(const AppState& state, std::string_view part) {
    const std::string key = "repair.part." + std::string(part);
    const std::string& label = state.Tr(key);
    return label == key ? std::string(part) : label;  // a part the string table does not name yet
}

void DrawRepair(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    if (!repair.started) Start(state, ui);
    TakeVendorPrefill(state);
    if (repair.handed_off) TakeHandOff(state, ui.host);
    const RepairStep step = ResolveStep(state, ui);

    if (IsFormStep(step)) {
        Heading(ui, TextStyle::Title1, state.Tr("repair.title"), 1);
        ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
        DrawStepper(state, ui, step);
        ImGui::Dummy(ImVec2(0, state.theme.Em(0.5f)));
        if (step == RepairStep::Product) DrawRestoredNote(state, ui);
    }
    switch (step) {
    case RepairStep::Product: DrawProductStep(state, ui); break;
    case RepairStep::Fault: DrawFaultStep(state, ui); break;
    case RepairStep::Service: DrawServiceStep(state, ui); break;
    case RepairStep::Contact: DrawContactStep(state, ui); break;
    case RepairStep::Review: DrawReviewStep(state, ui); break;
    case RepairStep::Submitted: DrawSubmittedScreen(state, ui); break;
    case RepairStep::Solved: DrawSolvedScreen(state, ui); break;
    }
    if (IsFormStep(step)) DrawNavigation(state, ui, step);
    SaveIfChanged(state, ui);
}

//-------------------------------------------------------------------------------------------------
// [SECTION] Photo tiles (the fault step, the review and the submitted screen)
//-------------------------------------------------------------------------------------------------

std::vector<FileTile> PhotoTiles(const std::vector<RepairPhoto>& photos, const std::vector<std::string>& details) {
    std::vector<FileTile> tiles;
    for (size_t i = 0; i < photos.size(); ++i) {
        const RepairPhoto& photo = photos[i];
        tiles.push_back({.id = photo.id, .name = photo.name, .detail = details[i], .preview = photo.preview,
                         .icon = photo.content_type == "application/pdf" ? ICON_FILE_PDF : ICON_PICTURE,
                         .failed = photo.upload == RepairPhoto::Upload::Failed});
    }
    return tiles;
}

std::vector<std::string> PhotoSizes(const std::vector<RepairPhoto>& photos) {
    std::vector<std::string> sizes;
    for (const RepairPhoto& photo : photos) sizes.push_back(FormatFileSize(photo.size_bytes));
    return sizes;
}

} // namespace aftercare::portal
