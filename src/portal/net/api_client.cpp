// ApiClient's request building and error mapping; see api_client.h.
#include "net/api_client.h"

namespace aftercare::portal {
namespace {

ApiError::Kind KindForStatus(int status) {
    if (status == 0) return ApiError::Kind::Offline;
    if (status == 429) return ApiError::Kind::RateLimited;
    if (status == 404) return ApiError::Kind::NotFound;
    if (status == 401 || status == 403) return ApiError::Kind::Unauthorized;
    // 410: a definite answer that asking again will not change (a ticket ended too long ago to open).
    if (status == 400 || status == 409 || status == 410 || status == 413 || status == 415 || status == 422) {
        return ApiError::Kind::Rejected;
    }
    return ApiError::Kind::Server;
}

void AddCommonHeaders(HttpRequest& request, const CallOptions& options, const std::string& language_tag) {
    request.headers.emplace_back("Accept", "application/json");
    request.headers.emplace_back("Accept-Language", language_tag);
    if (!options.bearer_token.empty()) request.headers.emplace_back("Authorization", "Bearer " + options.bearer_token);
    if (!options.idempotency_key.empty()) request.headers.emplace_back("Idempotency-Key", options.idempotency_key);
}

} // namespace

ApiError ErrorFromResponse(const HttpResponse& response) {
    ApiError error;
    error.kind = KindForStatus(response.status);
    error.status = response.status;
    error.retry_after_seconds = response.retry_after_seconds;
    if (response.status == 0 || response.body.empty()) return error;
    core::Result<api::ErrorBody> body = api::ParseWire<api::ErrorBody>(response.body);
    if (!body) return error;  // not our error shape (a proxy's page): the kind says enough
    const api::ErrorBody& b = body.Value();
    error.code = b.code;
    error.field = b.field;
    error.details = b.details;
    error.message = core::LocalizedText{b.message_zh.empty() ? b.message : b.message_zh,
                                        b.message_en.empty() ? b.message : b.message_en};
    return error;
}

ApiError ApiClient::MalformedAnswer() {
    ApiError error;
    error.kind = ApiError::Kind::Server;
    error.code = "malformed_answer";
    return error;
}

// Built and handed to the transport in a task after the frame that asked: a page's first frame asks
// for most of its data, and building those requests (their code's first run) was 12–20 % of that
// frame on a phone (issue 22). Sending it changes nothing on screen: the frame that asked already
// shows that it is on its way.
void ApiClient::Send(const Target& target, std::string body, std::string content_type, std::string file_name,
                     const CallOptions& options, BodyHandler on_success, std::function<void(ApiError)> fail) {
    transport_.Defer([this, target, body = std::move(body), content_type = std::move(content_type),
                      file_name = std::move(file_name), options, on_success = std::move(on_success),
                      fail = std::move(fail)]() mutable {
        HttpRequest request;
        request.method = target.endpoint.method;
        request.path = UrlOf(target);
        request.body = std::move(body);
        AddCommonHeaders(request, options, language_tag_);
        if (!content_type.empty()) request.headers.emplace_back("Content-Type", std::move(content_type));
        if (!file_name.empty()) request.headers.emplace_back("X-File-Name", std::move(file_name));
        Dispatch(std::move(request), std::move(on_success), std::move(fail));
    }, HttpTransport::Redraw::No);
}

void ApiClient::Dispatch(HttpRequest request, BodyHandler on_success, std::function<void(ApiError)> fail) {
    transport_.Send(std::move(request), [on_success = std::move(on_success), fail = std::move(fail)](HttpResponse r) {
        if (r.status >= 200 && r.status < 300) {
            on_success(r.body);
        } else {
            fail(ErrorFromResponse(r));
        }
    });
}

} // namespace aftercare::portal
