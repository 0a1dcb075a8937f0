// JSON answers compressed for the client (brotli or gzip, as its Accept-Encoding allows). A phone on
// a slow network fetches the policy, FAQ and ticket pages at start-up; the HTTP layer compresses
// nothing on its own. Static files are precompressed at
// build time and never pass through here (they already carry a Content-Encoding).
#pragma once

#include "http_types.hpp"

namespace aftercare::serve {

// Compresses a JSON answer of 1 KB or more in place, with brotli when Accept-Encoding accepts it,
// else gzip, else not at all (q=0 refuses a coding, "*" stands for any, a malformed part counts as
// refused), and says in Vary that the answer depends on Accept-Encoding. Anything else is left as it is.
void CompressJsonResponse(const HttpRequest& req, HttpResponse& res);

} // namespace aftercare::serve
