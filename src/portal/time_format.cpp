// Local times, countdowns and waits in words; see time_format.h.
#include "time_format.h"

#include <cstdio>
#include <cstdlib>

namespace aftercare::portal {
namespace {

// Literal keys, so the i18n check sees every one of them.
constexpr const char* kMonthKeys[12] = {
    "time.month.jan", "time.month.feb", "time.month.mar", "time.month.apr", "time.month.may", "time.month.jun",
    "time.month.jul", "time.month.aug", "time.month.sep", "time.month.oct", "time.month.nov", "time.month.dec",
};

std::string TwoDigits(std::int64_t value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", static_cast<int>(value));
    return buffer;
}

std::int64_t CeilDiv(std::int64_t value, std::int64_t unit) { return (value + unit - 1) / unit; }

} // namespace

std::string FormatLocalTime(const StringTable& strings, Language language, core::UnixSeconds at,
                            core::UnixSeconds now, int utc_offset_minutes) {
    const core::UnixSeconds local = at + static_cast<core::UnixSeconds>(utc_offset_minutes) * core::kSecondsPerMinute;
    const std::int64_t second_of_day = ((local % core::kSecondsPerDay) + core::kSecondsPerDay) % core::kSecondsPerDay;
    const std::string clock = TwoDigits(second_of_day / core::kSecondsPerHour) + ":" +
                              TwoDigits(second_of_day % core::kSecondsPerHour / core::kSecondsPerMinute);
    const core::DayNumber day = core::LocalDayNumber(at, utc_offset_minutes);
    const core::DayNumber today = core::LocalDayNumber(now, utc_offset_minutes);
    if (day == today) return clock;
    if (day == today + 1) return strings.Format(language, "time.tomorrow", {{"time", clock}});
    if (day == today - 1) return strings.Format(language, "time.yesterday", {{"time", clock}});
    const core::CivilDate date = core::CivilFromDays(day);
    const core::CivilDate this_day = core::CivilFromDays(today);
    const std::string& month = strings.Get(language, kMonthKeys[date.month - 1]);
    if (date.year == this_day.year) {
        return strings.Format(language, "time.date_time",
                              {{"month", month}, {"day", std::to_string(date.day)}, {"time", clock}});
    }
    return strings.Format(language, "time.full_date_time",
                          {{"year", std::to_string(date.year)},
                           {"month", month},
                           {"day", std::to_string(date.day)},
                           {"time", clock}});
}

std::string FormatCountdown(const StringTable& strings, Language language, std::int64_t seconds) {
    if (seconds < 0) seconds = -seconds;
    const std::int64_t days = seconds / core::kSecondsPerDay;
    const std::int64_t hours = seconds % core::kSecondsPerDay / core::kSecondsPerHour;
    const std::int64_t minutes = seconds % core::kSecondsPerHour / core::kSecondsPerMinute;
    const std::int64_t rest = seconds % core::kSecondsPerMinute;
    if (days > 0) {
        return strings.Format(language, "time.days_hours", {{"d", std::to_string(days)}, {"h", std::to_string(hours)}});
    }
    if (hours > 0) {
        return strings.Format(language, "time.hours_minutes",
                              {{"h", std::to_string(hours)}, {"m", std::to_string(minutes)}});
    }
    if (minutes > 0) {
        return strings.Format(language, "time.minutes_seconds", {{"m", std::to_string(minutes)}, {"s", TwoDigits(rest)}});
    }
    return strings.Format(language, "time.seconds", {{"s", std::to_string(rest)}});
}

std::string FormatCountdownClock(Language language, std::int64_t seconds) {
    const bool negative = seconds < 0;
    std::int64_t left = std::llabs(seconds);
    const std::int64_t days = left / 86400;
    left %= 86400;
    char buffer[48];
    if (days > 0) {
        std::snprintf(buffer, sizeof buffer, language == Language::ZhCN ? "%s%lld天 %02lld:%02lld" : "%s%lldd %02lld:%02lld",
                      negative ? "-" : "", static_cast<long long>(days), static_cast<long long>(left / 3600),
                      static_cast<long long>(left % 3600 / 60));
    } else {
        std::snprintf(buffer, sizeof buffer, "%s%lld:%02lld:%02lld", negative ? "-" : "",
                      static_cast<long long>(left / 3600), static_cast<long long>(left % 3600 / 60),
                      static_cast<long long>(left % 60));
    }
    return buffer;
}

std::string FormatSpan(const StringTable& strings, Language language, std::int64_t seconds) {
    const std::int64_t s = std::llabs(seconds);
    if (s < 60) return strings.Format(language, "time.seconds", {{"s", std::to_string(s)}});
    if (s < 3600) return strings.Format(language, "time.minutes", {{"m", std::to_string(s / 60)}});
    if (s < 86400) {
        if (s % 3600 / 60 == 0) return strings.Format(language, "time.whole_hours", {{"h", std::to_string(s / 3600)}});
        return strings.Format(language, "time.hours_minutes",
                              {{"h", std::to_string(s / 3600)}, {"m", std::to_string(s % 3600 / 60)}});
    }
    if (s % 86400 / 3600 == 0) return strings.Format(language, "time.whole_days", {{"d", std::to_string(s / 86400)}});
    return strings.Format(language, "time.days_hours",
                          {{"d", std::to_string(s / 86400)}, {"h", std::to_string(s % 86400 / 3600)}});
}

std::string FormatDuration(const StringTable& strings, Language language, std::int64_t minutes) {
    const std::int64_t hours = minutes / 60;
    const std::int64_t rest = minutes % 60;
    auto part = [&](const char* one_key, const char* many_key, std::int64_t count) {
        return strings.Format(language, count == 1 ? one_key : many_key, {{"n", std::to_string(count)}});
    };
    if (hours == 0) return part("format.minute", "format.minutes", rest);
    if (rest == 0) return part("format.hour", "format.hours", hours);
    return part("format.hour", "format.hours", hours) + " " + part("format.minute", "format.minutes", rest);
}

std::string FormatMonths(const StringTable& strings, Language language, std::int64_t months) {
    if (months > 0 && months % 12 == 0) {
        const std::int64_t years = months / 12;
        return strings.Format(language, years == 1 ? "format.year" : "format.years", {{"n", std::to_string(years)}});
    }
    return strings.Format(language, months == 1 ? "format.month_count" : "format.months_count",
                          {{"n", std::to_string(months)}});
}

std::string FormatWeeklyHours(const StringTable& strings, Language language, const core::ServiceHours& hours) {
    constexpr const char* kDays[7] = {"format.weekday.mon", "format.weekday.tue", "format.weekday.wed",
                                             "format.weekday.thu", "format.weekday.fri", "format.weekday.sat",
                                             "format.weekday.sun"};
    std::string text;
    for (int first = 0; first < 7;) {
        const auto& daily = hours.weekly[first];
        int last = first;
        while (last + 1 < 7 && hours.weekly[last + 1] == daily) ++last;
        if (daily) {
            std::string days = strings.Get(language, kDays[first]);
            if (last > first) {
                days = strings.Format(language, "format.day_range",
                                      {{"from", days}, {"to", strings.Get(language, kDays[last])}});
            }
            if (!text.empty()) text += strings.Get(language, "format.list_separator");
            text += days + " " + core::FormatMinuteOfDay(daily->open_minute) + "–" +
                    core::FormatMinuteOfDay(daily->close_minute);
        }
        first = last + 1;
    }
    return text;
}

std::string FormatWait(const StringTable& strings, Language language, std::int64_t seconds) {
    if (seconds < 1) seconds = 1;
    if (seconds < core::kSecondsPerMinute) {
        return strings.Format(language, "time.wait.seconds", {{"n", std::to_string(seconds)}});
    }
    if (seconds <= 90 * core::kSecondsPerMinute) {
        const std::int64_t minutes = CeilDiv(seconds, core::kSecondsPerMinute);
        if (minutes == 1) return strings.Get(language, "time.wait.one_minute");
        return strings.Format(language, "time.wait.minutes", {{"n", std::to_string(minutes)}});
    }
    return strings.Format(language, "time.wait.hours", {{"n", std::to_string(CeilDiv(seconds, core::kSecondsPerHour))}});
}

} // namespace aftercare::portal
