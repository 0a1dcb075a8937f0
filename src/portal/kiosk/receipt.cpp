// Receipts and promises; see receipt.h.
#include "kiosk/receipt.h"

#include "app.h"
#include "time_format.h"
#include "widgets/feedback.h"

#include "core/time.h"
#include "core/vocabulary.h"

#include <cstdio>

namespace aftercare::portal {

std::string PromiseText(const AppState& state, const api::TicketView& ticket) {
    const core::SlaPolicy& sla = state.policy.sla;
    switch (ticket.kind) {
    case core::TicketKind::Repair: {
        const core::PrioritySla& clock = sla.For(ticket.priority);
        const std::string response = FormatDuration(state.strings, state.language, clock.first_response_minutes);
        const std::string resolution = FormatDuration(state.strings, state.language, clock.resolution_minutes);
        const bool booked = ticket.repair && ticket.repair->mode == core::ServiceMode::OnSite && ticket.repair->visit;
        if (booked && clock.resolution_from == core::ResolutionClockStart::BookedVisit) {
            const core::VisitWindow& visit = *ticket.repair->visit;
            return state.strings.Format(state.language, "kiosk.promise.repair_visit",
                                        {{"response", response},
                                         {"day", core::FormatIsoDate(visit.date)},
                                         {"slot", Localized(core::Label(visit.slot), state.language)},
                                         {"resolution", resolution}});
        }
        const bool on_site = clock.resolution_from == core::ResolutionClockStart::WorkStarted;
        return state.strings.Format(state.language, on_site ? "kiosk.promise.repair_on_site" : "kiosk.promise.repair",
                                    {{"response", response}, {"resolution", resolution}});
    }
    case core::TicketKind::Return:
    case core::TicketKind::Exchange:
        // A per-ticket deadline only when the vendor promises one (the standard's 48 h is an average).
        if (sla.returns_resolution_hours) {
            return state.strings.Format(
                state.language, "kiosk.promise.returns",
                {{"duration", FormatDuration(state.strings, state.language, *sla.returns_resolution_hours * 60)}});
        }
        return state.strings.Format(
            state.language, "kiosk.promise.returns_open",
            {{"response",
              FormatDuration(state.strings, state.language, sla.For(ticket.priority).first_response_minutes)}});
    case core::TicketKind::Complaint:
        return state.strings.Format(state.language, "kiosk.promise.complaint",
                                    {{"days", std::to_string(sla.complaint_answer_working_days)}});
    case core::TicketKind::Suggestion: return {}; // no answer date is promised for a suggestion
    case core::TicketKind::Consultation:
        return state.strings.Format(state.language, "kiosk.promise.consultation",
                                    {{"duration", FormatDuration(state.strings, state.language, sla.consultation_answer_hours * 60)}});
    }
    return {};
}

std::string LocalDateTime(core::UnixSeconds instant, int utc_offset_minutes) {
    const core::CivilDate date = core::LocalDate(instant, utc_offset_minutes);
    const long long local = instant + static_cast<long long>(utc_offset_minutes) * 60;
    const long long of_day = ((local % 86400) + 86400) % 86400;
    char text[32];
    std::snprintf(text, sizeof text, "%s %02lld:%02lld", core::FormatIsoDate(date).c_str(), of_day / 3600,
                  of_day % 3600 / 60);
    return text;
}


std::string TrackingUrl(const std::string& origin, const std::string& service_number, const std::string& token) {
    return origin + "/#/track/" + EncodeQueryValue(service_number) + "?t=" + EncodeQueryValue(token);
}

std::string LookupUrl(const std::string& origin, const std::string& service_number) {
    return origin + "/#/track/" + EncodeQueryValue(service_number);
}

const QrMatrix* CachedQr(AppState& state, const std::string& text) {
    KioskState& kiosk = state.kiosk;
    if (kiosk.qr_text != text || !kiosk.qr) {
        kiosk.qr_text = text;
        kiosk.qr = EncodeQr(text, QrEcc::Medium);
    }
    return kiosk.qr ? &*kiosk.qr : nullptr;
}

void PrintTicketReceipt(AppState& state, Host& host, const api::CreateTicketResponse& created) {
    ReceiptDocument receipt;
    receipt.language_tag = LanguageTag(state.language);
    receipt.vendor = state.embed.vendor_name.empty() ? state.Tr("app.vendor_name") : state.embed.vendor_name;
    receipt.title = state.Tr("kiosk.receipt.title");
    receipt.number_label = state.Tr("kiosk.receipt.number");
    receipt.service_number = created.service_number;
    receipt.promise = PromiseText(state, created.ticket);
    receipt.created_label = state.Tr("kiosk.receipt.created");
    receipt.created = LocalDateTime(created.ticket.created_at, host.UtcOffsetMinutes());
    receipt.scan_hint = state.Tr("kiosk.receipt.scan");
    // No token on paper: whoever finds the receipt still needs the phone's last 4 digits.
    receipt.tracking_url = LookupUrl(host.PageOrigin(), created.service_number);
    if (const QrMatrix* qr = CachedQr(state, receipt.tracking_url)) {
        receipt.qr_size = qr->size;
        receipt.qr_path = QrSvgPath(*qr);
    }
    receipt.footer = state.Tr("kiosk.receipt.footer");
    host.PrintReceipt(receipt);
}

} // namespace aftercare::portal
