// Times and durations in the customer's words and time zone: "15:30", "明天 15:30", "11月28日 15:30";
// countdowns ("1 小时 12 分") and waits ("15 分钟"). Shared by every screen that shows a time.
#pragma once

#include "i18n.h"

#include "core/time.h"

#include <cstdint>
#include <string>

namespace aftercare::portal {

// An instant in the customer's local time, as near as needed to `now`: "15:30" today,
// "明天 15:30" / "tomorrow 15:30", "昨天 09:05", "11月28日 15:30" this year, with the year otherwise.
std::string FormatLocalTime(const StringTable& strings, Language language, core::UnixSeconds at,
                            core::UnixSeconds now, int utc_offset_minutes);

// A countdown or an overrun, always positive: "2 天 3 小时", "1 小时 12 分", "12 分 05 秒", "45 秒".
// Seconds appear only under an hour, where they are what moves.
std::string FormatCountdown(const StringTable& strings, Language language, std::int64_t seconds);

// A wait in plain words, rounded up so it is never too short: "45 秒", "15 分钟", "2 小时".
std::string FormatWait(const StringTable& strings, Language language, std::int64_t seconds);

} // namespace aftercare::portal
