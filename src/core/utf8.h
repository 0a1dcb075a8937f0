// UTF-8 checks: strict validity and length in code points, for customer text limits.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace aftercare::core {

// Strict: rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences.
bool IsValidUtf8(std::string_view text);

// Code points in valid UTF-8; nullopt when the text is not valid UTF-8.
std::optional<std::size_t> CountCodePoints(std::string_view text);

// Control characters (C0, DEL, C1); `allow_newlines` keeps \n and \t for multi-line fields.
bool HasControlCharacters(std::string_view text, bool allow_newlines);

} // namespace aftercare::core
