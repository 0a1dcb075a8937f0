// Repair step 2, the fault: a category, a description, and photos. While the description is
// typed, matching FAQ answers are offered under it (GET /api/v1/faq); "this solved it" ends the
// wizard without a ticket and is counted (POST /api/v1/faq/{id}/solved). Photos are picked
// through the host's file dialog, checked with core's attachment rules, and kept in memory until
// the ticket exists (they are uploaded after it is created).
#include "screens/repair_steps.h"

#include "app.h"
#include "format.h"
#include "icons.h"
#include "net/customer_requests.h"
#include "widgets.h"
#include "widgets/choice_chips.h"
#include "widgets/feedback.h"
#include "widgets/file_tiles.h"

#include "core/utf8.h"
#include "core/validation.h"

namespace aftercare::portal {
namespace {

constexpr double kTypingPauseSeconds = 0.8;
constexpr std::size_t kMinQueryCodePoints = 4;  // fewer characters match too much to help
constexpr std::size_t kMaxQueryBytes = 200;     // the server refuses longer FAQ queries
constexpr int kSuggestionLimit = 3;
constexpr size_t kSuggestionsShown = 2;
// The server scores every shared word, "the" and "and" too: an answer is offered only when it
// shares several words with the description (a question match weighs 3) and is not far behind
// the best one, so a description that matches nothing in particular is not answered at random.
constexpr double kMinSuggestionScore = 6.0;
constexpr double kMinShareOfBest = 0.4;
constexpr int kPreviewPx = 160;  // 80 CSS px tiles on a 2× screen

std::string SuggestionQuery(const std::string& description) {
    const auto length = core::CountCodePoints(description);
    if (!length || *length < kMinQueryCodePoints) return {};
    return TruncateUtf8(description, kMaxQueryBytes);
}

void SearchSuggestions(AppState& state, const std::string& query) {
    RepairState& repair = state.repair;
    repair.suggestions_due_at = 0;
    if (query == repair.suggestions_asked) return;
    repair.suggestions_asked = query;
    if (query.empty()) {
        repair.suggestions.Reset();
        return;
    }
    repair.suggestions.StartLoading();
    requests::SearchFaq(
        state.api, query, state.language, kSuggestionLimit,
        [&state, query](api::FaqSearchResponse answer) {
            if (state.repair.suggestions_asked == query) state.repair.suggestions.Succeed(std::move(answer));
        },
        // Suggestions are a help, not a step: when they cannot be had, the form carries on without them.
        [&state, query](ApiError error) {
            if (state.repair.suggestions_asked == query) state.repair.suggestions.Fail(std::move(error));
        });
}

void MarkSolved(AppState& state, Ui& ui, const std::string& faq_id) {
    RepairState& repair = state.repair;
    repair.solved.StartLoading();
    requests::MarkFaqSolved(
        state.api, faq_id,
        [&state, &host = ui.host](api::FaqItem item) {
            state.repair.solved.Succeed(std::move(item));
            ClearRepairDraft(state, host);
            NavigateReplacing(state, Route{Screen::Repair, "solved", {}});
        },
        [&state](ApiError error) { state.repair.solved.Fail(std::move(error)); });
}

// The answers worth offering for the latest description: clearly related ones, best first.
std::vector<api::FaqItem> RelevantSuggestions(const RepairState& repair) {
    std::vector<api::FaqItem> relevant;
    if (!repair.suggestions.IsLoaded() || repair.suggestions_asked.empty()) return relevant;
    const auto& items = repair.suggestions.value->items;  // best first
    for (const api::FaqItem& item : items) {
        if (item.score >= kMinSuggestionScore && item.score >= items.front().score * kMinShareOfBest &&
            relevant.size() < kSuggestionsShown) {
            relevant.push_back(item);
        }
    }
    return relevant;
}

void DrawSuggestions(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const std::vector<api::FaqItem>& shown = repair.suggestions_shown;
    if (shown.empty()) return;

    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    BeginCard(ui, "##suggestions", {.fill = p.brand_soft, .border = p.brand_soft});
    ImGui::PushStyleColor(ImGuiCol_Text, p.brand);
    ImGui::TextUnformatted(ICON_LIGHTBULB);
    ImGui::PopStyleColor();
    ImGui::SameLine(0, theme.Em(0.5f));
    Heading(ui, TextStyle::Title3, state.Tr("repair.suggest.title"), 3);
    Paragraph(ui, TextStyle::Small, state.Tr("repair.suggest.subtitle"), p.text_muted);
    std::optional<std::string> chosen;
    for (const api::FaqItem& item : shown) {
        ImGui::PushID(item.id.c_str());
        ImGui::Separator();
        Heading(ui, TextStyle::Body, Localized(item.question, state.language), 4);
        Paragraph(ui, TextStyle::Small, Localized(item.answer, state.language), p.text);
        if (Button(ui, "solved", state.Tr("repair.suggest.solved"),
                   {.kind = ButtonKind::Secondary, .enabled = !repair.solved.IsLoading(), .icon = ICON_CHECK})) {
            chosen = item.id;
        }
        ImGui::PopID();
    }
    if (repair.solved.IsFailed() &&
        ErrorBanner(ui, state.strings, state.language, *repair.solved.error, "solved-error")) {
        chosen = shown.front().id;
    }
    EndCard(ui);
    if (chosen) MarkSolved(state, ui, *chosen);
}

std::string ProblemText(const AppState& state, const std::string& file_name, const core::LocalizedText& why) {
    return state.strings.Format(state.language, "repair.photos.problem",
                                {{"name", file_name}, {"reason", Localized(why, state.language)}});
}

void AddPickedFiles(AppState& state, std::vector<PickedFile> files) {
    RepairState& repair = state.repair;
    repair.photo_problems.clear();
    for (PickedFile& file : files) {
        core::AttachmentMeta meta{file.name, file.content_type, file.size_bytes};
        core::FieldErrors errors =
            core::ValidateAttachment(meta, static_cast<int>(repair.photos.size()), state.policy);
        // File names are the server's to tidy (it trims and sanitises them); not a reason to refuse.
        std::erase_if(errors, [](const core::Error& e) { return e.field == "file_name"; });
        if (errors.empty() && file.bytes.empty()) {
            errors.push_back(core::MakeError("unreadable", state.strings.Get(Language::ZhCN, "repair.photos.unreadable"),
                                             state.strings.Get(Language::En, "repair.photos.unreadable")));
        }
        if (!errors.empty()) {
            repair.photo_problems.push_back(ProblemText(state, file.name, errors.front().message));
            continue;
        }
        RepairPhoto photo;
        photo.id = "photo-" + std::to_string(repair.next_photo_id++);
        photo.name = std::move(file.name);
        photo.content_type = std::move(file.content_type);
        photo.size_bytes = file.size_bytes;
        photo.bytes = std::move(file.bytes);
        photo.preview = state.textures.CreateRgba(file.thumbnail_px, file.thumbnail_rgba.data(), file.thumbnail_rgba.size());
        repair.photos.push_back(std::move(photo));
    }
}

void DrawPhotos(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const core::TicketPolicy& limits = state.policy.tickets;
    BeginCard(ui, "##photos");
    Heading(ui, TextStyle::Title3, state.Tr("repair.photos.title"), 3);
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "repair.photos.rules",
                                   {{"count", std::to_string(limits.max_attachments)},
                                    {"size", std::to_string(limits.max_attachment_bytes / (1024 * 1024))}}),
              p.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    const std::vector<std::string> sizes = PhotoSizes(repair.photos);
    const std::vector<FileTile> tiles = PhotoTiles(repair.photos, sizes);
    const std::string remove = state.Tr("repair.photos.remove");
    if (auto removed = FileTiles(ui, "photo-tiles", tiles, {.remove_label = remove})) {
        RepairPhoto& photo = repair.photos[static_cast<size_t>(*removed)];
        if (photo.preview) state.textures.Release(photo.preview);
        repair.photos.erase(repair.photos.begin() + *removed);
        repair.photo_problems.clear();
    }
    if (!tiles.empty()) ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    const bool room = static_cast<int>(repair.photos.size()) < limits.max_attachments;
    if (Button(ui, "add-photos", state.Tr("repair.photos.add"),
               {.kind = ButtonKind::Secondary, .enabled = room, .icon = ICON_CAMERA})) {
        std::string accept;
        for (const std::string& type : limits.attachment_types) accept += (accept.empty() ? "" : ",") + type;
        ui.host.PickFiles({.accept = accept, .max_bytes = limits.max_attachment_bytes, .thumbnail_px = kPreviewPx},
                          [&state](std::vector<PickedFile> files) { AddPickedFiles(state, std::move(files)); });
    }
    if (!room) Paragraph(ui, TextStyle::Small, state.Tr("repair.photos.full"), p.text_muted);
    for (const std::string& problem : repair.photo_problems) Paragraph(ui, TextStyle::Small, problem, p.danger, Role::Alert);
    EndCard(ui);
}

} // namespace

void DrawFaultStep(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const double now = ui.host.NowUnixSeconds();

    BeginCard(ui, "##fault");
    Heading(ui, TextStyle::Title2, state.Tr("repair.fault.title"), 2);
    Paragraph(ui, TextStyle::Body, state.Tr("repair.fault.subtitle"), p.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    std::vector<std::string> labels;
    std::vector<ChoiceOption> options;
    int selected = -1;
    for (const FaultCategory& category : kFaultCategories) labels.push_back(state.Tr(category.label_key));
    for (size_t i = 0; i < labels.size(); ++i) {
        options.push_back({.label = labels[i]});
        if (repair.draft.fault_category == kFaultCategories[i].id) selected = static_cast<int>(i);
    }
    if (ChoiceGroup(ui, "category", state.Tr("repair.fault.category"), options, selected,
                    {.error = FieldError(state, kFaultCategoryField), .required = true})) {
        repair.draft.fault_category = kFaultCategories[selected].id;
        ClearFieldError(state, kFaultCategoryField);
    }
    ScrollIntoViewIfAsked(state, kFaultCategoryField);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    const auto length = core::CountCodePoints(repair.draft.description).value_or(0);
    const std::string help = state.strings.Format(
        state.language, "repair.description.help",
        {{"count", std::to_string(length)}, {"max", std::to_string(core::TextLimits::kDescriptionMax)}});
    const std::string hint = state.Tr("repair.description.hint");
    const auto description = TextField(ui, "description", state.Tr("repair.description"), repair.draft.description,
                                       {.hint = hint.c_str(),
                                        .help = help,
                                        .error = FieldError(state, kDescriptionField),
                                        .required = true,
                                        .multiline = true,
                                        .height_em = 7.0f});
    ScrollIntoViewIfAsked(state, kDescriptionField);
    if (description.changed) {
        ClearFieldError(state, kDescriptionField);
        repair.suggestions_due_at = now + kTypingPauseSeconds;
        repair.suggestions_on_open = false;
        ui.host.RequestRedrawAfter(kTypingPauseSeconds);
    }
    const std::string query = SuggestionQuery(repair.draft.description);
    const bool due = repair.suggestions_due_at > 0 && now >= repair.suggestions_due_at;
    // A restored draft or a return to this step offers the answers for what is already written.
    const bool on_open = repair.suggestions_due_at == 0 && repair.suggestions_asked.empty() && !query.empty();
    if (on_open) repair.suggestions_on_open = true;
    if (due || on_open) SearchSuggestions(state, query);
    // The card keeps what it shows until an answer is in (no flicker while the next one loads).
    if ((description.focused || repair.suggestions_on_open) && !repair.suggestions.IsLoading()) {
        repair.suggestions_shown = RelevantSuggestions(repair);
    }
    DrawSuggestions(state, ui);
    EndCard(ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawPhotos(state, ui);
}

} // namespace aftercare::portal
