// Cell values in the spellings Chinese spreadsheets use: dates (2026-03-01, 2026/3/1, 2026.3.1,
// 2026年3月1日), date-times (the same with 14:30[:00], or ISO 8601 with an offset) and yes/no.
#pragma once

#include <optional>
#include <string_view>

#include "core/time.h"

namespace aftercare::serve::import {

std::optional<core::CivilDate> ParseLooseDate(std::string_view text);

// A date alone means the start of that day. Without an offset the time is local at `offset`
// (China, +08:00, for the vendors this portal serves).
std::optional<core::UnixSeconds> ParseLooseInstant(std::string_view text, core::UtcOffsetMinutes offset);

// 是/否, true/false, yes/no, y/n, 1/0 (case-insensitive); empty is no.
std::optional<bool> ParseYesNo(std::string_view text);

} // namespace aftercare::serve::import
