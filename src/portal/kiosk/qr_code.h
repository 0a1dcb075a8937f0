// QR codes for kiosk receipts: a tracking link becomes a module matrix (Nayuki's QR Code generator,
// C port, from Debian's source package) and an SVG path. No ImGui, no platform: unit-tested natively.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::portal {

enum class QrEcc { Low, Medium, Quartile, High };

struct QrMatrix {
    int version = 0;  // 1..40; the side is 17 + 4 * version modules
    int size = 0;
    QrEcc ecc = QrEcc::Medium;
    std::vector<std::uint8_t> dark;  // size * size, row-major, 1 = dark module

    bool At(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// The smallest QR code that holds `text` (byte mode, or the denser modes when the text allows) at
// error correction `ecc` or better; nullopt when the text does not fit in version 40.
std::optional<QrMatrix> EncodeQr(std::string_view text, QrEcc ecc = QrEcc::Medium);

// The dark modules as one SVG path in module units ("M4 4h7v1h-7z..."; runs of a row merged), for
// <svg viewBox="0 0 size size"> with a quiet zone added by the caller.
std::string QrSvgPath(const QrMatrix& matrix);

} // namespace aftercare::portal
