// Operational endpoints: /healthz, /metrics, the OpenAPI document, and the origins allowed to frame
// the portal.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/time.h"
#include "holiday_calendar.hpp"
#include "metrics.hpp"
#include "routes/route_table.hpp"
#include "store/store.hpp"

namespace aftercare::serve {

struct MetaServices {
    Metrics* metrics;
    Store* store;
    std::string metrics_token;  // empty: /metrics answers 404
    std::vector<std::string> embed_origins;  // --embed-origins: who may frame the portal, besides itself
    const HolidayCalendar* calendar = nullptr;  // for /healthz's calendar detail
    std::function<core::UnixSeconds()> now;     // the server's clock (test builds may shift it)
};

void RegisterMetaRoutes(RouteTable& routes, MetaServices services);

}  // namespace aftercare::serve
