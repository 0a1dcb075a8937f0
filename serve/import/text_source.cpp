// TextSource: encoding detection and chunked conversion to UTF-8.
#include "import/text_source.hpp"

#include <cerrno>
#include <stdexcept>

namespace aftercare::serve::import {
namespace {

constexpr std::size_t kChunkBytes = 256 * 1024;

std::string Lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Valid UTF-8, allowing a multi-byte character cut off at the end of the sample.
bool LooksUtf8(std::string_view bytes, bool at_end) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        std::size_t length = lead < 0x80           ? 1
                             : (lead >> 5) == 0x6  ? 2
                             : (lead >> 4) == 0xE  ? 3
                             : (lead >> 3) == 0x1E ? 4
                                                   : 0;
        if (length == 0 || (length == 2 && lead < 0xC2)) return false;
        if (i + length > bytes.size()) return !at_end;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

} // namespace

std::optional<Encoding> ParseEncoding(std::string_view name) {
    const std::string lower = Lower(name);
    if (lower == "auto") return Encoding::Auto;
    if (lower == "utf-8" || lower == "utf8") return Encoding::Utf8;
    if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936")
        return Encoding::Gb18030;
    return std::nullopt;
}

TextSource::TextSource(std::istream& in, Encoding encoding) : in_(in), encoding_(encoding) {}

TextSource::~TextSource() {
    if (converter_ != reinterpret_cast<iconv_t>(-1)) iconv_close(converter_);
}

bool TextSource::Fill() {
    if (eof_) return false;
    const std::size_t had = pending_.size();
    pending_.resize(had + kChunkBytes);
    in_.read(pending_.data() + had, static_cast<std::streamsize>(kChunkBytes));
    pending_.resize(had + static_cast<std::size_t>(in_.gcount()));
    if (!in_) eof_ = true;
    return pending_.size() > had;
}

void TextSource::Detect() {
    detected_ = true;
    Fill();
    if (pending_.rfind("\xEF\xBB\xBF", 0) == 0) {
        pending_.erase(0, 3);
        encoding_ = Encoding::Utf8;
        label_ = "utf-8-bom";
        return;
    }
    if (encoding_ == Encoding::Auto)
        encoding_ = LooksUtf8(pending_, eof_) ? Encoding::Utf8 : Encoding::Gb18030;
    label_ = encoding_ == Encoding::Utf8 ? "utf-8" : "gb18030";
    if (encoding_ == Encoding::Gb18030) {
        converter_ = iconv_open("UTF-8", "GB18030");
        if (converter_ == reinterpret_cast<iconv_t>(-1))
            throw std::runtime_error("iconv cannot convert GB18030");
    }
}

bool TextSource::Next(std::string& out) {
    out.clear();
    if (!detected_)
        Detect();
    else
        Fill();
    if (pending_.empty()) return false;
    if (encoding_ == Encoding::Utf8) {
        out.swap(pending_);
        return true;
    }
    out.resize(pending_.size() * 2 + 16);
    char* in = pending_.data();
    std::size_t in_left = pending_.size();
    char* to = out.data();
    std::size_t out_left = out.size();
    while (in_left > 0) {
        if (iconv(converter_, &in, &in_left, &to, &out_left) != static_cast<std::size_t>(-1)) break;
        if (errno == EINVAL && !eof_) break; // a character split across chunks: keep it for the next one
        if (errno == E2BIG) {
            const std::size_t used = static_cast<std::size_t>(to - out.data());
            out.resize(out.size() * 2);
            to = out.data() + used;
            out_left = out.size() - used;
            continue;
        }
        // Not GB 18030 (or a truncated last character): mark it and go on.
        if (out_left == 0) {
            const std::size_t used = static_cast<std::size_t>(to - out.data());
            out.resize(out.size() + 16);
            to = out.data() + used;
            out_left = out.size() - used;
        }
        *to++ = '\xFF';
        --out_left;
        ++in;
        --in_left;
    }
    out.resize(static_cast<std::size_t>(to - out.data()));
    pending_.erase(0, pending_.size() - in_left);
    return true;
}

} // namespace aftercare::serve::import
