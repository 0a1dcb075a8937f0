// /healthz, /metrics, /api/v1/openapi.json and /api/v1/embed-origins handlers.
#include "routes/meta_routes.hpp"

#include <sodium.h>

#include "http_util.hpp"
#include "openapi_document.hpp"

namespace aftercare::serve {

void RegisterMetaRoutes(RouteTable& routes, MetaServices services) {
    routes.Add(api::endpoints::kGetHealthz, RateClass::None, [services](RequestContext& call) {
                    // Healthy means the database answers, not merely that the process is up.
                    const bool ok = services.store->Healthy();
                    Json body{{"status", ok ? "ok" : "unavailable"}};
                    // A missing holiday file is not an outage (the server answers, clocks run on
                    // weekdays only), so it is a detail for the operator, not a 503.
                    if (services.calendar && services.now) {
                        Json calendar{{"years", services.calendar->years}};
                        const auto today = core::LocalDate(services.now(), core::kChinaUtcOffset);
                        if (const auto missing = MissingNextYear(*services.calendar, today)) {
                            calendar["missing_next_year"] = *missing;
                            calendar["warning"] = "assets/calendar/" + std::to_string(*missing) +
                                                  ".json is missing: add the State Council's holiday notice for that year";
                        }
                        body["calendar"] = std::move(calendar);
                    }
                    WriteJson(call.res, ok ? 200 : 503, body);
                });
    routes.Add(api::endpoints::kGetMetrics, RateClass::None, [services](RequestContext& call) {
                    // Ticket counts by state are business data: only a scraper holding the token
                    // reads them, and without a configured token the endpoint does not exist.
                    if (services.metrics_token.empty())
                        throw DomainError(ErrorKind::NotFound, "metrics_off",
                                          "未启用监控指标（--metrics-token）",
                                          "Metrics are off; start the server with --metrics-token.");
                    const std::string token = BearerToken(call.req);
                    if (token.size() != services.metrics_token.size() ||
                        sodium_memcmp(token.data(), services.metrics_token.data(), token.size()) != 0) {
                        call.res.set_header("WWW-Authenticate", "Bearer");
                        throw DomainError(ErrorKind::Unauthenticated, "unauthorized", "需要监控令牌",
                                          "The metrics token is required.");
                    }
                    call.res.status = 200;
                    call.res.set_content(services.metrics->Render(), "text/plain; version=0.0.4; charset=utf-8");
                });
    routes.Add(api::endpoints::kGetOpenapiJson, RateClass::None, [](RequestContext& call) {
                    call.res.set_header("Cache-Control", "no-cache");
                    call.res.status = 200;
                    const auto document = OpenApiDocument();
                    call.res.set_content(document.data(), document.size(), "application/json; charset=utf-8");
                });
    routes.Add(api::endpoints::kGetEmbedOrigins, RateClass::None, [services](RequestContext& call) {
                    // The portal takes a vendor's branding (?embed=1&vendor=...) only inside a frame
                    // whose parent is on this list (or its own origin): the browser's frame-ancestors
                    // check is the wall, this is the portal's own look at who framed it. Nothing
                    // secret: the same list is in every response's Content-Security-Policy.
                    WriteJson(call.res, 200, {{"origins", services.embed_origins}});
                });
}

}  // namespace aftercare::serve
