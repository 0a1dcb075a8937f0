// An e-mail as RFC 5322 + MIME text: UTF-8 everywhere, the subject RFC 2047-encoded, the body
// base64 (safe for any line length and any script), with Message-ID, Date and List-Unsubscribe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace aftercare::serve::outbound {

struct Email {
    std::string from;         // bare address
    std::string to;           // bare address
    std::string subject;      // UTF-8
    std::string body;         // UTF-8 plain text
    std::string message_id;   // the outbox row's id; becomes <id@domain-of-from>
    std::int64_t date = 0;    // Unix seconds
    std::string unsubscribe_url;  // empty: no List-Unsubscribe header
};

// "=?UTF-8?B?...?=" words, split so that no encoded word exceeds 75 characters (RFC 2047 §2) and
// no UTF-8 character is cut in half. Pure ASCII without specials is returned as it is.
std::string EncodeHeaderWord(std::string_view utf8);

// "Thu, 03 Dec 2026 18:01:08 +0000"
std::string RfcDate(std::int64_t unix_seconds);

// The whole message, CRLF line ends, body base64 in 76-character lines.
std::string BuildEmail(const Email& email);

// The Message-ID header value for an outbox id and sender: "<id@domain>".
std::string MessageIdHeader(const std::string& message_id, const std::string& from);

}  // namespace aftercare::serve::outbound
