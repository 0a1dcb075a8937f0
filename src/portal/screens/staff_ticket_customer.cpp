// The workspace's customer card: name, product and description, the phone and address masked until
// revealed, and who has looked at them. A reveal asks why first (a short list, or "other" with a
// note); the server records the reason in the audit entry and limits reveals per account an hour.
//
// [SECTION] Reveal requests
// [SECTION] The reason dialog
// [SECTION] The card and its audit trail
#include "screens/staff_ticket_parts.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "widgets.h"
#include "widgets/button_row.h"
#include "widgets/choice_chips.h"
#include "widgets/dialog.h"
#include "widgets/feedback.h"

#include "core/validation.h"

#include <array>
#include <iterator>

namespace aftercare::portal {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Reveal requests
//-----------------------------------------------------------------------------

// "+8613911112222" -> "139 1111 2222"; other numbers as stored.
std::string ShowPhone(const std::string& e164) {
    if (e164.rfind("+86", 0) == 0 && e164.size() == 14) {
        return e164.substr(3, 3) + " " + e164.substr(6, 4) + " " + e164.substr(10);
    }
    return e164;
}

std::string ReasonKey(std::string_view reason) { return "staff.reveal.reason." + std::string(reason); }

void Reveal(AppState& state, const api::RevealRequest& request) {
    WorkspaceState& ws = state.staff.ticket;
    ws.busy = true;
    ws.error.reset();
    const std::string number = ws.number;
    requests::RevealCustomer(
        state, number, request,
        [&state, number](api::RevealResponse answer) {
            if (state.staff.ticket.number != number) return;
            WorkspaceState& w = state.staff.ticket;
            w.busy = false;
            w.revealed[answer.field] = answer.value;
            LoadAudit(state);  // the reveal is on record: show it
        },
        [&state, number](ApiError error) {
            if (state.staff.ticket.number != number) return;
            WorkspaceState& w = state.staff.ticket;
            w.busy = false;
            w.error = error;  // e.g. 429: this account revealed too many this hour (the server says when again)
            w.error_form = WorkspaceForm::Reveal;
        });
}

//-----------------------------------------------------------------------------
// [SECTION] The reason dialog
//-----------------------------------------------------------------------------

void OpenRevealDialog(WorkspaceState& ws, const char* field) {
    ws.reveal_dialog_field = field;
    ws.reveal_reason = -1;
    ws.reveal_note.clear();
    ws.reveal_reason_error.clear();
    ws.reveal_note_error.clear();
}

// Checks the dialog's answer the way the server will; true when it may be sent.
bool CheckRevealAnswer(AppState& state, WorkspaceState& ws) {
    if (ws.reveal_reason < 0) {
        ws.reveal_reason_error = state.Tr("staff.reveal.reason_required");
        return false;
    }
    const bool other = api::kRevealReasons[ws.reveal_reason] == api::kRevealReasonOther;
    if (auto error = core::CheckText("note", ws.reveal_note, other ? 2 : 0, api::kRevealNoteMax, false)) {
        ws.reveal_note_error =
            error->code == "required" ? state.Tr("staff.reveal.note_required") : Localized(error->message, state.language);
        return false;
    }
    return true;
}

} // namespace

void DrawRevealDialog(AppState& state, Ui& ui) {
    WorkspaceState& ws = state.staff.ticket;
    const Palette& p = ui.theme.palette;
    const bool phone = ws.reveal_dialog_field == api::kRevealPhone;
    const std::string what = state.Tr(phone ? "staff.customer.phone" : "staff.customer.address");
    // Called every frame, open or not: BeginDialog closes the popup when `open` turns false.
    bool open = !ws.reveal_dialog_field.empty();
    if (BeginDialog(ui, "##reveal-dialog", state.strings.Format(state.language, "staff.reveal.title", {{"field", what}}),
                    &open)) {
        Paragraph(ui, TextStyle::Body, state.Tr("staff.reveal.body"), p.text_muted);
        std::array<std::string, std::size(api::kRevealReasons)> labels;
        std::array<ChoiceOption, std::size(api::kRevealReasons)> options;
        for (std::size_t i = 0; i < options.size(); ++i) {
            labels[i] = state.Tr(ReasonKey(api::kRevealReasons[i]));
            options[i] = {api::kRevealReasons[i].data(), labels[i]};
        }
        if (ChoiceGroup(ui, "reveal-reason", state.Tr("staff.reveal.reason"), options, ws.reveal_reason,
                        {.error = ws.reveal_reason_error, .required = true})) {
            ws.reveal_reason_error.clear();
        }
        const bool other = ws.reveal_reason >= 0 && api::kRevealReasons[ws.reveal_reason] == api::kRevealReasonOther;
        if (ws.reveal_reason >= 0) {
            const std::string label = state.Tr(other ? "staff.reveal.note" : "staff.reveal.note_optional");
            if (TextField(ui, "reveal-note", label, ws.reveal_note, {.error = ws.reveal_note_error, .required = other})
                    .changed) {
                ws.reveal_note_error.clear();
            }
        }
        ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
        const std::string back = state.Tr("staff.reveal.cancel");
        const std::string confirm = state.strings.Format(state.language, "staff.reveal.confirm", {{"field", what}});
        if (Button(ui, "reveal-cancel", back, {.kind = ButtonKind::Secondary})) open = false;
        SameLineIfFits(NaturalButtonWidth(ui, confirm, ICON_EYE));
        if (Button(ui, "reveal-confirm", confirm, {.enabled = !ws.busy, .icon = ICON_EYE}) &&
            CheckRevealAnswer(state, ws)) {
            Reveal(state, api::RevealRequest{ws.reveal_dialog_field,
                                             std::string(api::kRevealReasons[ws.reveal_reason]), ws.reveal_note});
            open = false;
        }
        EndDialog(ui);
    }
    if (!open) ws.reveal_dialog_field.clear();
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] The card and its audit trail
//-----------------------------------------------------------------------------

// A label over a value, with an optional "show" button for masked personal data.
void Field(AppState& state, Ui& ui, const char* id, const std::string& label, const std::string& value,
           const char* reveal_field = nullptr) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    WorkspaceState& ws = state.staff.ticket;
    Paragraph(ui, TextStyle::Caption, label, p.text_muted);
    const bool masked = reveal_field && !ws.revealed.contains(reveal_field);
    std::string shown = value.empty() ? "—" : value;
    if (reveal_field && !masked) {
        shown = std::string(reveal_field) == "phone" ? ShowPhone(ws.revealed[reveal_field]) : ws.revealed[reveal_field];
    }
    Paragraph(ui, TextStyle::Body, shown, p.text);
    if (masked && !value.empty()) {
        ImGui::SameLine(0.0f, theme.Em(0.5f));
        PushTextStyle(theme, TextStyle::Small);
        // The button's name says what it shows, so a screen reader (and a test) can tell them apart.
        const std::string name = state.strings.Format(state.language, "staff.customer.reveal", {{"field", label}});
        const float w = ImGui::CalcTextSize(name.c_str()).x + theme.Em(3.0f);  // icon, gap and padding
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.Em(0.6f));
        if (Button(ui, id, name, {.kind = ButtonKind::Quiet, .width = w, .enabled = !ws.busy, .icon = ICON_EYE})) {
            OpenRevealDialog(ws, reveal_field);
        }
        ImGui::PopFont();
    } else if (reveal_field && !masked) {
        Paragraph(ui, TextStyle::Caption, state.Tr("staff.customer.audited"), p.text_muted);
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.15f)));
}

// An audit entry's line: when, who, what, and for a reveal the reason given ("contact_customer",
// "other: <note>" in the entry's detail).
std::string AuditLine(AppState& state, Ui& ui, const api::AuditEntry& entry) {
    const bool reveal = entry.action == "reveal_phone" || entry.action == "reveal_address";
    std::string line = FormatShortDateTime(entry.at, ui.host.UtcOffsetMinutes()) + "  " +
                       StaffName(state, entry.staff) + " · " +
                       state.Tr(entry.action == "reveal_phone"     ? "staff.audit.reveal_phone"
                                : entry.action == "reveal_address" ? "staff.audit.reveal_address"
                                                                   : "staff.audit.other");
    if (entry.action == "ticket_intake") {  // registered for a caller or walk-in
        core::Channel channel = core::Channel::Phone;
        line = FormatShortDateTime(entry.at, ui.host.UtcOffsetMinutes()) + "  " + StaffName(state, entry.staff) +
               " · " + state.Tr("intake.audit.created");
        if (core::FromString(entry.detail, channel)) line += " · " + ChannelLabel(state, channel);
        return line;
    }
    if (!reveal || entry.detail.empty()) return line;
    const std::size_t colon = entry.detail.find(": ");
    const std::string reason = entry.detail.substr(0, colon);
    line += " · " + (api::IsRevealReason(reason) ? state.Tr(ReasonKey(reason)) : reason);
    if (colon != std::string::npos) line += "：" + entry.detail.substr(colon + 2);
    return line;
}

} // namespace

void DrawCustomer(AppState& state, Ui& ui, const api::TicketView& ticket) {
    const Theme& theme = ui.theme;
    WorkspaceState& ws = state.staff.ticket;
    BeginCard(ui, "##customer");
    Heading(ui, TextStyle::Title3, state.Tr("staff.customer.title"), 2);
    Paragraph(ui, TextStyle::Caption, state.Tr("staff.customer.masked_note"), theme.palette.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.2f)));
    Field(state, ui, "name", state.Tr("staff.customer.name"), ticket.customer_name);
    Field(state, ui, "channel", state.Tr("intake.card.channel"), ChannelLabel(state, ticket.channel));
    Field(state, ui, "reveal-phone", state.Tr("staff.customer.phone"), ticket.phone_masked, "phone");
    if (!ticket.address.empty()) Field(state, ui, "reveal-address", state.Tr("staff.customer.address"), ticket.address, "address");
    if (ws.error && ws.error_form == WorkspaceForm::Reveal) {
        if (ErrorBanner(ui, state.strings, state.language, *ws.error, "reveal-error")) ws.error.reset();
    }
    std::string product = ticket.product.model;
    if (!ticket.product.serial.empty()) product += " · " + ticket.product.serial;
    Field(state, ui, "product", state.Tr("staff.customer.product"), product);
    if (ticket.product.purchase_date) {
        Field(state, ui, "purchase", state.Tr("staff.customer.purchased"), core::FormatIsoDate(*ticket.product.purchase_date));
    }
    Paragraph(ui, TextStyle::Caption, state.Tr("staff.customer.description"), theme.palette.text_muted);
    Paragraph(ui, TextStyle::Body, ticket.description, theme.palette.text);
    EndCard(ui);

    // Who has looked at this customer's data, and why.
    if (ws.audit.IsLoaded() && !ws.audit.value->entries.empty()) {
        ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
        BeginCard(ui, "##audit");
        Heading(ui, TextStyle::Title3, state.Tr("staff.audit.title"), 2);
        for (const api::AuditEntry& entry : ws.audit.value->entries) {
            Paragraph(ui, TextStyle::Small, AuditLine(state, ui, entry), theme.palette.text_muted);
        }
        EndCard(ui);
    }
}

} // namespace aftercare::portal
