// Ticket lookup with per-number failure budgets.
#include "services/lookup_service.hpp"

#include "core/service_number.h"
#include "core/validation.h"
#include "http_util.hpp"

namespace aftercare::serve::lookup {

api::LookupResponse Lookup(Services& services, const api::LookupRequest& request) {
    if (auto error = core::CheckPhoneLast4(request.phone_last4)) throw ApiError(*error);
    auto parsed = core::ParseServiceNumber(request.service_number);
    const std::string key = parsed ? parsed.Value().compact : std::string("invalid");

    if (int wait = services.lookup_failures.Blocked(key); wait > 0) {
        ApiError error(429, "rate_limited", "该服务编号查询失败次数过多，请稍后再试",
                       "Too many failed lookups for this service number; try again later.");
        error.retry_after_seconds = wait;
        throw error;
    }
    auto found = services.store.FindTicketPhone(key);
    if (!parsed || !found || !core::PhoneLast4Matches(found->second, request.phone_last4)) {
        if (parsed) services.lookup_failures.Charge(key);
        throw ApiError(404, "not_found", "服务编号或手机号后四位不正确",
                       "No ticket matches this service number and phone.");
    }

    api::LookupResponse response;
    response.service_number = parsed.Value().display;
    const std::int64_t now = services.now();
    services.store.Write([&](StoreTx& tx) {
        response.access_token = services.auth.IssueCustomerToken(tx, found->first, now, response.token_expires_at);
    });
    return response;
}

}  // namespace aftercare::serve::lookup
