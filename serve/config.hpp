// Server configuration: one plain struct, filled from flags and AFTERCARE_* environment variables.
#pragma once

#include "client_address.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "outbound/settings.hpp"

namespace aftercare::serve {

// Per-client request budgets (requests per minute, with a burst of the same size).
// Zero disables a limit, which only the benchmark and some tests want.
struct RateLimits {
    int lookup_per_minute = 10;  // ticket and returns lookups: the brute-force surface
    int create_per_minute = 20;  // ticket creation, messages, uploads
    int login_per_minute = 10;   // staff login
    int lookup_failures_per_number_per_hour = 5;  // wrong phone digits for one service number
    int integration_per_minute = 600;  // integration API calls per API key (each may carry a batch)
    int reveals_per_hour = 30;    // customer phone/address reveals per staff account
};

struct Config {
    int port = 8080;
    std::string bind = "127.0.0.1";
    std::string data_dir = "./data";
    // Empty: SQLite in data_dir (the Quick start). "postgresql://..." (or "postgres://..."): that
    // PostgreSQL database; several instances may share it (docs/deploy.md). A password belongs in
    // PGPASSWORD or ~/.pgpass, which libpq reads, rather than in the URL (a flag shows in `ps`).
    std::string database;
    std::string web_root;  // empty: no static files, API only
    std::string policy_path = "assets/policy.json";
    std::vector<std::string> embed_origins;  // extra frame-ancestors for vendor embedding
    std::string demo_dir = "assets/demo";    // seed data read on first start
    std::string faq_dir = "assets/faq";
    std::string calendar_dir = "assets/calendar"; // holiday calendars, one YYYY.json per year
    bool seed_demo = false;                  // seed demo data into an empty database (and serve the demo page)
    int threads = 64;                        // handler threads for writes (they share a commit's fsync)
    int read_threads = 0;                    // handler threads for GET/HEAD; 0: 2 per core (ReadThreads)
    int live_waiters = 10000;                // long-polls that may wait at once; beyond: 503 + Retry-After
    int max_connections = 16000;             // open connections in all; more are closed at accept
    int max_connections_per_client = 256;    // open connections from one address
    int sweep_interval_seconds = 30;         // SLA sweeper period
    int long_poll_seconds = 25;              // upper bound of one live-update wait
    int storage_quota_mb = 20480;            // global: the database's size limit, MiB (0: none)
    int storage_per_address_mb = 200;        // stored per client address per day, MiB (0: none)
    std::string metrics_token;               // empty: /metrics is off; else it needs this bearer token
    long long clock_offset_seconds = 0;      // added to the wall clock; lets tests move time forward
    AddressRanges trusted_proxies;           // whose X-Forwarded-For names the client (client_address.hpp)
    RateLimits limits;
    std::string notifications_dir = "assets/notifications";  // message templates (zh-CN, en)
    outbound::OutboundSettings outbound;     // e-mail, SMS, webhooks (docs/integration.md)
};

// Outcome of reading the command line: either a config to run with or a message (usage, error).
struct CliResult {
    enum class Command { Serve, CreateAdmin, Routes, Import, CreateApiKey, Backup, Restore, Migrate, Help, Error };
    Command command = Command::Serve;
    Config config;
    std::string username;  // create-admin
    std::string import_kind;      // import: products | orders | parts
    std::string import_file;      // import
    std::string import_encoding;  // import: auto (default) | utf-8 | gb18030
    std::string import_format;    // import: csv | jsonl (default: by file name)
    bool dry_run = false;         // import
    std::string api_key_name;     // create-api-key
    std::string api_key_scopes;   // create-api-key: comma-separated
    std::string backup_file;      // backup: --to FILE; restore: --from FILE
    std::string migrate_from;     // migrate: --from sqlite:DIR (the DIR)
    std::string migrate_to;       // migrate: --to postgresql://...
    std::string message;   // Help / Error text
};

// Reads env first (through `getenv`, injectable for tests), then flags, so flags win.
CliResult ParseCommandLine(int argc, const char* const* argv,
                           const std::function<const char*(const char*)>& getenv);

std::string UsageText();

// The GET/HEAD worker pool's size: --read-threads, or 2 per core (4..16) when it is 0.
int ReadThreads(const Config& config);

// "https://a.example https://b.example" (spaces or commas) -> validated origins.
// Returns nullopt when an entry is not a plain scheme://host[:port] origin, because every entry ends up
// inside a CSP header and must not be able to inject directives.
std::optional<std::vector<std::string>> ParseOrigins(const std::string& text);

}  // namespace aftercare::serve
