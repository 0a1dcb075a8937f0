// Instants, civil dates and fixed UTC offsets; the date math is done by hand because libc++ 14 lacks <chrono> calendars.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aftercare::core {

// Seconds since 1970-01-01T00:00:00Z. Core never reads a clock: every "now" is passed in.
using UnixSeconds = std::int64_t;

// A time zone as a fixed offset east of UTC, in minutes. China has no DST, so an offset is
// exact for the portal's customers; +480 (UTC+8) is the default.
using UtcOffsetMinutes = int;
inline constexpr UtcOffsetMinutes kChinaUtcOffset = 480;

inline constexpr std::int64_t kSecondsPerMinute = 60;
inline constexpr std::int64_t kSecondsPerHour = 3600;
inline constexpr std::int64_t kSecondsPerDay = 86400;

// Days since 1970-01-01 in some time zone (a "day number"); negative before 1970.
using DayNumber = std::int64_t;

struct CivilDate {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31

    auto operator<=>(const CivilDate&) const = default;
};

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
DayNumber DaysFromCivil(CivilDate date);
CivilDate CivilFromDays(DayNumber days);

Weekday WeekdayOf(DayNumber days);
bool IsValidCivilDate(CivilDate date);
int DaysInMonth(int year, int month);

// The local calendar day an instant falls on, and the instant a local day starts.
DayNumber LocalDayNumber(UnixSeconds instant, UtcOffsetMinutes offset);
UnixSeconds LocalDayStart(DayNumber day, UtcOffsetMinutes offset);
CivilDate LocalDate(UnixSeconds instant, UtcOffsetMinutes offset);

// Same day-of-month `months` later, clamped to the month's end (2024-01-31 + 1 month = 2024-02-29),
// which is how warranty periods are read in practice.
CivilDate AddMonths(CivilDate date, int months);
CivilDate AddDays(CivilDate date, std::int64_t days);

// "YYYY-MM-DD", strictly (zero-padded, real calendar date).
std::optional<CivilDate> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(CivilDate date);
// "09:05" for minute 545 of a day; "24:00" for 1440 (a closing time at midnight).
std::string FormatMinuteOfDay(int minute);

// "YYYY-MM-DDTHH:MM:SSZ" (UTC). Parsing also accepts a "+08:00"-style offset instead of Z.
std::optional<UnixSeconds> ParseIsoInstant(std::string_view text);
std::string FormatIsoInstant(UnixSeconds instant);

// Offsets a real place could use: -12:00 .. +14:00.
bool IsValidUtcOffset(UtcOffsetMinutes offset);

} // namespace aftercare::core
