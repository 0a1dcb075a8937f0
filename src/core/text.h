// A user-facing sentence in both portal languages, so core decisions can explain themselves.
#pragma once

#include <string>

namespace aftercare::core {

// Core produces both languages at once: the server does not know the reader's language when it
// records a decision on the timeline, and the client switches language without a round trip.
struct LocalizedText {
    std::string zh; // zh-CN, the portal default
    std::string en;

    bool operator==(const LocalizedText&) const = default;
};

} // namespace aftercare::core
