// The one JSON error shape (src/api's ErrorBody), JSON body parsing with size/depth/unknown-field
// limits, and small request helpers shared by every route.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "api/error_body.h"
#include "api/wire_reader.h"
#include "core/result.h"

namespace aftercare::serve {

using Json = nlohmann::json;

// Thrown by handlers and services for any expected failure; the route wrapper turns it into the
// api ErrorBody {"error":{"code","message","field","message_zh","message_en","details"}}. Messages
// are written for users and never carry internals (SQL, paths, library exception text).
struct ApiError : std::runtime_error {
    int status;
    core::FieldErrors errors;     // first one is the top-level code/message/field
    int retry_after_seconds = 0;  // > 0 adds Retry-After (429, 503)

    ApiError(int status_in, std::string code, std::string zh, std::string en, std::string field = {});
    // Status from api::HttpStatusFor(code) unless given.
    explicit ApiError(core::Error error, int status_in = 0);
    explicit ApiError(core::FieldErrors errors_in, int status_in = 0);

    const core::Error& first() const { return errors.front(); }
};

// Limits on untrusted JSON: nlohmann's parser is recursive, so depth is what protects the stack.
constexpr std::size_t kMaxJsonBodyBytes = 64 * 1024;
constexpr int kMaxJsonDepth = 16;

// zh-CN unless the client asks for English (?lang=en or Accept-Language: en...).
api::Language RequestLanguage(const httplib::Request& req);

void WriteJson(httplib::Response& res, int status, const Json& body);
void WriteError(httplib::Response& res, const ApiError& error, api::Language language);
// Error shape for failures that have no core::Error (httplib's own 400/404/413 ...).
Json SimpleErrorBody(const std::string& code, const std::string& zh, const std::string& en);

// Parses a request body as a JSON object; throws ApiError 415 (wrong content type, which also stops
// cross-site form posts), 413 (too large), 400 (malformed, too deep, not an object).
Json ParseJsonObject(const httplib::Request& req, std::size_t max_bytes = kMaxJsonBodyBytes);

// Throws 400 unknown_field for any key of `input` (recursively) that `known` does not have.
void RejectUnknownFields(const Json& input, const Json& known, const std::string& path);

// Reads T with the api's WireReader, then refuses keys the wire type does not know (400
// unknown_field): a customer must not be able to smuggle "state" or "assignee" into a body.
template <typename T>
T ParseBody(const Json& body) {
    auto parsed = api::FromJson<T>(body);
    if (!parsed) throw ApiError(parsed.GetError(), 400);
    Json known;
    to_json(known, parsed.Value());
    RejectUnknownFields(body, known, "");
    return std::move(parsed).Value();
}

template <typename T>
T ParseRequest(const httplib::Request& req) {
    return ParseBody<T>(ParseJsonObject(req));
}

// "Bearer <token>" -> token, or empty.
std::string BearerToken(const httplib::Request& req);

// Integer query parameter within [min, max]; throws 400 naming the field otherwise.
long long QueryInt(const httplib::Request& req, const char* name, long long fallback, long long min, long long max);

// Path capture `index` from the route's pattern (httplib has already percent-decoded the path).
std::string PathParam(const httplib::Request& req, std::size_t index);

}  // namespace aftercare::serve
