// Refusing JSON keys a wire type does not know: a customer must not be able to smuggle "state" or
// "assignee" into a body, and an admin's typo in the policy must not be ignored silently.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "services/domain_error.hpp"

namespace aftercare::serve {

// Throws DomainError BadRequest unknown_field for any key of `input` (recursively) that `known`
// (the parsed value written back out) does not have. Keys sent as null are allowed: optional
// fields that are absent serialize to nothing.
void RejectUnknownFields(const nlohmann::json& input, const nlohmann::json& known, const std::string& path);

} // namespace aftercare::serve
