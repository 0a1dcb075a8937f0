// Remote data as screens see it: idle → loading → loaded or failed. Every screen draws all four.
#pragma once

#include "core/result.h"

#include <optional>
#include <variant>
#include <string>
#include <vector>

namespace aftercare::portal {

// Why a call failed, in terms a screen can act on.
struct ApiError {
    enum class Kind {
        Offline,      // no answer: keep what was typed, offer to retry
        RateLimited,  // 429: wait `retry_after_seconds`
        NotFound,     // 404: nothing there (or not yours: the server does not say which)
        Rejected,     // 400/409/410/422: the input or the state is wrong; `field` may name the input
        Unauthorized, // 401/403: the link or login expired
        Server,       // 5xx or an answer that is not ours
    };
    Kind kind = Kind::Server;
    int status = 0;
    std::string code;  // the server's machine-readable code, e.g. "illegal_transition"
    core::LocalizedText message;
    std::string field;
    std::vector<core::Error> details;  // every field error when the server found several
    int retry_after_seconds = 0;
};

template <class T> struct Remote {
    enum class State { Idle, Loading, Loaded, Failed };
    State state = State::Idle;
    std::optional<T> value;
    std::optional<ApiError> error;

    bool IsIdle() const { return state == State::Idle; }
    bool IsLoading() const { return state == State::Loading; }
    bool IsLoaded() const { return state == State::Loaded; }
    bool IsFailed() const { return state == State::Failed; }

    void StartLoading() {
        state = State::Loading;
        error.reset();
    }
    void Succeed(T v) {
        state = State::Loaded;
        value = std::move(v);
        error.reset();
    }
    void Fail(ApiError e) {
        state = State::Failed;
        error = std::move(e);
    }
    void Reset() { *this = Remote{}; }
};

// A load whose answer is kept elsewhere (the vendor's policy, in AppState::policy): its progress
// only, so the data is held once.
using RemoteStatus = Remote<std::monostate>;

} // namespace aftercare::portal
