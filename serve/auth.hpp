// Credentials: random bearer tokens (only their hash is stored) and argon2id staff passwords.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "concurrency_cap.hpp"
#include "rate_limit.hpp"

#include "principal.hpp"
#include "store/store.hpp"

namespace aftercare::serve {

// 32 bytes from libsodium's CSPRNG (256 bits; the brief asks for >= 128), base64url without padding,
// so a token fits in a tracking link's fragment unchanged.
std::string NewToken();
// BLAKE2b-256 of the token: the database holds this, never the token. A fast hash is right here
// because the token itself has 256 bits of entropy (nothing to brute-force, unlike a password).
std::string TokenHash(const std::string& token);
// Random identifier for attachments (128 bits, hex).
std::string NewId();

// argon2id via crypto_pwhash_str with the INTERACTIVE limits (~64 MB, well under a second here).
std::optional<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);

class Auth {
public:
    static constexpr std::int64_t kCustomerTokenSeconds = 30 * 24 * 3600;  // a tracking link lasts a month
    static constexpr std::int64_t kStaffTokenSeconds = 12 * 3600;           // one working shift

    explicit Auth(Store& store);

    // Issues a token inside the caller's transaction, so it exists exactly when the ticket does.
    std::string IssueCustomerToken(StoreTx& tx, std::int64_t ticket_id, std::int64_t now,
                                   std::int64_t& expires_at);
    std::string IssueStaffToken(StoreTx& tx, std::int64_t staff_id, std::int64_t now, std::int64_t& expires_at);

    // Revokes a token at once (staff logout); unknown tokens are ignored.
    void Revoke(const std::string& token);
    // Revokes every customer token of a ticket at once ("sign out on all devices"): a tracking link,
    // another phone, the kiosk receipt's session. The next use of any of them is a 401.
    int RevokeTicketTokens(std::int64_t ticket_id);  // how many tokens ended

    // The route wrapper's resolver: unknown or expired -> nullopt. A customer token is also refused
    // once its ticket has been closed, cancelled or rejected for `customer_access_after_close`
    // seconds (policy tickets.customer_access_days_after_close).
    std::optional<Principal> Resolve(const std::string& token, std::int64_t now,
                                     std::int64_t customer_access_after_close);
    // Whether a ticket that ended at `ended_at` may still be opened by its customer at `now`.
    static bool CustomerAccessOpen(std::optional<std::int64_t> ended_at, std::int64_t now,
                                   std::int64_t customer_access_after_close) {
        return !ended_at || now < *ended_at + customer_access_after_close;
    }

    // From now on the per-account budget of wrong passwords is `buckets`' (several instances share
    // it). Called at start, before any request.
    void ShareLimits(const std::shared_ptr<SharedBuckets>& buckets) { account_failures_.Share(buckets, "login.account:"); }

    // Wrong passwords per account, across all addresses: 5 at once, then one every 3 minutes.
    static constexpr int kAccountFailuresPer15Minutes = 5;
    // argon2id costs 64 MiB and ~0.1 s per check: at most this many run at once (256 MiB).
    static constexpr int kConcurrentPasswordChecks = 4;

    struct LoginResult {
        enum class Status { Ok, Wrong, AccountBackOff, Busy };
        Status status = Status::Wrong;
        std::optional<StaffRecord> staff;  // Ok
        int retry_after_seconds = 0;       // AccountBackOff, Busy
    };

    // Staff login. Unknown users still pay for one password verification, so timing does not tell
    // which usernames exist; an account's failure budget is reserved before the check (a right
    // password gives it back), and the check waits for one of the argon2id slots or answers Busy.
    LoginResult Login(const std::string& username, const std::string& password);

    // /metrics lines: argon2id checks running now, the most that ever ran at once (never above
    // kConcurrentPasswordChecks while the cap holds), and logins refused as busy.
    void Collect(std::string& out) const;

private:
    const std::string& DummyHash();

    Store& store_;
    RateLimiter account_failures_{kAccountFailuresPer15Minutes, std::chrono::seconds(900)};
    ConcurrencyCap password_checks_{kConcurrentPasswordChecks};
    PeakGauge password_checks_running_;  // counts the argon2id calls themselves, not the cap's slots
    std::atomic<long long> logins_busy_{0};
    std::once_flag dummy_once_;
    std::string dummy_hash_;
};

}  // namespace aftercare::serve
