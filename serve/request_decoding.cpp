// DecodeRequestBody: zlib's inflate, run once to measure and once to keep.
#include "request_decoding.hpp"

#include <zlib.h>

#include <strings.h>

#include <array>
#include <string>

namespace aftercare::serve {

namespace {

// Inflates `compressed`, handing each piece to `sink`; stops with 413 as soon as the total would pass
// `limit`. Returns 0, 413, or 400 (corrupt or truncated).
template <class Sink>
int Inflate(std::string& compressed, std::size_t limit, Sink sink) {
    z_stream stream{};
    // 15 + 32: a zlib or gzip header, detected; RFC 9110's "deflate" is the zlib format.
    if (inflateInit2(&stream, 15 + 32) != Z_OK) return 500;
    stream.next_in = reinterpret_cast<Bytef*>(compressed.data());
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::array<char, 64 * 1024> chunk{};
    std::size_t total = 0;
    int result = Z_OK;
    while (result != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = static_cast<uInt>(chunk.size());
        result = inflate(&stream, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END) break;
        const std::size_t produced = chunk.size() - stream.avail_out;
        total += produced;
        if (total > limit) {
            inflateEnd(&stream);
            return 413;
        }
        sink(chunk.data(), produced);
        if (result == Z_OK && produced == 0 && stream.avail_in == 0) break;  // truncated input
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? 0 : 400;
}

}  // namespace

int DecodeRequestBody(HttpRequest& req, std::size_t limit) {
    const std::string coding = req.get_header_value("Content-Encoding");
    if (coding.empty() || ::strcasecmp(coding.c_str(), "identity") == 0) {
        req.headers.erase("Content-Encoding");
        return 0;
    }
    const bool gzip = ::strcasecmp(coding.c_str(), "gzip") == 0 || ::strcasecmp(coding.c_str(), "x-gzip") == 0;
    if (!gzip && ::strcasecmp(coding.c_str(), "deflate") != 0) return 415;

    // Twice: first only counting, so a bomb is refused without holding any of its output; then into
    // a string of exactly the right size.
    std::size_t size = 0;
    if (const int refused = Inflate(req.body, limit, [&](const char*, std::size_t n) { size += n; }); refused != 0)
        return refused;
    std::string plain;
    plain.reserve(size);
    Inflate(req.body, limit, [&](const char* data, std::size_t n) { plain.append(data, n); });
    req.body = std::move(plain);
    req.headers.erase("Content-Encoding");
    return 0;
}

}  // namespace aftercare::serve
