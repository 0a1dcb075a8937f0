// Shared by the admin upload and the integration API: an import body in, the engine's report out.
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

// Runs the import of `data` as `who`; throws 413/400 for an oversized or empty body. With
// `refuse_with_422` (the integration API, so an ERP's error handling sees it) refused rows answer
// 422 rows_refused with the report under "report"; otherwise (the admin upload, whose screen shows
// the report either way) 200 with the report, `written` false.
ImportResponse RunImportBody(Services& services, const std::string& data, const std::string& who,
                             import::Kind kind, import::Format format, bool dry_run, bool refuse_with_422);

// ?dry_run=true|false (default false).
bool DryRunParam(const HttpRequest& req);

} // namespace aftercare::serve
