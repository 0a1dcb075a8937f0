// The string tables as compiled into the binary: one array per language, sorted by key, written at
// build time by scripts/i18n.py from assets/i18n/<language>/*.json. Arrays rather than embedded JSON
// so that starting the portal parses nothing (parsing took ~140 ms of the first task at a phone's
// CPU speed: docs/benchmarks.md, issue 22). The customer's program links its own arrays, without
// the keys only the staff console uses (src/portal/CMakeLists.txt).
#pragma once

#include <cstddef>

namespace aftercare::portal {

struct EmbeddedString {
    const char* key;
    const char* value;
};

extern const EmbeddedString kStringsZhCN[];
extern const std::size_t kStringsZhCNCount;
extern const EmbeddedString kStringsEn[];
extern const std::size_t kStringsEnCount;

} // namespace aftercare::portal
