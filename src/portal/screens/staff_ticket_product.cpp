// The ticket workspace's service history: the serial's entry in the vendor's product register
// (model, purchase date, today's warranty, key parts whose warranty restarted, replacements) with
// every ticket that names the serial, and every ticket of the same customer (phone); this one is
// marked, and so are repeat repairs (core::RepeatedRepair).
#include "screens/staff_ticket.h"
#include "screens/staff_ticket_parts.h"

#include "app.h"
#include "console/console.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "net/vendor_data.h"
#include "screens/repair_steps.h" // PartLabel: the part names customers see, for staff too
#include "widgets.h"
#include "widgets/feedback.h"

#include "core/time.h"

namespace aftercare::portal {
namespace {

void DrawRegisterEntry(AppState& state, Ui& ui, const api::ProductHistory& product) {
    const Palette& p = ui.theme.palette;
    if (!product.registered) {
        Paragraph(ui, TextStyle::Small, state.Tr("staff.product.unregistered"), p.text_muted);
        return;
    }
    const std::string bought = product.purchase_date ? core::FormatIsoDate(*product.purchase_date)
                                                     : state.Tr("staff.product.no_date");
    Paragraph(ui, TextStyle::Body,
              state.strings.Format(state.language, "staff.product.model_line",
                                   {{"model", product.model}, {"date", bought}}),
              p.text);
    if (product.warranty) {
        const std::string until = core::FormatIsoDate(product.warranty->product_covered_until);
        const bool covered = product.warranty->in_warranty;
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language,
                                       covered ? "staff.product.covered" : "staff.product.expired",
                                       {{"date", until}}),
                  covered ? p.success : p.text_muted, Role::Status);
    }
    for (const api::KeyPartWarranty& part : product.key_parts) {
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.product.key_part",
                                       {{"part", PartLabel(state, part.part)},
                                        {"date", core::FormatIsoDate(part.decision.covered_until)}}),
                  p.success, Role::Status);
    }
    for (const core::PartReplacement& replacement : product.replacements) {
        const char* key = replacement.part_serial.empty() ? "staff.product.replacement"
                                                          : "staff.product.replacement_serial";
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, key,
                                       {{"date", core::FormatIsoDate(replacement.replaced_on)},
                                        {"part", PartLabel(state, replacement.part)},
                                        {"serial", replacement.part_serial}}),
                  p.text);
    }
}

void DrawHistory(AppState& state, Ui& ui, const std::vector<api::ServiceHistoryItem>& tickets, const char* count_key,
                 const std::string& current) {
    const Palette& p = ui.theme.palette;
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, count_key, {{"count", std::to_string(tickets.size())}}),
              p.text_muted);
    for (const api::ServiceHistoryItem& item : tickets) {
        ImGui::PushID(item.service_number.c_str());
        std::string line = item.service_number + " · " + KindLabel(state, item.kind, core::Audience::Staff) + " · " +
                           StateLabel(state, item.state, core::Audience::Staff) + " · " + item.subject;
        if (!item.repeat_of.empty()) line += " · " + state.Tr("staff.repeat.chip");
        if (item.service_number == current) {
            Paragraph(ui, TextStyle::Small, line + " " + state.Tr("staff.product.this_ticket"), p.text_muted);
        } else if (Button(ui, "history-ticket", line, {.kind = ButtonKind::Quiet})) {
            Navigate(state, Route{Screen::StaffTicket, item.service_number});
        }
        ImGui::PopID();
    }
}

void LoadCustomerHistory(AppState& state, const std::string& number) {
    state.staff.ticket.customer_history.StartLoading();
    requests::LoadCustomerHistory(
        state, number,
        [&state, number](api::CustomerHistory history) {
            if (state.staff.ticket.number == number) state.staff.ticket.customer_history.Succeed(std::move(history));
        },
        [&state, number](ApiError error) {
            if (state.staff.ticket.number == number) state.staff.ticket.customer_history.Fail(error);
        });
}

} // namespace

void DrawProductRecord(AppState& state, Ui& ui, const api::TicketView& ticket) {
    WorkspaceState& ws = state.staff.ticket;
    const std::string& serial = ticket.product.serial;
    if (ws.product_serial != serial || ws.product.IsIdle()) LoadProductHistory(state, serial);
    BeginCard(ui, "##product");
    Heading(ui, TextStyle::Title3, state.Tr("staff.product.title") + " · " + serial, 2);
    if (ws.product.IsLoading() && !ws.product.value) LoadingIndicator(ui, state.Tr("staff.admin.loading"));
    if (ws.product.IsFailed() && ws.product.error) {
        if (ErrorBanner(ui, state.strings, state.language, *ws.product.error, "product-error"))
            ws.product.Reset();
    }
    if (ws.product.value && ws.product.value->serial == serial) {
        DrawRegisterEntry(state, ui, *ws.product.value);
        DrawHistory(state, ui, ws.product.value->tickets, "staff.product.history", ticket.service_number);
    }
    EndCard(ui);
}

void DrawCustomerHistory(AppState& state, Ui& ui, const api::TicketView& ticket) {
    WorkspaceState& ws = state.staff.ticket;
    const Palette& p = ui.theme.palette;
    if (ws.customer_history.IsIdle()) LoadCustomerHistory(state, ticket.service_number);
    BeginCard(ui, "##customer-history");
    Heading(ui, TextStyle::Title3, state.Tr("staff.history.title"), 2);
    if (!ticket.repeat_of.empty()) {
        // §17 6) "不允许同一问题重复发生": the earlier repair is one tap away.
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.repeat.notice", {{"number", ticket.repeat_of}}),
                  p.warning, Role::Status);
        if (Button(ui, "repeat-of", ticket.repeat_of, {.kind = ButtonKind::Quiet, .icon = ICON_UNDO}))
            Navigate(state, Route{Screen::StaffTicket, ticket.repeat_of});
    }
    if (ws.customer_history.IsLoading() && !ws.customer_history.value)
        LoadingIndicator(ui, state.Tr("staff.admin.loading"));
    if (ws.customer_history.IsFailed() && ws.customer_history.error) {
        if (ErrorBanner(ui, state.strings, state.language, *ws.customer_history.error, "history-error"))
            ws.customer_history.Reset();
    }
    if (const auto& history = ws.customer_history.value) {
        DrawHistory(state, ui, history->tickets, "staff.history.count", ticket.service_number);
        if (history->more) Paragraph(ui, TextStyle::Small, state.Tr("staff.history.more"), p.text_muted);
    }
    EndCard(ui);
}

} // namespace aftercare::portal
