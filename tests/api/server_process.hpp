// Test harness: runs aftercare-server as a child process on a free loopback port with its own
// temporary data dir, and offers small JSON helpers over httplib::Client.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aftercare::test {

using Json = nlohmann::json;

// A directory removed (recursively) when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

struct ServerOptions {
    ServerOptions(std::string dir = {}, std::vector<std::string> extra_args = {})
        : data_dir(std::move(dir)), args(std::move(extra_args)) {}
    std::string data_dir;                       // required: usually a TempDir's path
    std::vector<std::string> args;              // extra flags
    std::map<std::string, std::string> env;     // extra environment; AFTERCARE_DATABASE "" keeps it on SQLite
    bool generous_limits = true;                // raise rate limits so unrelated tests never hit them
    bool seed_demo = true;                      // --seed-demo true (most tests use the demo data); false: the default
};

class ServerProcess {
public:
    explicit ServerProcess(ServerOptions options);
    ~ServerProcess();  // SIGTERM, then SIGKILL if it does not stop
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    httplib::Client Client() const;
    // A client whose connections come from another loopback address (127.0.0.2, ...), i.e. another
    // client address as far as per-address budgets go.
    httplib::Client ClientFrom(const std::string& source_address) const;

    // Sends `signal` and waits; returns the exit status (or 128 + signal when killed).
    int StopWith(int signal);
    // Everything the server logged so far.
    std::string Log() const;
    // The same, once the request log (written in batches, serve/request_log.hpp) holds the line of
    // every request answered before the call: sends a request of its own and waits for its line.
    std::string LogWithRequestsSoFar() const;

private:
    ServerOptions options_;
    pid_t pid_ = -1;
    int port_ = -1;
    std::string log_path_;
};

// The repository's assets (policy, demo, FAQ) and the built binary.
std::string SourcePath(const std::string& relative);
std::string ServerBinary();

// Runs `aftercare-server create-admin` with `password` on stdin; returns the exit status.
int CreateAdmin(const std::string& data_dir, const std::string& username, const std::string& password,
                std::string* output = nullptr);
// Runs the binary with `args` and returns (exit status, stdout).
std::pair<int, std::string> RunServerCommand(const std::vector<std::string>& args);

// Every test server gets this metrics token (AFTERCARE_METRICS_TOKEN) unless the test sets its own.
inline constexpr const char* kMetricsToken = "test-metrics-token-7f3a9c1e";
// GET /metrics with kMetricsToken.
httplib::Result GetMetrics(httplib::Client& client);

// Request helpers. `token` adds Authorization: Bearer.
httplib::Result GetJson(httplib::Client& client, const std::string& path, const std::string& token = {},
                        const httplib::Headers& extra = {});
httplib::Result PostJson(httplib::Client& client, const std::string& path, const Json& body,
                         const std::string& token = {}, const httplib::Headers& extra = {});
Json BodyOf(const httplib::Result& result);

// A valid repair ticket draft with the given phone.
Json RepairDraft(const std::string& phone = "13800138000", const std::string& subject = "设备无法开机");

// The body of a free service report (no parts), as an engineer writes before resolving a repair:
// POST it to /api/v1/staff/tickets/{n}/work.
Json ServiceReportWork();

// The date `days` from today in Beijing (UTC+8), as the portal would offer it for a visit.
std::string DayInBeijing(int days);

// Creates a ticket; returns the 201 body (service_number, access_token, ticket).
Json CreateTicket(httplib::Client& client, const Json& draft, const std::string& idempotency_key = {});

// Logs in an admin created before start (see StartWithAdmin); returns the token.
std::string StaffLogin(httplib::Client& client, const std::string& username, const std::string& password);
// Creates a staff account with one role through the admin API (password "password-for-<username>")
// and signs it in; returns its token.
std::string NewStaffLogin(httplib::Client& client, const std::string& admin_token, const std::string& username,
                          const std::string& display_name, const std::string& role);

// An export's lines (GET /api/v1/staff/export/{set}): the BOM and the CRLF line ends taken off.
std::vector<std::string> CsvLines(const std::string& csv);

// Demo tickets' service numbers are derived from their keys; this finds one by state through the
// staff queue (so tests do not hard-code numbers).
std::string DemoNumber(httplib::Client& client, const std::string& staff_token, const std::string& state);

}  // namespace aftercare::test

namespace aftercare::test {

inline constexpr const char* kAdminUser = "admin";
inline constexpr const char* kAdminPassword = "correct horse battery staple";

// The usual setup: a temp data dir with an admin account, a running server (demo data seeded)
// and a logged-in staff token.
class Running {
public:
    explicit Running(ServerOptions options = {}, bool with_admin = true);
    TempDir dir;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<httplib::Client> client;
    std::string staff_token;
    httplib::Client& http() { return *client; }
};

}  // namespace aftercare::test
