// The workspace's service report card: a quote for paid work (out of warranty or customer-caused)
// that the customer accepts on the portal, then the 售后服务报告单 the repair needs before it is
// resolved — diagnosis, cause, actions, parts, labour, outcome; the server computes the charges —
// and, once written, the report as the customer reads it, with its print.
#include "screens/staff_ticket_parts.h"

#include "app.h"
#include "icons.h"
#include "screens/service_report_view.h"
#include "widgets.h"
#include "widgets/dropdown.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"

#include "core/money.h"
#include "core/service_report.h"
#include "core/vocabulary.h"
#include "core/work_log.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace aftercare::portal {
namespace {

constexpr core::FaultCause kCauses[] = {core::FaultCause::ProductDefect, core::FaultCause::WearAndTear,
                                        core::FaultCause::CustomerCaused, core::FaultCause::Environment,
                                        core::FaultCause::NoFaultFound};
constexpr core::RepairOutcome kOutcomes[] = {core::RepairOutcome::Repaired, core::RepairOutcome::Replaced,
                                             core::RepairOutcome::NotRepairable};


// "150", "150.5", "150.50", "¥150.00" → fen; nullopt for anything else (or beyond the ceiling).
std::optional<core::Fen> ParseYuan(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    if (text.rfind("¥", 0) == 0) text.erase(0, std::string("¥").size());
    const std::size_t dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    std::string cents = dot == std::string::npos ? "" : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 8 || cents.size() > 2) return std::nullopt;
    cents.resize(2, '0');
    core::Fen yuan = 0, fen = 0;
    const auto parse = [](const std::string& digits, core::Fen& out) {
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
        return ec == std::errc() && end == digits.data() + digits.size();
    };
    if (!parse(whole, yuan) || !parse(cents, fen)) return std::nullopt;
    const core::Fen total = yuan * 100 + fen;
    if (total > core::kMaxAmountFen) return std::nullopt;
    return total;
}


// Reads the typed parts; problems found here go to `errors` under the server's field names.
std::vector<core::PartUsed> ReadParts(AppState& state, const std::vector<PartRow>& rows, const std::string& prefix,
                                      FieldErrors& errors) {
    std::vector<core::PartUsed> parts;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const PartRow& row = rows[i];
        const std::string at = prefix + "." + std::to_string(i) + ".";
        core::PartUsed part{row.part_number, row.name, row.new_serial, row.original, 0, 0};
        int quantity = 0;
        auto [end, ec] = std::from_chars(row.quantity.data(), row.quantity.data() + row.quantity.size(), quantity);
        if (ec != std::errc() || end != row.quantity.data() + row.quantity.size() || quantity < 1 ||
            quantity > core::kMaxPartQuantity)
            errors[at + "quantity"] = state.Tr("staff.report.quantity_invalid");
        part.quantity = quantity;
        if (auto fen = ParseYuan(row.unit_cost)) part.unit_cost_fen = *fen;
        else errors[at + "unit_cost_fen"] = state.Tr("staff.report.cost_invalid");
        parts.push_back(std::move(part));
    }
    return parts;
}

// The parts being typed: one block per part, and "add a part".
void DrawPartRows(AppState& state, Ui& ui, const char* id, std::vector<PartRow>& rows, WorkspaceForm form,
                  const std::string& prefix, const FieldErrors& local) {
    WorkspaceState& ws = state.staff.ticket;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    ImGui::PushID(id);
    auto error = [&](const std::string& field) {
        if (auto it = local.find(field); it != local.end()) return it->second;
        return FieldErrorText(state, ws, form, field);
    };
    std::optional<std::size_t> remove;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        PartRow& row = rows[i];
        const std::string at = prefix + "." + std::to_string(i) + ".";
        ImGui::PushID(static_cast<int>(i));
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.report.part_n", {{"n", std::to_string(i + 1)}}), p.text_muted);
        const float avail = ImGui::GetContentRegionAvail().x;
        const float half = avail >= theme.Em(30.0f) ? (avail - theme.Em(1.0f)) / 2 : avail;
        const bool pair = half < avail;
        const float left = ImGui::GetCursorPosX();
        auto field = [&](const char* fid, const char* label, std::string& value, const std::string& name, bool second,
                         bool numeric, bool required) {
            if (second && pair) ImGui::SameLine(left + half + theme.Em(1.0f));
            else ImGui::SetCursorPosX(left);
            ImGui::BeginGroup();
            TextField(ui, fid, state.Tr(label), value,
                      {.error = error(at + name), .required = required, .numeric = numeric, .width = half});
            ImGui::EndGroup();
        };
        field("part-number", "staff.report.part_number", row.part_number, "part_number", false, false, true);
        field("part-name", "staff.report.part_name", row.name, "name", true, false, false);
        field("part-quantity", "staff.report.quantity", row.quantity, "quantity", false, true, true);
        field("part-cost", "staff.report.unit_cost", row.unit_cost, "unit_cost_fen", true, true, true);
        field("part-serial", "staff.report.new_serial", row.new_serial, "new_serial", false, false, false);
        ImGui::SetCursorPosX(left);
        CheckBox(ui, "part-original", state.Tr("staff.report.original"), row.original);
        if (Button(ui, "part-remove", state.Tr("staff.report.remove_part"),
                   {.kind = ButtonKind::Quiet, .icon = ICON_TIMES,
                    .accessible_name = state.strings.Format(state.language, "staff.report.remove_part_n",
                                                            {{"n", std::to_string(i + 1)}})}))
            remove = i;
        ImGui::PopID();
    }
    if (remove) rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(*remove));
    if (rows.size() < core::kMaxPartsUsed &&
        Button(ui, "part-add", state.Tr("staff.report.add_part"), {.kind = ButtonKind::Secondary, .icon = ICON_PLUS}))
        rows.push_back(PartRow{});
    ImGui::PopID();
}

void DrawQuote(AppState& state, Ui& ui, const api::TicketView& ticket) {
    WorkspaceState& ws = state.staff.ticket;
    const Palette& p = ui.theme.palette;
    if (ticket.quote && ticket.quote->work && ticket.quote->work->quote) {
        const core::Quote& quote = *ticket.quote->work->quote;
        const bool answered = ticket.quote_answer && ticket.quote_answer->work;
        const bool accepted = answered && ticket.quote_answer->work->kind == core::WorkKind::QuoteAccepted;
        const std::string status = state.Tr(!answered ? "staff.quote.pending" : accepted ? "staff.quote.accepted"
                                                                                          : "staff.quote.declined");
        Heading(ui, TextStyle::Body, state.Tr("staff.quote.title"), 3);
        StatusChip(ui, status, !answered ? Tone::Warning : accepted ? Tone::Success : Tone::Danger, status);
        DrawPartsUsed(state, ui, quote.parts);
        DrawCharges(state, ui, quote.charges);
        if (!answered) Paragraph(ui, TextStyle::Small, state.Tr("staff.quote.waiting"), p.text_muted);
    }
    if (!core::TakesWork(ticket.state)) return;
    if (!ws.quote.open) {
        if (Button(ui, "quote-open", state.Tr(ticket.quote ? "staff.quote.again" : "staff.quote.open"),
                   {.kind = ButtonKind::Secondary, .icon = ICON_FILE_TEXT})) {
            ws.quote.open = true;
            if (ws.quote.parts.empty()) ws.quote.parts.push_back(PartRow{});
        }
        return;
    }
    Paragraph(ui, TextStyle::Small, state.Tr("staff.quote.explain"), p.text_muted);
    FieldErrors local;
    DrawPartRows(state, ui, "quote-parts", ws.quote.parts, WorkspaceForm::Quote, "quote.parts", local);
    CheckBox(ui, "quote-customer-caused", state.Tr("staff.quote.customer_caused"), ws.quote.customer_caused);
    if (Button(ui, "quote-send", state.Tr("staff.quote.send"), {.enabled = !ws.busy, .icon = ICON_PAPER_PLANE})) {
        FieldErrors found;
        std::vector<core::PartUsed> parts = ReadParts(state, ws.quote.parts, "quote.parts", found);
        if (parts.empty()) found["quote.parts"] = state.Tr("staff.quote.parts_required");
        if (found.empty()) {
            api::WorkRequest request;
            request.kind = core::WorkKind::Quote;
            request.quote = core::Quote{std::move(parts), ws.quote.customer_caused, {}};
            SendChange(state, ui, WorkspaceForm::Quote, request, state.Tr("staff.quote.sent"));
            ws.quote = QuoteForm{};
        } else {
            ShowFieldErrors(ws, WorkspaceForm::Quote, found);
        }
    }
    if (Button(ui, "quote-cancel", state.Tr("staff.quote.cancel"), {.kind = ButtonKind::Quiet})) ws.quote.open = false;
}

// A recorded report as the form's text, to write a corrected one from it.
ServiceReportForm FormOf(const core::ServiceReport& report) {
    ServiceReportForm form;
    form.diagnosis = report.diagnosis;
    form.actions = report.actions;
    form.cause = static_cast<int>(std::find(std::begin(kCauses), std::end(kCauses), report.cause) - std::begin(kCauses));
    form.outcome =
        static_cast<int>(std::find(std::begin(kOutcomes), std::end(kOutcomes), report.outcome) - std::begin(kOutcomes));
    if (report.labour_minutes > 0) form.labour_minutes = std::to_string(report.labour_minutes);
    for (const core::PartUsed& part : report.parts) {
        const std::string cost = core::FormatMoney(part.unit_cost_fen).substr(std::string("¥").size());
        form.parts.push_back({part.part_number, part.name, part.new_serial, part.original,
                              std::to_string(part.quantity), cost});
    }
    return form;
}

void DrawReportForm(AppState& state, Ui& ui) {
    WorkspaceState& ws = state.staff.ticket;
    ServiceReportForm& form = ws.report;
    const Theme& theme = ui.theme;
    const float width = std::min(ImGui::GetContentRegionAvail().x, theme.Em(18.0f));
    auto error_of = [&](const char* field) { return FieldErrorText(state, ws, WorkspaceForm::Report, field); };

    TextField(ui, "report-diagnosis", state.Tr("report.diagnosis"), form.diagnosis,
              {.error = error_of("diagnosis"), .required = true, .multiline = true, .height_em = 3.5f});
    std::vector<std::string> causes, outcomes;
    for (core::FaultCause cause : kCauses) causes.push_back(Localized(core::Label(cause), state.language));
    for (core::RepairOutcome outcome : kOutcomes) outcomes.push_back(Localized(core::Label(outcome), state.language));
    Dropdown(ui, "report-cause", state.Tr("report.cause"), causes, form.cause, {.width = width, .label_inside = false});
    TextField(ui, "report-actions", state.Tr("report.actions"), form.actions,
              {.error = error_of("actions"), .required = true, .multiline = true, .height_em = 3.5f});
    Paragraph(ui, TextStyle::Small, state.Tr("report.parts"), theme.palette.text_muted);
    DrawPartRows(state, ui, "report-parts", form.parts, WorkspaceForm::Report, "parts", {});
    TextField(ui, "report-labour", state.Tr("staff.report.labour_minutes"), form.labour_minutes,
              {.error = error_of("labour_minutes"), .numeric = true, .width = width});
    Dropdown(ui, "report-outcome", state.Tr("report.outcome"), outcomes, form.outcome,
             {.width = width, .label_inside = false});

    if (Button(ui, "report-submit", state.Tr("staff.report.submit"), {.enabled = !ws.busy, .icon = ICON_CHECK})) {
        FieldErrors found;
        core::ServiceReport report;
        report.diagnosis = form.diagnosis;
        report.cause = kCauses[std::clamp(form.cause, 0, 4)];
        report.actions = form.actions;
        report.parts = ReadParts(state, form.parts, "parts", found);
        report.outcome = kOutcomes[std::clamp(form.outcome, 0, 2)];
        if (!form.labour_minutes.empty()) {
            auto [end, ec] = std::from_chars(form.labour_minutes.data(),
                                             form.labour_minutes.data() + form.labour_minutes.size(), report.labour_minutes);
            if (ec != std::errc() || end != form.labour_minutes.data() + form.labour_minutes.size())
                found["labour_minutes"] = state.Tr("staff.report.labour_invalid");
        }
        for (const core::Error& e : core::ValidateServiceReport(report)) found.emplace(e.field, Localized(e.message, state.language));
        if (found.empty()) {
            api::WorkRequest request;
            request.kind = core::WorkKind::ServiceReport;
            request.report = std::move(report);
            SendChange(state, ui, WorkspaceForm::Report, request, state.Tr("staff.report.done"));
        } else {
            ShowFieldErrors(ws, WorkspaceForm::Report, found);
        }
    }
}

} // namespace

void DrawServiceReportCard(AppState& state, Ui& ui, const api::TicketView& ticket) {
    if (ticket.kind != core::TicketKind::Repair) return;
    WorkspaceState& ws = state.staff.ticket;
    const Palette& p = ui.theme.palette;
    const bool working = core::TakesWork(ticket.state);
    const bool has_report = ticket.service_report && ticket.service_report->work && ticket.service_report->work->report;
    if (!working && !has_report && !ticket.quote) return;
    // A report the server accepted ends the rewrite.
    if (ws.notice_form == WorkspaceForm::Report && !ws.notice.empty()) ws.report.editing = false;

    BeginCard(ui, "##service-report");
    Heading(ui, TextStyle::Title3, state.Tr("report.title"), 2);
    DrawQuote(state, ui, ticket);
    FormError(state, ui, WorkspaceForm::Quote);
    FormNotice(state, ui, {WorkspaceForm::Quote});

    if (has_report) {
        DrawServiceReport(state, ui, *ticket.service_report->work->report);
        if (Button(ui, "report-print", state.Tr("report.print"), {.kind = ButtonKind::Secondary, .icon = ICON_PRINT}))
            PrintServiceReport(state, ui.host, ticket);
    }
    if (ticket.state == core::TicketState::InProgress) {
        if (has_report && !ws.report.editing) {
            if (Button(ui, "report-rewrite", state.Tr("staff.report.rewrite"),
                       {.kind = ButtonKind::Quiet, .icon = ICON_PENCIL})) {
                ws.report = FormOf(*ticket.service_report->work->report);
                ws.report.editing = true;
            }
        } else {
            if (!has_report) Paragraph(ui, TextStyle::Small, state.Tr("staff.report.explain"), p.text_muted);
            DrawReportForm(state, ui);
        }
    } else if (ticket.state == core::TicketState::Assigned && !has_report) {
        Paragraph(ui, TextStyle::Small, state.Tr("staff.report.after_start"), p.text_muted);
    }
    FormError(state, ui, WorkspaceForm::Report);
    FormNotice(state, ui, {WorkspaceForm::Report});
    EndCard(ui);
}

} // namespace aftercare::portal
