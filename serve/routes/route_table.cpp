// Registering against the declarations, checking both lists agree, and matching an address
// against a route template.
#include "route_table.hpp"

#include <algorithm>
#include <map>

namespace aftercare::serve {

void RouteTable::Add(const api::Endpoint& endpoint, RateClass rate, RouteHandler handler, StoreReads reads) {
    routes_.push_back(Route{&endpoint, std::string(endpoint.method), std::string(endpoint.path),
                            endpoint.access, rate, std::move(handler), reads});
}

std::string RouteTable::CheckAgainst(std::span<const api::Endpoint* const> declared) const {
    std::map<const api::Endpoint*, int> handlers;
    for (const api::Endpoint* endpoint : declared)
        handlers[endpoint] = 0;
    std::string problems;
    for (const Route& route : routes_) {
        auto found = handlers.find(route.endpoint);
        if (found == handlers.end())
            problems +=
                "a handler for " + route.method + " " + route.path + ", which src/api does not declare\n";
        else if (++found->second == 2)
            problems += "two handlers for " + route.method + " " + route.path + "\n";
    }
    for (const api::Endpoint* endpoint : declared)
        if (handlers[endpoint] == 0) problems += "no handler for " + api::EndpointKey(*endpoint) + "\n";
    return problems;
}

namespace {

bool IsPlaceholder(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}' &&
           segment.find_first_of("{}/", 1) == segment.size() - 1;
}

}  // namespace

bool RouteTable::Matches(std::string_view pattern, std::string_view path, std::vector<std::string>* captures) {
    std::vector<std::string> found;
    for (;;) {
        const std::size_t pattern_end = pattern.find('/');
        const std::size_t path_end = path.find('/');
        const std::string_view wanted = pattern.substr(0, pattern_end);
        const std::string_view given = path.substr(0, path_end);
        if (IsPlaceholder(wanted)) {
            if (given.empty()) return false;
            found.emplace_back(given);
        } else if (wanted != given) {
            return false;
        }
        if (pattern_end == std::string_view::npos || path_end == std::string_view::npos) {
            if (pattern_end != path_end) return false;  // one has segments left
            break;
        }
        pattern.remove_prefix(pattern_end + 1);
        path.remove_prefix(path_end + 1);
    }
    if (captures != nullptr) *captures = std::move(found);
    return true;
}

bool RouteTable::WellFormed(std::string_view pattern) {
    for (std::size_t start = 0; start <= pattern.size();) {
        const std::size_t end = std::min(pattern.find('/', start), pattern.size());
        const std::string_view segment = pattern.substr(start, end - start);
        if (segment.find_first_of("{}") != std::string_view::npos && !IsPlaceholder(segment)) return false;
        start = end + 1;
    }
    return true;
}

}  // namespace aftercare::serve
