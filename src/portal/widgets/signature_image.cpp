// Signature strokes → PNG; see signature_image.h. The PNG format (RFC 2083) and zlib's stored
// blocks (RFC 1950/1951) are simple enough to write directly: CRC-32 per chunk, Adler-32 over the
// raw scanlines, no compression.
#include "widgets/signature_image.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace aftercare::portal {
namespace {

std::uint32_t Crc32(const std::string& bytes, std::size_t from) {
    static const std::array<std::uint32_t, 256> kTable = [] {
        std::array<std::uint32_t, 256> table{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = from; i < bytes.size(); ++i)
        crc = kTable[(crc ^ static_cast<unsigned char>(bytes[i])) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void Put32(std::string& out, std::uint32_t value) {
    out.push_back(static_cast<char>(value >> 24));
    out.push_back(static_cast<char>(value >> 16));
    out.push_back(static_cast<char>(value >> 8));
    out.push_back(static_cast<char>(value));
}

void PutChunk(std::string& out, const char* type, const std::string& data) {
    Put32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out += data;
    Put32(out, Crc32(out, start));
}

// zlib stream of stored blocks (at most 65,535 bytes each).
std::string Stored(const std::string& raw) {
    std::string out = {'\x78', '\x01'};
    std::uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    std::size_t at = 0;
    do {
        const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
        const bool last = at + n == raw.size();
        out.push_back(last ? '\x01' : '\x00');
        out.push_back(static_cast<char>(n & 0xFF));
        out.push_back(static_cast<char>(n >> 8));
        out.push_back(static_cast<char>(~n & 0xFF));
        out.push_back(static_cast<char>((~n >> 8) & 0xFF));
        out.append(raw, at, n);
        at += n;
    } while (at < raw.size());
    Put32(out, (b << 16) | a);
    return out;
}

// Distance from p to the segment a–b, squared.
float SegmentDistance2(float px, float py, float ax, float ay, float bx, float by) {
    const float dx = bx - ax, dy = by - ay;
    const float length2 = dx * dx + dy * dy;
    float t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const float cx = ax + t * dx - px, cy = ay + t * dy - py;
    return cx * cx + cy * cy;
}

} // namespace

std::string SignaturePng(const std::vector<SignatureStroke>& strokes, int width, int height, float pen_px) {
    width = std::clamp(width, 1, 4096);
    height = std::clamp(height, 1, 4096);
    // Ink per pixel: each segment (a lone point is a segment of length 0) paints its pen's disc
    // along its length, only inside its own bounding box.
    std::vector<std::uint8_t> ink(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
    const float radius = std::max(pen_px, 1.0f) * 0.5f;
    for (const SignatureStroke& stroke : strokes) {
        for (std::size_t i = 0; i < stroke.size(); ++i) {
            const SignaturePoint& a = stroke[i];
            const SignaturePoint& b = stroke[i + 1 < stroke.size() ? i + 1 : i];
            const float ax = a.x * static_cast<float>(width), ay = a.y * static_cast<float>(height);
            const float bx = b.x * static_cast<float>(width), by = b.y * static_cast<float>(height);
            const int x0 = std::max(0, static_cast<int>(std::floor(std::min(ax, bx) - radius)));
            const int x1 = std::min(width - 1, static_cast<int>(std::ceil(std::max(ax, bx) + radius)));
            const int y0 = std::max(0, static_cast<int>(std::floor(std::min(ay, by) - radius)));
            const int y1 = std::min(height - 1, static_cast<int>(std::ceil(std::max(ay, by) + radius)));
            for (int y = y0; y <= y1; ++y) {
                for (int x = x0; x <= x1; ++x) {
                    const float px = static_cast<float>(x) + 0.5f, py = static_cast<float>(y) + 0.5f;
                    if (SegmentDistance2(px, py, ax, ay, bx, by) <= radius * radius)
                        ink[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] = 1;
                }
            }
        }
    }
    // Scanlines: filter byte 0, then 8 pixels a byte, most significant first; 1 is white.
    const std::size_t row_bytes = (static_cast<std::size_t>(width) + 7) / 8;
    std::string raw;
    raw.reserve(static_cast<std::size_t>(height) * (row_bytes + 1));
    for (int y = 0; y < height; ++y) {
        raw.push_back('\0');
        for (std::size_t byte = 0; byte < row_bytes; ++byte) {
            std::uint8_t bits = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const std::size_t x = byte * 8 + static_cast<std::size_t>(bit);
                const bool white = x >= static_cast<std::size_t>(width) ||
                                   ink[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x] == 0;
                if (white) bits |= static_cast<std::uint8_t>(0x80 >> bit);
            }
            raw.push_back(static_cast<char>(bits));
        }
    }
    std::string png = "\x89PNG\r\n\x1A\n";
    std::string header;
    Put32(header, static_cast<std::uint32_t>(width));
    Put32(header, static_cast<std::uint32_t>(height));
    header += std::string{'\x01', '\x00', '\x00', '\x00', '\x00'};  // 1-bit greyscale, deflate, no interlace
    PutChunk(png, "IHDR", header);
    PutChunk(png, "IDAT", Stored(raw));
    PutChunk(png, "IEND", {});
    return png;
}

} // namespace aftercare::portal
