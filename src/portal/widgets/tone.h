// Tones: the few colour meanings the portal uses for status (neutral, in progress, done, needs
// attention, failed), so chips, steppers and timelines agree on what a colour says.
#pragma once

#include "theme.h"

namespace aftercare::portal {

enum class Tone { Neutral, Brand, Success, Warning, Danger };

inline ImVec4 ToneColour(const Palette& p, Tone tone) {
    switch (tone) {
    case Tone::Neutral: return p.text_muted;
    case Tone::Brand: return p.brand;
    case Tone::Success: return p.success;
    case Tone::Warning: return p.warning;
    case Tone::Danger: return p.danger;
    }
    return p.text_muted;
}

// The tone's colour at low opacity, for tinted backgrounds behind text in the full colour.
inline ImVec4 ToneTint(const Palette& p, Tone tone, float alpha = 0.12f) {
    ImVec4 c = ToneColour(p, tone);
    c.w = alpha;
    return c;
}

} // namespace aftercare::portal
