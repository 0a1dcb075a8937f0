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

// Describe mode (SchemaSink) exists for the native build's OpenAPI generator and tests. The wasm
// portal never describes, so leaving the branch out keeps every SchemaOf<T> instantiation out of
// its download.
#if !defined(__EMSCRIPTEN__)
#define AFTERCARE_WIRE_DESCRIBE 1
#else
#define AFTERCARE_WIRE_DESCRIBE 0
#endif

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

class WireReader;

// Describing instead of reading (wire_schema.h): the same ReadFields() that reads a type tells a
// SchemaSink its fields, so the OpenAPI document cannot disagree with what the code reads.
class SchemaSink {
  public:
    virtual ~SchemaSink() = default;
    // The JSON Schema of an object whose fields `describe` walks. A named type (AFTERCARE_WIRE_TYPE)
    // becomes a shared component and this returns a $ref to it; an unnamed one is inlined.
    virtual Json ObjectSchema(std::string_view name, void (*describe)(WireReader&)) = 0;
};

// Walks one JSON object. The first failure is kept and later reads become no-ops, so a
// ReadFields() body is a flat list of Required()/Optional() calls with no error plumbing.
// Unknown keys are ignored (newer clients/servers may send more).
class WireReader {
public:
    WireReader(const Json& object, std::string path, std::optional<ParseError>& failure);
    // Describe mode: Required()/Optional() add properties to `schema` (an object schema) instead
    // of reading; Fail() is ignored, so value checks in a ReadFields() run harmlessly on defaults.
    WireReader(SchemaSink& sink, Json& schema);

    template <class T> void Required(std::string_view key, T& out);
    // Absent or null leaves `out` as it was (its default).
    template <class T> void Optional(std::string_view key, T& out);

    bool Failed() const { return failure_.has_value(); }
    void Fail(std::string_view key, std::string code, std::string what);
    std::string PathOf(std::string_view key) const;
    const Json& Object() const { return object_; }

private:
  void Describe(std::string_view key, bool required, Json schema);

  const Json& object_;
  std::string path_;
  std::optional<ParseError> own_failure_; // describe mode's (never set)
  std::optional<ParseError>& failure_;
  SchemaSink* sink_ = nullptr; // describe mode
  Json* schema_ = nullptr;     // describe mode: the object schema being built
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

// JSON Schemas of value types, for describe mode. Pointers only select the overload.
Json SchemaOf(SchemaSink& sink, const std::string*);
Json SchemaOf(SchemaSink& sink, const bool*);
Json SchemaOf(SchemaSink& sink, const int*);
Json SchemaOf(SchemaSink& sink, const std::int64_t*);
Json SchemaOf(SchemaSink& sink, const double*);
Json SchemaOf(SchemaSink& sink, const core::CivilDate*);
template <class T> Json SchemaOf(SchemaSink& sink, const std::vector<T>*);
template <class T> Json SchemaOf(SchemaSink& sink, const std::map<std::string, T>*);
template <class T> Json SchemaOf(SchemaSink& sink, const std::optional<T>*);

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

// An enum's wire names, found by asking ToString() for every small value and keeping the ones
// FromString() reads back (vocabulary tables answer an unknown value with their first entry).
template <class E>
requires std::is_enum_v<E> && requires(std::string_view text, E& value) {
    FromString(text, value);
}
Json SchemaOf(SchemaSink&, const E*) {
    Json names = Json::array();
    constexpr int kMaxEnumerators = 64;
    for (int i = 0; i < kMaxEnumerators; ++i) {
        const E value = static_cast<E>(i);
        E back{};
        const std::string_view name = ToString(value);
        if (FromString(name, back) && back == value) names.push_back(std::string(name));
    }
    return Json{{"type", "string"}, {"enum", std::move(names)}};
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

template <class T> void DescribeFields(WireReader& reader) {
    T value{};
    ReadFields(reader, value);
}

template <class T>
requires requires(WireReader& reader, T& value) {
    ReadFields(reader, value);
}
Json SchemaOf(SchemaSink& sink, const T*) {
    if constexpr (requires(const T* type) { WireName(type); })
        return sink.ObjectSchema(WireName(static_cast<const T*>(nullptr)), &DescribeFields<T>);
    else
        return sink.ObjectSchema({}, &DescribeFields<T>);
}

template <class T> Json SchemaOf(SchemaSink& sink, const std::vector<T>*) {
    return Json{{"type", "array"}, {"items", SchemaOf(sink, static_cast<const T*>(nullptr))}};
}

template <class T> Json SchemaOf(SchemaSink& sink, const std::map<std::string, T>*) {
    return Json{{"type", "object"}, {"additionalProperties", SchemaOf(sink, static_cast<const T*>(nullptr))}};
}

// Absent and null read the same, so an optional value may be either.
template <class T> Json SchemaOf(SchemaSink& sink, const std::optional<T>*) {
    Json schema = SchemaOf(sink, static_cast<const T*>(nullptr));
    // OpenAPI 3.0 ignores keywords beside a $ref, so a nullable reference goes through allOf.
    if (schema.contains("$ref")) return Json{{"allOf", Json::array({std::move(schema)})}, {"nullable", true}};
    schema["nullable"] = true;
    return schema;
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
#if AFTERCARE_WIRE_DESCRIBE
    if (sink_ != nullptr) return Describe(key, true, SchemaOf(*sink_, static_cast<const T*>(nullptr)));
#endif
    if (Failed()) return;
    auto found = object_.find(key);
    if (found == object_.end() || found->is_null()) {
        Fail(key, "missing_field", PathOf(key) + ": required field is missing");
        return;
    }
    ReadValue(*found, out, PathOf(key), failure_);
}

template <class T> void WireReader::Optional(std::string_view key, T& out) {
#if AFTERCARE_WIRE_DESCRIBE
    if (sink_ != nullptr) return Describe(key, false, SchemaOf(*sink_, static_cast<const T*>(nullptr)));
#endif
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

// Declares the functions every wire type has: to_json/from_json for nlohmann (ADL), ReadFields
// for the non-throwing reader, and WireName, the type's name in the OpenAPI document. Use inside
// the type's namespace.
#define AFTERCARE_WIRE_TYPE(Type)                                                                            \
    constexpr std::string_view WireName(const Type*) {                                                       \
        return #Type;                                                                                        \
    }                                                                                                        \
    void to_json(::aftercare::api::Json& json_value, const Type& value);                                     \
    void from_json(const ::aftercare::api::Json& json_value, Type& value);                                   \
    void ReadFields(::aftercare::api::WireReader& reader, Type& value)
