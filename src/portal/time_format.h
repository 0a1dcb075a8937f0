// Times and durations, one family for every screen (customer and console): instants in the reader's
// time zone ("15:30", "明天 15:30", "11月28日 15:30"), countdowns ("1 小时 12 分", or "1:05:09" in
// a table), spans ("2 小时 5 分"), budgets ("1 小时 30 分钟") and waits ("15 分钟").
#pragma once

#include "i18n.h"

#include "core/service_hours.h"
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

// The same as a clock for tables and chips, signed: "1:05:09", "-0:03:12"; from a day on "2天 03:05"
// / "2d 03:05".
std::string FormatCountdownClock(Language language, std::int64_t seconds);

// How long something took, to the minute (seconds only under a minute), dropping zero parts:
// "45 秒", "12 分钟", "2 小时", "2 小时 5 分", "3 天", "3 天 4 小时"; "2 h 5 min", "3 d".
std::string FormatSpan(const StringTable& strings, Language language, std::int64_t seconds);

// A budget in plain words: "10 分钟", "2 小时", "1 小时 30 分钟"; "10 minutes", "2 hours".
std::string FormatDuration(const StringTable& strings, Language language, std::int64_t minutes);

// A length in months as people say it: whole years as years ("3 年", "3 years"), otherwise months
// ("18 个月", "18 months") — never rounded to a year it is not.
std::string FormatMonths(const StringTable& strings, Language language, std::int64_t months);

// Opening hours in plain words, consecutive days with the same hours joined:
// "周一至周五 09:00–17:00", "Mon–Fri 09:00–17:00; Sat 10:00–16:00". Empty when every day is closed.
std::string FormatWeeklyHours(const StringTable& strings, Language language, const core::ServiceHours& hours);

// A wait in plain words, rounded up so it is never too short: "45 秒", "15 分钟", "2 小时".
std::string FormatWait(const StringTable& strings, Language language, std::int64_t seconds);

} // namespace aftercare::portal
