// Customer actions on the ticket page; see ticket_actions.h.
#include "screens/ticket_actions.h"

#include "app.h"
#include "icons.h"
#include "screens/service_report_view.h"
#include "screens/ticket_session.h"
#include "widgets.h"
#include "widgets/dialog.h"
#include "widgets/feedback.h"
#include "widgets/tone.h"

#include "core/quote.h"
#include "core/validation.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

using core::Action;
using core::TicketState;

bool Offers(const api::TicketView& view, Action action) {
    return std::find(view.available_actions.begin(), view.available_actions.end(), action) !=
           view.available_actions.end();
}

// A card with a tinted border in a tone, for "your move" prompts.
void BeginPromptCard(Ui& ui, const char* id, Tone tone) {
    BeginCard(ui, id, {.fill = ui.theme.palette.surface, .border = ToneTint(ui.theme.palette, tone, 0.55f)});
}

void EndPromptCard(Ui& ui) { EndCard(ui); }

void CardTitle(Ui& ui, const char* icon, Tone tone, const std::string& title) {
    ImGui::PushStyleColor(ImGuiCol_Text, ToneColour(ui.theme.palette, tone));
    PushTextStyle(ui.theme, TextStyle::Title3);
    ImGui::TextUnformatted(icon);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::SameLine(0, ui.theme.Em(0.6f));
    Heading(ui, TextStyle::Title3, title, 2);
}

// Two buttons sharing a row, or stacked when the row is too narrow for both labels.
bool TwoButtons(Ui& ui, const char* first_id, const std::string& first, const ButtonOptions& first_options,
                const char* second_id, const std::string& second, const ButtonOptions& second_options,
                bool* second_pressed) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = ui.theme.Em(0.75f);
    const float need = ImGui::CalcTextSize(first.c_str()).x + ImGui::CalcTextSize(second.c_str()).x + ui.theme.Em(7.0f);
    const bool row = need + gap <= avail;
    const float width = row ? (avail - gap) * 0.5f : avail;
    ButtonOptions a = first_options;
    ButtonOptions b = second_options;
    a.width = width;
    b.width = width;
    const bool pressed = Button(ui, first_id, first, a);
    if (row) ImGui::SameLine(0, gap);
    *second_pressed = Button(ui, second_id, second, b);
    return pressed;
}

void DrawResolvedPrompt(AppState& state, Ui& ui, const api::TicketView& view) {
    TicketPageState& page = state.ticket;
    BeginPromptCard(ui, "##resolved", Tone::Success);
    CardTitle(ui, ICON_CHECK, Tone::Success, state.Tr("ticket.resolved.title"));
    Paragraph(ui, TextStyle::Body, state.Tr("ticket.resolved.body"), ui.theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.1f)));
    bool reopen = false;
    const bool busy = page.action_in_flight;
    const bool confirm =
        TwoButtons(ui, "confirm", state.Tr("ticket.action.confirm"),
                   {.kind = ButtonKind::Primary, .enabled = !busy && Offers(view, Action::Confirm), .icon = ICON_CHECK},
                   "reopen", state.Tr("ticket.action.reopen"),
                   {.kind = ButtonKind::Secondary, .enabled = !busy && Offers(view, Action::Reopen)}, &reopen);
    if (confirm) RunTicketAction(state, ui, Action::Confirm, {});
    if (reopen) {
        page.reopen_error.clear();
        page.action_failure.reset();
        page.dialog = TicketDialog::Reopen;
    }
    EndPromptCard(ui);
}

void DrawReplyPrompt(AppState& state, Ui& ui, const api::TicketView& view) {
    TicketPageState& page = state.ticket;
    const Palette& p = ui.theme.palette;
    BeginPromptCard(ui, "##reply", Tone::Warning);
    CardTitle(ui, ICON_QUESTION, Tone::Warning, state.Tr("ticket.reply.title"));
    const std::string& question = view.open_question;  // the latest RequestInfo's note
    if (!question.empty()) {
        // The team's question in their words, quoted.
        BeginCard(ui, "##question", {.fill = p.background, .border = p.background});
        Paragraph(ui, TextStyle::Body, question, p.text);
        EndCard(ui);
    }
    Paragraph(ui, TextStyle::Small, state.Tr("ticket.reply.paused"), p.text_muted);
    const std::string hint = state.Tr("ticket.reply.hint");
    if (TextField(ui, "reply", state.Tr("ticket.reply.label"), page.reply,
                  {.hint = hint.c_str(), .error = page.reply_error, .required = true, .multiline = true,
                   .height_em = 4.5f})
            .changed) {
        page.reply_error.clear();
    }
    const bool busy = page.action_in_flight;
    if (Button(ui, "send-reply", state.Tr(busy ? "ticket.sending" : "ticket.reply.submit"),
               {.width = ImGui::GetContentRegionAvail().x, .enabled = !busy, .icon = ICON_PAPER_PLANE})) {
        if (auto error = core::CheckText("note", page.reply, 1, core::TextLimits::kNoteMax, true)) {
            page.reply_error = error->code == "required" ? state.Tr("ticket.reply.required")
                                                         : Localized(error->message, state.language);
        } else {
            RunTicketAction(state, ui, Action::CustomerReply, page.reply);
        }
    }
    EndPromptCard(ui);
}

void DrawRatePrompt(AppState& state, Ui& ui, const api::TicketView& view) {
    BeginPromptCard(ui, "##rate", Tone::Brand);
    CardTitle(ui, ICON_STAR, Tone::Brand, state.Tr("ticket.rate.title"));
    Paragraph(ui, TextStyle::Body, state.Tr("ticket.rate.body"), ui.theme.palette.text_muted);
    if (Button(ui, "rate", state.Tr("ticket.rate.go"), {.width = ImGui::GetContentRegionAvail().x, .icon = ICON_STAR})) {
        StartRating(state, view.service_number);
    }
    EndPromptCard(ui);
}

// An action that failed while its dialog is open is told inside the dialog (the page is behind it).
void DialogFailure(AppState& state, Ui& ui) {
    if (!state.ticket.action_failure) return;
    Paragraph(ui, TextStyle::Small, DescribeError(state.strings, state.language, *state.ticket.action_failure),
              ui.theme.palette.danger, Role::Alert);
}

// The repair quote waiting for the customer's yes or no: the parts, what they cost and why.
void DrawQuotePrompt(AppState& state, Ui& ui, const api::TicketView& view) {
    const core::Quote& quote = *view.quote->work->quote;
    BeginPromptCard(ui, "##quote", Tone::Warning);
    CardTitle(ui, ICON_FILE_TEXT, Tone::Warning, state.Tr("report.quote.title"));
    Paragraph(ui, TextStyle::Body, state.Tr("report.quote.explain"), ui.theme.palette.text_muted);
    DrawPartsUsed(state, ui, quote.parts);
    DrawCharges(state, ui, quote.charges);
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.1f)));
    bool decline = false;
    const bool busy = state.ticket.action_in_flight;
    const bool accept = TwoButtons(ui, "quote-accept", state.Tr("report.quote.accept"),
                                   {.kind = ButtonKind::Primary, .enabled = !busy, .icon = ICON_CHECK}, "quote-decline",
                                   state.Tr("report.quote.decline"), {.kind = ButtonKind::Secondary, .enabled = !busy},
                                   &decline);
    if (accept) AnswerQuote(state, ui, true);
    if (decline) AnswerQuote(state, ui, false);
    EndPromptCard(ui);
}

// The 售后服务报告单 left with the customer: what was found and done, the parts, the charges; printable.
void DrawReportCard(AppState& state, Ui& ui, const api::TicketView& view) {
    BeginCard(ui, "##service-report");
    CardTitle(ui, ICON_FILE_TEXT, Tone::Brand, state.Tr("report.title"));
    if (view.quote_answer && view.quote_answer->work) {
        const bool accepted = view.quote_answer->work->kind == core::WorkKind::QuoteAccepted;
        Paragraph(ui, TextStyle::Small, state.Tr(accepted ? "report.quote.accepted" : "report.quote.declined"),
                  ui.theme.palette.text_muted);
    }
    DrawServiceReport(state, ui, *view.service_report->work->report);
    if (Button(ui, "report-print", state.Tr("report.print"), {.kind = ButtonKind::Secondary, .icon = ICON_PRINT}))
        PrintServiceReport(state, ui.host, view);
    EndCard(ui);
}

bool PendingQuote(const api::TicketView& view) {
    return core::QuoteCanWait(view.state) && view.quote && view.quote->work && view.quote->work->quote && !view.quote_answer;
}

} // namespace

void DrawActionCards(AppState& state, Ui& ui, const api::TicketView& view) {
    TicketPageState& page = state.ticket;
    const float gap = ui.theme.Em(0.75f);
    if (page.action_failure && page.dialog == TicketDialog::None) {
        if (ErrorBanner(ui, state.strings, state.language, *page.action_failure, "action-error")) {
            page.action_failure.reset();
        }
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
    }
    if (view.state == TicketState::Resolved && (Offers(view, Action::Confirm) || Offers(view, Action::Reopen))) {
        DrawResolvedPrompt(state, ui, view);
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
    }
    if (PendingQuote(view)) {
        DrawQuotePrompt(state, ui, view);
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
    }
    if (view.service_report && view.service_report->work && view.service_report->work->report) {
        DrawReportCard(state, ui, view);
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
    } else if (view.quote_answer && view.quote_answer->work && !PendingQuote(view)) {
        const bool accepted = view.quote_answer->work->kind == core::WorkKind::QuoteAccepted;
        Paragraph(ui, TextStyle::Small, state.Tr(accepted ? "report.quote.accepted" : "report.quote.declined"),
                  ui.theme.palette.text_muted, Role::Status);
    }
    if (Offers(view, Action::CustomerReply)) {
        DrawReplyPrompt(state, ui, view);
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
    }
    // Rating comes once the customer has had their say on the fix (or the ticket closed without it).
    const bool done = view.state == TicketState::Confirmed || view.state == TicketState::Closed ||
                      (view.state == TicketState::Resolved && !Offers(view, Action::Confirm));
    if (done && !view.rating) {
        DrawRatePrompt(state, ui, view);
        ImGui::Dummy(ImVec2(0, gap * 0.25f));
    }
}

void DrawMessageCard(AppState& state, Ui& ui, const api::TicketView& view) {
    TicketPageState& page = state.ticket;
    const Palette& p = ui.theme.palette;
    BeginCard(ui, "##message");
    CardTitle(ui, ICON_ENVELOPE, Tone::Brand, state.Tr("ticket.message.title"));
    if (core::IsTerminal(view.state)) {
        Paragraph(ui, TextStyle::Body, state.Tr("ticket.message.closed"), p.text_muted);
        EndCard(ui);
        return;
    }
    const std::string hint = state.Tr("ticket.message.hint");
    if (TextField(ui, "message", state.Tr("ticket.message.label"), page.message,
                  {.hint = hint.c_str(), .error = page.message_error, .multiline = true, .height_em = 4.5f})
            .changed) {
        page.message_error.clear();
        page.message_sent = false;
        if (page.message.empty()) {
            ui.host.RemoveLocal(MessageDraftKey(state));
        } else {
            ui.host.SaveLocal(MessageDraftKey(state), page.message);
        }
    }
    if (page.message_failure) {
        if (ErrorBanner(ui, state.strings, state.language, *page.message_failure, "message-error")) {
            SendTicketMessage(state, ui);
        }
    }
    const bool busy = page.message_sending;
    if (Button(ui, "send-message", state.Tr(busy ? "ticket.sending" : "ticket.message.send"),
               {.width = ImGui::GetContentRegionAvail().x, .enabled = !busy, .icon = ICON_PAPER_PLANE})) {
        SendTicketMessage(state, ui);
    }
    if (page.message_sent) Paragraph(ui, TextStyle::Small, state.Tr("ticket.message.sent"), p.success, Role::Status);
    EndCard(ui);
}

void DrawCancelButton(AppState& state, Ui& ui, const api::TicketView& view) {
    if (!Offers(view, Action::Cancel)) return;
    TicketPageState& page = state.ticket;
    if (Button(ui, "cancel-ticket", state.Tr("ticket.action.cancel"),
               {.kind = ButtonKind::Secondary, .width = ImGui::GetContentRegionAvail().x,
                .enabled = !page.action_in_flight, .icon = ICON_BAN})) {
        page.action_failure.reset();
        page.dialog = TicketDialog::Cancel;
    }
    Paragraph(ui, TextStyle::Small, state.Tr("ticket.cancel.hint"), ui.theme.palette.text_muted);
}

void DrawComplainButton(AppState& state, Ui& ui, const api::TicketView& view) {
    if (view.kind == core::TicketKind::Complaint) return;  // a complaint is answered on its own page
    if (Button(ui, "complain-ticket", state.Tr("ticket.complain"),
               {.kind = ButtonKind::Quiet, .width = ImGui::GetContentRegionAvail().x, .icon = ICON_COMMENT})) {
        StartComplaintAbout(state, view.service_number);
    }
    Paragraph(ui, TextStyle::Small, state.Tr("ticket.complain.hint"), ui.theme.palette.text_muted);
}

void DrawSignOutButton(AppState& state, Ui& ui) {
    TicketPageState& page = state.ticket;
    if (Button(ui, "sign-out-everywhere", state.Tr("ticket.sign_out"),
               {.kind = ButtonKind::Quiet, .width = ImGui::GetContentRegionAvail().x,
                .enabled = !page.action_in_flight, .icon = ICON_SIGN_OUT})) {
        page.action_failure.reset();
        page.dialog = TicketDialog::SignOut;
    }
    Paragraph(ui, TextStyle::Small, state.Tr("ticket.sign_out.hint"), ui.theme.palette.text_muted);
}

void DrawTicketDialogs(AppState& state, Ui& ui) {
    TicketPageState& page = state.ticket;
    const Palette& p = ui.theme.palette;
    const bool busy = page.action_in_flight;

    bool cancel_open = page.dialog == TicketDialog::Cancel;
    if (BeginDialog(ui, "##cancel-dialog", state.Tr("ticket.cancel.title"), &cancel_open)) {
        Paragraph(ui, TextStyle::Body, state.Tr("ticket.cancel.body"), p.text_muted);
        DialogFailure(state, ui);
        ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
        bool confirm = false;
        if (TwoButtons(ui, "keep", state.Tr("ticket.cancel.keep"), {.kind = ButtonKind::Secondary, .enabled = !busy},
                       "confirm-cancel", state.Tr(busy ? "ticket.sending" : "ticket.cancel.confirm"),
                       {.kind = ButtonKind::Primary, .enabled = !busy}, &confirm)) {
            cancel_open = false;
        }
        if (confirm) RunTicketAction(state, ui, Action::Cancel, {});
        EndDialog(ui);
    }
    if (!cancel_open && page.dialog == TicketDialog::Cancel) page.dialog = TicketDialog::None;

    bool reopen_open = page.dialog == TicketDialog::Reopen;
    if (BeginDialog(ui, "##reopen-dialog", state.Tr("ticket.reopen.title"), &reopen_open)) {
        Paragraph(ui, TextStyle::Body, state.Tr("ticket.reopen.body"), p.text_muted);
        const std::string hint = state.Tr("ticket.reopen.hint");
        if (TextField(ui, "reopen-note", state.Tr("ticket.reopen.label"), page.reopen_note,
                      {.hint = hint.c_str(), .error = page.reopen_error, .required = true, .multiline = true,
                       .height_em = 4.5f})
                .changed) {
            page.reopen_error.clear();
        }
        DialogFailure(state, ui);
        bool submit = false;
        if (TwoButtons(ui, "reopen-back", state.Tr("ticket.reopen.back"), {.kind = ButtonKind::Secondary, .enabled = !busy},
                       "reopen-submit", state.Tr(busy ? "ticket.sending" : "ticket.reopen.submit"),
                       {.kind = ButtonKind::Primary, .enabled = !busy}, &submit)) {
            reopen_open = false;
        }
        if (submit) {
            if (auto error = core::CheckText("note", page.reopen_note, 1, core::TextLimits::kNoteMax, true)) {
                page.reopen_error = error->code == "required" ? state.Tr("ticket.reopen.required")
                                                             : Localized(error->message, state.language);
            } else {
                RunTicketAction(state, ui, Action::Reopen, page.reopen_note);
            }
        }
        EndDialog(ui);
    }
    if (!reopen_open && page.dialog == TicketDialog::Reopen) page.dialog = TicketDialog::None;

    bool sign_out_open = page.dialog == TicketDialog::SignOut;
    if (BeginDialog(ui, "##sign-out-dialog", state.Tr("ticket.sign_out.title"), &sign_out_open)) {
        Paragraph(ui, TextStyle::Body, state.Tr("ticket.sign_out.body"), p.text_muted);
        DialogFailure(state, ui);
        ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
        bool confirm = false;
        if (TwoButtons(ui, "sign-out-back", state.Tr("ticket.sign_out.back"),
                       {.kind = ButtonKind::Secondary, .enabled = !busy}, "confirm-sign-out",
                       state.Tr(busy ? "ticket.sending" : "ticket.sign_out.confirm"),
                       {.kind = ButtonKind::Primary, .enabled = !busy}, &confirm)) {
            sign_out_open = false;
        }
        if (confirm) SignOutEverywhere(state, ui);
        EndDialog(ui);
    }
    if (!sign_out_open && page.dialog == TicketDialog::SignOut) page.dialog = TicketDialog::None;
}

} // namespace aftercare::portal
