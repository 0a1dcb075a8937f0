// Operational endpoints: /healthz and /metrics.
#pragma once

#include "metrics.hpp"
#include "routes/route_table.hpp"

namespace aftercare::serve {

struct MetaServices {
    Metrics* metrics;
};

void RegisterMetaRoutes(RouteTable& routes, MetaServices services);

}  // namespace aftercare::serve
