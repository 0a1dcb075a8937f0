// /api/v1/integration/...: the vendor ERP's way in. Products, orders and part replacements are
// upserted one JSON object at a time (application/json) or in batches of JSON Lines
// (application/x-ndjson), through the same engine as the file import; every call needs an API key
// with the matching scope, is rate-limited per key and audited.
#include <memory>

#include "rate_limit.hpp"
#include "routes/register_body.hpp"
#include "routes/routes.hpp"
#include "services/api_key_service.hpp"
#include "services/register_service.hpp"

namespace aftercare::serve {
namespace {

// The key is the rate-limit bucket, not the address: an ERP behind a NAT shares neither its budget
// with customers nor customers' with it.
void Admit(RateLimiter& limiter, const Principal& who, std::string_view scope) {
    api_keys::RequireScope(who, scope);
    if (int wait = limiter.Take("key:" + std::to_string(who.api_key_id)); wait > 0) {
        DomainError error(ErrorKind::RateLimited, "rate_limited", "该 API 密钥请求过于频繁，请稍后再试",
                          "Too many requests with this API key; try again later.");
        error.retry_after_seconds = wait;
        throw error;
    }
}

// JSON Lines for the engine: a batch as it is, a single object as one line.
std::string BodyAsJsonLines(const HttpRequest& req) {
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("application/x-ndjson", 0) == 0 || type.rfind("application/jsonl", 0) == 0)
        return req.body;
    if (type.rfind("application/json", 0) != 0)
        throw DomainError(ErrorKind::UnsupportedType, "unsupported_media_type",
                          "请使用 application/json 或 application/x-ndjson",
                          "Send application/json or application/x-ndjson.");
    return ParseJsonObject(req).dump();
}

std::string Who(const Principal& who) {
    return "api-key:" + who.api_key_name;
}

} // namespace

void RegisterIntegrationRoutes(RouteTable& routes, Services& services, RateLimiter& per_key) {
    RateLimiter* limiter = &per_key;
    const auto upsert = [&services, limiter](import::Kind kind) {
        return [&services, limiter, kind](RequestContext& call) {
            Admit(*limiter, call.who, import::KindName(kind));
            const auto response = RunImportBody(services, BodyAsJsonLines(call.req), Who(call.who), kind,
                                                import::Format::JsonLines, DryRunParam(call.req), true);
            WriteJson(call.res, response.status, response.body);
        };
    };
    routes.Add(api::endpoints::kPostIntegrationProducts, RateClass::None, upsert(import::Kind::Products));
    routes.Add(api::endpoints::kPostIntegrationOrders, RateClass::None, upsert(import::Kind::Orders));
    routes.Add(api::endpoints::kPostIntegrationParts, RateClass::None, upsert(import::Kind::Parts));
    routes.Add(api::endpoints::kPostIntegrationOrdersByOrderNumberDelivery, RateClass::None, [&services, limiter](RequestContext& call) {
                    Admit(*limiter, call.who, "orders");
                    const Json body = ParseJsonObject(call.req);
                    WriteJson(call.res, 200,
                              register_service::RecordDelivery(services, Who(call.who),
                                                               PathParam(call.req, 1), body));
                });
}

} // namespace aftercare::serve
