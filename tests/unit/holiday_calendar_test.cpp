// Holiday calendar files: the shipped assets/calendar years, and bad files refused with the field named.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/calendar.h"
#include "holiday_calendar.hpp"

using namespace aftercare;
using namespace aftercare::serve;

TEST_CASE("the shipped holiday calendars load and are plausible", "[calendar]") {
    HolidayCalendar calendar;
    std::string error;
    REQUIRE(LoadHolidayCalendar(AFTERCARE_CALENDAR_DIR, calendar, error));
    INFO(error);
    CHECK(calendar.years == std::vector<int>{2025, 2026});
    // Make-up workdays are always weekend days; holidays never are make-up days.
    for (const core::CivilDate& date : calendar.makeup_workdays) {
        const core::Weekday weekday = core::WeekdayOf(core::DaysFromCivil(date));
        INFO(core::FormatIsoDate(date));
        CHECK((weekday == core::Weekday::Saturday || weekday == core::Weekday::Sunday));
        CHECK(std::find(calendar.holidays.begin(), calendar.holidays.end(), date) == calendar.holidays.end());
    }
    const core::WorkCalendar days(calendar.holidays, calendar.makeup_workdays);
    CHECK_FALSE(days.IsWorkingDay(core::DaysFromCivil({2025, 10, 1})));
    CHECK(days.IsWorkingDay(core::DaysFromCivil({2025, 9, 28})));  // a Sunday worked
    CHECK_FALSE(days.IsWorkingDay(core::DaysFromCivil({2026, 2, 23})));  // 春节, a Monday
    CHECK(days.IsWorkingDay(core::DaysFromCivil({2026, 2, 14})));   // a Saturday worked
    CHECK(days.IsWorkingDay(core::DaysFromCivil({2026, 10, 10})));  // a Saturday worked

    core::Policy policy;
    calendar.ApplyTo(policy);
    CHECK(policy.calendar.holidays == calendar.holidays);
    CHECK(policy.calendar.makeup_workdays == calendar.makeup_workdays);
}

TEST_CASE("next year's missing file is reported", "[calendar]") {
    HolidayCalendar calendar;
    std::string error;
    REQUIRE(LoadHolidayCalendar(AFTERCARE_CALENDAR_DIR, calendar, error));
    CHECK_FALSE(MissingNextYear(calendar, {2025, 12, 3}).has_value());
    CHECK(MissingNextYear(calendar, {2026, 12, 3}) == 2027);
}

TEST_CASE("a bad holiday file is refused with the field named", "[calendar]") {
    HolidayCalendar calendar;
    std::string error;
    CHECK_FALSE(ParseHolidayYear(R"({"year":2026,"holidays":[{"name":"x","dates":["2027-01-01"]}]})", 2026,
                                 calendar, error));
    CHECK(error.find("holidays[0].dates[0]") != std::string::npos);
    CHECK_FALSE(ParseHolidayYear(R"({"year":2025,"holidays":[]})", 2026, calendar, error));
    CHECK(error.find("year") != std::string::npos);
    CHECK_FALSE(ParseHolidayYear(R"({"year":2026,"holidays":[{"dates":["2026-01-01"]}],"makeup_workdays":["2026-01-01"]})",
                                 2026, calendar, error));
    CHECK(error.find("also a holiday") != std::string::npos);
    CHECK_FALSE(ParseHolidayYear(R"({"year":2026,"holidays":[],"makeup_workdays":["2026-13-01"]})", 2026, calendar,
                                 error));
    CHECK(error.find("makeup_workdays[0]") != std::string::npos);
    CHECK(calendar.years.empty());  // nothing half-added
}
