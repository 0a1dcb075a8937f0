// StandardHeaders: each of the eight variants written once, at start.
#include "standard_headers.hpp"

namespace aftercare::serve {
namespace {

// Powerful browser features the portal never uses are off for it and for anything it frames.
constexpr std::string_view kPermissionsPolicy =
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

void AddLine(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
}

}  // namespace

StandardHeaders::StandardHeaders(const std::vector<std::string>& embed_origins) {
    std::string csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
                      "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                      "base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    for (const auto& origin : embed_origins) csp += " " + origin;

    for (const bool own_csp : {false, true}) {
        for (const bool cross_origin : {false, true}) {
            for (const bool no_store : {false, true}) {
                std::string& out = lines_[Index(own_csp, cross_origin, no_store)];
                if (!own_csp) AddLine(out, "Content-Security-Policy", csp);
                AddLine(out, "X-Content-Type-Options", "nosniff");
                AddLine(out, "Referrer-Policy", "no-referrer");
                AddLine(out, "Permissions-Policy", kPermissionsPolicy);
                AddLine(out, "Cross-Origin-Resource-Policy", cross_origin ? "cross-origin" : "same-origin");
                if (no_store) AddLine(out, "Cache-Control", "no-store");
            }
        }
    }
}

std::string_view StandardHeaders::Lines(bool own_csp, bool cross_origin, bool no_store) const {
    return lines_[Index(own_csp, cross_origin, no_store)];
}

}  // namespace aftercare::serve
