// The OpenAPI 3 description of /api/v1, compiled in from serve/openapi.json.
#pragma once

#include <string_view>

namespace aftercare::serve {

std::string_view OpenApiDocument();

}  // namespace aftercare::serve
