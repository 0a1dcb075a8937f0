// JSON error shape and request parsing helpers shared by every route.
#include "http_util.hpp"

#include "json_text.hpp"

#include <cctype>
#include <charconv>
#include <set>
#include <vector>

namespace aftercare::serve {

int HttpStatusOf(ErrorKind kind) {
    // No default: a new kind without a status is a compiler warning here and a failing unit test.
    switch (kind) {
    case ErrorKind::BadRequest: return 400;
    case ErrorKind::Unauthenticated: return 401;
    case ErrorKind::Forbidden: return 403;
    case ErrorKind::NotFound: return 404;
    case ErrorKind::Conflict: return 409;
    case ErrorKind::Gone: return 410;
    case ErrorKind::PayloadTooLarge: return 413;
    case ErrorKind::UnsupportedType: return 415;
    case ErrorKind::InvalidValue: return 422;
    case ErrorKind::RateLimited: return 429;
    case ErrorKind::Internal: return 500;
    case ErrorKind::Busy: return 503;
    case ErrorKind::StorageFull: return 507;
    case ErrorKind::Count_: break;
    }
    return 500;
}

api::Language RequestLanguage(const HttpRequest& req) {
    if (req.has_param("lang")) return req.get_param_value("lang").rfind("en", 0) == 0 ? api::Language::En
                                                                                       : api::Language::ZhCn;
    const std::string accept = req.get_header_value("Accept-Language");
    return accept.rfind("en", 0) == 0 ? api::Language::En : api::Language::ZhCn;
}

void WriteJson(HttpResponse& res, int status, const Json& body) {
    res.status = status;
    // Invalid UTF-8 is replaced, not thrown on: a stored string must never turn a response into a 500.
    res.set_content(JsonText(body), "application/json; charset=utf-8");
}

void WriteError(HttpResponse& res, const DomainError& error, api::Language language) {
    Json body;
    to_json(body, error.errors.size() == 1 ? api::MakeErrorBody(error.errors.front(), language)
                                           : api::MakeErrorBody(error.errors, language));
    WriteJson(res, HttpStatusOf(error.kind), body);
    if (error.retry_after_seconds > 0) res.set_header("Retry-After", std::to_string(error.retry_after_seconds));
}

Json SimpleErrorBody(const std::string& code, const std::string& zh, const std::string& en) {
    Json body;
    to_json(body, api::MakeErrorBody(core::MakeError(code, zh, en), api::Language::ZhCn));
    return body;
}

namespace {
struct TooDeep {};
struct DuplicateKey {
    std::string key;
};
}  // namespace

Json ParseJsonObject(const HttpRequest& req, std::size_t max_bytes) {
    const std::string type = req.get_header_value("Content-Type");
    if (type.rfind("application/json", 0) != 0)
        throw DomainError(ErrorKind::UnsupportedType, "unsupported_media_type",
                          "请以 application/json 格式发送请求内容",
                          "Send the request body as application/json.");
    if (req.body.size() > max_bytes)
        throw DomainError(ErrorKind::PayloadTooLarge, "payload_too_large", "请求内容过大",
                          "The request body is too large.");
    Json parsed;
    // Keys seen in each object still open: a duplicate key is refused, because two parsers (a proxy,
    // a WAF, this one) could each believe a different copy.
    std::vector<std::set<std::string>> open_objects;
    try {
        parsed = Json::parse(
            req.body,
            [&open_objects](int depth, Json::parse_event_t event, Json& value) {
                if (depth > kMaxJsonDepth) throw TooDeep{};
                if (event == Json::parse_event_t::object_start) open_objects.emplace_back();
                else if (event == Json::parse_event_t::object_end) open_objects.pop_back();
                else if (event == Json::parse_event_t::key && !open_objects.empty() &&
                         !open_objects.back().insert(value.get<std::string>()).second)
                    throw DuplicateKey{value.get<std::string>()};
                return true;
            },
            true);
    } catch (const TooDeep&) {
        throw DomainError(ErrorKind::BadRequest, "bad_json", "JSON 嵌套层级过深",
                          "The JSON body is nested too deeply.");
    } catch (const DuplicateKey& duplicate) {
        throw DomainError(ErrorKind::BadRequest, "duplicate_key", "JSON 中字段重复：" + duplicate.key,
                          "The JSON body names a field twice: " + duplicate.key, duplicate.key);
    } catch (const Json::exception&) {
        throw DomainError(ErrorKind::BadRequest, "bad_json", "请求内容不是有效的 JSON",
                          "The request body is not valid JSON.");
    }
    if (!parsed.is_object())
        throw DomainError(ErrorKind::BadRequest, "not_object", "请求内容必须是 JSON 对象",
                          "The request body must be a JSON object.");
    return parsed;
}

std::string BearerToken(const HttpRequest& req) {
    // The scheme name is case-insensitive (RFC 9110 §11.1): "bearer x" is as good as "Bearer x".
    const std::string value = req.get_header_value("Authorization");
    constexpr std::string_view kScheme = "bearer";
    if (value.size() <= kScheme.size() + 1 || value[kScheme.size()] != ' ') return {};
    for (std::size_t i = 0; i < kScheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(value[i])) != kScheme[i]) return {};
    const auto start = value.find_first_not_of(' ', kScheme.size());
    return start == std::string::npos ? std::string() : value.substr(start);
}

long long QueryInt(const HttpRequest& req, const char* name, long long fallback, long long min, long long max) {
    if (!req.has_param(name)) return fallback;
    const std::string text = req.get_param_value(name);
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max)
        throw DomainError(ErrorKind::BadRequest, "invalid_value", "参数 " + std::string(name) + " 超出范围",
                          "Parameter " + std::string(name) + " must be an integer in " + std::to_string(min) +
                              ".." + std::to_string(max) + ".",
                          name);
    return value;
}

std::string PathParam(const HttpRequest& req, std::size_t index) {
    if (index >= req.matches.size()) return {};
    return req.matches[index];
}

}  // namespace aftercare::serve
