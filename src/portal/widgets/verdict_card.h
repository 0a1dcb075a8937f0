// A decision shown as a verdict: a tinted card with a big icon, a title and the reason, green when
// granted, amber when refused, blue for information; the screen adds details and actions inside it.
#pragma once

#include "widgets.h"

#include <string_view>

namespace aftercare::portal {

enum class Verdict { Granted, Refused, Info };

// Opens the card and draws its header; what follows is drawn in the text column, beside the icon.
// Always pair with EndVerdictCard(). The title is mirrored as a status (announced when it appears).
// `icon` replaces the verdict's own (a tick, a warning sign, an "i").
void BeginVerdictCard(Ui& ui, const char* id, Verdict verdict, std::string_view title, std::string_view reason,
                      const char* icon = nullptr);
void EndVerdictCard(Ui& ui);

} // namespace aftercare::portal
