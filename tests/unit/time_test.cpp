// Civil-date math, offsets and ISO formats against known dates and a long round trip.
#include "test_support.h"

using namespace aftercare::core;
using aftercare::test::At;

TEST_CASE("days_from_civil matches known dates and round-trips", "[time]") {
    CHECK(DaysFromCivil({1970, 1, 1}) == 0);
    CHECK(DaysFromCivil({2000, 3, 1}) == 11017);
    CHECK(DaysFromCivil({1969, 12, 31}) == -1);
    CHECK(DaysFromCivil({2024, 2, 29}) == 19782);
    for (DayNumber day = DaysFromCivil({1, 1, 1}); day <= DaysFromCivil({9999, 12, 31}); day += 7) {
        const CivilDate date = CivilFromDays(day);
        REQUIRE(IsValidCivilDate(date));
        REQUIRE(DaysFromCivil(date) == day);
    }
}

TEST_CASE("weekday of known dates", "[time]") {
    CHECK(WeekdayOf(0) == Weekday::Thursday);
    CHECK(WeekdayOf(DaysFromCivil({2024, 3, 8})) == Weekday::Friday);
    CHECK(WeekdayOf(DaysFromCivil({2026, 11, 27})) == Weekday::Friday);
    CHECK(WeekdayOf(-1) == Weekday::Wednesday);
}

TEST_CASE("local day in a fixed offset", "[time]") {
    // 2024-05-01 23:30 in Beijing is 15:30 UTC the same day; 00:30 Beijing is the previous UTC day.
    const UnixSeconds late = At(2024, 5, 1, 23, 30);
    CHECK(LocalDate(late, 480) == CivilDate{2024, 5, 1});
    CHECK(LocalDate(late, 0) == CivilDate{2024, 5, 1});
    const UnixSeconds early = At(2024, 5, 2, 0, 30);
    CHECK(LocalDate(early, 480) == CivilDate{2024, 5, 2});
    CHECK(LocalDate(early, 0) == CivilDate{2024, 5, 1});
    CHECK(LocalDate(-1, 0) == CivilDate{1969, 12, 31});
    CHECK(LocalDayStart(DaysFromCivil({2024, 5, 2}), 480) == early - 30 * 60);
}

TEST_CASE("AddMonths clamps to the end of the month", "[time]") {
    CHECK(AddMonths({2024, 1, 31}, 1) == CivilDate{2024, 2, 29});
    CHECK(AddMonths({2023, 1, 31}, 1) == CivilDate{2023, 2, 28});
    CHECK(AddMonths({2024, 2, 29}, 36) == CivilDate{2027, 2, 28});
    CHECK(AddMonths({2022, 3, 10}, 36) == CivilDate{2025, 3, 10});
    CHECK(AddMonths({2024, 11, 15}, 2) == CivilDate{2025, 1, 15});
    CHECK(AddMonths({2024, 1, 15}, -2) == CivilDate{2023, 11, 15});
}

TEST_CASE("ISO dates and instants", "[time]") {
    CHECK(ParseIsoDate("2024-02-29") == CivilDate{2024, 2, 29});
    CHECK_FALSE(ParseIsoDate("2023-02-29"));
    CHECK_FALSE(ParseIsoDate("2024-2-29"));
    CHECK_FALSE(ParseIsoDate("2024-13-01"));
    CHECK_FALSE(ParseIsoDate("2024-01-01x"));
    CHECK(FormatIsoDate({2024, 5, 1}) == "2024-05-01");
    CHECK(ParseIsoInstant("1970-01-01T00:00:00Z") == 0);
    CHECK(ParseIsoInstant("2024-05-01T23:30:00+08:00") == At(2024, 5, 1, 23, 30));
    CHECK(ParseIsoInstant("2024-05-01T10:30:00-05:00") == At(2024, 5, 1, 10, 30, 0, -300));
    CHECK_FALSE(ParseIsoInstant("2024-05-01T24:00:00Z"));
    CHECK_FALSE(ParseIsoInstant("2024-05-01 10:00:00Z"));
    CHECK(FormatIsoInstant(At(2024, 5, 1, 23, 30)) == "2024-05-01T15:30:00Z");
    CHECK(FormatIsoInstant(-1) == "1969-12-31T23:59:59Z");
}
