// /healthz and /metrics handlers.
#include "routes/meta_routes.hpp"

#include "http_util.hpp"

namespace aftercare::serve {

void RegisterMetaRoutes(RouteTable& routes, MetaServices services) {
    routes.Add({"GET", "/healthz", Access::Public, RateClass::None, [](RequestContext& call) {
                    WriteJson(call.res, 200, {{"status", "ok"}});
                }});
    routes.Add({"GET", "/metrics", Access::Public, RateClass::None, [services](RequestContext& call) {
                    call.res.status = 200;
                    call.res.set_content(services.metrics->Render(), "text/plain; version=0.0.4; charset=utf-8");
                }});
}

}  // namespace aftercare::serve
