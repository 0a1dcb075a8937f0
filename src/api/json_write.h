// Small writing helpers shared by the to_json implementations (internal to src/api).
#pragma once

#include "api/wire_reader.h"

#include <optional>
#include <string_view>

namespace aftercare::api::detail {

// Absent rather than null: smaller bodies, and readers treat both the same.
template <class T> void PutOptional(Json& object, std::string_view key, const std::optional<T>& value) {
    if (value) object[std::string(key)] = *value;
}

} // namespace aftercare::api::detail
