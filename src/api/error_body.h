// The one error shape of /api/v1: {"error":{"code","message","field","message_zh","message_en"}}.
#pragma once

#include "api/wire_reader.h"
#include "core/result.h"

#include <string>
#include <vector>

namespace aftercare::api {

enum class Language { ZhCn, En };

// `message` is in the request's language (Accept-Language / ?lang=); both translations ride
// along so a client can switch language without asking again. `details` carries every field
// error of a form at once (the first one is also the top-level code/field).
struct ErrorBody {
    std::string code;
    std::string message;
    std::string field;
    std::string message_zh;
    std::string message_en;
    std::vector<core::Error> details;

    bool operator==(const ErrorBody&) const = default;
};

ErrorBody MakeErrorBody(const core::Error& error, Language language);
ErrorBody MakeErrorBody(const core::FieldErrors& errors, Language language); // errors must not be empty
ErrorBody MakeErrorBody(const ParseError& error, Language language);

// to_json writes the wrapper {"error":{...}}; from_json expects it.
AFTERCARE_WIRE_TYPE(ErrorBody);

} // namespace aftercare::api
