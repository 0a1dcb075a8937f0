// Route template to regex conversion for httplib's std::regex router.
#include "route_table.hpp"

namespace aftercare::serve {

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
