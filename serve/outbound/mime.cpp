// MIME rendering of outbound e-mail.
#include "outbound/mime.hpp"

#include <sodium.h>

#include <ctime>

namespace aftercare::serve::outbound {
namespace {

std::string Base64(std::string_view bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

bool PlainAscii(std::string_view text) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7F) return false;
    }
    return text.find("=?") == std::string_view::npos;
}

// Header values never carry a line break (header injection): anything below 0x20 becomes a space.
std::string OneLine(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return out;
}

}  // namespace

std::string EncodeHeaderWord(std::string_view utf8) {
    const std::string text = OneLine(utf8);
    if (PlainAscii(text)) return text;
    // 75 - len("=?UTF-8?B?") - len("?=") = 63 base64 characters = 45 bytes of text at most per word.
    constexpr std::size_t kMaxBytes = 45;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = std::min(text.size(), i + kMaxBytes);
        // Back off to a character boundary (never end on a continuation byte's predecessor).
        while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        if (!out.empty()) out += "\r\n ";
        out += "=?UTF-8?B?" + Base64(std::string_view(text).substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string RfcDate(std::int64_t unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[utc.tm_wday], utc.tm_mday,
                  months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
    return buffer;
}

std::string MessageIdHeader(const std::string& message_id, const std::string& from) {
    const auto at = from.rfind('@');
    const std::string domain = at == std::string::npos ? "aftercare.invalid" : OneLine(from.substr(at + 1));
    return "<" + message_id + "@" + domain + ">";
}

std::string BuildEmail(const Email& email) {
    std::string out;
    out += "From: " + OneLine(email.from) + "\r\n";
    out += "To: " + OneLine(email.to) + "\r\n";
    out += "Subject: " + EncodeHeaderWord(email.subject) + "\r\n";
    out += "Date: " + RfcDate(email.date) + "\r\n";
    out += "Message-ID: " + MessageIdHeader(email.message_id, email.from) + "\r\n";
    // Receivers (and their auto-responders) see a machine notice, not a conversation.
    out += "Auto-Submitted: auto-generated\r\n";
    if (!email.unsubscribe_url.empty()) {
        out += "List-Unsubscribe: <" + OneLine(email.unsubscribe_url) + ">\r\n";
        out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
    }
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: base64\r\n";
    out += "\r\n";
    std::string body;
    for (char c : email.body) {  // CRLF line ends inside the encoded text too
        if (c == '\n' && (body.empty() || body.back() != '\r')) body += '\r';
        body += c;
    }
    const std::string encoded = Base64(body);
    for (std::size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
    return out;
}

}  // namespace aftercare::serve::outbound
