// A signature pad: the customer signs with a finger (or the mouse) in a box; the strokes are kept
// in the pad's own 0..1 coordinates, so a rotated phone or a resized window does not distort them.
#pragma once

#include "widgets.h"
#include "widgets/signature_image.h"

#include <string_view>
#include <vector>

namespace aftercare::portal {

struct SignaturePadState {
    std::vector<SignatureStroke> strokes;
    bool drawing = false;  // a stroke is under way (the pointer went down on the pad)

    bool Empty() const { return strokes.empty(); }
    void Clear() { strokes.clear(), drawing = false; }
};

// Draws the pad `height` tall across the available width and records strokes while the pointer is
// down on it. Mirrored as an image named `label` (its description says how many strokes there
// are), flagged so that a finger on it draws instead of scrolling the page. Returns true while
// the strokes changed this frame.
bool SignaturePad(Ui& ui, const char* id, std::string_view label, std::string_view description,
                  SignaturePadState& pad, float height);

} // namespace aftercare::portal
