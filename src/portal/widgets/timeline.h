// A timeline: what happened, who did it and when, newest or oldest first as the caller lists it.
// Each entry has a marker in its tone, a title in the portal's words, a "who · when" line and an
// optional note typed by a person (drawn in the regular face, which carries every character).
#pragma once

#include "widgets.h"
#include "widgets/tone.h"

#include <span>
#include <string>

namespace aftercare::portal {

struct TimelineEntry {
    std::string key;               // stable identity (e.g. the event's sequence number)
    const char* icon = nullptr;    // inside the marker
    Tone tone = Tone::Neutral;
    std::string title;             // "工程师已接单"
    std::string meta;              // "王工 · 今天 14:32"
    std::string note;              // what a person wrote; empty for none
    bool note_from_reader = false; // the reader's own words: tinted in the brand colour
};

void Timeline(Ui& ui, const char* id, std::span<const TimelineEntry> entries);

} // namespace aftercare::portal
