// The contract check: every answer an API test receives is validated against the OpenAPI document
// the server serves (generated from src/api's declarations and wire types), so the whole API suite
// doubles as a contract test. A field the code sends but the document does not describe, a required
// one it leaves out, a wrong JSON type or an enum value outside the list fails the test that saw it.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aftercare::test {

// Problems with an answer (`status`, `content_type`, `body`) to `method` `path` according to
// `document`. Empty when it conforms, and for answers the document does not cover (paths outside
// it, non-JSON bodies).
std::vector<std::string> ContractProblems(const nlohmann::json& document, const std::string& method,
                                          const std::string& path, int status,
                                          const std::string& content_type, const std::string& body);

// Checks every answer `client` receives from the server on `port` (the document is fetched from that
// server once per test process). Problems seen on the test's own thread fail the running test
// case at once; those seen on helper threads are reported by the next check on the test's thread
// or by ReportContractProblems().
void CheckAnswersAgainstContract(httplib::Client& client, int port);
void ReportContractProblems();

} // namespace aftercare::test
