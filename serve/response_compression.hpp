// JSON answers compressed for the client (brotli or gzip, as its Accept-Encoding allows). A phone on
// a slow network fetches the policy, FAQ and ticket pages at start-up; cpp-httplib compresses only
// an exact "application/json" type, and ours carries a charset. Static files are precompressed at
// build time and never pass through here (they already carry a Content-Encoding).
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

namespace aftercare::serve {

enum class ContentCoding { kIdentity, kGzip, kBrotli };

// The coding to answer with: brotli when accepted, else gzip, else none. Honours q=0 ("not this
// one") and "*"; malformed parts are ignored, as RFC 9110 lets a server do.
ContentCoding ChooseCoding(std::string_view accept_encoding);

// Bodies shorter than this go as they are: compression would save less than its framing costs.
inline constexpr std::size_t kMinCompressedBody = 1024;

// The body compressed with the coding; empty when compression failed (then send it as it is).
std::string Compress(std::string_view body, ContentCoding coding);

const char* CodingName(ContentCoding coding);  // "br", "gzip" (the Content-Encoding value)

// Compresses a JSON answer of kMinCompressedBody bytes or more as the request allows, in place, and
// says in Vary that the answer depends on Accept-Encoding. Anything else is left as it is.
void CompressJsonResponse(const httplib::Request& req, httplib::Response& res);

} // namespace aftercare::serve
