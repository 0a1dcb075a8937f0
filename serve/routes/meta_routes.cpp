// /healthz, /metrics and /api/v1/openapi.json handlers.
#include "routes/meta_routes.hpp"

#include "http_util.hpp"
#include "openapi_document.hpp"

namespace aftercare::serve {

void RegisterMetaRoutes(RouteTable& routes, MetaServices services) {
    routes.Add({"GET", "/healthz", Access::Public, RateClass::None, [services](RequestContext& call) {
                    // Healthy means the database answers, not merely that the process is up.
                    const bool ok = services.store->Healthy();
                    WriteJson(call.res, ok ? 200 : 503, {{"status", ok ? "ok" : "unavailable"}});
                }});
    routes.Add({"GET", "/metrics", Access::Public, RateClass::None, [services](RequestContext& call) {
                    call.res.status = 200;
                    call.res.set_content(services.metrics->Render(), "text/plain; version=0.0.4; charset=utf-8");
                }});
    routes.Add({"GET", "/api/v1/openapi.json", Access::Public, RateClass::None, [](RequestContext& call) {
                    call.res.set_header("Cache-Control", "no-cache");
                    call.res.status = 200;
                    const auto document = OpenApiDocument();
                    call.res.set_content(document.data(), document.size(), "application/json; charset=utf-8");
                }});
}

}  // namespace aftercare::serve
