// The repair wizard's end screens: "submitted" (the service number, large, with copy and a
// tracking link; what happens next with the ticket's own SLA deadlines; the photos' uploads) and
// "solved" (an FAQ answer solved it: no ticket needed).
#include "screens/repair_steps.h"

#include "app.h"
#include "format.h"
#include "time_format.h"
#include "icons.h"
#include "router.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/file_tiles.h"

namespace aftercare::portal {
namespace {

constexpr double kCopiedShownSeconds = 2.0;

// A big round icon and a title, centred: the outcome at a glance.
void Outcome(AppState& state, Ui& ui, const char* icon, const ImVec4& colour, const char* title_key) {
    const Theme& theme = state.theme;
    const float width = ImGui::GetContentRegionAvail().x;
    const float disc = theme.Em(4.5f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, disc + theme.Em(0.5f)));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 centre(pos.x + width * 0.5f, pos.y + disc * 0.5f + theme.Em(0.25f));
    draw->AddCircleFilled(centre, disc * 0.5f, ToU32(ImVec4(colour.x, colour.y, colour.z, 0.12f)));
    PushTextStyle(theme, TextStyle::Display);
    const ImVec2 size = ImGui::CalcTextSize(icon);
    draw->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f), ToU32(colour), icon);
    ImGui::PopFont();
    // The title, centred.
    const std::string& title = state.Tr(title_key);
    PushTextStyle(theme, TextStyle::Title1);
    const float title_w = std::min(width, ImGui::CalcTextSize(title.c_str()).x);
    ImGui::PopFont();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - title_w) * 0.5f);
    Heading(ui, TextStyle::Title1, title, 1);
}

void CentredParagraph(Ui& ui, std::string_view text, const ImVec4& colour) {
    const float width = ImGui::GetContentRegionAvail().x;
    PushTextStyle(ui.theme, TextStyle::Body);
    const float text_w = std::min(width, ImGui::CalcTextSize(text.data(), text.data() + text.size()).x);
    ImGui::PopFont();
    const float x = ImGui::GetCursorPosX() + (width - text_w) * 0.5f;
    ImGui::SetCursorPosX(x);
    ImGui::PushTextWrapPos(x + text_w + 1.0f);
    Paragraph(ui, TextStyle::Body, text, colour);
    ImGui::PopTextWrapPos();
}

void DrawNumber(AppState& state, Ui& ui, const api::CreateTicketResponse& ticket) {
    RepairState& repair = state.repair;
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const double now = ui.host.NowUnixSeconds();
    BeginCard(ui, "##number");
    Paragraph(ui, TextStyle::Small, state.Tr("repair.done.number"), p.text_muted);
    ImGui::PushStyleColor(ImGuiCol_Text, p.brand);
    Heading(ui, TextStyle::Display, ticket.service_number, 2);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    const bool narrow = avail < theme.Em(26.0f);
    const float width = narrow ? avail : theme.Em(11.0f);
    const bool copied = repair.copied_at > 0 && now - repair.copied_at < kCopiedShownSeconds;
    if (Button(ui, "copy", state.Tr(copied ? "repair.done.copied" : "repair.done.copy"),
               {.kind = ButtonKind::Secondary, .width = width, .icon = copied ? ICON_CHECK : ICON_COPY})) {
        ui.host.CopyToClipboard(ticket.service_number);
        repair.copied_at = now;
        ui.host.RequestRedrawAfter(kCopiedShownSeconds);
    }
    if (!narrow) ImGui::SameLine(0, gap);
    if (Button(ui, "track", state.Tr("repair.done.track"), {.width = width, .icon = ICON_LINK})) {
        // The tracking screen opens the ticket with the token, without asking for the phone digits.
        Navigate(state, ParseRoute("#/track/" + ticket.service_number + "?t=" + EncodeQueryValue(ticket.access_token)));
    }
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "repair.done.keep", {{"phone", ticket.ticket.phone_masked}}),
              p.text_muted);
    if (const std::string promise = NotifyPromise(state, ticket); !promise.empty())
        Paragraph(ui, TextStyle::Small, promise, p.text_muted);
    EndCard(ui);
}

// One line of "what happens next", with an icon in a fixed column.
void NextLine(Ui& ui, const char* icon, std::string_view text) {
    const Theme& theme = ui.theme;
    ImGui::PushStyleColor(ImGuiCol_Text, theme.palette.brand);
    ImGui::TextUnformatted(icon);
    ImGui::PopStyleColor();
    ImGui::SameLine(ImGui::GetCursorStartPos().x + theme.Em(1.75f));
    Paragraph(ui, TextStyle::Body, text, theme.palette.text);
}

// The deadlines are the server's, computed by core for this ticket's priority; shown on the
// customer's clock.
void DrawNext(AppState& state, Ui& ui, const api::CreateTicketResponse& ticket) {
    const StringTable& s = state.strings;
    const Language lang = state.language;
    const auto now = static_cast<core::UnixSeconds>(ui.host.NowUnixSeconds());
    const core::UtcOffsetMinutes offset = ui.host.UtcOffsetMinutes();
    const core::SlaStatus& sla = ticket.ticket.sla.status;
    auto when = [&](core::UnixSeconds at) { return FormatLocalTime(s, lang, at, now, offset); };

    BeginCard(ui, "##next");
    Heading(ui, TextStyle::Title3, state.Tr("repair.done.next"), 2);
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.1f)));
    if (sla.deadlines.size() == core::kSlaClockCount) {
        const core::Deadline& response = sla.Get(core::SlaClock::FirstResponse);
        if (response.due_at) NextLine(ui, ICON_PHONE, s.Format(lang, "repair.done.contact_by", {{"time", when(*response.due_at)}}));

        const std::optional<core::RepairDetails>& repair = ticket.ticket.repair;
        if (repair && repair->mode == core::ServiceMode::OnSite) {
            const core::Deadline& dispatch = sla.Get(core::SlaClock::Dispatch);
            if (dispatch.due_at) {
                NextLine(ui, ICON_TRUCK, s.Format(lang, "repair.done.dispatch_by", {{"time", when(*dispatch.due_at)}}));
            }
            // The arrival promise: the booked window when there is one, else the clock's deadline.
            const core::Deadline& arrival = sla.Get(core::SlaClock::Arrival);
            if (repair->visit) {
                const core::CivilDate today = core::LocalDate(now, offset);
                NextLine(ui, ICON_CALENDAR,
                         s.Format(lang, "repair.done.visit",
                                  {{"day", FormatDay(s, lang, repair->visit->date, today)},
                                   {"slot", Localized(core::Label(repair->visit->slot), lang)}}));
            } else if (arrival.due_at) {
                NextLine(ui, ICON_CALENDAR, s.Format(lang, "repair.done.arrive_by", {{"time", when(*arrival.due_at)}}));
            }
        }
        const core::Deadline& resolution = sla.Get(core::SlaClock::Resolution);
        if (resolution.due_at) {
            NextLine(ui, ICON_CHECK, s.Format(lang, "repair.done.resolve_by", {{"time", when(*resolution.due_at)}}));
        } else if (resolution.status == core::DeadlineStatus::NotStarted) {
            NextLine(ui, ICON_CHECK,
                     s.Format(lang, "repair.done.resolve_after_arrival",
                              {{"time", FormatDuration(s, lang, resolution.allowance_seconds / 60)}}));
        }
    }
    NextLine(ui, ICON_COMMENT, state.Tr("repair.done.updates"));
    EndCard(ui);
}

void DrawUploads(AppState& state, Ui& ui) {
    RepairState& repair = state.repair;
    if (repair.photos.empty()) return;
    const Palette& p = state.theme.palette;
    std::vector<std::string> details;
    bool any_failed = false, busy = false;
    for (const RepairPhoto& photo : repair.photos) {
        switch (photo.upload) {
        case RepairPhoto::Upload::Waiting: details.push_back(state.Tr("repair.done.upload_waiting")); busy = true; break;
        case RepairPhoto::Upload::Sending: details.push_back(state.Tr("repair.done.uploading")); busy = true; break;
        case RepairPhoto::Upload::Done: details.push_back(state.Tr("repair.done.uploaded")); break;
        case RepairPhoto::Upload::Failed:
            details.push_back(state.Tr("repair.done.upload_failed"));
            any_failed = true;
            break;
        }
    }
    const std::vector<FileTile> tiles = PhotoTiles(repair.photos, details);
    ImGui::Dummy(ImVec2(0, state.theme.Em(0.25f)));
    BeginCard(ui, "##uploads");
    Heading(ui, TextStyle::Title3, state.Tr("repair.done.photos"), 2);
    FileTiles(ui, "upload-tiles", tiles, {.removable = false});
    if (busy) Paragraph(ui, TextStyle::Small, state.Tr("repair.done.uploads_busy"), p.text_muted, Role::Status);
    if (any_failed) {
        for (const RepairPhoto& photo : repair.photos) {
            if (photo.upload == RepairPhoto::Upload::Failed && photo.error) {
                Paragraph(ui, TextStyle::Small,
                          photo.name + ": " + DescribeError(state.strings, state.language, *photo.error), p.danger,
                          Role::Alert);
            }
        }
        if (Button(ui, "retry-uploads", state.Tr("repair.done.retry_uploads"), {.kind = ButtonKind::Secondary, .icon = ICON_UNDO})) {
            for (RepairPhoto& photo : repair.photos) {
                if (photo.upload == RepairPhoto::Upload::Failed) photo.upload = RepairPhoto::Upload::Waiting;
            }
            UploadPhotos(state);
        }
    } else if (!busy) {
        Paragraph(ui, TextStyle::Small, state.Tr("repair.done.uploads_done"), p.success, Role::Status);
    }
    EndCard(ui);
}

} // namespace

void DrawSubmittedScreen(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    const api::CreateTicketResponse& ticket = *state.repair.submitted;
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    Outcome(state, ui, ICON_CHECK_CIRCLE, theme.palette.success, "repair.done.title");
    CentredParagraph(ui, state.Tr("repair.done.subtitle"), theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    DrawNumber(state, ui, ticket);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawNext(state, ui, ticket);
    DrawUploads(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    if (Button(ui, "home", state.Tr("repair.nav.home"),
               {.kind = ButtonKind::Secondary, .width = ImGui::GetContentRegionAvail().x, .icon = ICON_HOME})) {
        Navigate(state, Route{Screen::Home});
    }
}

void DrawSolvedScreen(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    RepairState& repair = state.repair;
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    Outcome(state, ui, ICON_SMILE, p.success, "repair.solved.title");
    CentredParagraph(ui, state.Tr("repair.solved.subtitle"), p.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    if (repair.solved.IsLoaded()) {
        BeginCard(ui, "##solved-by");
        Paragraph(ui, TextStyle::Small, state.Tr("repair.solved.by"), p.text_muted);
        Heading(ui, TextStyle::Title3, Localized(repair.solved.value->question, state.language), 2);
        Paragraph(ui, TextStyle::Body, Localized(repair.solved.value->answer, state.language), p.text);
        EndCard(ui);
        ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    const bool narrow = avail < theme.Em(26.0f);
    const float width = narrow ? avail : (avail - gap) * 0.5f;
    if (Button(ui, "home", state.Tr("repair.nav.home"), {.width = width, .icon = ICON_HOME})) {
        Navigate(state, Route{Screen::Home});
    }
    if (!narrow) ImGui::SameLine(0, gap);
    if (Button(ui, "still-repair", state.Tr("repair.solved.still"), {.kind = ButtonKind::Secondary, .width = width})) {
        GoToStep(state, RepairStep::Product);
    }
}

} // namespace aftercare::portal
