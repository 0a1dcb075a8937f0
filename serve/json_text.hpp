// A JSON document's text as the server sends and stores it.
//
// Byte for byte what nlohmann's dump(-1, ' ', false, error_handler_t::replace) writes (compact, UTF-8
// as it is, invalid UTF-8 replaced by U+FFFD), in a fraction of its time: nlohmann runs every byte
// of every string through a UTF-8 decoder and a 512-byte staging buffer, which made its dump_escaped
// the largest single function in a ticket read's profile (docs/benchmarks.md, issue #13). Strings
// are copied here in runs between the few bytes JSON escapes; whatever is rare (a string with invalid
// UTF-8, a floating-point number, a binary value) is written by nlohmann itself, so the text cannot
// differ. tests/serve/json_text_test.cpp compares the two on edge cases and on random documents.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace aftercare::serve {

std::string JsonText(const nlohmann::json& value);

// Appends text as the inside of a JSON string (no quotes), escaped as JsonText escapes it: what a
// log line writes of a request's path or method, which any client chooses, so that every line
// stays valid JSON (invalid UTF-8 becomes U+FFFD).
void AppendJsonEscaped(std::string& out, std::string_view text);

} // namespace aftercare::serve
