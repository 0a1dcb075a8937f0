// Numbers, times and durations as the console shows them, in the UI language.
#pragma once

#include "i18n.h"

#include <cstdint>
#include <string>

namespace aftercare::portal {

// "1:05:09" / "-0:03:12"; from a day on, "2天 03:05" (zh) or "2d 03:05" (en).
std::string FormatCountdown(Language language, std::int64_t seconds);
// "2 小时 5 分" / "2 h 5 min", "3 天 4 小时" / "3 d 4 h", "45 秒" / "45 s".
std::string FormatDurationSeconds(const StringTable& strings, Language language, std::int64_t seconds);
// Local wall-clock time at `utc_offset_minutes`: "2025-11-27 14:05", "11-27 14:05", "11-27".
std::string FormatDateTime(std::int64_t unix_seconds, int utc_offset_minutes);
std::string FormatShortDateTime(std::int64_t unix_seconds, int utc_offset_minutes);
std::string FormatMonthDay(std::int64_t unix_seconds, int utc_offset_minutes);
// "92.5%" (one decimal, none for whole numbers).
std::string FormatPercent(double ratio);
// "4.6"
std::string FormatOneDecimal(double value);
// "12,345"
std::string FormatCount(std::int64_t value);

} // namespace aftercare::portal
