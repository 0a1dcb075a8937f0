// Small writing helpers shared by the to_json implementations (internal to src/api).
#pragma once

#include "api/wire_reader.h"

#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

namespace aftercare::api::detail {

// One key and its value, for Object().
struct Field {
    std::string_view key;
    mutable Json value; // mutable: Object() moves it out of the initializer list
};

// Object({{"key", value}, ...}) builds the same object as Json{{"key", value}, ...} in half the time:
// nlohmann's initializer-list form first makes each pair a two-element array, then takes the
// array apart. Every answer and every stored ticket is built this way (reads are CPU-bound).
inline Json Object(std::initializer_list<Field> fields) {
    Json object = Json::object();
    auto& members = object.get_ref<Json::object_t&>();
    for (const Field& field : fields)
        members.emplace(field.key, std::move(field.value));
    return object;
}

// Absent rather than null: smaller bodies, and readers treat both the same.
template <class T> void PutOptional(Json& object, std::string_view key, const std::optional<T>& value) {
    if (value) object[std::string(key)] = *value;
}

} // namespace aftercare::api::detail
