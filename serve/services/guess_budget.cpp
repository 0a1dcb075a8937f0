// Guess budgets: an hourly budget per subject plus a daily allowance per (address, subject).
#include "services/guess_budget.hpp"

#include <algorithm>

namespace aftercare::serve {

GuessBudget::GuessBudget(int per_subject_per_hour)
    : per_subject_(per_subject_per_hour, std::chrono::seconds(3600)),
      per_pair_(per_subject_per_hour > 0 ? kLockedGuessesPerAddressPerDay : 0, std::chrono::seconds(86400)) {}

void GuessBudget::OneAtATime(const std::string& subject, const std::function<void()>& work) {
    if (shared_) {
        shared_->Serialized("guess:" + subject, work);
    } else {
        std::lock_guard lock(mutex_);
        work();
    }
}

std::optional<GuessBudget::Reservation> GuessBudget::Reserve(const std::string& subject, const std::string& client,
                                                             int& retry_after) {
    Reservation reservation{subject, client + "|" + subject, false};
    std::optional<Reservation> result;
    OneAtATime(subject, [&] {
        const int subject_wait = per_subject_.Take(subject);
        if (subject_wait == 0) {
            // Charged as well (it may go negative), so an address that spends the subject's budget
            // has no per-address guess left when the budget runs out, even within one burst.
            per_pair_.Charge(reservation.pair);
            reservation.took_subject = true;
            result = reservation;
            return;
        }
        const int pair_wait = per_pair_.Take(reservation.pair);
        if (pair_wait == 0) {
            result = reservation;
            return;
        }
        // Whichever comes back first: the subject's hourly budget or this address's daily guess.
        retry_after = std::min(subject_wait, pair_wait);
    });
    return result;
}

void GuessBudget::Correct(const Reservation& reservation) {
    OneAtATime(reservation.subject, [&] {
        if (reservation.took_subject) per_subject_.Refund(reservation.subject);
        per_pair_.Refund(reservation.pair);
    });
}

}  // namespace aftercare::serve
