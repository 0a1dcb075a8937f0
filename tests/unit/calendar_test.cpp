// Working days: weekends, holidays and make-up workdays (调休).
#include "test_support.h"

#include "core/calendar.h"

using namespace aftercare::core;

TEST_CASE("weekends are not working days unless made up", "[calendar]") {
    const WorkCalendar calendar({{2024, 10, 1}, {2024, 10, 2}, {2024, 10, 3}, {2024, 10, 4}, {2024, 10, 7}},
                                {{2024, 9, 29}, {2024, 10, 12}});
    CHECK(calendar.IsWorkingDay(DaysFromCivil({2024, 9, 27})));       // Friday
    CHECK_FALSE(calendar.IsWorkingDay(DaysFromCivil({2024, 9, 28}))); // Saturday
    CHECK(calendar.IsWorkingDay(DaysFromCivil({2024, 9, 29})));       // Sunday, made up
    CHECK_FALSE(calendar.IsWorkingDay(DaysFromCivil({2024, 10, 1}))); // holiday
    CHECK(calendar.IsWorkingDay(DaysFromCivil({2024, 10, 8})));
    CHECK(calendar.IsWorkingDay(DaysFromCivil({2024, 10, 12})));      // Saturday, made up
}

TEST_CASE("AddWorkingDays counts from the day after", "[calendar]") {
    const WorkCalendar plain;
    // Friday + 3 working days = Wednesday (Saturday and Sunday skipped).
    CHECK(plain.AddWorkingDays(DaysFromCivil({2024, 3, 8}), 3) == DaysFromCivil({2024, 3, 13}));
    // Saturday + 1 = Monday.
    CHECK(plain.AddWorkingDays(DaysFromCivil({2024, 3, 9}), 1) == DaysFromCivil({2024, 3, 11}));
    CHECK(plain.WorkingDaysBetween(DaysFromCivil({2024, 3, 8}), DaysFromCivil({2024, 3, 13})) == 3);

    const WorkCalendar national_day({{2024, 10, 1}, {2024, 10, 2}, {2024, 10, 3}, {2024, 10, 4}, {2024, 10, 7}},
                                    {{2024, 9, 29}, {2024, 10, 12}});
    // Saturday 28 Sep: Sun 29 (made up) = 1, Mon 30 = 2, holidays, Tue 8 Oct = 3.
    CHECK(national_day.AddWorkingDays(DaysFromCivil({2024, 9, 28}), 3) == DaysFromCivil({2024, 10, 8}));
}
