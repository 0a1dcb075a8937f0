// Token and password primitives on libsodium, and token resolution against the store.
#include "auth.hpp"

#include <sodium.h>

namespace aftercare::serve {

std::string NewToken() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

std::string TokenHash(const std::string& token) {
    unsigned char hash[32];
    crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    return std::string(reinterpret_cast<const char*>(hash), sizeof hash);
}

std::string NewId() {
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

std::optional<std::string> HashPassword(const std::string& password) {
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return std::nullopt;  // out of memory
    return std::string(hash);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Auth::Auth(Store& store) : store_(store) {}

const std::string& Auth::DummyHash() {
    // A real hash of a random password: verifying against it costs what a real verification costs.
    // Made on first use, so starting the server does not pay for it.
    std::call_once(dummy_once_, [this] { dummy_hash_ = HashPassword(NewToken()).value_or(""); });
    return dummy_hash_;
}

std::string Auth::IssueCustomerToken(StoreTx& tx, std::int64_t ticket_id, std::int64_t now, std::int64_t& expires_at) {
    const std::string token = NewToken();
    expires_at = now + kCustomerTokenSeconds;
    TokenRecord record;
    record.kind = TokenRecord::Kind::Customer;
    record.ticket_id = ticket_id;
    record.expires_at = expires_at;
    tx.InsertToken(TokenHash(token), record, now);
    return token;
}

std::string Auth::IssueStaffToken(StoreTx& tx, std::int64_t staff_id, std::int64_t now, std::int64_t& expires_at) {
    const std::string token = NewToken();
    expires_at = now + kStaffTokenSeconds;
    TokenRecord record;
    record.kind = TokenRecord::Kind::Staff;
    record.staff_id = staff_id;
    record.expires_at = expires_at;
    tx.InsertToken(TokenHash(token), record, now);
    return token;
}

void Auth::Revoke(const std::string& token) {
    store_.Write([&](StoreTx& tx) { tx.DeleteToken(TokenHash(token)); });
}

int Auth::RevokeTicketTokens(std::int64_t ticket_id) {
    int ended = 0;
    store_.Write([&](StoreTx& tx) { ended = tx.DeleteTicketTokens(ticket_id); });
    return ended;
}

std::optional<Principal> Auth::Resolve(const std::string& token, std::int64_t now,
                                       std::int64_t customer_access_after_close) {
    // Tokens are 43 base64url characters; anything else cannot be one and needs no database trip.
    if (token.size() != 43) return std::nullopt;
    auto record = store_.FindToken(TokenHash(token), now);
    if (!record) return std::nullopt;
    Principal who;
    if (record->kind == TokenRecord::Kind::Customer) {
        if (record->ticket_number.empty()) return std::nullopt;
        if (!CustomerAccessOpen(record->ticket_ended_at, now, customer_access_after_close)) return std::nullopt;
        who.kind = Principal::Kind::Customer;
        who.ticket_id = record->ticket_id;
        who.service_number = record->ticket_number;
        return who;
    }
    auto staff = store_.FindStaffById(record->staff_id);
    if (!staff || !staff->active) return std::nullopt;
    who.kind = Principal::Kind::Staff;
    who.staff_id = staff->id;
    who.staff_username = staff->username;
    who.staff_roles = staff->roles;
    return who;
}

Auth::LoginResult Auth::Login(const std::string& username, const std::string& password) {
    LoginResult result;
    // A short wait for a slot, then Busy: a login flood must not queue up gigabytes of argon2id.
    const auto slot = password_checks_.TryEnter(std::chrono::seconds(2));
    if (!slot) {
        ++logins_busy_;
        result.status = LoginResult::Status::Busy;
        result.retry_after_seconds = 1;
        return result;
    }

    // Unknown usernames are budgeted too, so the answer never tells whether an account exists.
    if (int wait = account_failures_.Take(username); wait > 0) {
        result.status = LoginResult::Status::AccountBackOff;
        result.retry_after_seconds = wait;
        return result;
    }
    auto staff = store_.FindStaff(username);
    const std::string& hash = staff ? staff->password_hash : DummyHash();
    bool verified = false;
    {
        const PeakGauge::Scope running(password_checks_running_);
        verified = VerifyPassword(hash, password);
    }
    // Unknown names and deactivated accounts are refused after the same verification, so timing
    // tells nothing.
    const bool right = staff && staff->active && verified;
    if (!right) return result;
    account_failures_.Refund(username);
    result.status = LoginResult::Status::Ok;
    result.staff = std::move(staff);
    return result;
}

void Auth::Collect(std::string& out) const {
    out += "# HELP aftercare_password_checks_running argon2id password checks running now.\n"
           "# TYPE aftercare_password_checks_running gauge\n";
    out += "aftercare_password_checks_running " + std::to_string(password_checks_running_.now()) + "\n";
    out += "# HELP aftercare_password_checks_peak The most argon2id checks that ever ran at once.\n"
           "# TYPE aftercare_password_checks_peak gauge\n";
    out += "aftercare_password_checks_peak " + std::to_string(password_checks_running_.peak()) + "\n";
    out += "# HELP aftercare_logins_busy_total Logins answered 503 because every argon2id slot was taken.\n"
           "# TYPE aftercare_logins_busy_total counter\n";
    out += "aftercare_logins_busy_total " + std::to_string(logins_busy_.load()) + "\n";
}

}  // namespace aftercare::serve
