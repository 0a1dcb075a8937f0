// The request and response a handler sees: plain values, independent of the HTTP library that reads
// and writes them (http_listener.cpp). The accessors keep the names handlers already used with
// cpp-httplib (get_header_value, has_param, set_content ...), so the switch was mechanical.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::serve {

// Header names compare case-insensitively (RFC 9110 5.1).
struct CaseInsensitiveLess {
    bool operator()(const std::string& a, const std::string& b) const;
};
using HttpHeaders = std::multimap<std::string, std::string, CaseInsensitiveLess>;

struct HttpRequest {
    std::string method;  // "GET", "POST" ...; HEAD is routed like GET and sent without a body
    std::string path;    // percent-decoded, without the query
    std::multimap<std::string, std::string> params;  // decoded query parameters
    HttpHeaders headers;
    std::string body;
    std::vector<std::string> matches;  // [0] the whole path, then the route template's captures
    std::string remote_addr;  // the peer: a client, or a proxy in front of us
    // Who it is from, as limits, quotas and idempotency scopes count it: the peer, or the client a
    // trusted proxy names (client_address.hpp). Set by the server before any handler runs.
    std::string client;
    std::chrono::steady_clock::time_point received{};  // when the header was read

    bool has_header(const std::string& name) const { return headers.count(name) > 0; }
    std::string get_header_value(const std::string& name) const;
    bool has_param(const std::string& name) const { return params.count(name) > 0; }
    std::string get_param_value(const std::string& name) const;
};

struct HttpResponse {
    int status = -1;  // -1: no handler answered
    HttpHeaders headers;
    std::string body;
    // A body owned elsewhere (a cached static file), sent without a copy; used when set.
    std::shared_ptr<const std::string> shared_body;
    // Header lines already in wire form ("Name: value\r\n"...), owned by the server for its whole
    // life and written after `headers`: the security headers every answer carries (standard_headers.hpp).
    std::string_view standard_headers;

    bool has_header(const std::string& name) const { return headers.count(name) > 0; }
    std::string get_header_value(const std::string& name) const;
    // Adds a header line (a name may repeat, as with Set-Cookie or Vary).
    void set_header(const std::string& name, const std::string& value);
    void set_content(std::string content, const std::string& content_type);
    void set_content(const char* data, std::size_t size, const std::string& content_type);
    void set_shared_content(std::shared_ptr<const std::string> content, const std::string& content_type);
    std::string_view body_view() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
};

// "%E4%B8%AD+x" -> "中 x" when `plus_is_space` (query strings), else '+' stays (paths).
// Malformed escapes are kept as written.
std::string UrlDecode(std::string_view text, bool plus_is_space);
// "a=1&b=x%20y" -> {a: 1, b: "x y"}.
std::multimap<std::string, std::string> ParseQuery(std::string_view query);

}  // namespace aftercare::serve
