// JSON error shape and request parsing helpers shared by every route.
#include "http_util.hpp"

#include <charconv>

namespace aftercare::serve {

using nlohmann::json;

json ErrorBody(const std::string& code, const std::string& message, const std::string& field) {
    json error = {{"code", code}, {"message", message}};
    if (!field.empty()) error["field"] = field;
    return json{{"error", error}};
}

void WriteJson(httplib::Response& res, int status, const json& body) {
    res.status = status;
    // Replace invalid UTF-8 instead of throwing: a stored string must never turn a response into a 500.
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void WriteError(httplib::Response& res, const ApiError& error) {
    WriteJson(res, error.status, ErrorBody(error.code, error.what(), error.field));
    if (error.retry_after_seconds > 0) res.set_header("Retry-After", std::to_string(error.retry_after_seconds));
}

namespace {
struct TooDeep {};
}  // namespace

json ParseJsonObject(const httplib::Request& req, std::size_t max_bytes) {
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0)
        throw ApiError(415, "unsupported_media_type", "Send the request body as application/json.");
    if (req.body.size() > max_bytes)
        throw ApiError(413, "payload_too_large", "The request body is too large.");
    json parsed;
    try {
        parsed = json::parse(
            req.body,
            [](int depth, json::parse_event_t, json&) {
                if (depth > kMaxJsonDepth) throw TooDeep{};
                return true;
            },
            true);
    } catch (const TooDeep&) {
        throw ApiError(400, "invalid_json", "The JSON body is nested too deeply.");
    } catch (const json::exception&) {
        throw ApiError(400, "invalid_json", "The request body is not valid JSON.");
    }
    if (!parsed.is_object()) throw ApiError(400, "invalid_json", "The request body must be a JSON object.");
    return parsed;
}

std::string BearerToken(const httplib::Request& req) {
    const std::string value = req.get_header_value("Authorization");
    constexpr std::string_view kPrefix = "Bearer ";
    if (value.size() <= kPrefix.size() || value.compare(0, kPrefix.size(), kPrefix) != 0) return {};
    return value.substr(kPrefix.size());
}

std::string QueryParam(const httplib::Request& req, const char* name, const std::string& fallback) {
    return req.has_param(name) ? req.get_param_value(name) : fallback;
}

long long QueryInt(const httplib::Request& req, const char* name, long long fallback, long long min, long long max) {
    if (!req.has_param(name)) return fallback;
    const std::string text = req.get_param_value(name);
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max)
        throw ApiError(400, "invalid_parameter",
                       "Parameter out of range (" + std::to_string(min) + ".." + std::to_string(max) + ").", name);
    return value;
}

std::string PathParam(const httplib::Request& req, std::size_t index) {
    if (index >= req.matches.size()) return {};
    // httplib already percent-decodes the path before matching.
    return req.matches[index].str();
}

}  // namespace aftercare::serve
