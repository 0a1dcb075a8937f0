// URL path -> relative file path under the web root, refusing anything that could leave it.
#include "static_paths.hpp"

namespace aftercare::serve {

std::optional<std::string> SafeRelativePath(const std::string& url_path) {
    if (url_path.empty() || url_path[0] != '/') return std::nullopt;
    std::string path = url_path.substr(1);
    if (path.empty()) return std::string("index.html");
    if (path == "kiosk" || path == "kiosk/") return std::string("kiosk.html");
    if (path.back() == '/') path += "index.html";
    // Conservative character set: no backslashes, NULs, percent signs, or control characters.
    for (char c : path) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_' || c == '/';
        if (!ok) return std::nullopt;
    }
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        const std::string segment = path.substr(start, end - start);
        // Empty, "." and ".." segments, and hidden files, are never served.
        if (segment.empty() || segment[0] == '.') return std::nullopt;
        start = end + 1;
    }
    return path;
}

}  // namespace aftercare::serve
