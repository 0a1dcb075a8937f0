// Shared by the admin upload and the integration API: an import body in, the engine's report out
// (200 when written or clean on a dry run, 422 with the error shape and the report otherwise).
#pragma once

#include "http_util.hpp"
#include "import/engine.hpp"
#include "services/services.hpp"

namespace aftercare::serve {

// Largest import accepted over HTTP (a bigger file goes through `aftercare-server import`).
constexpr std::size_t kMaxImportBodyBytes = 10 * 1024 * 1024;

struct ImportResponse {
    int status = 200;
    Json body;
};

// Runs the import of `data` as `who`; throws 413/400 for an oversized or empty body.
ImportResponse RunImportBody(Services& services, const std::string& data, const std::string& who, import::Kind kind,
                             import::Format format, bool dry_run);

// ?dry_run=true|false (default false).
bool DryRunParam(const httplib::Request& req);

}  // namespace aftercare::serve
