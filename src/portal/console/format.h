// Numbers and dates as the console shows them, in the UI language (durations: time_format.h).
#pragma once

#include "i18n.h"

#include <cstdint>
#include <string>

namespace aftercare::portal {

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
