// QR encoding over the qrcodegen C library; see qr_code.h.
#include "kiosk/qr_code.h"

#include <qrcodegen.h>

namespace aftercare::portal {
namespace {

qrcodegen_Ecc ToLibrary(QrEcc ecc) {
    switch (ecc) {
    case QrEcc::Low: return qrcodegen_Ecc_LOW;
    case QrEcc::Medium: return qrcodegen_Ecc_MEDIUM;
    case QrEcc::Quartile: return qrcodegen_Ecc_QUARTILE;
    case QrEcc::High: return qrcodegen_Ecc_HIGH;
    }
    return qrcodegen_Ecc_MEDIUM;
}

} // namespace

std::optional<QrMatrix> EncodeQr(std::string_view text, QrEcc ecc) {
    // The library wants a NUL-terminated string: a NUL inside the text would cut it short.
    if (text.find('\0') != std::string_view::npos) return std::nullopt;
    const std::string terminated(text);
    std::vector<std::uint8_t> temp(qrcodegen_BUFFER_LEN_MAX), code(qrcodegen_BUFFER_LEN_MAX);
    // boostEcl: a higher error-correction level when it fits in the same version (free robustness
    // against a smudged receipt).
    if (!qrcodegen_encodeText(terminated.c_str(), temp.data(), code.data(), ToLibrary(ecc), qrcodegen_VERSION_MIN,
                              qrcodegen_VERSION_MAX, qrcodegen_Mask_AUTO, /*boostEcl=*/true)) {
        return std::nullopt;
    }
    QrMatrix matrix;
    matrix.size = qrcodegen_getSize(code.data());
    matrix.version = (matrix.size - 17) / 4;
    matrix.dark.resize(static_cast<std::size_t>(matrix.size * matrix.size));
    for (int y = 0; y < matrix.size; ++y) {
        for (int x = 0; x < matrix.size; ++x) {
            matrix.dark[static_cast<std::size_t>(y * matrix.size + x)] = qrcodegen_getModule(code.data(), x, y) ? 1 : 0;
        }
    }
    // The level actually used (boosted or not) is in the format bits; read it back from there.
    // Format bits 14..13 (XOR-masked with 0b10) sit at (8, 0..1) after the fixed mask 0x5412.
    int bits = 0;
    for (int i = 0; i <= 5; ++i) bits |= (matrix.At(8, i) ? 1 : 0) << i;
    bits |= (matrix.At(8, 7) ? 1 : 0) << 6;
    bits |= (matrix.At(8, 8) ? 1 : 0) << 7;
    bits |= (matrix.At(7, 8) ? 1 : 0) << 8;
    for (int i = 9; i < 15; ++i) bits |= (matrix.At(14 - i, 8) ? 1 : 0) << i;
    switch (((bits ^ 0x5412) >> 13) & 3) {
    case 1: matrix.ecc = QrEcc::Low; break;
    case 0: matrix.ecc = QrEcc::Medium; break;
    case 3: matrix.ecc = QrEcc::Quartile; break;
    default: matrix.ecc = QrEcc::High; break;
    }
    return matrix;
}

std::string QrSvgPath(const QrMatrix& matrix) {
    std::string path;
    for (int y = 0; y < matrix.size; ++y) {
        int x = 0;
        while (x < matrix.size) {
            if (!matrix.At(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < matrix.size && matrix.At(x, y)) ++x;
            const int run = x - start;
            path += "M" + std::to_string(start) + " " + std::to_string(y) + "h" + std::to_string(run) + "v1h-" +
                    std::to_string(run) + "z";
        }
    }
    return path;
}

} // namespace aftercare::portal
