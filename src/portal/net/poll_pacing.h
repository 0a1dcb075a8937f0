// When a live-update long-poll may go again. The server holds a poll until something changes (or
// its wait ends), so a held poll is followed at once; everything else waits, with jitter, so that
// no answer — a refusal, an error, an empty reply that came back at once — makes a page poll in a
// loop, and a server that restarts is not met by every page in the same second.
#pragma once

namespace aftercare::portal {

class Host;

struct PollAnswer {
    bool ok = false;              // a 200 (with or without news)
    bool news = false;            // it carried something new
    double held_seconds = 0;      // how long the request was out
    int failures = 0;             // failed or refused polls in a row, this one included
    int retry_after_seconds = 0;  // the server's Retry-After, if it sent one
};

// An empty 200 sooner than this was not a held poll.
inline constexpr double kQuickEmptyAnswerSeconds = 2.0;
inline constexpr double kMaxPollBackoffSeconds = 30.0;

// Seconds to wait before the next poll; `random_unit` is uniform in [0, 1).
double NextPollDelay(const PollAnswer& answer, double random_unit);
// The same with the host's randomness.
double NextPollDelay(const PollAnswer& answer, Host& host);

}  // namespace aftercare::portal
