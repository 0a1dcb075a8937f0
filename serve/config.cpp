// Command-line and environment parsing for the server; no I/O beyond reading the given getenv.
#include "config.hpp"

#include <charconv>
#include <cstring>
#include <sstream>

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
    {"web-root", "AFTERCARE_WEB_ROOT"},
    {"policy", "AFTERCARE_POLICY"},
    {"embed-origins", "AFTERCARE_EMBED_ORIGINS"},
    {"demo-dir", "AFTERCARE_DEMO_DIR"},
    {"faq-dir", "AFTERCARE_FAQ_DIR"},
    {"calendar-dir", "AFTERCARE_CALENDAR_DIR"},
    {"seed-demo", "AFTERCARE_SEED_DEMO"},
    {"threads", "AFTERCARE_THREADS"},
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
    {"rate-lookup", "AFTERCARE_RATE_LOOKUP"},
    {"rate-create", "AFTERCARE_RATE_CREATE"},
    {"rate-login", "AFTERCARE_RATE_LOGIN"},
    {"rate-lookup-failures", "AFTERCARE_RATE_LOOKUP_FAILURES"},
    {"rate-integration", "AFTERCARE_RATE_INTEGRATION"},
    {"rate-reveal", "AFTERCARE_RATE_REVEAL"},
};

// Options of the import and create-api-key commands (not server settings); true when `name` is one.
bool ApplyCommandOption(CliResult& result, const std::string& name, const std::string& value) {
    if (result.command == CliResult::Command::Import) {
        if (name == "kind") return result.import_kind = value, true;
        if (name == "encoding") return result.import_encoding = value, true;
        if (name == "format") return result.import_format = value, true;
    }
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

std::string UsageText() {
    return "Usage:\n"
           "  aftercare-server [--port 8080] [--bind 127.0.0.1] [--data-dir ./data] [--web-root DIR]\n"
           "                   [--policy assets/policy.json] [--embed-origins \"https://a.example ...\"]\n"
           "                   [--demo-dir assets/demo] [--faq-dir assets/faq] [--seed-demo true|false]\n"
           "                   [--calendar-dir assets/calendar]  (holiday calendars, one YYYY.json per year)\n"
           "                   [--threads 64] [--sweep-interval 30] [--long-poll-seconds 25]\n"
           "                   [--live-waiters 10000] [--max-connections 16000] [--max-connections-per-client 256]\n"
#ifdef AFTERCARE_TEST_HOOKS
           "                   [--clock-offset SECONDS]  (test builds only: shifts the server's clock)\n"
#endif
           "                   [--storage-quota-mb 20480] [--storage-per-address-mb 200]  (0: no limit)\n"
           "                   [--metrics-token TOKEN]  (/metrics needs Authorization: Bearer TOKEN; off without)\n"
           "                   [--rate-lookup 10] [--rate-create 20] [--rate-login 10] [--rate-lookup-failures 5]\n"
           "                   [--rate-reveal 30]  (customer phone/address reveals per staff account per hour)\n"
           "  aftercare-server create-admin --data-dir D --username U   (password from stdin)\n"
           "  aftercare-server routes        (prints the registered API route table)\n"
           "  aftercare-server import --data-dir D --kind products|orders|parts [--encoding auto|utf-8|gb18030]\n"
           "                   [--format csv|jsonl] [--dry-run] FILE\n"
           "      (one transaction: a file with any bad row writes nothing; exit 0 written or clean,\n"
           "       1 rows refused and nothing written, 2 could not run)\n"
           "  aftercare-server create-api-key --data-dir D --name NAME --scopes products,orders,parts\n"
           "Every option can also be set with AFTERCARE_<NAME> (e.g. AFTERCARE_PORT); flags win.\n"
           "Rate limits are requests per minute per client address; 0 disables one.\n";
}

CliResult ParseCommandLine(int argc, const char* const* argv,
                           const std::function<const char*(const char*)>& getenv) {
    CliResult result;
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
    return result;
}

}  // namespace aftercare::serve
