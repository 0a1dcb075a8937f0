// The one JSON error shape, JSON body parsing with size/depth limits, and small request helpers.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace aftercare::serve {

// Thrown by handlers and services for any expected failure; the route wrapper turns it into
// {"error":{"code":...,"message":...,"field":...}} with `status`. Messages are written for users and
// must never carry internals (SQL, paths, exception text from libraries).
struct ApiError : std::runtime_error {
    int status;
    std::string code;
    std::string field;
    int retry_after_seconds = 0;  // > 0 adds Retry-After (429, 503)
    ApiError(int status_in, std::string code_in, const std::string& message, std::string field_in = {})
        : std::runtime_error(message), status(status_in), code(std::move(code_in)), field(std::move(field_in)) {}
};

// Limits on untrusted JSON: nlohmann's parser is recursive, so depth is what protects the stack.
constexpr std::size_t kMaxJsonBodyBytes = 64 * 1024;
constexpr int kMaxJsonDepth = 16;

nlohmann::json ErrorBody(const std::string& code, const std::string& message, const std::string& field = {});
void WriteError(httplib::Response& res, const ApiError& error);
void WriteJson(httplib::Response& res, int status, const nlohmann::json& body);

// Parses a request body as a JSON object; throws ApiError 415 (wrong content type, which also stops
// cross-site form posts), 413 (too large), 400 (malformed, too deep, not an object).
nlohmann::json ParseJsonObject(const httplib::Request& req, std::size_t max_bytes = kMaxJsonBodyBytes);

// Converts a JSON object into T with the api layer's from_json; shape errors become 400 with the
// offending field when nlohmann names it.
template <typename T>
T ParseBody(const nlohmann::json& body) {
    try {
        return body.get<T>();
    } catch (const ApiError&) {
        throw;
    } catch (const nlohmann::json::exception&) {
        throw ApiError(400, "invalid_body", "The request body does not have the expected fields and types.");
    }
}

// "Bearer <token>" -> token, or empty.
std::string BearerToken(const httplib::Request& req);

// Value of a query parameter, or `fallback` when absent.
std::string QueryParam(const httplib::Request& req, const char* name, const std::string& fallback = {});
// Integer query parameter within [min, max]; throws 400 naming the field otherwise.
long long QueryInt(const httplib::Request& req, const char* name, long long fallback, long long min, long long max);

// Percent-decoded path capture `index` from the route's pattern.
std::string PathParam(const httplib::Request& req, std::size_t index);

}  // namespace aftercare::serve
