// Civil-date arithmetic and ISO-8601 formatting for instants and dates (no <chrono> calendar: libc++ 14 lacks it).
#include "time.h"

#include <algorithm>
#include <cstdio>

namespace aftercare::core {

namespace {

// Floor division, so instants before 1970 land on the right day.
std::int64_t FloorDiv(std::int64_t value, std::int64_t divisor) {
    std::int64_t quotient = value / divisor;
    if ((value % divisor != 0) && ((value < 0) != (divisor < 0))) --quotient;
    return quotient;
}

bool ParseDigits(std::string_view text, std::size_t offset, std::size_t count, int& out) {
    if (offset + count > text.size()) return false;
    int value = 0;
    for (std::size_t index = offset; index < offset + count; ++index) {
        const char digit = text[index];
        if (digit < '0' || digit > '9') return false;
        value = value * 10 + (digit - '0');
    }
    out = value;
    return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

} // namespace

DayNumber DaysFromCivil(CivilDate date) {
    const std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = FloorDiv(year, 400);
    const std::int64_t year_of_era = year - era * 400;                                        // [0, 399]
    const std::int64_t month_index = date.month > 2 ? date.month - 3 : date.month + 9;        // March = 0
    const std::int64_t day_of_year = (153 * month_index + 2) / 5 + date.day - 1;              // [0, 365]
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDays(DayNumber days) {
    const std::int64_t shifted = days + 719468;
    const std::int64_t era = FloorDiv(shifted, 146097);
    const std::int64_t day_of_era = shifted - era * 146097;
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_index = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
    const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
    const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return CivilDate{year, month, day};
}

Weekday WeekdayOf(DayNumber days) {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    const std::int64_t index = ((days % 7) + 7 + 3) % 7;
    return static_cast<Weekday>(index);
}

int DaysInMonth(int year, int month) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidCivilDate(CivilDate date) {
    return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= DaysInMonth(date.year, date.month);
}

DayNumber LocalDayNumber(UnixSeconds instant, UtcOffsetMinutes offset) {
    return FloorDiv(instant + static_cast<std::int64_t>(offset) * kSecondsPerMinute, kSecondsPerDay);
}

UnixSeconds LocalDayStart(DayNumber day, UtcOffsetMinutes offset) {
    return day * kSecondsPerDay - static_cast<std::int64_t>(offset) * kSecondsPerMinute;
}

CivilDate LocalDate(UnixSeconds instant, UtcOffsetMinutes offset) {
    return CivilFromDays(LocalDayNumber(instant, offset));
}

CivilDate AddMonths(CivilDate date, int months) {
    const std::int64_t month_count = static_cast<std::int64_t>(date.year) * 12 + (date.month - 1) + months;
    const int year = static_cast<int>(FloorDiv(month_count, 12));
    const int month = static_cast<int>(month_count - static_cast<std::int64_t>(year) * 12) + 1;
    const int last_day = DaysInMonth(year, month);
    return CivilDate{year, month, date.day > last_day ? last_day : date.day};
}

CivilDate AddDays(CivilDate date, std::int64_t days) { return CivilFromDays(DaysFromCivil(date) + days); }

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    CivilDate date;
    if (!ParseDigits(text, 0, 4, date.year) || !ParseDigits(text, 5, 2, date.month) ||
        !ParseDigits(text, 8, 2, date.day)) {
        return std::nullopt;
    }
    if (!IsValidCivilDate(date)) return std::nullopt;
    return date;
}

std::string FormatMinuteOfDay(int minute) {
    minute = std::clamp(minute, 0, 24 * 60);
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
    return text;
}

std::string FormatIsoDate(CivilDate date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<UnixSeconds> ParseIsoInstant(std::string_view text) {
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
    const auto date = ParseIsoDate(text.substr(0, 10));
    if (!date) return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!ParseDigits(text, 11, 2, hour) || !ParseDigits(text, 14, 2, minute) || !ParseDigits(text, 17, 2, second))
        return std::nullopt;
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    int offset_minutes = 0;
    const std::string_view zone = text.substr(19);
    if (zone == "Z") {
        offset_minutes = 0;
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        int offset_hours = 0, offset_rest = 0;
        if (!ParseDigits(zone, 1, 2, offset_hours) || !ParseDigits(zone, 4, 2, offset_rest)) return std::nullopt;
        offset_minutes = (offset_hours * 60 + offset_rest) * (zone[0] == '-' ? -1 : 1);
        if (!IsValidUtcOffset(offset_minutes)) return std::nullopt;
    } else {
        return std::nullopt;
    }
    return DaysFromCivil(*date) * kSecondsPerDay + hour * kSecondsPerHour + minute * kSecondsPerMinute + second -
           static_cast<std::int64_t>(offset_minutes) * kSecondsPerMinute;
}

std::string FormatIsoInstant(UnixSeconds instant) {
    const DayNumber day = FloorDiv(instant, kSecondsPerDay);
    const std::int64_t second_of_day = instant - day * kSecondsPerDay;
    const CivilDate date = CivilFromDays(day);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month, date.day,
                  static_cast<int>(second_of_day / 3600), static_cast<int>(second_of_day / 60 % 60),
                  static_cast<int>(second_of_day % 60));
    return buffer;
}

bool IsValidUtcOffset(UtcOffsetMinutes offset) { return offset >= -12 * 60 && offset <= 14 * 60; }

} // namespace aftercare::core
