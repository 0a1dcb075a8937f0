// JsonText; see json_text.hpp.
#include "json_text.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <string_view>

namespace aftercare::serve {
namespace {

using Json = nlohmann::json;

// The rare cases' text, from nlohmann itself.
std::string NlohmannText(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The length of the well-formed UTF-8 sequence at `at` (Unicode's table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 when it is not one.
std::size_t Utf8SequenceAt(const unsigned char* at, const unsigned char* end) {
    const auto follows = [&](std::size_t k, unsigned char low = 0x80, unsigned char high = 0xBF) {
        return at + k < end && at[k] >= low && at[k] <= high;
    };
    const unsigned char lead = at[0];
    if (lead >= 0xC2 && lead <= 0xDF) return follows(1) ? 2 : 0;
    if (lead == 0xE0) return follows(1, 0xA0) && follows(2) ? 3 : 0;
    if (lead == 0xED) return follows(1, 0x80, 0x9F) && follows(2) ? 3 : 0;
    if (lead >= 0xE1 && lead <= 0xEF) return follows(1) && follows(2) ? 3 : 0;
    if (lead == 0xF0) return follows(1, 0x90) && follows(2) && follows(3) ? 4 : 0;
    if (lead >= 0xF1 && lead <= 0xF3) return follows(1) && follows(2) && follows(3) ? 4 : 0;
    if (lead == 0xF4) return follows(1, 0x80, 0x8F) && follows(2) && follows(3) ? 4 : 0;
    return 0;
}

// The bytes a string is written with unchanged: ASCII from the space on, but for '"' and '\\'.
constexpr auto kWrittenAsIs = [] {
    std::array<bool, 256> as_is{};
    for (int c = 0x20; c < 0x80; ++c) as_is[c] = c != '"' && c != '\\';
    return as_is;
}();

// Appends the text escaped as the inside of a JSON string, as nlohmann escapes it; false (and `out`
// as it was) when the text is not valid UTF-8.
bool AppendEscaped(std::string& out, std::string_view text) {
    const std::size_t rollback = out.size();
    const auto* at = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = at + text.size();
    const auto* run = at;  // the bytes since the last escape, copied in one go
    while (at < end) {
        while (at < end && kWrittenAsIs[*at]) ++at;
        if (at == end) break;
        const unsigned char c = *at;
        if (c >= 0x80) {
            const std::size_t length = Utf8SequenceAt(at, end);
            if (length == 0) {
                out.resize(rollback);
                return false;
            }
            at += length;
            continue;
        }
        out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(at - run));
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            static constexpr char kHex[] = "0123456789abcdef";
            const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            out.append(escape, sizeof escape);
        }
        }
        run = ++at;
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(end - run));
    return true;
}

// A string quoted, as nlohmann writes it.
void AppendString(std::string& out, const std::string& text) {
    out += '"';
    AppendJsonEscaped(out, text);
    out += '"';
}

template <typename Integer>
void AppendInteger(std::string& out, Integer value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, result.ptr);
}

void Append(std::string& out, const Json& value) {
    switch (value.type()) {
    case Json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : value.get_ref<const Json::object_t&>()) {
            if (!first) out += ',';
            first = false;
            AppendString(out, key);
            out += ':';
            Append(out, member);
        }
        out += '}';
        return;
    }
    case Json::value_t::array: {
        out += '[';
        bool first = true;
        for (const Json& element : value) {
            if (!first) out += ',';
            first = false;
            Append(out, element);
        }
        out += ']';
        return;
    }
    case Json::value_t::string: AppendString(out, value.get_ref<const Json::string_t&>()); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::null: out += "null"; return;
    case Json::value_t::number_integer: AppendInteger(out, value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: AppendInteger(out, value.get<std::uint64_t>()); return;
    case Json::value_t::number_float:
    case Json::value_t::binary:
    case Json::value_t::discarded: out += NlohmannText(value); return;
    }
}

} // namespace

void AppendJsonEscaped(std::string& out, std::string_view text) {
    if (AppendEscaped(out, text)) return;
    // Not valid UTF-8: nlohmann's own text, which replaces each broken sequence with U+FFFD.
    const std::string quoted = NlohmannText(Json(std::string(text)));
    out.append(quoted, 1, quoted.size() - 2);
}

std::string JsonText(const nlohmann::json& value) {
    std::string out;
    out.reserve(2048);  // a ticket's answer is about 1.6 KB: most answers take one allocation
    Append(out, value);
    return out;
}

} // namespace aftercare::serve
