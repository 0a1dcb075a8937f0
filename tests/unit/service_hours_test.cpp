// Business (service) time: adding and counting open seconds across weekends, holidays, make-up
// workdays, starts outside hours and the exact opening and closing seconds.
#include "test_support.h"

#include "core/service_hours.h"

using namespace aftercare::core;
using namespace aftercare::test;

namespace {

// 周一至周五 9:00–17:00, the standard's office hours.
ServiceHours OfficeHours() {
    ServiceHours hours;
    hours.round_the_clock = false;
    return hours;
}

// 2026 National Day (国办发明电〔2025〕7号): 10月1日至7日放假, 9月20日(周日)、10月10日(周六)上班.
WorkCalendar NationalDay2026() {
    std::vector<CivilDate> holidays;
    for (int day = 1; day <= 7; ++day) holidays.push_back({2026, 10, day});
    return WorkCalendar(holidays, {{2026, 9, 20}, {2026, 10, 10}});
}

constexpr std::int64_t kHour = kSecondsPerHour;

} // namespace

TEST_CASE("service time: 7x24 is plain elapsed time", "[service_hours]") {
    const ServiceHours hours; // default: round the clock
    const WorkCalendar calendar = NationalDay2026();
    const ServiceTime time(hours, calendar, kChinaUtcOffset);
    const UnixSeconds holiday_night = At(2026, 10, 3, 23, 30);
    CHECK(time.AddOpenSeconds(holiday_night, 2 * kHour) == holiday_night + 2 * kHour);
    CHECK(time.OpenSecondsBetween(holiday_night, holiday_night + 5 * kHour) == 5 * kHour);
    CHECK(time.IsOpen(holiday_night));
}

TEST_CASE("service time: a Friday afternoon budget runs on into Monday", "[service_hours]") {
    const ServiceHours hours = OfficeHours();
    const WorkCalendar calendar;
    const ServiceTime time(hours, calendar, kChinaUtcOffset);
    const UnixSeconds friday = At(2026, 6, 5, 16, 0);
    CHECK(time.AddOpenSeconds(friday, 2 * kHour) == At(2026, 6, 8, 10, 0));
    CHECK(time.OpenSecondsBetween(friday, At(2026, 6, 8, 10, 0)) == 2 * kHour);
    // The weekend adds nothing: Friday 17:00 to Monday 09:00 is closed throughout.
    CHECK(time.OpenSecondsBetween(At(2026, 6, 5, 17, 0), At(2026, 6, 8, 9, 0)) == 0);
    CHECK_FALSE(time.IsOpen(At(2026, 6, 6, 11, 0)));
}

TEST_CASE("service time: holidays are closed, a make-up Saturday is open", "[service_hours]") {
    const ServiceHours hours = OfficeHours();
    const WorkCalendar calendar = NationalDay2026();
    const ServiceTime time(hours, calendar, kChinaUtcOffset);
    // Wednesday 30 Sep 16:00 + 2 h: 1 h that day, then 1–7 Oct are holidays, Thursday 8 Oct 10:00.
    CHECK(time.AddOpenSeconds(At(2026, 9, 30, 16, 0), 2 * kHour) == At(2026, 10, 8, 10, 0));
    CHECK_FALSE(time.IsOpen(At(2026, 10, 5, 10, 0))); // a Monday inside the holiday
    // Friday 9 Oct 16:00 + 2 h: Saturday 10 Oct is a make-up workday (调休上班).
    CHECK(time.AddOpenSeconds(At(2026, 10, 9, 16, 0), 2 * kHour) == At(2026, 10, 10, 10, 0));
    CHECK(time.IsOpen(At(2026, 10, 10, 9, 0)));
    // Sunday 20 Sep is one too; without the calendar the same budget waits for Monday.
    CHECK(time.AddOpenSeconds(At(2026, 9, 18, 16, 0), 2 * kHour) == At(2026, 9, 20, 10, 0));
    const WorkCalendar plain;
    const ServiceTime no_calendar(hours, plain, kChinaUtcOffset);
    CHECK(no_calendar.AddOpenSeconds(At(2026, 10, 9, 16, 0), 2 * kHour) == At(2026, 10, 12, 10, 0));
}

TEST_CASE("service time: a make-up workday opens with its own hours", "[service_hours]") {
    ServiceHours hours = OfficeHours();
    hours.makeup_workday = {10 * 60, 12 * 60};
    const WorkCalendar calendar = NationalDay2026();
    const ServiceTime time(hours, calendar, kChinaUtcOffset);
    CHECK(time.OpenSecondsBetween(At(2026, 10, 10, 0, 0), At(2026, 10, 11, 0, 0)) == 2 * kHour);
    CHECK(time.AddOpenSeconds(At(2026, 10, 10, 9, 0), kHour) == At(2026, 10, 10, 11, 0));
}

TEST_CASE("service time: a start outside hours waits for the next opening", "[service_hours]") {
    const ServiceHours hours = OfficeHours();
    const WorkCalendar calendar;
    const ServiceTime time(hours, calendar, kChinaUtcOffset);
    CHECK(time.AddOpenSeconds(At(2026, 6, 8, 7, 0), kHour) == At(2026, 6, 8, 10, 0));     // before opening
    CHECK(time.AddOpenSeconds(At(2026, 6, 8, 20, 0), kHour) == At(2026, 6, 9, 10, 0));    // after closing
    CHECK(time.AddOpenSeconds(At(2026, 6, 6, 12, 0), kHour) == At(2026, 6, 8, 10, 0));    // Saturday
    CHECK(time.OpenSecondsBetween(At(2026, 6, 8, 7, 0), At(2026, 6, 8, 9, 30)) == 30 * 60);
}

TEST_CASE("service time: exact opening and closing seconds", "[service_hours]") {
    const ServiceHours hours = OfficeHours();
    const WorkCalendar calendar;
    const ServiceTime time(hours, calendar, kChinaUtcOffset);
    const UnixSeconds open = At(2026, 6, 8, 9, 0);
    const UnixSeconds close = At(2026, 6, 8, 17, 0);
    CHECK(time.IsOpen(open));
    CHECK_FALSE(time.IsOpen(open - 1));
    CHECK(time.IsOpen(close - 1));
    CHECK_FALSE(time.IsOpen(close));
    // A whole day's budget from opening is due at the closing instant itself, not next morning.
    CHECK(time.AddOpenSeconds(open, 8 * kHour) == close);
    // One second more is the first second of the next opening.
    CHECK(time.AddOpenSeconds(open, 8 * kHour + 1) == At(2026, 6, 9, 9, 0, 1));
    // From the closing instant, the first second counts from the next morning.
    CHECK(time.AddOpenSeconds(close, 1) == At(2026, 6, 9, 9, 0, 1));
    CHECK(time.AddOpenSeconds(close, 0) == close);
    CHECK(time.OpenSecondsBetween(open, close) == 8 * kHour);
    CHECK(time.OpenSecondsBetween(close, open) == 0);
}

TEST_CASE("service time: the day boundaries are the policy's zone, not UTC", "[service_hours]") {
    const ServiceHours hours = OfficeHours();
    const WorkCalendar calendar;
    // Hours in UTC (offset 0): Monday 09:00 UTC is 17:00 in Beijing.
    const ServiceTime utc(hours, calendar, 0);
    const ServiceTime beijing(hours, calendar, kChinaUtcOffset);
    const UnixSeconds monday_nine_utc = At(2026, 6, 8, 9, 0, 0, 0);
    CHECK(utc.IsOpen(monday_nine_utc));
    CHECK_FALSE(beijing.IsOpen(monday_nine_utc));
    CHECK(utc.AddOpenSeconds(monday_nine_utc, kHour) == monday_nine_utc + kHour);
    CHECK(beijing.AddOpenSeconds(monday_nine_utc, kHour) == At(2026, 6, 9, 10, 0));
}

TEST_CASE("service time: counting what was added gives the budget back", "[service_hours]") {
    const ServiceHours hours = OfficeHours();
    const WorkCalendar calendar = NationalDay2026();
    const ServiceTime time(hours, calendar, kChinaUtcOffset);
    for (const UnixSeconds start : {At(2026, 9, 18, 8, 0), At(2026, 9, 30, 16, 59, 59), At(2026, 10, 9, 12, 0)}) {
        for (const std::int64_t budget : {std::int64_t{1}, 2 * kHour, 8 * kHour, 8 * kHour + 1, 40 * kHour}) {
            const UnixSeconds due = time.AddOpenSeconds(start, budget);
            CHECK(time.OpenSecondsBetween(start, due) == budget);
            CHECK(time.OpenSecondsBetween(start, due - 1) == budget - 1);
        }
    }
}
