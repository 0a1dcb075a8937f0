// A byte stream read as UTF-8 text in chunks: UTF-8 (with or without a BOM) is passed through,
// GB 18030 (which contains GBK and GB 2312, what Excel writes on a Chinese Windows) is converted
// with glibc iconv. Memory stays at one chunk whatever the file size.
#pragma once

#include <iconv.h>

#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace aftercare::serve::import {

enum class Encoding { Auto, Utf8, Gb18030 };

// "auto", "utf-8"/"utf8", "gb18030"/"gbk"/"gb2312" (case-insensitive).
std::optional<Encoding> ParseEncoding(std::string_view name);

class TextSource {
  public:
    TextSource(std::istream& in, Encoding encoding);
    ~TextSource();
    TextSource(const TextSource&) = delete;
    TextSource& operator=(const TextSource&) = delete;

    // Replaces `out` with the next chunk of UTF-8; false at the end. A byte sequence that is not
    // valid in the source encoding comes out as the byte 0xFF, which is never valid UTF-8, so the
    // field holding it fails validation and is reported with its line and column.
    bool Next(std::string& out);

    // What the file turned out to be: "utf-8", "utf-8-bom" or "gb18030" (after the first Next).
    const std::string& encoding_label() const { return label_; }

  private:
    void Detect();
    bool Fill();

    std::istream& in_;
    Encoding encoding_;
    std::string label_;
    std::string pending_; // raw bytes not yet converted (a split multi-byte character)
    bool detected_ = false;
    bool eof_ = false;
    iconv_t converter_ = reinterpret_cast<iconv_t>(-1);
};

} // namespace aftercare::serve::import
