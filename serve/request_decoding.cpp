// DecodeRequestBody: zlib's inflate into a buffer that stops growing at the limit.
#include "request_decoding.hpp"

#include <zlib.h>

#include <strings.h>

#include <array>
#include <string>

namespace aftercare::serve {

int DecodeRequestBody(HttpRequest& req, std::size_t limit) {
    const std::string coding = req.get_header_value("Content-Encoding");
    if (coding.empty() || ::strcasecmp(coding.c_str(), "identity") == 0) {
        req.headers.erase("Content-Encoding");
        return 0;
    }
    const bool gzip = ::strcasecmp(coding.c_str(), "gzip") == 0 || ::strcasecmp(coding.c_str(), "x-gzip") == 0;
    if (!gzip && ::strcasecmp(coding.c_str(), "deflate") != 0) return 415;

    z_stream stream{};
    // 15 + 32: a zlib or gzip header, detected; RFC 9110's "deflate" is the zlib format.
    if (inflateInit2(&stream, 15 + 32) != Z_OK) return 500;
    stream.next_in = reinterpret_cast<Bytef*>(req.body.data());
    stream.avail_in = static_cast<uInt>(req.body.size());
    std::string plain;
    std::array<char, 64 * 1024> chunk{};
    int result = Z_OK;
    while (result != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
        stream.avail_out = static_cast<uInt>(chunk.size());
        result = inflate(&stream, Z_NO_FLUSH);
        if (result != Z_OK && result != Z_STREAM_END) break;
        const std::size_t produced = chunk.size() - stream.avail_out;
        if (plain.size() + produced > limit) {
            inflateEnd(&stream);
            return 413;
        }
        plain.append(chunk.data(), produced);
        if (result == Z_OK && produced == 0 && stream.avail_in == 0) break;  // truncated input
    }
    inflateEnd(&stream);
    if (result != Z_STREAM_END) return 400;
    req.body = std::move(plain);
    req.headers.erase("Content-Encoding");
    return 0;
}

}  // namespace aftercare::serve
