// Working-day calendar: weekends, public holidays and make-up workdays (调休), for "3 working days" style deadlines.
#pragma once

#include "time.h"

#include <vector>

namespace aftercare::core {

// China moves weekend days around public holidays (a Saturday can be a workday), so a working
// day is: listed as a make-up workday, or a Monday..Friday that is not a listed holiday.
class WorkCalendar {
public:
    WorkCalendar() = default;
    WorkCalendar(std::vector<CivilDate> holidays, std::vector<CivilDate> makeup_workdays);

    bool IsWorkingDay(DayNumber day) const;
    bool IsHoliday(DayNumber day) const;        // listed as a public holiday (放假)
    bool IsMakeupWorkday(DayNumber day) const;  // listed as a make-up workday (调休上班)

    // The `count`-th working day strictly after `day` (count >= 1); `day` itself never counts,
    // matching "answered within 3 working days" read from the day after receipt.
    DayNumber AddWorkingDays(DayNumber day, int count) const;

    // Working days in the half-open range (from, to]: how many the customer has waited so far.
    int WorkingDaysBetween(DayNumber from, DayNumber to) const;

private:
    std::vector<DayNumber> holidays_;        // sorted
    std::vector<DayNumber> makeup_workdays_; // sorted
};

} // namespace aftercare::core
