// ConcurrencyCap: at most N callers inside a section at once (the argon2id checks of staff logins,
// 64 MiB each), and PeakGauge: how many are inside now and the most there ever were, for /metrics.
// They are separate on purpose: the gauge wraps the expensive call itself, so it still counts if
// the cap were bypassed or removed, and a test reading it can tell.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace aftercare::serve {

class ConcurrencyCap {
public:
    explicit ConcurrencyCap(int limit) : limit_(limit) {}
    ConcurrencyCap(const ConcurrencyCap&) = delete;
    ConcurrencyCap& operator=(const ConcurrencyCap&) = delete;

    // Held while inside; leaving the scope frees the place for a waiting caller.
    class Slot {
    public:
        Slot(Slot&& other) noexcept : cap_(other.cap_) { other.cap_ = nullptr; }
        Slot(const Slot&) = delete;
        Slot& operator=(const Slot&) = delete;
        Slot& operator=(Slot&&) = delete;
        ~Slot() {
            if (cap_) cap_->Leave();
        }

    private:
        friend class ConcurrencyCap;
        explicit Slot(ConcurrencyCap& cap) : cap_(&cap) {}  // only after a successful entry
        ConcurrencyCap* cap_;
    };

    // Waits up to `wait` for a place; nullopt when none came free (the caller answers "busy").
    std::optional<Slot> TryEnter(std::chrono::milliseconds wait);

    int limit() const { return limit_; }
    int inside() const;

private:
    void Leave();

    const int limit_;
    mutable std::mutex mutex_;
    std::condition_variable freed_;
    int inside_ = 0;
};

class PeakGauge {
public:
    // Counts the caller in for the lifetime of the returned object.
    class Scope {
    public:
        explicit Scope(PeakGauge& gauge) : gauge_(gauge) { gauge_.Enter(); }
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;
        ~Scope() { gauge_.Leave(); }

    private:
        PeakGauge& gauge_;
    };

    int now() const;
    int peak() const;

private:
    void Enter();
    void Leave();

    mutable std::mutex mutex_;
    int now_ = 0;
    int peak_ = 0;
};

}  // namespace aftercare::serve
