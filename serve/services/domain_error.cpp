// Domain errors: construction and the kind of each error code core can return.
#include "services/domain_error.hpp"

namespace aftercare::serve {

namespace {
core::FieldErrors NeverEmpty(core::FieldErrors errors) {
    if (errors.empty()) errors.push_back(core::MakeError("internal", "服务器内部错误", "Internal error"));
    return errors;
}
} // namespace

DomainError::DomainError(ErrorKind kind_in, std::string code, std::string zh, std::string en,
                         std::string field)
    : std::runtime_error(en), kind(kind_in) {
    errors.push_back(core::MakeError(std::move(code), std::move(zh), std::move(en), std::move(field)));
}

DomainError::DomainError(ErrorKind kind_in, core::Error error)
    : std::runtime_error(error.message.en), kind(kind_in) {
    errors.push_back(std::move(error));
}

DomainError::DomainError(ErrorKind kind_in, core::FieldErrors errors_in)
    : std::runtime_error(errors_in.empty() ? std::string("error") : errors_in.front().message.en),
      kind(kind_in), errors(NeverEmpty(std::move(errors_in))) {}

// Not delegating: the kind must be read from the code before the errors are moved (members
// initialize in declaration order, kind first; a delegated call's arguments have no order).
DomainError::DomainError(core::Error error)
    : std::runtime_error(error.message.en), kind(KindOfCode(error.code)) {
    errors.push_back(std::move(error));
}

DomainError::DomainError(core::FieldErrors errors_in)
    : std::runtime_error(errors_in.empty() ? std::string("error") : errors_in.front().message.en),
      kind(KindOfCode(errors_in.empty() ? "internal" : errors_in.front().code)),
      errors(NeverEmpty(std::move(errors_in))) {}

ErrorKind KindOfCode(std::string_view code) {
    struct Mapping {
        std::string_view code;
        ErrorKind kind;
    };
    static constexpr Mapping kMappings[] = {
        {"bad_json", ErrorKind::BadRequest},
        {"not_object", ErrorKind::BadRequest},
        {"missing_field", ErrorKind::BadRequest},
        {"wrong_type", ErrorKind::BadRequest},
        {"invalid_value", ErrorKind::BadRequest},
        {"unauthorized", ErrorKind::Unauthenticated},
        {"forbidden", ErrorKind::Forbidden},
        {"forbidden_actor", ErrorKind::Forbidden},
        {"not_found", ErrorKind::NotFound},
        {"conflict", ErrorKind::Conflict},
        {"illegal_transition", ErrorKind::Conflict},
        {"reopen_window_closed", ErrorKind::Conflict},
        {"close_too_early", ErrorKind::Conflict},
        {"not_escalatable", ErrorKind::Conflict},
        {"already_rated", ErrorKind::Conflict},
        {"already_done", ErrorKind::Conflict},
        {"ticket_closed", ErrorKind::Conflict},
        {"report_required", ErrorKind::Conflict},
        {"quote_required", ErrorKind::Conflict},
        {"not_needed", ErrorKind::Conflict},
        {"payload_too_large", ErrorKind::PayloadTooLarge},
        {"rate_limited", ErrorKind::RateLimited},
        {"too_many_messages", ErrorKind::RateLimited},
        {"insufficient_randomness", ErrorKind::Internal},
        {"internal", ErrorKind::Internal},
    };
    for (const Mapping& mapping : kMappings)
        if (mapping.code == code) return mapping.kind;
    // Everything else is a field-level validation refusal (required, too_long, invalid_phone, ...).
    return ErrorKind::InvalidValue;
}

std::string_view ErrorKindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::BadRequest: return "bad_request";
    case ErrorKind::Unauthenticated: return "unauthenticated";
    case ErrorKind::Forbidden: return "forbidden";
    case ErrorKind::NotFound: return "not_found";
    case ErrorKind::Conflict: return "conflict";
    case ErrorKind::Gone: return "gone";
    case ErrorKind::PayloadTooLarge: return "payload_too_large";
    case ErrorKind::UnsupportedType: return "unsupported_type";
    case ErrorKind::InvalidValue: return "invalid_value";
    case ErrorKind::RateLimited: return "rate_limited";
    case ErrorKind::Internal: return "internal";
    case ErrorKind::Busy: return "busy";
    case ErrorKind::StorageFull: return "storage_full";
    case ErrorKind::Count_: break;
    }
    return "unknown";
}

} // namespace aftercare::serve
