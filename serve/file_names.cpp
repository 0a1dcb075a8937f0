// Attachment file names: decoding, cleaning and the Content-Disposition header.
#include "file_names.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "core/validation.h"

namespace aftercare::serve {
namespace {

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes one code point of valid UTF-8 at `i` (the caller checked validity); advances `i`.
std::uint32_t NextCodePoint(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::uint32_t cp = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + static_cast<std::size_t>(k)) & 0x3F);
    i += static_cast<std::size_t>(length);
    return cp;
}

// Characters that change how a name is displayed without being seen: controls, the bidi
// embeddings/overrides/isolates (U+202E turns "gpj.exe" into "exe.jpg" on screen), zero-width and
// other format (Cf) characters, line/paragraph separators, and Unicode tags.
bool IsHiddenOrControl(std::uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x00AD || cp == 0x061C || cp == 0x180E ||
           (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
           cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

// The extension a saved file of this type must have; the first is the one added when missing.
std::vector<std::string_view> ExtensionsOf(const std::string& content_type) {
    if (content_type == "image/jpeg") return {"jpg", "jpeg"};
    if (content_type == "image/png") return {"png"};
    if (content_type == "image/webp") return {"webp"};
    if (content_type == "application/pdf") return {"pdf"};
    return {"bin"};
}

std::string Lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

}  // namespace

std::string PercentDecode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string PercentEncode(const std::string& text) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                           c == '-' || c == '_';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string SanitizeFileName(const std::string& name, const std::string& content_type) {
    std::string base = name;
    const auto slash = base.find_last_of("/\\");
    if (slash != std::string::npos) base = base.substr(slash + 1);
    if (!core::IsValidUtf8(base)) {
        // Not text: keep the printable ASCII and lose the rest rather than guess an encoding.
        std::string ascii;
        for (unsigned char c : base)
            if (c < 0x80) ascii += static_cast<char>(c);
        base = ascii;
    }
    // Keep visible characters only, at most kFileNameMax code points (room is left for the extension).
    std::string clean;
    std::size_t points = 0;
    for (std::size_t i = 0; i < base.size();) {
        const std::size_t start = i;
        const std::uint32_t cp = NextCodePoint(base, i);
        if (IsHiddenOrControl(cp) || cp == '"') continue;
        if (points == core::TextLimits::kFileNameMax - 6) break;
        clean.append(base, start, i - start);
        ++points;
    }
    auto trim = [](std::string& text) {
        while (!text.empty() && (text.front() == '.' || text.front() == ' ')) text.erase(text.begin());
        while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
    };
    // Only trailing dots go before the extension is split off: ".pdf" is an extension with no name.
    while (!clean.empty() && (clean.back() == '.' || clean.back() == ' ')) clean.pop_back();

    // The extension follows the bytes: a PDF is a .pdf whatever it was called.
    const auto allowed = ExtensionsOf(content_type);
    std::string stem = clean;
    std::string extension(allowed.front());
    if (const auto dot = clean.rfind('.'); dot != std::string::npos) {
        stem = clean.substr(0, dot);
        const std::string given = clean.substr(dot + 1);
        for (auto ok : allowed)
            if (Lower(given) == ok) extension = given;  // kept as typed: IMG_0001.JPG stays
    }
    trim(stem);
    if (stem.empty()) stem = "attachment";
    return stem + "." + extension;
}

std::string AttachmentDisposition(const std::string& file_name) {
    std::string ascii;
    for (unsigned char c : file_name)
        ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncode(file_name);
}

}  // namespace aftercare::serve
