// Kiosk receipt QR codes: what EncodeQr makes is read back by a small decoder written from the QR
// specification (ISO/IEC 18004), independent of the generator: function patterns, BCH-checked
// format bits, Reed-Solomon check words recomputed per block, and the encoded text itself.
#include "kiosk/qr_code.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using aftercare::portal::EncodeQr;
using aftercare::portal::QrEcc;
using aftercare::portal::QrMatrix;
using aftercare::portal::QrSvgPath;

namespace {

// ISO/IEC 18004 table 9 for versions 1..10 (the receipt's links need far less), in the standard's
// level order L, M, Q, H.
constexpr int kEccPerBlock[4][11] = {
    {0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18},
    {0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26},
    {0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24},
    {0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28},
};
constexpr int kBlocks[4][11] = {
    {0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4},
    {0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5},
    {0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8},
    {0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8},
};
// Alignment pattern centres (annex E) for versions 1..10.
const std::vector<int> kAlignment[11] = {{},       {},       {6, 18},  {6, 22},      {6, 26},      {6, 30},
                                         {6, 34},  {6, 22, 38}, {6, 24, 42}, {6, 26, 46}, {6, 28, 50}};

struct Decoded {
    int level = -1;  // index into the tables above: 0 L, 1 M, 2 Q, 3 H
    int mask = -1;
    bool ecc_ok = false;
    std::string text;
};

int FormatCode(int level_bits, int mask) {
    const int data = level_bits << 3 | mask;
    int rem = data;
    for (int i = 0; i < 10; ++i) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    return (data << 10 | rem) ^ 0x5412;
}

bool MaskBit(int mask, int x, int y) {
    switch (mask) {
    case 0: return (x + y) % 2 == 0;
    case 1: return y % 2 == 0;
    case 2: return x % 3 == 0;
    case 3: return (x + y) % 3 == 0;
    case 4: return (x / 3 + y / 2) % 2 == 0;
    case 5: return x * y % 2 + x * y % 3 == 0;
    case 6: return (x * y % 2 + x * y % 3) % 2 == 0;
    default: return ((x + y) % 2 + x * y % 3) % 2 == 0;
    }
}

std::uint8_t GfMultiply(std::uint8_t a, std::uint8_t b) {
    int product = 0;
    for (int i = 7; i >= 0; --i) {
        product = (product << 1) ^ ((product >> 7) * 0x11D);
        if ((b >> i) & 1) product ^= a;
    }
    return static_cast<std::uint8_t>(product);
}

// The check words a Reed-Solomon code with generator prod (x - a^i), i < degree, appends to data.
std::vector<std::uint8_t> ReedSolomon(const std::vector<std::uint8_t>& data, int degree) {
    std::vector<std::uint8_t> generator(static_cast<std::size_t>(degree), 0);
    generator.back() = 1;
    std::uint8_t root = 1;
    for (int i = 0; i < degree; ++i) {
        for (int j = 0; j < degree; ++j) {
            generator[j] = GfMultiply(generator[j], root);
            if (j + 1 < degree) generator[j] ^= generator[j + 1];
        }
        root = GfMultiply(root, 2);
    }
    std::vector<std::uint8_t> remainder(static_cast<std::size_t>(degree), 0);
    for (std::uint8_t byte : data) {
        const std::uint8_t factor = byte ^ remainder.front();
        remainder.erase(remainder.begin());
        remainder.push_back(0);
        for (int i = 0; i < degree; ++i) remainder[i] ^= GfMultiply(generator[i], factor);
    }
    return remainder;
}

// Marks finder patterns with separators and format areas, timing, alignment, version areas and the
// dark module: everything that is not data.
std::vector<bool> FunctionModules(int version, int size) {
    std::vector<bool> function(static_cast<std::size_t>(size * size), false);
    auto mark = [&](int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; ++y)
            for (int x = x0; x < x0 + w; ++x)
                if (x >= 0 && y >= 0 && x < size && y < size) function[y * size + x] = true;
    };
    mark(0, 0, 9, 9);
    mark(size - 8, 0, 8, 9);
    mark(0, size - 8, 9, 8);
    mark(6, 0, 1, size);
    mark(0, 6, size, 1);
    const std::vector<int>& centres = kAlignment[version];
    for (int cy : centres) {
        for (int cx : centres) {
            const bool on_finder = (cx == 6 && cy == 6) || (cx == 6 && cy == centres.back()) ||
                                   (cx == centres.back() && cy == 6);
            if (!on_finder) mark(cx - 2, cy - 2, 5, 5);
        }
    }
    if (version >= 7) {
        mark(size - 11, 0, 3, 6);
        mark(0, size - 11, 6, 3);
    }
    return function;
}

std::optional<Decoded> Decode(const QrMatrix& m) {
    Decoded out;
    const int version = (m.size - 17) / 4;
    if (version < 1 || version > 10) return std::nullopt;
    // Format bits, first copy: around the top-left finder.
    int bits = 0;
    for (int i = 0; i <= 5; ++i) bits |= m.At(8, i) << i;
    bits |= m.At(8, 7) << 6;
    bits |= m.At(8, 8) << 7;
    bits |= m.At(7, 8) << 8;
    for (int i = 9; i < 15; ++i) bits |= m.At(14 - i, 8) << i;
    constexpr int kLevelBits[4] = {1, 0, 3, 2};  // L M Q H as coded in the format bits
    for (int level = 0; level < 4; ++level)
        for (int mask = 0; mask < 8; ++mask)
            if (FormatCode(kLevelBits[level], mask) == bits) out.level = level, out.mask = mask;
    if (out.level < 0) return std::nullopt;

    // Codewords in the zigzag order, unmasked.
    const std::vector<bool> function = FunctionModules(version, m.size);
    std::vector<std::uint8_t> raw;
    int bit_count = 0;
    std::uint8_t current = 0;
    for (int right = m.size - 1; right >= 1; right -= 2) {
        if (right == 6) right = 5;
        for (int vert = 0; vert < m.size; ++vert) {
            for (int j = 0; j < 2; ++j) {
                const int x = right - j;
                const bool upward = ((right + 1) & 2) == 0;
                const int y = upward ? m.size - 1 - vert : vert;
                if (function[y * m.size + x]) continue;
                current = static_cast<std::uint8_t>(current << 1 | (m.At(x, y) != MaskBit(out.mask, x, y)));
                if (++bit_count % 8 == 0) raw.push_back(current), current = 0;
            }
        }
    }

    // De-interleave into blocks; short blocks first, each long block one data word longer.
    const int blocks = kBlocks[out.level][version], ecc_len = kEccPerBlock[out.level][version];
    const int total = static_cast<int>(raw.size());
    const int short_blocks = blocks - total % blocks;
    const int short_data = total / blocks - ecc_len;
    std::vector<std::vector<std::uint8_t>> data(blocks), ecc(blocks);
    std::size_t k = 0;
    for (int i = 0; i <= short_data; ++i)
        for (int b = 0; b < blocks; ++b)
            if (i < short_data || b >= short_blocks) data[b].push_back(raw[k++]);
    for (int i = 0; i < ecc_len; ++i)
        for (int b = 0; b < blocks; ++b) ecc[b].push_back(raw[k++]);
    out.ecc_ok = true;
    for (int b = 0; b < blocks; ++b) out.ecc_ok &= ReedSolomon(data[b], ecc_len) == ecc[b];

    // The bit stream: segments until the terminator (or the end of the data).
    std::vector<int> stream;
    for (const auto& block : data)
        for (std::uint8_t byte : block)
            for (int i = 7; i >= 0; --i) stream.push_back((byte >> i) & 1);
    std::size_t pos = 0;
    auto read = [&](int n) {
        int value = 0;
        for (int i = 0; i < n && pos < stream.size(); ++i) value = value << 1 | stream[pos++];
        return value;
    };
    static constexpr char kAlphanumeric[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    while (pos + 4 <= stream.size()) {
        const int mode = read(4);
        if (mode == 0) break;
        if (mode == 4) {  // byte
            const int count = read(version <= 9 ? 8 : 16);
            for (int i = 0; i < count; ++i) out.text += static_cast<char>(read(8));
        } else if (mode == 2) {  // alphanumeric
            int count = read(version <= 9 ? 9 : 11);
            for (; count >= 2; count -= 2) {
                const int pair = read(11);
                out.text += kAlphanumeric[pair / 45];
                out.text += kAlphanumeric[pair % 45];
            }
            if (count == 1) out.text += kAlphanumeric[read(6)];
        } else if (mode == 1) {  // numeric
            int count = read(version <= 9 ? 10 : 12);
            for (; count >= 3; count -= 3) {
                const std::string digits = std::to_string(read(10));
                out.text += std::string(3 - digits.size(), '0') + digits;
            }
            if (count > 0) {
                const std::string digits = std::to_string(read(count == 2 ? 7 : 4));
                out.text += std::string(static_cast<std::size_t>(count) - digits.size(), '0') + digits;
            }
        } else {
            return std::nullopt;  // a mode the receipt never uses
        }
    }
    return out;
}

bool HasFinder(const QrMatrix& m, int left, int top) {
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
            if (m.At(left + x, top + y) != (ring != 2)) return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("qr: the library's demo text reads back from a version 1 code", "[qr]") {
    // qrcodegen-demo.c's basic demo: "Hello, world!" at level Low fits version 1 (21 x 21).
    const auto qr = EncodeQr("Hello, world!", QrEcc::Low);
    REQUIRE(qr);
    CHECK(qr->version == 1);
    CHECK(qr->size == 21);
    CHECK(HasFinder(*qr, 0, 0));
    CHECK(HasFinder(*qr, 14, 0));
    CHECK(HasFinder(*qr, 0, 14));
    const auto decoded = Decode(*qr);
    REQUIRE(decoded);
    CHECK(decoded->ecc_ok);
    CHECK(decoded->text == "Hello, world!");
}

TEST_CASE("qr: a tracking link reads back exactly, with valid check words and at least level M", "[qr]") {
    const std::string url = "http://127.0.0.1:8431/#/track/R7KX-4M9Q-P2HC?t=3f9a0c1d2e4b5a6978877665544332211";
    const auto qr = EncodeQr(url, QrEcc::Medium);
    REQUIRE(qr);
    CHECK(qr->size == 17 + 4 * qr->version);
    CHECK(qr->dark.size() == static_cast<std::size_t>(qr->size * qr->size));
    CHECK(qr->version <= 6);  // 82 bytes at level M fit version 5 or 6: small enough to scan from paper
    const auto decoded = Decode(*qr);
    REQUIRE(decoded);
    CHECK(decoded->ecc_ok);
    CHECK(decoded->text == url);
    CHECK(decoded->level >= 1);  // M or better (the library raises the level when it fits for free)
    CHECK(static_cast<int>(qr->ecc) == decoded->level);  // EncodeQr reports the level it used
    for (int x = 8; x < qr->size - 8; ++x) CHECK(qr->At(x, 6) == (x % 2 == 0));  // timing pattern
}

TEST_CASE("qr: upper-case text uses the denser alphanumeric mode and still reads back", "[qr]") {
    const auto qr = EncodeQr("R7KX-4M9Q-P2HC", QrEcc::High);
    REQUIRE(qr);
    const auto decoded = Decode(*qr);
    REQUIRE(decoded);
    CHECK(decoded->ecc_ok);
    CHECK(decoded->level == 3);
    CHECK(decoded->text == "R7KX-4M9Q-P2HC");
}

TEST_CASE("qr: text longer than version 40 holds is refused, not an abort", "[qr]") {
    CHECK_FALSE(EncodeQr(std::string(3000, 'x'), QrEcc::Low));
    CHECK_FALSE(EncodeQr(std::string("a\0b", 3)));
}

TEST_CASE("qr: the SVG path covers exactly the dark modules", "[qr]") {
    const auto qr = EncodeQr("https://example.test/#/track/C2345-6789", QrEcc::Medium);
    REQUIRE(qr);
    const std::string path = QrSvgPath(*qr);
    // Re-draw the path's rectangles ("Mx yhNv1h-Nz") into a grid and compare.
    std::vector<std::uint8_t> drawn(qr->dark.size(), 0);
    std::size_t pos = 0;
    int rectangles = 0;
    while ((pos = path.find('M', pos)) != std::string::npos) {
        int x = 0, y = 0, run = 0;
        REQUIRE(std::sscanf(path.c_str() + pos, "M%d %dh%dv1h", &x, &y, &run) == 3);
        for (int i = 0; i < run; ++i) {
            CHECK(drawn[static_cast<std::size_t>(y * qr->size + x + i)] == 0);  // no overlaps
            drawn[static_cast<std::size_t>(y * qr->size + x + i)] = 1;
        }
        ++rectangles;
        ++pos;
    }
    CHECK(drawn == qr->dark);
    CHECK(rectangles < qr->size * qr->size / 2);  // runs are merged, not one square per module
}
