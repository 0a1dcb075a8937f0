// A signature's strokes as a PNG: rasterized here (no browser, no library), so the same bytes come
// out in the wasm app and in the native tests, and the server can hash exactly what was signed.
#pragma once

#include <string>
#include <vector>

namespace aftercare::portal {

// A point on the pad, 0..1 across and down (the pad's own size does not matter to the image).
struct SignaturePoint {
    float x = 0;
    float y = 0;
};
using SignatureStroke = std::vector<SignaturePoint>;

// Black strokes `pen_px` wide on white, `width` × `height` pixels, encoded as a 1-bit greyscale
// PNG with stored (uncompressed) deflate blocks: a 600 × 200 signature is ~15 KB.
std::string SignaturePng(const std::vector<SignatureStroke>& strokes, int width, int height, float pen_px);

} // namespace aftercare::portal
