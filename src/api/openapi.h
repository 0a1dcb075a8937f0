// The OpenAPI 3 document of /api/v1, generated from the endpoint declarations (api/endpoints.h) and
// the wire types' own ReadFields (wire_reader.h's describe mode): field names, JSON types, which
// fields are required, enum values. Built by serve's aftercare-openapi tool at build time.
#pragma once

#include "api/wire_reader.h"

namespace aftercare::api {

// Throws std::runtime_error when a declaration names a wire type the generator does not know, so
// a typo fails the build instead of documenting nothing.
Json BuildOpenApiDocument();

} // namespace aftercare::api
