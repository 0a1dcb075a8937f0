// Live-update pacing; see poll_pacing.h.
#include "net/poll_pacing.h"

#include "host.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace aftercare::portal {

double NextPollDelay(const PollAnswer& answer, double random_unit) {
    if (answer.ok && (answer.news || answer.held_seconds >= kQuickEmptyAnswerSeconds)) return 0.0;
    // 1, 2, 4 ... 30 s by failures in a row, never sooner than the server asked; then up to half
    // again at random. A quick empty answer counts as one failure.
    const int failures = std::max(1, answer.failures);
    const double backoff = std::min(kMaxPollBackoffSeconds, std::pow(2.0, std::min(failures - 1, 16)));
    const double base = std::max(backoff, static_cast<double>(answer.retry_after_seconds));
    return base * (1.0 + 0.5 * std::clamp(random_unit, 0.0, 1.0));
}

double NextPollDelay(const PollAnswer& answer, Host& host) {
    // 32 of the CSPRNG's bits as a fraction of 2^32.
    const std::string bits = host.RandomHex128().substr(0, 8);
    return NextPollDelay(answer, static_cast<double>(std::stoul(bits, nullptr, 16)) / 4294967296.0);
}

}  // namespace aftercare::portal
