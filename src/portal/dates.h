// Dates as customers read them: "12月2日（周三）" / "Wed, Dec 2", from the string tables.
#pragma once

#include "i18n.h"

#include "core/ticket.h"
#include "core/time.h"

#include <string>

namespace aftercare::portal {

// A calendar day with its weekday; the year is added when it is not `this_year`.
std::string FormatDayWithWeekday(const StringTable& strings, Language language, core::CivilDate date, int this_year);

// A booked visit: its day as above and its slot with the hours ("12月5日（周五） 下午 13:00–18:00").
std::string FormatVisitWindow(const StringTable& strings, Language language, const core::VisitWindow& visit,
                              int this_year);

// The local calendar day of an instant at a UTC offset, formatted as above.
std::string FormatInstantDay(const StringTable& strings, Language language, core::UnixSeconds instant,
                             core::UtcOffsetMinutes offset, core::UnixSeconds now);

} // namespace aftercare::portal
