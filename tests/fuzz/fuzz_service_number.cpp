// Fuzz target: service number parsing. Whatever parses must round-trip through its display form.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/service_number.h"

using namespace aftercare::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = ParseServiceNumber(text);
    if (!parsed) return 0;
    auto again = ParseServiceNumber(parsed.Value().display);
    if (!again || again.Value().compact != parsed.Value().compact) __builtin_trap();
    return 0;
}
