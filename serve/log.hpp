// Structured log lines (one JSON object per line on stderr) for events outside the request log.
#pragma once

#include <string>
#include <string_view>

namespace aftercare::serve {

std::string UtcTimestamp();  // 2026-12-06T15:34:32.123Z
// The same, appended to `out`: the request log writes a line per answer with no temporaries.
void AppendUtcTimestamp(std::string& out);

// {"ts":...,"level":...,"msg":...,"detail":...}; detail omitted when empty.
void LogEvent(std::string_view level, std::string_view message, std::string_view detail = {});

}  // namespace aftercare::serve
