// Working-day arithmetic over weekends, holidays and make-up workdays.
#include "calendar.h"

#include <algorithm>
#include <cassert>

namespace aftercare::core {

namespace {

std::vector<DayNumber> ToSortedDays(const std::vector<CivilDate>& dates) {
    std::vector<DayNumber> days;
    days.reserve(dates.size());
    for (const CivilDate& date : dates) days.push_back(DaysFromCivil(date));
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

bool Contains(const std::vector<DayNumber>& sorted_days, DayNumber day) {
    return std::binary_search(sorted_days.begin(), sorted_days.end(), day);
}

} // namespace

WorkCalendar::WorkCalendar(std::vector<CivilDate> holidays, std::vector<CivilDate> makeup_workdays)
    : holidays_(ToSortedDays(holidays)), makeup_workdays_(ToSortedDays(makeup_workdays)) {}

bool WorkCalendar::IsWorkingDay(DayNumber day) const {
    if (Contains(makeup_workdays_, day)) return true;
    const Weekday weekday = WeekdayOf(day);
    if (weekday == Weekday::Saturday || weekday == Weekday::Sunday) return false;
    return !Contains(holidays_, day);
}

bool WorkCalendar::IsHoliday(DayNumber day) const { return Contains(holidays_, day); }

bool WorkCalendar::IsMakeupWorkday(DayNumber day) const { return Contains(makeup_workdays_, day); }

DayNumber WorkCalendar::AddWorkingDays(DayNumber day, int count) const {
    assert(count >= 1);
    // Each week has at least one working day unless a vendor lists whole years of holidays; the
    // bound keeps a bad policy from looping forever (ValidatePolicy caps the list anyway).
    DayNumber current = day;
    int found = 0;
    for (int guard = 0; guard < 366 * 10 && found < count; ++guard) {
        ++current;
        if (IsWorkingDay(current)) ++found;
    }
    return current;
}

int WorkCalendar::WorkingDaysBetween(DayNumber from, DayNumber to) const {
    int count = 0;
    for (DayNumber day = from + 1; day <= to; ++day) {
        if (IsWorkingDay(day)) ++count;
    }
    return count;
}

} // namespace aftercare::core
