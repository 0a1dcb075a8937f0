// The /api/v1 error shape.
#include "api/error_body.h"

#include "api/core_json.h"

namespace aftercare::api {

ErrorBody MakeErrorBody(const core::Error& error, Language language) {
    ErrorBody body;
    body.code = error.code;
    body.field = error.field;
    body.message_zh = error.message.zh;
    body.message_en = error.message.en;
    body.message = language == Language::ZhCn ? error.message.zh : error.message.en;
    return body;
}

ErrorBody MakeErrorBody(const core::FieldErrors& errors, Language language) {
    ErrorBody body = errors.empty() ? ErrorBody{"invalid_request", "", "", "", "", {}} : MakeErrorBody(errors.front(), language);
    if (errors.size() > 1) body.details = errors;
    return body;
}

ErrorBody MakeErrorBody(const ParseError& error, Language language) { return MakeErrorBody(ToError(error), language); }

void to_json(Json& json_value, const ErrorBody& value) {
    Json inner{{"code", value.code},
               {"message", value.message},
               {"field", value.field},
               {"message_zh", value.message_zh},
               {"message_en", value.message_en}};
    if (!value.details.empty()) inner["details"] = value.details;
    json_value = Json{{"error", std::move(inner)}};
}

namespace {

// The inner object; ReadFields(ErrorBody) unwraps {"error": ...} into it.
struct ErrorInner {
    ErrorBody* body;
};

void ReadFields(WireReader& reader, ErrorInner& inner) {
    reader.Required("code", inner.body->code);
    reader.Optional("message", inner.body->message);
    reader.Optional("field", inner.body->field);
    reader.Optional("message_zh", inner.body->message_zh);
    reader.Optional("message_en", inner.body->message_en);
    reader.Optional("details", inner.body->details);
}

} // namespace

void ReadFields(WireReader& reader, ErrorBody& value) {
    ErrorInner inner{&value};
    reader.Required("error", inner);
}

void from_json(const Json& json_value, ErrorBody& value) { ReadOrThrow(json_value, value); }

} // namespace aftercare::api
