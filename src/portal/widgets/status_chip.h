// Chips: rounded pills with a dot (or an icon) and a short label in a colour ("● 处理中"). One look
// for every such label, the customer's ticket status as well as the staff console's priorities,
// roles and escalation levels.
#pragma once

#include "widgets.h"
#include "widgets/tone.h"

#include <string_view>

namespace aftercare::portal {

// How a chip shows in the ARIA mirror.
enum class ChipMirror {
    Status,  // a polite live region: a status that changes while the page is open is announced
    Text,    // plain text
    None,    // inside something already mirrored with these words (a table row's description)
};

struct ChipStyle {
    const char* icon = nullptr;          // drawn in place of the dot
    ChipMirror mirror = ChipMirror::Text;
    std::string_view accessible_name{};  // empty: the label
    bool compact = false;                // table rows: less height, same text
};

// Mirrored as a polite live region named `accessible_name` (e.g. "状态：处理中"), so a status
// that changes while the page is open is announced.
void StatusChip(Ui& ui, std::string_view label, Tone tone, std::string_view accessible_name);

// The chip's width for `label`, for right-aligning it.
float StatusChipWidth(const Ui& ui, std::string_view label);

// The same pill in any colour (priorities, ticket states, roles, escalation levels).
void ColourChip(Ui& ui, std::string_view label, const ImVec4& colour, const ChipStyle& style = {});

// The size ColourChip() will take, for aligning or centring it.
ImVec2 ColourChipSize(const Ui& ui, std::string_view label, const ChipStyle& style = {});

} // namespace aftercare::portal
