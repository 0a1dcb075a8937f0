// Fuzz target: core's field checks on arbitrary bytes (they see customer input first).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "core/validation.h"

using namespace aftercare::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)IsValidUtf8(text);
    (void)CountCodePoints(text);
    (void)HasControlCharacters(text, true);
    if (auto phone = NormalizePhone(text)) {
        // A normalized phone always matches its own last four digits.
        const std::string& normalized = phone.Value();
        if (normalized.size() >= 4 && !PhoneLast4Matches(normalized, normalized.substr(normalized.size() - 4)))
            __builtin_trap();
    }
    (void)NormalizeEmail(text);
    (void)NormalizeSerial(text);
    (void)CheckOrderNumber(text);
    (void)CheckPhoneLast4(text);
    (void)ValidateMessage(text);
    (void)CheckText("field", text, 1, 200, false);
    return 0;
}
