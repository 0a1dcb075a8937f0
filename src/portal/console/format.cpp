// Console formatting; see format.h.
#include "console/format.h"

#include "core/time.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace aftercare::portal {

namespace {

struct Wall {
    core::CivilDate date;
    int hour = 0, minute = 0;
};

Wall WallClock(std::int64_t unix_seconds, int utc_offset_minutes) {
    const std::int64_t local = unix_seconds + static_cast<std::int64_t>(utc_offset_minutes) * 60;
    const std::int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    const std::int64_t in_day = local - day * 86400;
    return Wall{core::CivilFromDays(day), static_cast<int>(in_day / 3600), static_cast<int>(in_day % 3600 / 60)};
}

} // namespace

std::string FormatDateTime(std::int64_t unix_seconds, int utc_offset_minutes) {
    const Wall w = WallClock(unix_seconds, utc_offset_minutes);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", w.date.year, w.date.month, w.date.day, w.hour,
                  w.minute);
    return buffer;
}

std::string FormatShortDateTime(std::int64_t unix_seconds, int utc_offset_minutes) {
    const Wall w = WallClock(unix_seconds, utc_offset_minutes);
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%02d-%02d %02d:%02d", w.date.month, w.date.day, w.hour, w.minute);
    return buffer;
}

std::string FormatMonthDay(std::int64_t unix_seconds, int utc_offset_minutes) {
    const Wall w = WallClock(unix_seconds, utc_offset_minutes);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d-%02d", w.date.month, w.date.day);
    return buffer;
}

std::string FormatPercent(double ratio) {
    const double percent = ratio * 100.0;
    char buffer[24];
    if (std::fabs(percent - std::round(percent)) < 0.05) {
        std::snprintf(buffer, sizeof buffer, "%.0f%%", percent);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.1f%%", percent);
    }
    return buffer;
}

std::string FormatOneDecimal(double value) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

std::string FormatCount(std::int64_t value) {
    const std::string digits = std::to_string(value);  // "-12345" for negatives
    const std::size_t first = value < 0 ? 1 : 0;
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > first && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace aftercare::portal
