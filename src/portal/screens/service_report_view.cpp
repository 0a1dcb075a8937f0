// Reading and printing the service report and quotes; see service_report_view.h.
#include "screens/service_report_view.h"

#include "app.h"
#include "host.h"
#include "kiosk/receipt.h"
#include "screens/ticket_timeline.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/feedback.h"

#include "core/money.h"
#include "core/time.h"
#include "core/vocabulary.h"

#include <algorithm>
#include <cmath>

namespace aftercare::portal {
namespace {

std::string PartLine(AppState& state, const core::PartUsed& part) {
    std::string line = part.name.empty() ? part.part_number : part.name + " " + part.part_number;
    if (part.quantity != 1) line += " ×" + std::to_string(part.quantity);
    line += " · " + state.Tr(part.original ? "report.part.original" : "report.part.not_original");
    if (!part.new_serial.empty()) line += " · " + state.Tr("report.part.serial") + " " + part.new_serial;
    return line;
}

core::Fen LineCost(const core::PartUsed& part) {
    // Validated by the server: quantity ≤ 99 and cost ≤ kMaxAmountFen, so this cannot overflow.
    return part.unit_cost_fen * part.quantity;
}

std::string Minutes(AppState& state, int minutes) {
    return FormatDuration(state.strings, state.language, minutes);
}

} // namespace

void ChargeRow(Ui& ui, std::string_view what, std::string_view amount) {
    const Theme& theme = ui.theme;
    // Screen coordinates: inside a card (a group) SameLine's offset counts from the group's indent.
    const float left = ImGui::GetCursorScreenPos().x;
    const float right = left + ImGui::GetContentRegionAvail().x;
    PushTextStyle(theme, TextStyle::Body);
    const float amount_w = std::ceil(ImGui::CalcTextSize(amount.data(), amount.data() + amount.size()).x);
    ImGui::PopFont();
    const float top = ImGui::GetCursorScreenPos().y;
    BeginColumn(ui, ImGui::GetCursorPosX(), std::max(theme.Em(4.0f), right - left - amount_w - theme.Em(1.0f)));
    Paragraph(ui, TextStyle::Body, what, theme.palette.text);
    EndColumn(ui);
    const float bottom = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(right - amount_w, top));
    // Never wrapped: an amount split over lines reads as several numbers.
    PushTextStyle(theme, TextStyle::Body);
    ImGui::PushStyleColor(ImGuiCol_Text, theme.palette.text);
    ImGui::PushTextWrapPos(-1.0f);
    ImGui::TextUnformatted(amount.data(), amount.data() + amount.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.a11y.AddText(Role::Text, amount);
    ImGui::SetCursorScreenPos(ImVec2(left, std::max(bottom, ImGui::GetCursorScreenPos().y)));
}

void DrawCharges(AppState& state, Ui& ui, const core::ChargeEstimate& charges) {
    const Palette& p = ui.theme.palette;
    if (!charges.free) {
        ChargeRow(ui, state.Tr("report.charges.parts"), core::FormatMoney(charges.parts_fen));
        if (charges.labour_fen > 0) ChargeRow(ui, state.Tr("report.charges.labour"), core::FormatMoney(charges.labour_fen));
        if (charges.on_site_fen > 0)
            ChargeRow(ui, state.Tr("report.charges.on_site"), core::FormatMoney(charges.on_site_fen));
    }
    ChargeRow(ui, state.Tr("report.charges.total"),
              charges.free ? state.Tr("report.charges.free") : core::FormatMoney(charges.total_fen));
    Paragraph(ui, TextStyle::Small, Localized(charges.basis, state.language), p.text_muted);
}

void DrawPartsUsed(AppState& state, Ui& ui, const std::vector<core::PartUsed>& parts) {
    for (const core::PartUsed& part : parts) ChargeRow(ui, PartLine(state, part), core::FormatMoney(LineCost(part)));
}

void DrawServiceReport(AppState& state, Ui& ui, const core::ServiceReport& report) {
    const Palette& p = ui.theme.palette;
    auto fact = [&](const char* label_key, const std::string& text) {
        Paragraph(ui, TextStyle::Small, state.Tr(label_key), p.text_muted);
        Paragraph(ui, TextStyle::Body, text, p.text);
    };
    fact("report.diagnosis", report.diagnosis);
    fact("report.cause", Localized(core::Label(report.cause), state.language));
    fact("report.actions", report.actions);
    fact("report.outcome", Localized(core::Label(report.outcome), state.language));
    if (report.labour_minutes > 0) fact("report.labour", Minutes(state, report.labour_minutes));
    if (!report.parts.empty()) {
        Paragraph(ui, TextStyle::Small, state.Tr("report.parts"), p.text_muted);
        DrawPartsUsed(state, ui, report.parts);
    }
    Paragraph(ui, TextStyle::Small, state.Tr("report.charges"), p.text_muted);
    DrawCharges(state, ui, report.charges);
}

void PrintServiceReport(AppState& state, Host& host, const api::TicketView& ticket) {
    if (!ticket.service_report || !ticket.service_report->work || !ticket.service_report->work->report) return;
    const core::TimelineEvent& event = *ticket.service_report;
    const core::ServiceReport& report = *event.work->report;
    const int offset = host.UtcOffsetMinutes();
    auto text = [&](const core::LocalizedText& t) { return Localized(t, state.language); };

    ServiceReportDocument doc;
    doc.language_tag = LanguageTag(state.language);
    doc.vendor = state.embed.vendor_name.empty() ? state.Tr("app.vendor_name") : state.embed.vendor_name;
    doc.title = state.Tr("report.print.title");
    doc.number_label = state.Tr("kiosk.receipt.number");
    doc.service_number = ticket.service_number;

    PrintSection product{state.Tr("report.print.product"), {}};
    product.rows.push_back({state.Tr("report.print.customer"), ticket.customer_name});
    product.rows.push_back({state.Tr("report.print.model"), ticket.product.model});
    if (!ticket.product.serial.empty()) product.rows.push_back({state.Tr("report.print.serial"), ticket.product.serial});
    product.rows.push_back({state.Tr("report.print.fault"), ticket.subject});
    doc.sections.push_back(std::move(product));

    PrintSection work{state.Tr("report.print.work"), {}};
    work.rows.push_back({state.Tr("report.diagnosis"), report.diagnosis});
    work.rows.push_back({state.Tr("report.cause"), text(core::Label(report.cause))});
    work.rows.push_back({state.Tr("report.actions"), report.actions});
    work.rows.push_back({state.Tr("report.outcome"), text(core::Label(report.outcome))});
    if (report.labour_minutes > 0) work.rows.push_back({state.Tr("report.labour"), Minutes(state, report.labour_minutes)});
    work.rows.push_back({state.Tr("report.print.engineer"), StaffName(ticket, event.actor.id)});
    work.rows.push_back({state.Tr("report.print.date"),
                         LocalDateTime(event.at, offset)});
    doc.sections.push_back(std::move(work));

    if (!report.parts.empty()) {
        PrintSection parts{state.Tr("report.parts"), {}};
        for (const core::PartUsed& part : report.parts)
            parts.rows.push_back({PartLine(state, part), core::FormatMoney(LineCost(part))});
        doc.sections.push_back(std::move(parts));
    }
    PrintSection charges{state.Tr("report.charges"), {}};
    const core::ChargeEstimate& c = report.charges;
    if (!c.free) {
        charges.rows.push_back({state.Tr("report.charges.parts"), core::FormatMoney(c.parts_fen)});
        if (c.labour_fen > 0) charges.rows.push_back({state.Tr("report.charges.labour"), core::FormatMoney(c.labour_fen)});
        if (c.on_site_fen > 0) charges.rows.push_back({state.Tr("report.charges.on_site"), core::FormatMoney(c.on_site_fen)});
    }
    charges.rows.push_back({state.Tr("report.charges.total"),
                            c.free ? state.Tr("report.charges.free") : core::FormatMoney(c.total_fen)});
    charges.rows.push_back({state.Tr("report.charges.basis"), text(c.basis)});
    doc.sections.push_back(std::move(charges));

    doc.scan_hint = state.Tr("kiosk.receipt.scan");
    // Paper carries no token, like the kiosk receipt: the QR opens the lookup.
    doc.tracking_url = LookupUrl(host.PageOrigin(), ticket.service_number);
    if (const QrMatrix* qr = CachedQr(state, doc.tracking_url)) {
        doc.qr_size = qr->size;
        doc.qr_path = QrSvgPath(*qr);
    }
    doc.signature_labels = {state.Tr("report.print.sign_engineer"), state.Tr("report.print.sign_customer")};
    host.PrintServiceReport(doc);
}

} // namespace aftercare::portal
