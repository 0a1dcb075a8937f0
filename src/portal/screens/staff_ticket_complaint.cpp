// The workspace's complaint pieces: what the complaint is about and which ticket it concerns (one
// tap opens it), and the findings it is answered with — root cause and corrective action, which
// the Resolve needs (§17 (3)4) "认真分析总结造成客户投诉的原因，从根本上解决问题") and the customer
// reads with the answer.
#include "screens/staff_ticket_parts.h"

#include "app.h"
#include "icons.h"
#include "widgets.h"
#include "widgets/feedback.h"

#include "core/complaint.h"

namespace aftercare::portal {
namespace {

void LabelledText(AppState& state, Ui& ui, const char* label_key, const std::string& value) {
    const Palette& p = ui.theme.palette;
    Paragraph(ui, TextStyle::Caption, state.Tr(label_key), p.text_muted);
    Paragraph(ui, TextStyle::Body, value, p.text);
}

} // namespace

void DrawComplaintCard(AppState& state, Ui& ui, const api::TicketView& ticket) {
    if (ticket.kind != core::TicketKind::Complaint) return;
    const core::ComplaintDetails details = ticket.complaint.value_or(core::ComplaintDetails{});
    BeginCard(ui, "##complaint");
    Heading(ui, TextStyle::Title3, state.Tr("staff.complaint.title"), 2);
    LabelledText(state, ui, "staff.complaint.category", Localized(core::Label(details.category), state.language));
    if (!details.related_ticket.empty()) {
        Paragraph(ui, TextStyle::Caption, state.Tr("staff.complaint.related"), ui.theme.palette.text_muted);
        if (Button(ui, "complaint-related", details.related_ticket, {.kind = ButtonKind::Quiet, .icon = ICON_LINK}))
            Navigate(state, Route{Screen::StaffTicket, details.related_ticket});
    }
    if (ticket.findings) {
        LabelledText(state, ui, "staff.complaint.root_cause", ticket.findings->root_cause);
        LabelledText(state, ui, "staff.complaint.corrective_action", ticket.findings->corrective_action);
    }
    EndCard(ui);
}

void DrawComplaintFindings(AppState& state, Ui& ui) {
    WorkspaceState& ws = state.staff.ticket;
    Paragraph(ui, TextStyle::Small, state.Tr("staff.complaint.findings_intro"), ui.theme.palette.text_muted);
    auto field = [&](const char* id, const char* label_key, const char* wire, std::string& value) {
        const std::string error = FieldErrorText(state, ws, WorkspaceForm::Actions, wire);
        if (TextField(ui, id, state.Tr(label_key), value,
                      {.error = error, .required = true, .multiline = true, .height_em = 3.0f})
                .changed)
            ClearFieldError(ws, WorkspaceForm::Actions, wire);
    };
    field("root-cause", "staff.complaint.root_cause", "findings.root_cause", ws.findings.root_cause);
    field("corrective-action", "staff.complaint.corrective_action", "findings.corrective_action",
          ws.findings.corrective_action);
}

std::optional<core::ComplaintFindings> TakeComplaintFindings(AppState& state) {
    WorkspaceState& ws = state.staff.ticket;
    core::ComplaintFindings findings = ws.findings;
    FieldErrors found;
    for (const core::Error& error : core::ValidateComplaintFindings(findings))
        found.emplace(error.field, Localized(error.message, state.language));
    if (found.empty()) return findings;
    ShowFieldErrors(ws, WorkspaceForm::Actions, found);
    return std::nullopt;
}

} // namespace aftercare::portal
