// Fuzz target: URL path -> relative path under the web root. Whatever is accepted stays inside:
// relative, no "." or ".." segment, no hidden segment, nothing outside [A-Za-z0-9._/-].
#include <cstddef>
#include <cstdint>
#include <string>

#include "static_paths.hpp"

using aftercare::serve::SafeRelativePath;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string url(reinterpret_cast<const char*>(data), size);
    const auto path = SafeRelativePath(url);
    if (!path) return 0;
    if (path->empty() || path->front() == '/') __builtin_trap();
    std::size_t start = 0;
    while (start <= path->size()) {
        std::size_t end = path->find('/', start);
        if (end == std::string::npos) end = path->size();
        const std::string segment = path->substr(start, end - start);
        if (segment.empty() || segment.front() == '.') __builtin_trap();
        start = end + 1;
    }
    for (char c : *path) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '-' || c == '_' || c == '/';
        if (!ok) __builtin_trap();
    }
    return 0;
}
