// Error and Result<T>: how core reports a refusal without exceptions (the wasm build cannot catch them).
#pragma once

#include "text.h"

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace aftercare::core {

// One error shape for the whole portal. `field` names the offending input (dotted path, e.g.
// "customer.phone") when there is one, so forms can put the message next to the right widget.
// `code` is stable and machine-readable; the messages are for people.
struct Error {
    std::string code;
    LocalizedText message;
    std::string field;

    bool operator==(const Error&) const = default;
};

using FieldErrors = std::vector<Error>;

// Minimal expected<T, Error>: libc++ 14 (emscripten 3.1.6) has no std::expected.
template <class T> class Result {
public:
    Result(T value) : storage_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : storage_(std::in_place_index<1>, std::move(error)) {}

    bool Ok() const { return storage_.index() == 0; }
    explicit operator bool() const { return Ok(); }

    const T& Value() const& {
        assert(Ok());
        return std::get<0>(storage_);
    }
    T& Value() & {
        assert(Ok());
        return std::get<0>(storage_);
    }
    T&& Value() && {
        assert(Ok());
        return std::get<0>(std::move(storage_));
    }
    const Error& GetError() const {
        assert(!Ok());
        return std::get<1>(storage_);
    }

private:
    std::variant<T, Error> storage_;
};

inline Error MakeError(std::string code, std::string zh, std::string en, std::string field = {}) {
    return Error{std::move(code), LocalizedText{std::move(zh), std::move(en)}, std::move(field)};
}

} // namespace aftercare::core
