// Response compression; see response_compression.hpp.
#include "response_compression.hpp"

#include <brotli/encode.h>
#include <zlib.h>

#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>

namespace aftercare::serve {
namespace {

enum class ContentCoding { kIdentity, kGzip, kBrotli };

// Bodies shorter than this go as they are: compression would save less than its framing costs.
constexpr std::size_t kMinCompressedBody = 1024;

// Brotli 5 and gzip 6: most of the best ratio for a few hundred microseconds per 100 KB, so reads
// stay cheap (brotli's default 11 costs ~50× more CPU for a few percent).
constexpr int kBrotliQuality = 5;
constexpr int kGzipLevel = 6;

std::string_view Trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

// The q value of one Accept-Encoding element ("br;q=0.5"): 1 when absent, 0 when malformed.
double Quality(std::string_view parameters) {
    while (!parameters.empty()) {
        const std::size_t semicolon = parameters.find(';');
        std::string_view parameter = Trim(parameters.substr(0, semicolon));
        parameters = semicolon == std::string_view::npos ? std::string_view() : parameters.substr(semicolon + 1);
        if (parameter.size() < 2 || !EqualsIgnoringCase(parameter.substr(0, 2), "q=")) continue;
        const std::string value(parameter.substr(2));
        char* end = nullptr;
        const double q = std::strtod(value.c_str(), &end);
        return end != value.c_str() && *end == '\0' && q >= 0 && q <= 1 ? q : 0;
    }
    return 1;
}

std::string Brotli(std::string_view body) {
    std::string out(BrotliEncoderMaxCompressedSize(body.size()), '\0');
    std::size_t size = out.size();
    if (out.empty() ||
        BrotliEncoderCompress(kBrotliQuality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, body.size(),
                              reinterpret_cast<const uint8_t*>(body.data()), &size,
                              reinterpret_cast<uint8_t*>(out.data())) != BROTLI_TRUE) {
        return {};
    }
    out.resize(size);
    return out;
}

std::string Gzip(std::string_view body) {
    z_stream stream{};
    // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
    std::string out(deflateBound(&stream, static_cast<uLong>(body.size())), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    stream.avail_in = static_cast<uInt>(body.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : std::string();
}

// The coding to answer with: brotli when accepted, else gzip, else none. Honours q=0 ("not this
// one") and "*"; malformed parts are ignored, as RFC 9110 lets a server do.
ContentCoding ChooseCoding(std::string_view accept_encoding) {
    double brotli = 0, gzip = 0, any = 0;
    bool brotli_named = false, gzip_named = false;
    while (!accept_encoding.empty()) {
        const std::size_t comma = accept_encoding.find(',');
        const std::string_view element = accept_encoding.substr(0, comma);
        accept_encoding = comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
        const std::size_t semicolon = element.find(';');
        const std::string_view coding = Trim(element.substr(0, semicolon));
        const double q = semicolon == std::string_view::npos ? 1 : Quality(element.substr(semicolon + 1));
        if (EqualsIgnoringCase(coding, "br")) {
            brotli = q;
            brotli_named = true;
        } else if (EqualsIgnoringCase(coding, "gzip") || EqualsIgnoringCase(coding, "x-gzip")) {
            gzip = q;
            gzip_named = true;
        } else if (coding == "*") {
            any = q;
        }
    }
    if (!brotli_named) brotli = any;
    if (!gzip_named) gzip = any;
    if (brotli > 0 && brotli >= gzip) return ContentCoding::kBrotli;
    if (gzip > 0) return ContentCoding::kGzip;
    return ContentCoding::kIdentity;
}

// The body compressed with the coding; empty when compression failed (then it goes as it is).
std::string Compress(std::string_view body, ContentCoding coding) {
    switch (coding) {
    case ContentCoding::kBrotli: return Brotli(body);
    case ContentCoding::kGzip: return Gzip(body);
    case ContentCoding::kIdentity: break;
    }
    return {};
}

const char* CodingName(ContentCoding coding) {  // the Content-Encoding value
    switch (coding) {
    case ContentCoding::kBrotli: return "br";
    case ContentCoding::kGzip: return "gzip";
    case ContentCoding::kIdentity: break;
    }
    return "identity";
}

} // namespace

void CompressJsonResponse(const HttpRequest& req, HttpResponse& res) {
    if (res.body.size() < kMinCompressedBody || res.has_header("Content-Encoding")) return;
    if (res.get_header_value("Content-Type").rfind("application/json", 0) != 0) return;
    res.set_header("Vary", "Accept-Encoding");
    const ContentCoding coding = ChooseCoding(req.get_header_value("Accept-Encoding"));
    if (coding == ContentCoding::kIdentity) return;
    std::string compressed = Compress(res.body, coding);
    if (compressed.empty() || compressed.size() >= res.body.size()) return;
    res.body = std::move(compressed);
    res.set_header("Content-Encoding", CodingName(coding));
    // The HTTP layer writes Content-Length from the body it sends, so nothing else changes here.
}

} // namespace aftercare::serve
