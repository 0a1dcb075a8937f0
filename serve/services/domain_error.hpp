// The failures a use case can end in, said in the domain's terms (not found, conflict, not allowed,
// too many tries...) instead of HTTP status codes. Services and the request parsing helpers throw
// DomainError; the HTTP layer (http_util's HttpStatusOf) is the one place a kind becomes a status.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "core/result.h"

namespace aftercare::serve {

enum class ErrorKind {
    BadRequest,      // the request itself is malformed: not JSON, unknown field, bad parameter
    Unauthenticated, // no valid credential, or wrong username/password
    Forbidden,       // the caller is known but may not do this
    NotFound,        // no such thing (or the caller may not learn whether it exists)
    Conflict,        // the thing is not in a state that allows this, or changed meanwhile
    Gone,            // it existed but may no longer be reached
    PayloadTooLarge, // more data than allowed
    UnsupportedType, // data of a type this use case does not take
    InvalidValue,    // well-formed but refused by a rule (validation; the default for core codes)
    RateLimited,     // too many attempts; retry_after_seconds says when to try again
    Internal,        // a fault of ours; the message says nothing about it
    Busy,            // temporarily unable; retry_after_seconds says when to try again
    StorageFull,     // nothing more can be stored now
    Count_,          // not a kind: the number of kinds, for tests that go over all of them
};

// Thrown for every expected failure. `errors` carries every field problem of a form at once; the
// first one is the top-level code/message/field. Messages are for users, in zh-CN and en, and
// never carry internals (SQL, paths, library exception text).
struct DomainError : std::runtime_error {
    ErrorKind kind;
    core::FieldErrors errors;    // never empty
    int retry_after_seconds = 0; // > 0 when waiting helps (RateLimited, Busy, StorageFull)

    DomainError(ErrorKind kind_in, std::string code, std::string zh, std::string en, std::string field = {});
    DomainError(ErrorKind kind_in, core::Error error);
    DomainError(ErrorKind kind_in, core::FieldErrors errors_in);
    // The kind from the code (KindOfCode), for errors that come from core.
    explicit DomainError(core::Error error);
    explicit DomainError(core::FieldErrors errors_in);

    const core::Error& first() const { return errors.front(); }
};

// The kind of an error code from core (missing_field, illegal_transition, forbidden_actor, ...).
// A code this does not name is a field-level refusal: InvalidValue.
ErrorKind KindOfCode(std::string_view code);

// "not_found", "rate_limited", ... for logs and tests.
std::string_view ErrorKindName(ErrorKind kind);

} // namespace aftercare::serve
