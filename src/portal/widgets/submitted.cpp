// The submitted panel and the outbox states; see submitted.h.
#include "widgets/submitted.h"

#include "app.h"
#include "icons.h"
#include "kiosk/receipt.h"
#include "screens/notify_choice.h"
#include "widgets.h"
#include "widgets/feedback.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace aftercare::portal {
namespace {

// The QR code drawn on screen, so a phone can scan it straight away (no paper needed).
void DrawQr(Ui& ui, const QrMatrix& qr, float side, std::string_view name) {
    const int quiet = 2;  // modules of white around it: scanners need a margin
    const float module = std::floor(side / static_cast<float>(qr.size + quiet * 2));
    const float drawn = module * static_cast<float>(qr.size + quiet * 2);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(drawn, drawn));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + drawn, pos.y + drawn), IM_COL32_WHITE, ui.theme.Em(0.3f));
    const ImU32 dark = IM_COL32(0, 0, 0, 255);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.At(x, y)) continue;
            const ImVec2 m(pos.x + module * static_cast<float>(x + quiet), pos.y + module * static_cast<float>(y + quiet));
            draw->AddRectFilled(m, ImVec2(m.x + module, m.y + module), dark);
        }
    }
    ui.a11y.AddLastItem(Role::Image, name);
}

} // namespace

void DrawTicketSubmitted(AppState& state, Ui& ui, const api::CreateTicketResponse& created) {
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    BeginCard(ui, "##submitted");
    PushTextStyle(theme, TextStyle::Display);
    ImGui::PushStyleColor(ImGuiCol_Text, p.success);
    ImGui::TextUnformatted(ICON_CHECK_CIRCLE);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    Heading(ui, TextStyle::Title1, state.Tr("submitted.title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("submitted.number"), p.text_muted);
    Paragraph(ui, TextStyle::Display, created.service_number, p.brand, Role::Status);
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, p.success);
    ImGui::TextUnformatted(ICON_CLOCK);
    ImGui::PopStyleColor();
    ImGui::SameLine();
    Paragraph(ui, TextStyle::Body, PromiseText(state, created.ticket), p.text);
    if (const std::string promise = NotifyPromise(state, created); !promise.empty())
        Paragraph(ui, TextStyle::Small, promise, p.text_muted);
    ImGui::Spacing();

    if (state.kiosk.enabled) {
        // The QR code and, beside it (under it when narrow), what it is for and the two actions.
        const std::string url = TrackingUrl(ui.host.PageOrigin(), created.service_number, created.access_token);
        const float avail = ImGui::GetContentRegionAvail().x;
        const float side = std::min(theme.Em(10.0f), avail);
        const bool beside = avail >= side + theme.Em(16.0f);
        if (const QrMatrix* qr = CachedQr(state, url)) {
            DrawQr(ui, *qr, side, state.Tr("submitted.qr"));
            if (beside) ImGui::SameLine(0.0f, theme.Em(1.5f));
        }
        ImGui::BeginGroup();
        const float text_w = beside ? avail - side - theme.Em(1.5f) : avail;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
        Heading(ui, TextStyle::Title3, state.Tr("submitted.scan"), 3);
        Paragraph(ui, TextStyle::Small, state.Tr("submitted.scan.hint"), p.text_muted);
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
        PushTextStyle(theme, TextStyle::Title3);
        if (Button(ui, "print-receipt", state.Tr("submitted.print"), {.width = text_w, .icon = ICON_PRINT})) {
            PrintTicketReceipt(state, ui.host, created);
        }
        if (Button(ui, "kiosk-finish", state.Tr("submitted.finish"),
                   {.kind = ButtonKind::Secondary, .width = text_w, .icon = ICON_CHECK})) {
            state.kiosk.reset_requested = true;
            ui.host.RequestRedrawAfter(0.0);
        }
        ImGui::PopFont();
        ImGui::EndGroup();
    } else {
        Paragraph(ui, TextStyle::Small, state.Tr("submitted.keep"), p.text_muted);
        if (Button(ui, "copy-number", state.Tr("submitted.copy"), {.kind = ButtonKind::Secondary})) {
            ui.host.CopyToClipboard(created.service_number);
        }
    }
    EndCard(ui);
}

SubmissionView DrawSubmission(AppState& state, Ui& ui, std::uint64_t outbox_item) {
    const OutboxItem* item = state.kiosk.outbox->Find(outbox_item);
    if (item == nullptr) return SubmissionView::Unknown;
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    switch (item->state) {
    case OutboxItem::State::Sent:
        DrawTicketSubmitted(state, ui, *item->response);
        return SubmissionView::Created;
    case OutboxItem::State::Refused:
        if (item->error) ErrorBanner(ui, state.strings, state.language, *item->error, "submission-error");
        return SubmissionView::Refused;
    case OutboxItem::State::Sending:
        if (item->attempts <= 1) {
            LoadingIndicator(ui, state.Tr("submitted.sending"));
            return SubmissionView::Pending;
        }
        break;  // a retry: keep showing the "saved" panel, with "trying again now"
    case OutboxItem::State::Waiting: break;
    }

    // Saved on this device, waiting for the network: say so plainly, and what happens next.
    BeginCard(ui, "##queued", {.fill = ImVec4(1.0f, 0.969f, 0.910f, 1.0f), .border = ImVec4(1.0f, 0.82f, 0.55f, 1.0f)});
    PushTextStyle(theme, TextStyle::Display);
    ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
    ImGui::TextUnformatted(ICON_CLOUD_UPLOAD);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    Heading(ui, TextStyle::Title1, state.Tr("submitted.queued.title"), 2);
    Paragraph(ui, TextStyle::Body, state.Tr("submitted.queued.body"), p.text);
    std::string status;
    if (item->state == OutboxItem::State::Sending) {
        status = state.Tr("submitted.queued.trying");
    } else {
        const double left = std::max(0.0, item->next_attempt_at - ui.host.NowUnixSeconds());
        status = state.strings.Format(state.language, "submitted.queued.next",
                                      {{"seconds", std::to_string(static_cast<int>(std::ceil(left)))}});
        ui.host.RequestRedrawAfter(std::min(1.0, std::max(left, 0.05)));  // the countdown, while shown
    }
    Paragraph(ui, TextStyle::Small, status, p.text_muted, Role::Status);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (Button(ui, "retry-now", state.Tr("submitted.queued.retry"),
               {.kind = ButtonKind::Secondary, .enabled = item->state == OutboxItem::State::Waiting, .icon = ICON_UNDO})) {
        state.kiosk.outbox->OnOnline();
        ui.host.RequestRedrawAfter(0.0);
    }
    EndCard(ui);
    return SubmissionView::Pending;
}

} // namespace aftercare::portal
