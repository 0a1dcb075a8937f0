// Quotes, their answers and the service report; see quote.h.
#include "quote.h"

#include "warranty.h"

namespace aftercare::core {
namespace {

bool IsReopen(const TimelineEvent& event) {
    return event.type == EventType::Transition && event.action == Action::Reopen;
}

Error FirstOf(const FieldErrors& errors) { return errors.front(); }

} // namespace

QuoteStatus LatestQuote(const Ticket& ticket) {
    QuoteStatus status;
    for (const TimelineEvent& event : ticket.timeline) {
        if (event.IsWork(WorkKind::Quote)) status = QuoteStatus{&event, nullptr};
        if (status.quote && (event.IsWork(WorkKind::QuoteAccepted) || event.IsWork(WorkKind::QuoteDeclined)))
            status.answer = &event;
    }
    return status;
}

bool QuoteCanWait(TicketState state) {
    return state == TicketState::Assigned || state == TicketState::InProgress || state == TicketState::WaitingCustomer;
}

Result<Applied> AnswerQuote(const Ticket& ticket, bool accept, UnixSeconds now) {
    const QuoteStatus status = LatestQuote(ticket);
    if (!status.quote) return MakeError("not_found", "没有待确认的报价", "There is no quote to answer");
    if (status.answer) return MakeError("already_done", "您已答复过这份报价", "This quote has already been answered");
    if (!QuoteCanWait(ticket.state)) {
        const LocalizedText& state = Label(ticket.state, Audience::Customer);
        return MakeError("illegal_transition", "工单当前状态为“" + state.zh + "”，不能再答复报价",
                         "Cannot answer a quote on a ticket in state '" + std::string(ToString(ticket.state)) + "'");
    }
    TimelineEvent event;
    event.at = now;
    event.actor = Actor{ActorRole::Customer, {}};
    event.type = EventType::Work;
    event.from_state = ticket.state;
    event.to_state = ticket.state;
    event.work = WorkRecord{};
    event.work->kind = accept ? WorkKind::QuoteAccepted : WorkKind::QuoteDeclined;
    event.work->completes = status.quote->sequence;
    Applied applied{ticket, {}};
    applied.event = AppendEvent(applied.ticket, std::move(event));
    return applied;
}

const TimelineEvent* CurrentServiceReport(const Ticket& ticket) {
    const TimelineEvent* report = nullptr;
    for (const TimelineEvent& event : ticket.timeline) {
        if (IsReopen(event)) report = nullptr;
        if (event.IsWork(WorkKind::ServiceReport)) report = &event;
    }
    return report;
}

Result<WorkRecord> QuoteRecord(const Ticket& ticket, const WorkEntry& entry, const Policy& policy) {
    if (!entry.quote) return MakeError("required", "请填写报价", "The quote is missing", "quote");
    Quote quote = *entry.quote;
    if (FieldErrors errors = ValidatePartsUsed(quote.parts, "quote.parts"); !errors.empty()) return FirstOf(errors);
    auto charges = ChargeFor(entry.warranty, quote.parts, IsOnSite(ticket), quote.customer_caused, policy);
    if (!charges) return charges.GetError();
    if (charges.Value().total_fen == 0) {
        return MakeError("not_needed", "此次维修免费，无需报价：" + charges.Value().basis.zh,
                         "This repair is free, no quote is needed: " + charges.Value().basis.en);
    }
    quote.charges = std::move(charges.Value());
    WorkRecord record;
    record.kind = WorkKind::Quote;
    record.quote = std::move(quote);
    return record;
}

Result<WorkRecord> ServiceReportRecord(const Ticket& ticket, const WorkEntry& entry, const Policy& policy) {
    if (!entry.report) return MakeError("required", "请填写服务报告", "The service report is missing", "report");
    ServiceReport report = *entry.report;
    if (FieldErrors errors = ValidateServiceReport(report); !errors.empty()) return FirstOf(errors);
    auto charges = ChargeFor(entry.warranty, report.parts, IsOnSite(ticket),
                             report.cause == FaultCause::CustomerCaused, policy);
    if (!charges) return charges.GetError();
    report.charges = std::move(charges.Value());

    const QuoteStatus quote = LatestQuote(ticket);
    if (report.charges.total_fen > 0) {
        const std::string total = FormatMoney(report.charges.total_fen);
        if (quote.Declined() && report.parts.empty()) {
            // The customer said no to paid work: what was looked at is reported, nothing is charged.
            report.charges = ChargeEstimate{true, 0, 0, 0, 0,
                                            {"客户未接受报价，未进行收费维修", "The customer declined the quote: no paid work was done"}};
        } else if (quote.Declined()) {
            return MakeError("quote_required", "客户未接受报价，不能使用收费备件；请重新报价或只记录检测结果",
                             "The customer declined the quote: no paid parts may be used; quote again or "
                             "report the inspection only");
        } else if (!quote.Accepted()) {
            return MakeError("quote_required", "本次维修收费 " + total + "，请先报价并由客户接受",
                             "This repair costs " + total + ": quote it and have the customer accept first");
        } else if (quote.quote->work->quote->charges.total_fen < report.charges.total_fen) {
            const std::string accepted = FormatMoney(quote.quote->work->quote->charges.total_fen);
            return MakeError("quote_required", "费用 " + total + " 超过客户接受的报价 " + accepted + "，请重新报价",
                             "The charges of " + total + " exceed the accepted quote of " + accepted +
                                 ": quote again");
        }
    }
    WorkRecord record;
    record.kind = WorkKind::ServiceReport;
    record.report = std::move(report);
    return record;
}

} // namespace aftercare::core
