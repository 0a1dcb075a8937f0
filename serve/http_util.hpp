// The one JSON error shape (src/api's ErrorBody), JSON body parsing with size/depth/unknown-field
// limits, and small request helpers shared by every route.
#pragma once

#include "http_types.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "api/error_body.h"
#include "api/wire_reader.h"
#include "core/result.h"
#include "json_fields.hpp"
#include "services/domain_error.hpp"

namespace aftercare::serve {

using Json = nlohmann::json;

// The one place a domain error's kind becomes an HTTP status (400, 401, 403, 404, 409, 410, 413,
// 415, 422, 429, 500, 503, 507).
int HttpStatusOf(ErrorKind kind);

// Limits on untrusted JSON: nlohmann's parser is recursive, so depth is what protects the stack.
constexpr std::size_t kMaxJsonBodyBytes = 64 * 1024;
constexpr int kMaxJsonDepth = 16;

// zh-CN unless the client asks for English (?lang=en or Accept-Language: en...).
api::Language RequestLanguage(const HttpRequest& req);

void WriteJson(HttpResponse& res, int status, const Json& body);
// The api ErrorBody {"error":{"code","message","field","message_zh","message_en","details"}} with
// HttpStatusOf(error.kind), and Retry-After when the error says how long to wait.
void WriteError(HttpResponse& res, const DomainError& error, api::Language language);
// Error shape for failures that have no core::Error (the HTTP layer's own 400/404/413 ...).
Json SimpleErrorBody(const std::string& code, const std::string& zh, const std::string& en);

// Parses a request body as a JSON object; throws DomainError UnsupportedType (wrong content type,
// which also stops cross-site form posts), PayloadTooLarge, BadRequest (malformed, too deep, not an object).
Json ParseJsonObject(const HttpRequest& req, std::size_t max_bytes = kMaxJsonBodyBytes);

// Reads T with the api's WireReader, then refuses keys the wire type does not know (BadRequest
// unknown_field): a customer must not be able to smuggle "state" or "assignee" into a body.
template <typename T>
T ParseBody(const Json& body) {
    auto parsed = api::FromJson<T>(body);
    if (!parsed) throw DomainError(ErrorKind::BadRequest, parsed.GetError());
    Json known;
    to_json(known, parsed.Value());
    RejectUnknownFields(body, known, "");
    return std::move(parsed).Value();
}

template <typename T>
T ParseRequest(const HttpRequest& req) {
    return ParseBody<T>(ParseJsonObject(req));
}

// "Bearer <token>" -> token, or empty.
std::string BearerToken(const HttpRequest& req);

// Integer query parameter within [min, max]; throws BadRequest naming the field otherwise.
long long QueryInt(const HttpRequest& req, const char* name, long long fallback, long long min, long long max);

// Path capture `index` from the route's pattern (matched against the percent-decoded path).
std::string PathParam(const HttpRequest& req, std::size_t index);

}  // namespace aftercare::serve
