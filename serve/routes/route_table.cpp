// Registering against the declarations, checking both lists agree, and route template to regex
// conversion for the server's std::regex router.
#include "route_table.hpp"

#include <map>

namespace aftercare::serve {

void RouteTable::Add(const api::Endpoint& endpoint, RateClass rate, RouteHandler handler) {
    routes_.push_back(Route{&endpoint, std::string(endpoint.method), std::string(endpoint.path),
                            endpoint.access, rate, std::move(handler)});
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

std::string RouteTable::PatternFor(const std::string& path) {
    std::string pattern;
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '{') {
            const auto close = path.find('}', i);
            pattern += "([^/]+)";
            i = close;
        } else if (c == '.' || c == '+' || c == '*' || c == '?' || c == '(' || c == ')' || c == '[' || c == ']' ||
                   c == '^' || c == '$' || c == '|' || c == '\\') {
            pattern += '\\';
            pattern += c;
        } else {
            pattern += c;
        }
    }
    return pattern;
}

}  // namespace aftercare::serve
