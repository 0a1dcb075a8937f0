// Command-line and environment parsing for the server; no I/O beyond reading the given getenv.
#include "config.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <sstream>
#include <thread>

namespace aftercare::serve {
namespace {

bool ParseInt(const std::string& text, int min, int max, int& out) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || value < min || value > max) return false;
    out = value;
    return true;
}

bool IsOriginChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == ':' || c == '[' || c == ']';
}

// Applies one setting by name; shared by flags and environment so both accept the same values.
bool Apply(Config& config, const std::string& name, const std::string& value, std::string& error) {
    auto bad = [&](const char* what) {
        error = "invalid value for " + name + ": " + what;
        return false;
    };
    if (name == "port") {
        if (!ParseInt(value, 0, 65535, config.port)) return bad("expected 0..65535");
    } else if (name == "bind") {
        if (value.empty()) return bad("empty");
        config.bind = value;
    } else if (name == "data-dir") {
        if (value.empty()) return bad("empty");
        config.data_dir = value;
    } else if (name == "database") {
        if (value.rfind("postgresql://", 0) != 0 && value.rfind("postgres://", 0) != 0)
            return bad("expected postgresql://USER@HOST/DBNAME (without it: SQLite in --data-dir)");
        config.database = value;
    } else if (name == "web-root") {
        config.web_root = value;
    } else if (name == "policy") {
        config.policy_path = value;
    } else if (name == "embed-origins") {
        auto origins = ParseOrigins(value);
        if (!origins) return bad("expected space-separated origins like https://shop.example");
        config.embed_origins = *origins;
    } else if (name == "demo-dir") {
        config.demo_dir = value;
    } else if (name == "faq-dir") {
        config.faq_dir = value;
    } else if (name == "calendar-dir") {
        config.calendar_dir = value;
    } else if (name == "seed-demo") {
        if (value == "1" || value == "true" || value == "yes") config.seed_demo = true;
        else if (value == "0" || value == "false" || value == "no") config.seed_demo = false;
        else return bad("expected true or false");
    } else if (name == "threads") {
        if (!ParseInt(value, 2, 1024, config.threads)) return bad("expected 2..1024");
    } else if (name == "read-threads") {
        if (!ParseInt(value, 0, 1024, config.read_threads)) return bad("expected 0..1024 (0: 2 per core)");
    } else if (name == "live-waiters") {
        if (!ParseInt(value, 1, 100000, config.live_waiters)) return bad("expected 1..100000");
    } else if (name == "max-connections") {
        if (!ParseInt(value, 16, 1000000, config.max_connections)) return bad("expected 16..1000000");
    } else if (name == "max-connections-per-client") {
        if (!ParseInt(value, 1, 1000000, config.max_connections_per_client)) return bad("expected 1..1000000");
    } else if (name == "sweep-interval") {
        if (!ParseInt(value, 1, 86400, config.sweep_interval_seconds)) return bad("expected 1..86400 seconds");
    } else if (name == "long-poll-seconds") {
        if (!ParseInt(value, 1, 120, config.long_poll_seconds)) return bad("expected 1..120 seconds");
#ifdef AFTERCARE_TEST_HOOKS
    } else if (name == "clock-offset") {
        // Moving the clock moves every deadline and token expiry: a test build's option only.
        int days_or_seconds = 0;
        if (!ParseInt(value, -400000000, 400000000, days_or_seconds)) return bad("expected seconds");
        config.clock_offset_seconds = days_or_seconds;
#endif
    } else if (name == "storage-quota-mb") {
        if (!ParseInt(value, 0, 1 << 30, config.storage_quota_mb)) return bad("expected MiB, 0 for none");
    } else if (name == "storage-per-address-mb") {
        // At least one whole attachment (10 MiB) must fit in a day's quota.
        const bool parsed = ParseInt(value, 0, 1 << 20, config.storage_per_address_mb);
        if (!parsed || (config.storage_per_address_mb > 0 && config.storage_per_address_mb < 11))
            return bad("expected 11..1048576 MiB, 0 for none");
    } else if (name == "metrics-token") {
        // Compared in full on every scrape; short tokens would be guessable. Empty: metrics off.
        if ((!value.empty() && value.size() < 16) || value.size() > 256) return bad("expected 16..256 characters");
        for (char c : value)
            if (c <= 0x20 || c >= 0x7F) return bad("expected visible ASCII characters");
        config.metrics_token = value;
    } else if (name == "trusted-proxies") {
        auto ranges = AddressRanges::Parse(value);
        if (!ranges) return bad("expected addresses or CIDR ranges like \"10.0.0.0/8 ::1\"");
        config.trusted_proxies = std::move(*ranges);
    } else if (name == "public-url") {
        // The portal's origin, for links in messages; never ends in '/'.
        auto origins = ParseOrigins(value);
        if (!origins || origins->size() != 1) return bad("expected one origin like https://service.example.com");
        config.outbound.public_url = origins->front();
    } else if (name == "notifications-dir") {
        config.notifications_dir = value;
    } else if (name == "smtp-url") {
        if (!value.empty() && value.rfind("smtp://", 0) != 0 && value.rfind("smtps://", 0) != 0)
            return bad("expected smtp://host:port or smtps://host:port");
        config.outbound.smtp.url = value;
    } else if (name == "smtp-from") {
        config.outbound.smtp.from = value;
    } else if (name == "sms-provider") {
        if (value != "" && value != "tencent" && value != "http") return bad("expected tencent or http");
        config.outbound.sms.provider = value;
    } else if (name == "sms-url") {
        config.outbound.sms.url = value;
    } else if (name == "sms-sdk-app-id") {
        config.outbound.sms.sdk_app_id = value;
    } else if (name == "sms-sign-name") {
        config.outbound.sms.sign_name = value;
    } else if (name == "sms-template-id") {
        config.outbound.sms.template_id = value;
    } else if (name == "sms-region") {
        config.outbound.sms.region = value;
    } else if (name == "sms-per-recipient-per-hour") {
        if (!ParseInt(value, 0, 1000, config.outbound.sms_per_recipient_per_hour)) return bad("expected 0..1000");
    } else if (name == "outbox-max-attempts") {
        if (!ParseInt(value, 1, 100, config.outbound.max_attempts)) return bad("expected 1..100");
    } else if (name == "outbox-retry-base") {
        if (!ParseInt(value, 1, 86400, config.outbound.retry_base_seconds)) return bad("expected 1..86400 seconds");
    } else if (name == "rate-lookup") {
        if (!ParseInt(value, 0, 1000000, config.limits.lookup_per_minute)) return bad("expected 0..1000000");
    } else if (name == "rate-create") {
        if (!ParseInt(value, 0, 1000000, config.limits.create_per_minute)) return bad("expected 0..1000000");
    } else if (name == "rate-login") {
        if (!ParseInt(value, 0, 1000000, config.limits.login_per_minute)) return bad("expected 0..1000000");
    } else if (name == "rate-integration") {
        if (!ParseInt(value, 0, 1000000, config.limits.integration_per_minute)) return bad("expected 0..1000000");
    } else if (name == "rate-reveal") {
        if (!ParseInt(value, 0, 1000000, config.limits.reveals_per_hour)) return bad("expected 0..1000000");
    } else if (name == "rate-lookup-failures") {
        if (!ParseInt(value, 0, 1000000, config.limits.lookup_failures_per_number_per_hour))
            return bad("expected 0..1000000");
    } else {
        error = "unknown option --" + name;
        return false;
    }
    return true;
}

// Option name -> environment variable. Every option can come from either place.
struct EnvName {
    const char* option;
    const char* env;
};
constexpr EnvName kEnvNames[] = {
    {"port", "AFTERCARE_PORT"},
    {"bind", "AFTERCARE_BIND"},
    {"data-dir", "AFTERCARE_DATA_DIR"},
    {"database", "AFTERCARE_DATABASE"},
    {"web-root", "AFTERCARE_WEB_ROOT"},
    {"policy", "AFTERCARE_POLICY"},
    {"embed-origins", "AFTERCARE_EMBED_ORIGINS"},
    {"demo-dir", "AFTERCARE_DEMO_DIR"},
    {"faq-dir", "AFTERCARE_FAQ_DIR"},
    {"calendar-dir", "AFTERCARE_CALENDAR_DIR"},
    {"seed-demo", "AFTERCARE_SEED_DEMO"},
    {"threads", "AFTERCARE_THREADS"},
    {"read-threads", "AFTERCARE_READ_THREADS"},
    {"live-waiters", "AFTERCARE_LIVE_WAITERS"},
    {"max-connections", "AFTERCARE_MAX_CONNECTIONS"},
    {"max-connections-per-client", "AFTERCARE_MAX_CONNECTIONS_PER_CLIENT"},
    {"sweep-interval", "AFTERCARE_SWEEP_INTERVAL"},
    {"long-poll-seconds", "AFTERCARE_LONG_POLL_SECONDS"},
#ifdef AFTERCARE_TEST_HOOKS
    {"clock-offset", "AFTERCARE_CLOCK_OFFSET"},
#endif
    {"metrics-token", "AFTERCARE_METRICS_TOKEN"},
    {"storage-quota-mb", "AFTERCARE_STORAGE_QUOTA_MB"},
    {"storage-per-address-mb", "AFTERCARE_STORAGE_PER_ADDRESS_MB"},
    {"trusted-proxies", "AFTERCARE_TRUSTED_PROXIES"},
    {"rate-lookup", "AFTERCARE_RATE_LOOKUP"},
    {"rate-create", "AFTERCARE_RATE_CREATE"},
    {"rate-login", "AFTERCARE_RATE_LOGIN"},
    {"rate-lookup-failures", "AFTERCARE_RATE_LOOKUP_FAILURES"},
    {"rate-integration", "AFTERCARE_RATE_INTEGRATION"},
    {"rate-reveal", "AFTERCARE_RATE_REVEAL"},
    {"public-url", "AFTERCARE_PUBLIC_URL"},
    {"notifications-dir", "AFTERCARE_NOTIFICATIONS_DIR"},
    {"smtp-url", "AFTERCARE_SMTP_URL"},
    {"smtp-from", "AFTERCARE_SMTP_FROM"},
    {"sms-provider", "AFTERCARE_SMS_PROVIDER"},
    {"sms-url", "AFTERCARE_SMS_URL"},
    {"sms-sdk-app-id", "AFTERCARE_SMS_SDK_APP_ID"},
    {"sms-sign-name", "AFTERCARE_SMS_SIGN_NAME"},
    {"sms-template-id", "AFTERCARE_SMS_TEMPLATE_ID"},
    {"sms-region", "AFTERCARE_SMS_REGION"},
    {"sms-per-recipient-per-hour", "AFTERCARE_SMS_PER_RECIPIENT_PER_HOUR"},
    {"outbox-max-attempts", "AFTERCARE_OUTBOX_MAX_ATTEMPTS"},
    {"outbox-retry-base", "AFTERCARE_OUTBOX_RETRY_BASE"},
};

// Secrets: from the environment only. A flag would show in `ps` and in shell history.
void ReadSecrets(Config& config, const std::function<const char*(const char*)>& getenv) {
    auto read = [&](const char* name, std::string& out) {
        if (const char* value = getenv(name)) out = value;
    };
    read("AFTERCARE_SMTP_USER", config.outbound.smtp.user);
    read("AFTERCARE_SMTP_PASSWORD", config.outbound.smtp.password);
    read("AFTERCARE_SMS_SECRET_ID", config.outbound.sms.secret_id);
    read("AFTERCARE_SMS_SECRET_KEY", config.outbound.sms.secret_key);
}

// Options of the import and create-api-key commands (not server settings); true when `name` is one.
bool ApplyCommandOption(CliResult& result, const std::string& name, const std::string& value) {
    if (result.command == CliResult::Command::Import) {
        if (name == "kind") return result.import_kind = value, true;
        if (name == "encoding") return result.import_encoding = value, true;
        if (name == "format") return result.import_format = value, true;
    }
    if (result.command == CliResult::Command::Backup && name == "to") return result.backup_file = value, true;
    if (result.command == CliResult::Command::Restore && name == "from") return result.backup_file = value, true;
    if (result.command == CliResult::Command::Migrate && name == "from") return result.migrate_from = value, true;
    if (result.command == CliResult::Command::Migrate && name == "to") return result.migrate_to = value, true;
    if (result.command == CliResult::Command::CreateApiKey) {
        if (name == "name") return result.api_key_name = value, true;
        if (name == "scopes") return result.api_key_scopes = value, true;
    }
    return false;
}

}  // namespace

std::optional<std::vector<std::string>> ParseOrigins(const std::string& text) {
    std::vector<std::string> origins;
    std::string token;
    std::string spaced = text;
    for (char& c : spaced)
        if (c == ',') c = ' ';
    std::istringstream words(spaced);
    while (words >> token) {
        std::string rest;
        if (token.rfind("https://", 0) == 0) rest = token.substr(8);
        else if (token.rfind("http://", 0) == 0) rest = token.substr(7);
        else return std::nullopt;
        if (rest.empty()) return std::nullopt;
        for (char c : rest)
            if (!IsOriginChar(c)) return std::nullopt;
        origins.push_back(token);
    }
    return origins;
}

// Reads and writes run on separate worker pools because they want different sizes. A write waits
// on the commit's fsync, which concurrent writers share (group commit): many threads make big
// batches. A read wants the CPU: more runnable reader threads than cores only adds hand-offs and
// context switches (docs/benchmarks.md, "Live updates and the HTTP layer").
int ReadThreads(const Config& config) {
    if (config.read_threads > 0) return config.read_threads;
    return static_cast<int>(std::clamp(2 * std::thread::hardware_concurrency(), 4u, 16u));
}

std::string UsageText() {
    return "Usage:\n"
           "  aftercare-server [--port 8080] [--bind 127.0.0.1] [--data-dir ./data] [--web-root DIR]\n"
           "                   [--database postgresql://USER@HOST/DB]  (instead of SQLite in --data-dir)\n"
           "                   [--policy assets/policy.json] [--embed-origins \"https://a.example ...\"]\n"
           "                   [--demo-dir assets/demo] [--faq-dir assets/faq] [--seed-demo true|false]\n"
           "                   [--calendar-dir assets/calendar]  (holiday calendars, one YYYY.json per year)\n"
           "                   [--threads 64] [--read-threads 0]  (writes; GET/HEAD, 0: 2 per core)\n"
           "                   [--sweep-interval 30] [--long-poll-seconds 25]\n"
           "                   [--live-waiters 10000] [--max-connections 16000] [--max-connections-per-client 256]\n"
#ifdef AFTERCARE_TEST_HOOKS
           "                   [--clock-offset SECONDS]  (test builds only: shifts the server's clock)\n"
#endif
           "                   [--storage-quota-mb 20480] [--storage-per-address-mb 200]  (0: no limit)\n"
           "                   [--metrics-token TOKEN]  (/metrics needs Authorization: Bearer TOKEN; off without)\n"
           "                   [--trusted-proxies \"10.0.0.0/8 ::1\"]  (their X-Forwarded-For names the client)\n"
           "                   [--rate-lookup 10] [--rate-create 20] [--rate-login 10] [--rate-lookup-failures 5]\n"
           "                   [--rate-reveal 30]  (customer phone/address reveals per staff account per hour)\n"
           "                   [--public-url https://service.example.com]  (links in e-mail and SMS)\n"
           "                   [--smtp-url smtp://host:587|smtps://host:465] [--smtp-from notices@example.com]\n"
           "                   (AFTERCARE_SMTP_USER / AFTERCARE_SMTP_PASSWORD from the environment only)\n"
           "                   [--sms-provider tencent|http] [--sms-url URL] [--sms-sdk-app-id ID] [--sms-sign-name S]\n"
           "                   [--sms-template-id ID] [--sms-region ap-guangzhou] [--sms-per-recipient-per-hour 5]\n"
           "                   (AFTERCARE_SMS_SECRET_ID / AFTERCARE_SMS_SECRET_KEY from the environment only)\n"
           "                   [--outbox-max-attempts 8] [--outbox-retry-base 30]\n"
           "                   [--notifications-dir assets/notifications]\n"
           "  aftercare-server create-admin --data-dir D --username U   (password from stdin)\n"
           "  aftercare-server routes        (prints the registered API route table)\n"
           "  aftercare-server import --data-dir D --kind products|orders|parts [--encoding auto|utf-8|gb18030]\n"
           "                   [--format csv|jsonl] [--dry-run] FILE\n"
           "      (one transaction: a file with any bad row writes nothing; exit 0 written or clean,\n"
           "       1 rows refused and nothing written, 2 could not run)\n"
           "  aftercare-server create-api-key --data-dir D --name NAME --scopes products,orders,parts\n"
           "  aftercare-server backup --data-dir D --to FILE   (online: a consistent copy beside a running server)\n"
           "  aftercare-server restore --data-dir NEW --from FILE   (into a data directory with no database yet)\n"
           "  aftercare-server migrate --from sqlite:DATA_DIR --to postgresql://USER@HOST/DB\n"
           "      (copies everything into an empty PostgreSQL database in one transaction, counts checked)\n"
           "Every option can also be set with AFTERCARE_<NAME> (e.g. AFTERCARE_PORT); flags win.\n"
           "Rate limits are requests per minute per client address (IPv6: per /64); 0 disables one.\n";
}

CliResult ParseCommandLine(int argc, const char* const* argv,
                           const std::function<const char*(const char*)>& getenv) {
    CliResult result;
    ReadSecrets(result.config, getenv);
    for (const auto& entry : kEnvNames) {
        const char* value = getenv(entry.env);
        if (value == nullptr) continue;
        std::string error;
        if (!Apply(result.config, entry.option, value, error)) {
            result.command = CliResult::Command::Error;
            result.message = std::string(entry.env) + ": " + error;
            return result;
        }
    }

    int i = 1;
    if (argc > 1 && std::strcmp(argv[1], "create-admin") == 0) {
        result.command = CliResult::Command::CreateAdmin;
        i = 2;
    } else if (argc > 1 && std::strcmp(argv[1], "routes") == 0) {
        result.command = CliResult::Command::Routes;
        i = 2;
    } else if (argc > 1 && std::strcmp(argv[1], "import") == 0) {
        result.command = CliResult::Command::Import;
        i = 2;
    } else if (argc > 1 && std::strcmp(argv[1], "create-api-key") == 0) {
        result.command = CliResult::Command::CreateApiKey;
        i = 2;
    } else if (argc > 1 && std::strcmp(argv[1], "backup") == 0) {
        result.command = CliResult::Command::Backup;
        i = 2;
    } else if (argc > 1 && std::strcmp(argv[1], "restore") == 0) {
        result.command = CliResult::Command::Restore;
        i = 2;
    } else if (argc > 1 && std::strcmp(argv[1], "migrate") == 0) {
        result.command = CliResult::Command::Migrate;
        i = 2;
    }
    for (; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            result.command = CliResult::Command::Help;
            result.message = UsageText();
            return result;
        }
        if (result.command == CliResult::Command::Import && arg == "--dry-run") {
            result.dry_run = true;
            continue;
        }
        if (result.command == CliResult::Command::Import && arg.rfind("--", 0) != 0 && result.import_file.empty()) {
            result.import_file = arg;
            continue;
        }
        if (arg.rfind("--", 0) != 0) {
            result.command = CliResult::Command::Error;
            result.message = "unexpected argument: " + arg;
            return result;
        }
        std::string name = arg.substr(2);
        std::string value;
        auto eq = name.find('=');
        if (eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (i + 1 < argc) {
            value = argv[++i];
        } else {
            result.command = CliResult::Command::Error;
            result.message = "missing value for --" + name;
            return result;
        }
        std::string error;
        if (name == "username" && result.command == CliResult::Command::CreateAdmin) {
            result.username = value;
        } else if (ApplyCommandOption(result, name, value)) {
        } else if (!Apply(result.config, name, value, error)) {
            result.command = CliResult::Command::Error;
            result.message = error;
            return result;
        }
    }
    if (result.command == CliResult::Command::CreateAdmin && result.username.empty()) {
        result.command = CliResult::Command::Error;
        result.message = "create-admin needs --username";
    }
    if (result.command == CliResult::Command::Import && (result.import_kind.empty() || result.import_file.empty())) {
        result.command = CliResult::Command::Error;
        result.message = "import needs --kind products|orders|parts and a FILE";
    }
    if (result.command == CliResult::Command::CreateApiKey && (result.api_key_name.empty() || result.api_key_scopes.empty())) {
        result.command = CliResult::Command::Error;
        result.message = "create-api-key needs --name and --scopes";
    }
    if (result.command == CliResult::Command::Backup && result.backup_file.empty()) {
        result.command = CliResult::Command::Error;
        result.message = "backup needs --to FILE";
    }
    if (result.command == CliResult::Command::Migrate) {
        if (result.migrate_from.rfind("sqlite:", 0) != 0 || result.migrate_from.size() == 7 ||
            (result.migrate_to.rfind("postgresql://", 0) != 0 && result.migrate_to.rfind("postgres://", 0) != 0)) {
            result.command = CliResult::Command::Error;
            result.message = "migrate needs --from sqlite:DATA_DIR --to postgresql://USER@HOST/DB";
        } else {
            result.migrate_from.erase(0, 7);
        }
    }
    if (result.command == CliResult::Command::Restore && result.backup_file.empty()) {
        result.command = CliResult::Command::Error;
        result.message = "restore needs --from FILE";
    }
    return result;
}

}  // namespace aftercare::serve
