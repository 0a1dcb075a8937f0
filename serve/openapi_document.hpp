// The OpenAPI 3 description of /api/v1, generated at build time from src/api (aftercare-openapi).
#pragma once

#include <string_view>

namespace aftercare::serve {

std::string_view OpenApiDocument();

}  // namespace aftercare::serve
