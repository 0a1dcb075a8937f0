// Business-time arithmetic: walk the vendor's days, summing or spending each day's opening.
#include "service_hours.h"

#include <algorithm>

namespace aftercare::core {

namespace {

// ValidatePolicy requires at least one open weekday, so an open day is never more than a week
// away unless holidays fill whole weeks; ten years bounds the walk whatever the data says.
constexpr int kMaxDaysWalked = 366 * 10;

} // namespace

ServiceTime::ServiceTime(const ServiceHours& hours, const WorkCalendar& calendar, UtcOffsetMinutes offset)
    : hours_(hours), calendar_(calendar), offset_(offset) {}

std::optional<ServiceTime::Span> ServiceTime::OpeningOn(DayNumber day) const {
    const UnixSeconds midnight = LocalDayStart(day, offset_);
    if (hours_.round_the_clock) return Span{midnight, midnight + kSecondsPerDay};
    std::optional<DailyHours> daily;
    if (calendar_.IsMakeupWorkday(day)) {
        daily = hours_.makeup_workday;
    } else if (!calendar_.IsHoliday(day)) {
        daily = hours_.weekly[static_cast<int>(WeekdayOf(day))];
    }
    if (!daily || daily->close_minute <= daily->open_minute) return std::nullopt;
    return Span{midnight + static_cast<std::int64_t>(daily->open_minute) * kSecondsPerMinute,
                midnight + static_cast<std::int64_t>(daily->close_minute) * kSecondsPerMinute};
}

UnixSeconds ServiceTime::AddOpenSeconds(UnixSeconds start, std::int64_t seconds) const {
    if (seconds <= 0) return start;
    if (hours_.round_the_clock) return start + seconds;
    std::int64_t remaining = seconds;
    DayNumber day = LocalDayNumber(start, offset_);
    for (int walked = 0; walked < kMaxDaysWalked; ++walked, ++day) {
        const auto span = OpeningOn(day);
        if (!span) continue;
        const UnixSeconds begin = std::max(span->open, start);
        if (begin >= span->close) continue;
        if (remaining <= span->close - begin) return begin + remaining;
        remaining -= span->close - begin;
    }
    return start + seconds; // no opening in ten years: a nonsense calendar; fall back to elapsed time
}

std::int64_t ServiceTime::OpenSecondsBetween(UnixSeconds from, UnixSeconds to) const {
    if (to <= from) return 0;
    if (hours_.round_the_clock) return to - from;
    std::int64_t total = 0;
    const DayNumber last = LocalDayNumber(to, offset_);
    for (DayNumber day = LocalDayNumber(from, offset_); day <= last; ++day) {
        const auto span = OpeningOn(day);
        if (!span) continue;
        const UnixSeconds begin = std::max(span->open, from);
        const UnixSeconds end = std::min(span->close, to);
        if (end > begin) total += end - begin;
    }
    return total;
}

bool ServiceTime::IsOpen(UnixSeconds instant) const {
    const auto span = OpeningOn(LocalDayNumber(instant, offset_));
    return span && instant >= span->open && instant < span->close;
}

} // namespace aftercare::core
