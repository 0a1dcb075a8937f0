// Building request URLs from endpoint declarations; see target.h.
#include "net/target.h"

#include "router.h"

namespace aftercare::portal {

Query Query::Encoded(std::string encoded) {
    Query query;
    query.encoded_ = std::move(encoded);
    return query;
}

Query& Query::Add(std::string_view name, std::string_view value) {
    if (!encoded_.empty()) encoded_ += '&';
    encoded_ += name;
    encoded_ += '=';
    encoded_ += EncodeQueryValue(value);
    return *this;
}

Query& Query::Add(std::string_view name, std::int64_t value) { return Add(name, std::to_string(value)); }

std::string UrlOf(const Target& target) {
    const std::string_view path = target.endpoint.path;
    std::string url;
    url.reserve(path.size() + 32);
    size_t next_value = 0;
    for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '{') {
            url += path[i];
            continue;
        }
        const size_t close = path.find('}', i);
        if (close == std::string_view::npos || next_value == target.path_values.size()) {
            url += path.substr(i);  // a value is missing: the server answers 404 for this path
            break;
        }
        url += EncodeQueryValue(target.path_values[next_value++]);
        i = close;
    }
    if (!target.query.str().empty()) {
        url += '?';
        url += target.query.str();
    }
    return url;
}

} // namespace aftercare::portal
