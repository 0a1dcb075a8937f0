// A request body sent with Content-Encoding: gzip or deflate is inflated before any handler sees it,
// and never beyond the route's body limit, so a small compressed body cannot become a large one (a
// 398 KiB gzip body once inflated to 400 MiB). Other codings are refused.
#pragma once

#include <cstddef>

#include "http_types.hpp"

namespace aftercare::serve {

// 0 when the body is now plain (Content-Encoding removed); else the status to answer with: 413 when
// the inflated body would pass `limit`, 415 for a coding we do not take, 400 for a corrupt body.
int DecodeRequestBody(HttpRequest& req, std::size_t limit);

}  // namespace aftercare::serve
