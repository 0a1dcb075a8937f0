// Reading JSON into wire types without exceptions, with errors that name the missing or mistyped field.
#pragma once

#include "core/result.h"
#include "core/time.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace aftercare::api {

using Json = nlohmann::json;

// Why a body was refused. `field` is a dotted JSON path ("customer.phone", "items[2].id"), empty
// for a body that is not JSON at all. Codes: bad_json, not_object, missing_field, wrong_type,
// invalid_value.
struct ParseError {
    std::string field;
    std::string code;
    std::string what; // English detail for logs and the error message

    bool operator==(const ParseError&) const = default;
};

core::Error ToError(const ParseError& error);

// nlohmann's get<T>() can only report failure by throwing; this is what our from_json throws.
// The wasm build cannot catch exceptions, so portal code uses ParseWire()/FromJson() instead.
class WireParseException : public std::runtime_error {
public:
    explicit WireParseException(ParseError error);
    const ParseError& Error() const { return error_; }

private:
    ParseError error_;
};

// Walks one JSON object. The first failure is kept and later reads become no-ops, so a
// ReadFields() body is a flat list of Required()/Optional() calls with no error plumbing.
// Unknown keys are ignored (newer clients/servers may send more).
class WireReader {
public:
    WireReader(const Json& object, std::string path, std::optional<ParseError>& failure);

    template <class T> void Required(std::string_view key, T& out);
    // Absent or null leaves `out` as it was (its default).
    template <class T> void Optional(std::string_view key, T& out);

    bool Failed() const { return failure_.has_value(); }
    void Fail(std::string_view key, std::string code, std::string what);
    std::string PathOf(std::string_view key) const;
    const Json& Object() const { return object_; }

private:
    const Json& object_;
    std::string path_;
    std::optional<ParseError>& failure_;
};

// Value readers: return false after recording an error at `path`.
bool ReadValue(const Json& value, std::string& out, const std::string& path, std::optional<ParseError>& failure);
bool ReadValue(const Json& value, bool& out, const std::string& path, std::optional<ParseError>& failure);
bool ReadValue(const Json& value, int& out, const std::string& path, std::optional<ParseError>& failure);
bool ReadValue(const Json& value, std::int64_t& out, const std::string& path, std::optional<ParseError>& failure);
bool ReadValue(const Json& value, double& out, const std::string& path, std::optional<ParseError>& failure);
bool ReadValue(const Json& value, core::CivilDate& out, const std::string& path,
               std::optional<ParseError>& failure);

// Containers: declared before any definition so they nest in any order (vector<optional<T>>, ...).
template <class T>
bool ReadValue(const Json& value, std::vector<T>& out, const std::string& path, std::optional<ParseError>& failure);
template <class T>
bool ReadValue(const Json& value, std::map<std::string, T>& out, const std::string& path,
               std::optional<ParseError>& failure);
template <class T>
bool ReadValue(const Json& value, std::optional<T>& out, const std::string& path,
               std::optional<ParseError>& failure);

// Enums: any type with core::FromString(text, value).
template <class E>
    requires std::is_enum_v<E> && requires(std::string_view text, E& value) { FromString(text, value); }
bool ReadValue(const Json& value, E& out, const std::string& path, std::optional<ParseError>& failure) {
    if (!value.is_string()) {
        failure = ParseError{path, "wrong_type", path + ": expected a string"};
        return false;
    }
    const auto& text = value.get_ref<const std::string&>();
    if (!FromString(text, out)) {
        failure = ParseError{path, "invalid_value", path + ": unknown value \"" + text + "\""};
        return false;
    }
    return true;
}

// Objects: any type with ReadFields(WireReader&, T&) found by argument-dependent lookup.
template <class T>
    requires requires(WireReader& reader, T& value) { ReadFields(reader, value); }
bool ReadValue(const Json& value, T& out, const std::string& path, std::optional<ParseError>& failure) {
    if (!value.is_object()) {
        failure = ParseError{path, path.empty() ? "not_object" : "wrong_type",
                             (path.empty() ? std::string("body") : path) + ": expected an object"};
        return false;
    }
    WireReader reader(value, path, failure);
    ReadFields(reader, out);
    return !failure.has_value();
}

template <class T>
bool ReadValue(const Json& value, std::vector<T>& out, const std::string& path, std::optional<ParseError>& failure) {
    if (!value.is_array()) {
        failure = ParseError{path, "wrong_type", path + ": expected an array"};
        return false;
    }
    std::vector<T> items;
    items.reserve(value.size());
    for (std::size_t index = 0; index < value.size(); ++index) {
        T item{};
        if (!ReadValue(value[index], item, path + "[" + std::to_string(index) + "]", failure)) return false;
        items.push_back(std::move(item));
    }
    out = std::move(items);
    return true;
}

template <class T>
bool ReadValue(const Json& value, std::map<std::string, T>& out, const std::string& path,
               std::optional<ParseError>& failure) {
    if (!value.is_object()) {
        failure = ParseError{path, "wrong_type", path + ": expected an object"};
        return false;
    }
    std::map<std::string, T> items;
    for (auto entry = value.begin(); entry != value.end(); ++entry) {
        T item{};
        if (!ReadValue(entry.value(), item, path + "." + entry.key(), failure)) return false;
        items.emplace(entry.key(), std::move(item));
    }
    out = std::move(items);
    return true;
}

template <class T>
bool ReadValue(const Json& value, std::optional<T>& out, const std::string& path,
               std::optional<ParseError>& failure) {
    if (value.is_null()) {
        out.reset();
        return true;
    }
    T item{};
    if (!ReadValue(value, item, path, failure)) return false;
    out = std::move(item);
    return true;
}

template <class T> void WireReader::Required(std::string_view key, T& out) {
    if (Failed()) return;
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) {
        Fail(key, "missing_field", PathOf(key) + ": required field is missing");
        return;
    }
    ReadValue(*found, out, PathOf(key), failure_);
}

template <class T> void WireReader::Optional(std::string_view key, T& out) {
    if (Failed()) return;
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) return;
    ReadValue(*found, out, PathOf(key), failure_);
}

// A parsed JSON value to T, without exceptions.
template <class T> core::Result<T> FromJson(const Json& value) {
    std::optional<ParseError> failure;
    T out{};
    if (!ReadValue(value, out, std::string(), failure)) return ToError(*failure);
    return out;
}

// A request/response body to T, without exceptions: bad JSON and field errors alike.
template <class T> core::Result<T> ParseWire(std::string_view body) {
    Json value = Json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) {
        return core::MakeError("bad_json", "请求内容不是有效的 JSON", "The body is not valid JSON");
    }
    return FromJson<T>(value);
}

// For nlohmann's from_json: the same reading, throwing WireParseException on failure.
template <class T> void ReadOrThrow(const Json& value, T& out) {
    std::optional<ParseError> failure;
    if (!ReadValue(value, out, std::string(), failure)) throw WireParseException(*failure);
}

// Serialises without throwing: invalid UTF-8 (which validation should already have refused) is
// replaced instead of aborting the wasm client.
std::string DumpJson(const Json& value);

template <class T> std::string ToWire(const T& value) {
    Json json_value;
    to_json(json_value, value);
    return DumpJson(json_value);
}

} // namespace aftercare::api

// Declares the three functions every wire type has: to_json/from_json for nlohmann (ADL) and
// ReadFields for the non-throwing reader. Use inside the type's namespace.
#define AFTERCARE_WIRE_TYPE(Type)                                                                  \
    void to_json(::aftercare::api::Json& json_value, const Type& value);                             \
    void from_json(const ::aftercare::api::Json& json_value, Type& value);                           \
    void ReadFields(::aftercare::api::WireReader& reader, Type& value)
