// Numbers, money, sizes and days in the customer's language and time zone, for every
// screen that shows them ("明天", "Tue 3 Jun"; money: core::FormatMoney). Times and durations: time_format.h.
#pragma once

#include "i18n.h"

#include "core/policy.h"
#include "core/time.h"

#include <cstdint>
#include <string>

namespace aftercare::portal {

// "2.4 MB", "350 KB"
std::string FormatFileSize(std::int64_t bytes);

// A date relative to today where that reads better: "今天", "明天", "11月28日 周六"; "Today",
// "Tomorrow", "Sat 28 Nov".
std::string FormatDay(const StringTable& strings, Language language, core::CivilDate date, core::CivilDate today);

// Takes at most `max_bytes` of UTF-8 text without cutting a character in two.
std::string TruncateUtf8(std::string_view text, std::size_t max_bytes);

} // namespace aftercare::portal
