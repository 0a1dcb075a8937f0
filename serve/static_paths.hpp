// The first step of serving a static file, kept free of I/O so it can be fuzzed on its own: a URL
// path becomes a relative file path, or nothing. (StaticFiles then confines the opened file, and
// every precompressed sibling, to the canonical web root.)
#pragma once

#include <optional>
#include <string>

namespace aftercare::serve {

// "/" -> index.html, "/kiosk" -> kiosk.html, "/a/" -> a/index.html; nullopt for anything outside
// [A-Za-z0-9._/-], empty / "." / ".." / hidden segments, or a path not starting with '/'.
std::optional<std::string> SafeRelativePath(const std::string& url_path);

}  // namespace aftercare::serve
