// Attachment file names on the wire: percent-decoding X-File-Name, making a name harmless to show
// and to save (no directories, controls, bidi or other format characters; the extension of the type
// recognised from the bytes), and the Content-Disposition that sends it back.
#pragma once

#include <string>

namespace aftercare::serve {

// X-File-Name is percent-encoded UTF-8 (headers are ASCII); undecodable escapes stay as typed.
std::string PercentDecode(const std::string& text);
// Everything but [A-Za-z0-9._-] as %XX (RFC 5987 attr-char subset).
std::string PercentEncode(const std::string& text);

// A display name for an attachment of `content_type` (one SniffContentType returns): directories
// dropped; control, bidi (U+202E ...) and other invisible format characters removed; bounded
// length; and an extension that matches the type, so a PDF named `invoice.html` or `receipt.hta`
// is saved as `invoice.pdf` / `receipt.pdf`. The name is data: never a path on this server.
std::string SanitizeFileName(const std::string& name, const std::string& content_type);

// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`.
std::string AttachmentDisposition(const std::string& file_name);

}  // namespace aftercare::serve
