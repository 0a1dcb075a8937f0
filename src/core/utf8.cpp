// Strict UTF-8 decoding (RFC 3629) used by every text limit.
#include "utf8.h"

#include <cstdint>

namespace aftercare::core {

namespace {

// Decodes one code point at `index`; returns false on any malformed sequence.
bool DecodeOne(std::string_view text, std::size_t& index, char32_t& code_point) {
    const auto lead = static_cast<unsigned char>(text[index]);
    if (lead < 0x80) {
        code_point = lead;
        ++index;
        return true;
    }
    int continuation_count = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuation_count = 1;
        code_point = lead & 0x1F;
        minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuation_count = 2;
        code_point = lead & 0x0F;
        minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuation_count = 3;
        code_point = lead & 0x07;
        minimum = 0x10000;
    } else {
        return false; // continuation byte as lead, C0/C1 overlong leads, F5..FF
    }
    if (index + static_cast<std::size_t>(continuation_count) >= text.size()) return false; // truncated
    for (int offset = 1; offset <= continuation_count; ++offset) {
        const auto byte = static_cast<unsigned char>(text[index + offset]);
        if ((byte & 0xC0) != 0x80) return false;
        code_point = (code_point << 6) | (byte & 0x3F);
    }
    if (code_point < minimum || code_point > 0x10FFFF) return false;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return false;
    index += static_cast<std::size_t>(continuation_count) + 1;
    return true;
}

} // namespace

bool IsValidUtf8(std::string_view text) { return CountCodePoints(text).has_value(); }

std::optional<std::size_t> CountCodePoints(std::string_view text) {
    std::size_t count = 0;
    std::size_t index = 0;
    while (index < text.size()) {
        char32_t code_point = 0;
        if (!DecodeOne(text, index, code_point)) return std::nullopt;
        ++count;
    }
    return count;
}

bool HasControlCharacters(std::string_view text, bool allow_newlines) {
    std::size_t index = 0;
    while (index < text.size()) {
        char32_t code_point = 0;
        if (!DecodeOne(text, index, code_point)) return true; // invalid text is never "clean"
        const bool is_control = code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point < 0xA0) ||
                                code_point == 0x2028 || code_point == 0x2029;
        if (!is_control) continue;
        if (allow_newlines && (code_point == '\n' || code_point == '\t' || code_point == '\r')) continue;
        return true;
    }
    return false;
}

} // namespace aftercare::core
