// Holiday calendars: assets/calendar/YYYY.json, one State Council notice per year (放假 and 调休上班),
// read at start and put into the policy so the clocks and the portal skip the same days.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/policy.h"
#include "core/time.h"

namespace aftercare::serve {

struct HolidayCalendar {
    std::vector<int> years;                  // the years with a file, ascending
    std::vector<core::CivilDate> holidays;   // every year's days off, ascending
    std::vector<core::CivilDate> makeup_workdays;

    // Puts the files' dates into the policy: the files are the one place these dates live.
    void ApplyTo(core::Policy& policy) const;
    bool Has(int year) const;
};

// One file's text; `year` is the year its name says. Every date must be in that year.
// Errors name the field ("holidays[2].dates[0]") in English for the start-up log.
bool ParseHolidayYear(std::string_view text, int year, HolidayCalendar& into, std::string& error);

// Reads every YYYY.json in `dir`. A missing directory is an empty calendar (weekends only); a file
// that does not parse stops the server with the file named.
bool LoadHolidayCalendar(const std::string& dir, HolidayCalendar& calendar, std::string& error);

// The year after `today`'s, when its file is missing (the notice for year N comes out in
// November or December of N-1, so from then on a missing file is a mistake worth a warning).
std::optional<int> MissingNextYear(const HolidayCalendar& calendar, core::CivilDate today);

}  // namespace aftercare::serve
