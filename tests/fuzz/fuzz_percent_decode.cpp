// Fuzz target: X-File-Name as the server reads it — percent-decoded, cleaned for each attachment
// type, sent back in Content-Disposition. The cleaned name never holds a path separator, a quote or
// a control character, and always ends with an extension of its type.
#include <cstddef>
#include <cstdint>
#include <string>

#include "file_names.hpp"

using namespace aftercare::serve;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string header(reinterpret_cast<const char*>(data), size);
    const std::string name = PercentDecode(header);
    for (const char* type : {"image/jpeg", "image/png", "image/webp", "application/pdf"}) {
        const std::string clean = SanitizeFileName(name, type);
        for (unsigned char c : clean)
            if (c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == '"') __builtin_trap();
        if (clean.empty() || clean.front() == '.' || clean.find('.') == std::string::npos) __builtin_trap();
        const std::string disposition = AttachmentDisposition(clean);
        if (disposition.find('\r') != std::string::npos || disposition.find('\n') != std::string::npos)
            __builtin_trap();
    }
    return 0;
}
