// Log line formatting.
#include "log.hpp"

#include "json_text.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace aftercare::serve {

namespace {

// Text as the inside of a JSON string: whatever a message quotes stays a valid line.
std::string JsonEscape(std::string_view text) {
    std::string out;
    AppendJsonEscaped(out, text);
    return out;
}

} // namespace

std::string UtcTimestamp() {
    std::string out;
    AppendUtcTimestamp(out);
    return out;
}

void AppendUtcTimestamp(std::string& out) {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    // The date and time to the second change once a second, not once a line.
    thread_local std::time_t last_second = -1;
    thread_local char to_the_second[64];
    if (seconds != last_second) {
        std::tm tm{};
        gmtime_r(&seconds, &tm);
        std::snprintf(to_the_second, sizeof to_the_second, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900,
                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        last_second = seconds;
    }
    const char fraction[] = {'.', static_cast<char>('0' + millis / 100),
                             static_cast<char>('0' + millis / 10 % 10), static_cast<char>('0' + millis % 10), 'Z'};
    out.append(to_the_second).append(fraction, sizeof fraction);
}

void LogEvent(std::string_view level, std::string_view message, std::string_view detail) {
    std::string line = "{\"ts\":\"" + UtcTimestamp() + "\",\"level\":\"" + JsonEscape(level) + "\",\"msg\":\"" +
                       JsonEscape(message) + "\"";
    if (!detail.empty()) line += ",\"detail\":\"" + JsonEscape(detail) + "\"";
    line += "}\n";
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace aftercare::serve
