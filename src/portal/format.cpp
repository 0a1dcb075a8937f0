// Formatting helpers; see format.h.
#include "format.h"

#include <cstdio>

namespace aftercare::portal {

std::string FormatFileSize(std::int64_t bytes) {
    char buffer[32];
    if (bytes >= 1024 * 1024) {
        std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    } else {
        std::snprintf(buffer, sizeof buffer, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
    }
    return buffer;
}

std::string FormatDay(const StringTable& strings, Language language, core::CivilDate date, core::CivilDate today) {
    const std::int64_t delta = core::DaysFromCivil(date) - core::DaysFromCivil(today);
    if (delta == 0) return strings.Get(language, "format.today");
    if (delta == 1) return strings.Get(language, "format.tomorrow");
    static constexpr const char* kWeekdays[] = {"format.weekday.mon", "format.weekday.tue", "format.weekday.wed",
                                                "format.weekday.thu", "format.weekday.fri", "format.weekday.sat",
                                                "format.weekday.sun"};
    static constexpr const char* kMonths[] = {"format.month.1",  "format.month.2",  "format.month.3",
                                              "format.month.4",  "format.month.5",  "format.month.6",
                                              "format.month.7",  "format.month.8",  "format.month.9",
                                              "format.month.10", "format.month.11", "format.month.12"};
    const auto weekday = static_cast<int>(core::WeekdayOf(core::DaysFromCivil(date)));
    return strings.Format(language, "format.date",
                          {{"month", strings.Get(language, kMonths[date.month - 1])},
                           {"m", std::to_string(date.month)},
                           {"d", std::to_string(date.day)},
                           {"weekday", strings.Get(language, kWeekdays[weekday])}});
}

std::string TruncateUtf8(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    // Step back over continuation bytes (10xxxxxx) to the start of the character that does not fit.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return std::string(text.substr(0, cut));
}

} // namespace aftercare::portal
