// HttpRequest / HttpResponse accessors and URL decoding.
#include "http_types.hpp"

#include <strings.h>

namespace aftercare::serve {

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
    return ::strcasecmp(a.c_str(), b.c_str()) < 0;
}

namespace {

std::string FirstValue(const HttpHeaders& headers, const std::string& name) {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string HttpRequest::get_header_value(const std::string& name) const { return FirstValue(headers, name); }

std::string HttpRequest::get_param_value(const std::string& name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string() : it->second;
}

std::string HttpResponse::get_header_value(const std::string& name) const { return FirstValue(headers, name); }

void HttpResponse::set_header(const std::string& name, const std::string& value) {
    // A CR or LF in a value would start a new header line (response splitting): such a header is dropped.
    if (value.find_first_of("\r\n") != std::string::npos || name.find_first_of("\r\n:") != std::string::npos) return;
    headers.emplace(name, value);
}

void HttpResponse::set_content(std::string content, const std::string& content_type) {
    body = std::move(content);
    shared_body.reset();
    headers.erase("Content-Type");
    set_header("Content-Type", content_type);
}

void HttpResponse::set_content(const char* data, std::size_t size, const std::string& content_type) {
    set_content(std::string(data, size), content_type);
}

void HttpResponse::set_shared_content(std::shared_ptr<const std::string> content, const std::string& content_type) {
    body.clear();
    shared_body = std::move(content);
    headers.erase("Content-Type");
    set_header("Content-Type", content_type);
}

std::string UrlDecode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            const int hi = HexValue(text[i + 1]);
            const int lo = HexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += (plus_is_space && c == '+') ? ' ' : c;
    }
    return out;
}

std::multimap<std::string, std::string> ParseQuery(std::string_view query) {
    std::multimap<std::string, std::string> params;
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos) params.emplace(UrlDecode(pair, true), std::string());
        else params.emplace(UrlDecode(pair.substr(0, eq), true), UrlDecode(pair.substr(eq + 1), true));
    }
    return params;
}

}  // namespace aftercare::serve
