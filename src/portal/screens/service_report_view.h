// The service report (售后服务报告单) and a repair quote as the customer and staff read them: the
// charge lines, the parts used, what was found and done; and the printable report (Host::
// PrintServiceReport) with the service number and a QR code to the ticket.
#pragma once

#include "api/customer_wire.h"
#include "core/service_report.h"

#include <string_view>

namespace aftercare::portal {

struct AppState;
struct Ui;
class Host;

// "What" on the left, the amount flush right (wraps long labels).
void ChargeRow(Ui& ui, std::string_view what, std::string_view amount);

// Parts, labour and on-site fee lines, the total, and why it is (not) free.
void DrawCharges(AppState& state, Ui& ui, const core::ChargeEstimate& charges);

// One line per part: "主板 MB-2040 ×2 · 原厂 · 新序列号 …" with its cost.
void DrawPartsUsed(AppState& state, Ui& ui, const std::vector<core::PartUsed>& parts);

// Diagnosis, cause, actions, parts, labour, outcome and charges.
void DrawServiceReport(AppState& state, Ui& ui, const core::ServiceReport& report);

// Fills the printable report from the ticket's current service report and opens the print dialog.
void PrintServiceReport(AppState& state, Host& host, const api::TicketView& ticket);

} // namespace aftercare::portal
