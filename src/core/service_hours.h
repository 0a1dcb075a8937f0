// Service hours: when the vendor's clocks tick. Either round the clock (7×24) or weekly opening
// hours on the vendor's calendar (closed on public holidays, open on make-up workdays), and the
// two operations every business-time deadline needs: add N open seconds, count open seconds.
#pragma once

#include "calendar.h"
#include "time.h"

#include <array>
#include <cstdint>
#include <optional>

namespace aftercare::core {

// One day's opening, in minutes after the vendor's local midnight: open at `open_minute`,
// closed from `close_minute` on (so 09:00–17:00 is {540, 1020}; 24:00 is 1440). Opening past
// midnight is not supported: a night shift is two days' hours.
struct DailyHours {
    int open_minute = 9 * 60;
    int close_minute = 17 * 60;

    bool operator==(const DailyHours&) const = default;
};

// The standard offers both: "服务时间:7*24小时" (technical support) and
// "周一至周五:上午9点至下午5点。公共假日以及法定节假日除外" (the service-time promise).
struct ServiceHours {
    bool round_the_clock = true; // 7×24: every second counts, holidays included
    // Monday..Sunday; nullopt = closed that weekday. Default: 周一至周五 9:00–17:00.
    std::array<std::optional<DailyHours>, 7> weekly{DailyHours{}, DailyHours{}, DailyHours{}, DailyHours{},
                                                    DailyHours{}, std::nullopt, std::nullopt};
    // A make-up workday (调休上班, usually a Saturday or Sunday) opens with these hours.
    DailyHours makeup_workday{};

    bool operator==(const ServiceHours&) const = default;
};

// Which time a clock counts: the vendor's service (business) hours, or plain elapsed time.
enum class ClockBasis { ServiceHours, Elapsed };

// Business-time arithmetic over `hours` on `calendar`, in the vendor's zone (`offset`; China has
// no daylight saving, so a fixed offset is exact). With round_the_clock both are plain arithmetic.
class ServiceTime {
public:
    ServiceTime(const ServiceHours& hours, const WorkCalendar& calendar, UtcOffsetMinutes offset);

    // The earliest instant T with OpenSecondsBetween(start, T) == seconds: "due N service seconds
    // after start". A start outside hours waits for the next opening; a budget that runs out at
    // closing time is due at the closing instant itself (on time at T, late from T+1).
    // seconds <= 0 returns start.
    UnixSeconds AddOpenSeconds(UnixSeconds start, std::int64_t seconds) const;

    // Open seconds in [from, to); 0 when to <= from.
    std::int64_t OpenSecondsBetween(UnixSeconds from, UnixSeconds to) const;

    bool IsOpen(UnixSeconds instant) const;

    // The day's opening as instants [open, close), or nullopt when closed all day.
    struct Span {
        UnixSeconds open;
        UnixSeconds close;
    };
    std::optional<Span> OpeningOn(DayNumber day) const;

private:
    const ServiceHours& hours_;
    const WorkCalendar& calendar_;
    UtcOffsetMinutes offset_;
};

} // namespace aftercare::core
