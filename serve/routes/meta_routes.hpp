// Operational endpoints: /healthz, /metrics and the OpenAPI document.
#pragma once

#include "metrics.hpp"
#include "routes/route_table.hpp"
#include "store/store.hpp"

namespace aftercare::serve {

struct MetaServices {
    Metrics* metrics;
    Store* store;
    std::string metrics_token;  // empty: /metrics answers 404
};

void RegisterMetaRoutes(RouteTable& routes, MetaServices services);

}  // namespace aftercare::serve
