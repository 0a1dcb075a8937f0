// Typed calls to the endpoints of api/endpoints.h over the host's HttpTransport: serializes requests with src/api's wire
// types, parses answers without exceptions, and maps every failure to an ApiError a screen can show.
#pragma once

#include "net/http.h"
#include "net/remote.h"
#include "net/target.h"

#include "api/error_body.h"
#include "api/wire_reader.h"

#include <functional>
#include <string>
#include <type_traits>
#include <utility>

namespace aftercare::portal {

// The answer of an endpoint that sends no body (204).
struct NoContent {};
// The answer as its bytes (an export's CSV): not JSON, nothing to parse.
struct RawBody {
    std::string bytes;
};

struct CallOptions {
    std::string bearer_token{};   // a customer's ticket token or a staff session
    std::string idempotency_key{};  // for creates: a retry after a lost answer creates nothing twice
};

class ApiClient {
public:
    explicit ApiClient(HttpTransport& transport) : transport_(transport) {}

    HttpTransport& Transport() { return transport_; }

    // Error messages come back in this language (both translations ride along anyway).
    void SetLanguageTag(std::string tag) { language_tag_ = std::move(tag); }

    // A request without a body (GET, or a POST that carries none).
    template <class Response>
    void Call(const Target& target, const CallOptions& options, std::function<void(Response)> ok,
              std::function<void(ApiError)> fail) {
        Send(target, {}, {}, {}, options, Parser<Response>(std::move(ok), fail), fail);
    }

    // A request with a JSON body: a wire type of src/api.
    template <class Response, class Request>
    void Call(const Target& target, const Request& request, const CallOptions& options,
              std::function<void(Response)> ok, std::function<void(ApiError)> fail) {
        Send(target, api::Json(request).dump(), "application/json", {}, options,
             Parser<Response>(std::move(ok), fail), fail);
    }

    // A raw body (attachments, imports): `content_type` and the file name travel as headers.
    template <class Response>
    void Upload(const Target& target, std::string bytes, std::string content_type, std::string file_name,
                const CallOptions& options, std::function<void(Response)> ok, std::function<void(ApiError)> fail) {
        Send(target, std::move(bytes), std::move(content_type), std::move(file_name), options,
             Parser<Response>(std::move(ok), fail), fail);
    }

private:
    using BodyHandler = std::function<void(const std::string&)>;

    // An answer's JSON is read in the task it arrives in, its fields in a task of their own
    // (HttpTransport::Defer).
    template <class Response>
    BodyHandler Parser(std::function<void(Response)> ok, std::function<void(ApiError)> fail) {
        if constexpr (std::is_same_v<Response, NoContent>) {
            return [ok = std::move(ok)](const std::string&) { ok(NoContent{}); };
        } else if constexpr (std::is_same_v<Response, RawBody>) {
            return [ok = std::move(ok)](const std::string& body) { ok(RawBody{body}); };
        } else {
            return [this, ok = std::move(ok), fail = std::move(fail)](const std::string& body) mutable {
                api::Json json = api::Json::parse(body, nullptr, /*allow_exceptions=*/false);
                if (json.is_discarded()) {
                    fail(MalformedAnswer());
                    return;
                }
                transport_.Defer(
                    [ok = std::move(ok), fail = std::move(fail), json = std::move(json)] {
                        if (core::Result<Response> parsed = api::FromJson<Response>(json)) {
                            ok(std::move(parsed).Value());
                        } else {
                            fail(MalformedAnswer());
                        }
                    },
                    HttpTransport::Redraw::Yes);
            };
        }
    }

    // Sends in a task after this one (HttpTransport::Defer). `content_type` and `file_name` travel as headers
    // when not empty.
    void Send(const Target& target, std::string body, std::string content_type, std::string file_name,
              const CallOptions& options, BodyHandler on_success, std::function<void(ApiError)> fail);
    void Dispatch(HttpRequest request, BodyHandler on_success, std::function<void(ApiError)> fail);
    static ApiError MalformedAnswer();

    HttpTransport& transport_;
    std::string language_tag_ = "zh-CN";
};

// Maps a non-2xx (or absent) answer to an ApiError, reading the server's error body when there is one.
ApiError ErrorFromResponse(const HttpResponse& response);

} // namespace aftercare::portal
