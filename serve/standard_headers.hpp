// The security headers every answer carries, kept as ready-written header lines. An answer points
// at one of them instead of adding six headers of its own, which cost about fifteen allocations
// per answer (docs/benchmarks.md, issue 13).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::serve {

class StandardHeaders {
public:
    // `embed_origins`: the vendor sites that may frame the portal (CSP frame-ancestors).
    explicit StandardHeaders(const std::vector<std::string>& embed_origins);

    // "Name: value\r\n" lines, valid while this object lives: the portal's Content-Security-Policy
    // unless the answer set its own (an attachment's sandbox), Cross-Origin-Resource-Policy
    // cross-origin only for the one script vendor sites load, and Cache-Control no-store for an
    // API answer that said nothing about caching.
    std::string_view Lines(bool own_csp, bool cross_origin, bool no_store) const;

private:
    static std::size_t Index(bool own_csp, bool cross_origin, bool no_store) {
        return (own_csp ? 1u : 0u) + (cross_origin ? 2u : 0u) + (no_store ? 4u : 0u);
    }
    std::array<std::string, 8> lines_;
};

}  // namespace aftercare::serve
