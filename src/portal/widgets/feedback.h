// Feedback widgets every screen uses for its remote states: a loading indicator, an error banner
// with the right words for each failure (offline, rate limited, not found...), an empty state.
#pragma once

#include "i18n.h"
#include "net/remote.h"
#include "widgets.h"

#include <string_view>

namespace aftercare::portal {

// Picks the text of a LocalizedText in the UI language (falls back to the other one).
const std::string& Localized(const core::LocalizedText& text, Language language);

// A spinning ring and a line of text, centred; asks for redraws while visible.
void LoadingIndicator(Ui& ui, std::string_view text);

// The failure in plain words, in a tinted box, with a retry button for failures that may pass
// (offline, rate limited, server errors). Returns true when retry was pressed.
bool ErrorBanner(Ui& ui, const StringTable& strings, Language language, const ApiError& error, const char* id);

// The message a screen shows for a failure (the server's own words when it sent some).
std::string DescribeError(const StringTable& strings, Language language, const ApiError& error);

// A muted icon and a sentence, for "nothing here yet".
void EmptyState(Ui& ui, const char* icon, std::string_view text);

} // namespace aftercare::portal
