// Date formatting; see dates.h.
#include "dates.h"

#include "widgets/feedback.h"

#include "core/vocabulary.h"

namespace aftercare::portal {
namespace {

// Literal keys, so the i18n check sees every one of them.
constexpr const char* kWeekdayKeys[] = {"dates.weekday.mon", "dates.weekday.tue", "dates.weekday.wed",
                                        "dates.weekday.thu", "dates.weekday.fri", "dates.weekday.sat",
                                        "dates.weekday.sun"};
constexpr const char* kMonthKeys[] = {"dates.month.1", "dates.month.2",  "dates.month.3",  "dates.month.4",
                                      "dates.month.5", "dates.month.6",  "dates.month.7",  "dates.month.8",
                                      "dates.month.9", "dates.month.10", "dates.month.11", "dates.month.12"};

} // namespace

std::string FormatDayWithWeekday(const StringTable& strings, Language language, core::CivilDate date, int this_year) {
    const auto weekday = static_cast<size_t>(core::WeekdayOf(core::DaysFromCivil(date)));
    const std::string& month = strings.Get(language, kMonthKeys[(date.month - 1) % 12]);
    return strings.Format(language, date.year == this_year ? "dates.day_weekday" : "dates.day_weekday_year",
                          {{"year", std::to_string(date.year)},
                           {"month", month},
                           {"day", std::to_string(date.day)},
                           {"weekday", strings.Get(language, kWeekdayKeys[weekday])}});
}

std::string FormatInstantDay(const StringTable& strings, Language language, core::UnixSeconds instant,
                             core::UtcOffsetMinutes offset, core::UnixSeconds now) {
    return FormatDayWithWeekday(strings, language, core::LocalDate(instant, offset), core::LocalDate(now, offset).year);
}

std::string FormatVisitWindow(const StringTable& strings, Language language, const core::VisitWindow& visit,
                              int this_year) {
    return FormatDayWithWeekday(strings, language, visit.date, this_year) + " " +
           Localized(core::Label(visit.slot), language);
}

} // namespace aftercare::portal
