// Ticket lookup with per-number guess budgets (services/guess_budget.hpp).
#include "services/lookup_service.hpp"

#include "core/service_number.h"
#include "core/validation.h"
#include "services/domain_error.hpp"

namespace aftercare::serve::lookup {

api::LookupResponse Lookup(Services& services, const api::LookupRequest& request, const std::string& client) {
    if (auto error = core::CheckPhoneLast4(request.phone_last4)) throw DomainError(*error);
    auto parsed = core::ParseServiceNumber(request.service_number);
    const std::string key = parsed ? parsed.Value().compact : std::string("invalid");

    // A malformed number can never be right, so it reserves nothing here (the per-address request
    // budget has already charged it); every well-formed guess is reserved before it is checked.
    std::optional<GuessBudget::Reservation> reservation;
    if (parsed) {
        int wait = 0;
        reservation = services.guesses.Reserve(key, client, wait);
        if (!reservation) {
            DomainError error(ErrorKind::RateLimited, "rate_limited",
                              "该服务编号查询失败次数过多，请稍后再试",
                              "Too many failed lookups for this service number; try again later.");
            error.retry_after_seconds = wait;
            throw error;
        }
    }
    auto found = services.store.FindTicketPhone(key);
    if (!parsed || !found || !core::PhoneLast4Matches(found->phone, request.phone_last4))
        throw DomainError(ErrorKind::NotFound, "not_found", "服务编号或手机号后四位不正确",
                          "No ticket matches this service number and phone.");
    services.guesses.Correct(*reservation);

    // The owner (the digits were right) of a ticket that ended long ago: a token would be refused
    // at once (Auth::Resolve), so say why instead of handing one out.
    const std::int64_t now = services.now();
    if (!Auth::CustomerAccessOpen(found->ended_at, now, services.CustomerAccessAfterClose())) {
        const std::string days = std::to_string(services.Policy()->tickets.customer_access_days_after_close);
        throw DomainError(
            ErrorKind::Gone, "access_ended",
            "这张工单已结束超过 " + days + " 天，不能再在线查看；如需帮助，请联系客服",
            "This ticket ended more than " + days +
                " days ago and can no longer be opened online; please contact customer service.");
    }

    api::LookupResponse response;
    response.service_number = parsed.Value().display;
    services.store.Write([&](StoreTx& tx) {
        response.access_token = services.auth.IssueCustomerToken(tx, found->id, now, response.token_expires_at);
    });
    return response;
}

}  // namespace aftercare::serve::lookup
