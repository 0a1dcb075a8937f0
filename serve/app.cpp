// App: assembles the server from its parts.
#include "app.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/policy_json.h"
#include "auth.hpp"
#include "data_dir.hpp"
#include "live_updates.hpp"
#include "log.hpp"
#include "pg_live_relay.hpp"
#include "pg_sweeper_lease.hpp"
#include "metrics.hpp"
#include "routes/meta_routes.hpp"
#include "routes/routes.hpp"
#include "seed.hpp"
#include "services/api_key_service.hpp"
#include "server.hpp"
#include "services/staff_service.hpp"
#include "services/faq_service.hpp"
#include "static_files.hpp"
#include "store/open_store.hpp"
#include "store/pg_buckets.hpp"
#include "store/pg_store.hpp"
#include "sweeper.hpp"
#include "outbound/channel_config.hpp"
#include "outbound/notifier.hpp"
#include "outbound/outbox_sender.hpp"
#include "outbound/webhook_signer.hpp"

namespace aftercare::serve {

struct App::State {
    Metrics metrics;
    std::unique_ptr<PolicyHolder> policies;
    std::unique_ptr<Store> store;
    std::unique_ptr<Auth> auth;
    std::unique_ptr<LiveUpdates> live;
    std::unique_ptr<PgLiveRelay> relay;  // PostgreSQL: live updates to and from the other instances
    std::unique_ptr<GuessBudget> guesses;
    std::unique_ptr<StorageQuota> quota;
    std::unique_ptr<RateLimiter> reveals;
    std::unique_ptr<RateLimiter> integration;  // requests per integration API key
    std::unique_ptr<Services> services;
    FaqIndex faq;
    std::unique_ptr<HttpServer> server;
    std::unique_ptr<Sweeper> sweeper;
    std::unique_ptr<outbound::ChannelConfig> channels;
    std::unique_ptr<outbound::Notifier> notifier;
    std::unique_ptr<outbound::OutboxSender> sender;
};

App::App(Config config) : config_(std::move(config)), state_(std::make_unique<State>()) {}

App::~App() {
    if (state_->relay) state_->relay->Stop();
    if (state_->sweeper) state_->sweeper->Stop();
    if (state_->sender) state_->sender->Stop();
}

namespace {

bool LoadPolicy(const std::string& path, core::Policy& policy, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = "cannot read policy file " + path + " (set --policy or AFTERCARE_POLICY)";
        return false;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = api::ParsePolicy(text.str());
    if (!parsed) {
        error = "policy file " + path + ": " + parsed.GetError().field + ": " + parsed.GetError().message.en;
        return false;
    }
    policy = std::move(parsed).Value();
    return true;
}

std::int64_t NowSeconds(long long offset) {
    return static_cast<std::int64_t>(
               std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                   .count()) +
           offset;
}

}  // namespace

bool App::Init(std::string& error) {
    auto& s = *state_;
    core::Policy policy;
    if (!LoadPolicy(config_.policy_path, policy, error)) return false;
    if (config_.database.empty() && !PrepareDataDir(config_.data_dir, error)) return false;
    try {
        // SQLite: one reader connection per worker thread (both pools), so no request ever waits for
        // one (a waiting thread can lose the connection again and again to a thread that releases
        // and re-takes it); at most 80 (the default thread counts), so --threads 1024 does not spend
        // the file descriptors. PostgreSQL caps its pool lower (open_store.cpp).
        s.store = OpenStore(config_, std::min(config_.threads + ReadThreads(config_), 80));
    } catch (const std::exception& e) {
        error = std::string("cannot open the database in ") + StoreLocation(config_) + ": " + e.what();
        return false;
    }
    // A policy an admin saved in the console outlives restarts; the file is the vendor's default.
    if (auto saved = s.store->GetMeta(staff::kPolicyMetaKey)) {
        auto parsed = api::ParsePolicy(*saved);
        if (parsed && core::ValidatePolicy(parsed.Value()).empty()) {
            policy = std::move(parsed).Value();
        } else {
            std::fprintf(stderr, "aftercare-server: the saved policy does not load; using %s\n",
                         config_.policy_path.c_str());
        }
    }
    HolidayCalendar calendar;
    if (!LoadHolidayCalendar(config_.calendar_dir, calendar, error)) return false;
    {
        const auto today = core::LocalDate(NowSeconds(config_.clock_offset_seconds), policy.calendar.vendor_utc_offset_minutes);
        if (const auto missing = MissingNextYear(calendar, today)) {
            std::fprintf(stderr,
                         "aftercare-server: warning: no holiday calendar for %d in %s (add %d.json from the State "
                         "Council notice); its holidays will count as working days\n",
                         *missing, config_.calendar_dir.c_str(), *missing);
        }
    }
    s.policies = std::make_unique<PolicyHolder>(std::move(policy), std::move(calendar));
    if (!s.faq.Load(config_.faq_dir, error)) return false;

    // The e-mail and SMS channels: before the change feed below, which re-reads the saved ones.
    s.channels = std::make_unique<outbound::ChannelConfig>(config_.outbound.smtp, config_.outbound.sms);
    {
        std::string saved_error;
        if (!s.channels->ApplySavedText(s.store->GetMeta(outbound::kChannelsMetaKey), saved_error))
            std::fprintf(stderr, "aftercare-server: warning: %s\n", saved_error.c_str());
    }
    s.auth = std::make_unique<Auth>(*s.store);
    // A waiting poll is a parked callback, not a thread: the places are bounded by memory and sockets.
    s.live = std::make_unique<LiveUpdates>(config_.live_waiters);
    if (!config_.database.empty()) {
        try {
            s.relay = std::make_unique<PgLiveRelay>(config_.database, *s.live);
            // A policy an admin saved through another instance: this one holds the policy in
            // memory, so it re-reads the saved one when told (and after a gap in the feed).
            s.relay->OnSharedChange([&s] {
                try {
                    if (const auto saved = s.store->GetMeta(staff::kPolicyMetaKey)) {
                        auto parsed = api::ParsePolicy(*saved);
                        if (parsed && core::ValidatePolicy(parsed.Value()).empty() &&
                            parsed.Value().version != s.policies->Get()->version)
                            s.policies->Set(std::move(parsed).Value());
                    }
                    // The e-mail and SMS channels an admin saved there.
                    std::string channels_error;
                    if (s.channels &&
                        !s.channels->ApplySavedText(s.store->GetMeta(outbound::kChannelsMetaKey), channels_error))
                        LogEvent("warn", "the channels saved by another instance were not re-read", channels_error);
                } catch (const std::exception& e) {
                    LogEvent("warn", "the settings saved by another instance were not re-read", e.what());
                }
            });
            s.relay->Start();
        } catch (const std::exception& e) {
            error = std::string("cannot listen for other instances' changes in ") + StoreLocation(config_) + ": " + e.what();
            return false;
        }
    }
    s.guesses = std::make_unique<GuessBudget>(config_.limits.lookup_failures_per_number_per_hour);
    constexpr std::int64_t kMiB = 1024 * 1024;
    s.quota = std::make_unique<StorageQuota>(*s.store, config_.storage_quota_mb * kMiB,
                                             config_.storage_per_address_mb * kMiB);
    s.reveals = std::make_unique<RateLimiter>(config_.limits.reveals_per_hour, std::chrono::hours(1));
    const long long offset = config_.clock_offset_seconds;
    s.services = std::make_unique<Services>(Services{
        *s.store, *s.auth, *s.policies, *s.live, s.metrics, *s.guesses, *s.quota, *s.reveals,
        [offset] { return NowSeconds(offset); },
        config_.long_poll_seconds,
        nullptr});  // the notifier: set by StartOutbound, after the demo data

    if (config_.seed_demo && !SeedDemoData(*s.services, config_.demo_dir, error)) return false;
    // After the demo data: seeding tells nobody anything.
    if (!StartOutbound(error)) return false;

    Services& services = *s.services;
    s.server = std::make_unique<HttpServer>(config_, s.metrics, *s.live, [&services](const std::string& token) {
        // Integration API keys carry their own prefix; everything else is a session token.
        if (token.rfind(api_keys::kKeyPrefix, 0) == 0) return api_keys::Resolve(services.store, token);
        return services.auth.Resolve(token, services.now(), services.CustomerAccessAfterClose());
    });
    s.server->SetShareReads([&store = *s.store] { return store.ShareReads(); });
    if (!config_.web_root.empty()) s.server->SetStaticFiles(std::make_shared<StaticFiles>(config_.web_root, config_.seed_demo));

    RouteTable& routes = s.server->routes();
    RegisterMetaRoutes(routes, MetaServices{&s.metrics, s.store.get(), config_.metrics_token, config_.embed_origins,
                                            &s.policies->Calendar(), [offset] { return NowSeconds(offset); }});
    RegisterTicketRoutes(routes, services);
    RegisterLookupRoutes(routes, services);
    RegisterAttachmentRoutes(routes, services);
    RegisterReturnsRoutes(routes, services);
    RegisterWarrantyRoutes(routes, services);
    RegisterFaqRoutes(routes, services, s.faq);
    RegisterPolicyRoutes(routes, services);
    RegisterStaffRoutes(routes, services);
    RegisterRegisterRoutes(routes, services);
    RegisterFollowUpRoutes(routes, services);
    RegisterOutboundRoutes(routes, services);
    s.integration = std::make_unique<RateLimiter>(config_.limits.integration_per_minute, std::chrono::seconds(60));
    RegisterIntegrationRoutes(routes, services, *s.integration);
    // A declared endpoint nobody serves, or a handler for an undeclared one, is a build mistake:
    // refuse to start rather than answer 404 for a documented endpoint.
    if (const std::string problems = routes.CheckAgainst(api::endpoints::All()); !problems.empty()) {
        error = "routes and src/api's endpoint declarations differ:\n" + problems;
        return false;
    }
    s.server->InstallRoutes();
    if (auto* pg = dynamic_cast<PgStore*>(s.store.get())) {
        // Several instances on one database: every request budget (per address, per service number,
        // per staff account, per API key, per SMS recipient, and the per-address daily storage quota)
        // is counted in the database, so N instances do not give N budgets.
        auto buckets = std::make_shared<PgBuckets>(*pg);
        s.server->ShareRateLimits(buckets);
        s.guesses->Share(buckets);
        s.reveals->Share(buckets, "reveal:");
        s.integration->Share(buckets, "api-key:");
        s.auth->ShareLimits(buckets);
        s.sender->ShareLimits(buckets);
        s.quota->ShareLimits(buckets);
    }

    Store* store = s.store.get();
    s.metrics.AddCollector([store](std::string& out) {
        out += "# HELP aftercare_tickets Tickets by state.\n# TYPE aftercare_tickets gauge\n";
        for (const auto& [state, count] : store->CountByState())
            out += "aftercare_tickets{state=\"" + state + "\"} " + std::to_string(count) + "\n";
        out += "# HELP aftercare_tickets_sla_breached Open tickets with a missed SLA deadline.\n"
               "# TYPE aftercare_tickets_sla_breached gauge\n";
        out += "aftercare_tickets_sla_breached " + std::to_string(store->CountBreachedOpen()) + "\n";
    });

    StorageQuota* quota = s.quota.get();
    s.metrics.AddCollector([quota](std::string& out) { quota->Collect(out); });
    Auth* auth = s.auth.get();
    s.metrics.AddCollector([auth](std::string& out) { auth->Collect(out); });
    LiveUpdates* live = s.live.get();
    s.metrics.AddCollector([live](std::string& out) { live->Collect(out); });

    s.sweeper = std::make_unique<Sweeper>(services, config_.sweep_interval_seconds);
    if (!config_.database.empty()) {
        // One sweeper among all instances on the database; the lease moves when its holder dies.
        auto lease = std::make_shared<PgSweeperLease>(config_.database);
        s.sweeper->SetLease([lease] { return lease->Held(); });
    }
    return true;
}

bool App::StartOutbound(std::string& error) {
    auto& s = *state_;
    const outbound::OutboundSettings& settings = config_.outbound;
    for (const auto& problems : {outbound::CheckSmtp(settings.smtp), outbound::CheckSms(settings.sms)}) {
        if (problems.empty()) continue;
        error = "outbound channel flags: " + problems.front().field + ": " + problems.front().en;
        return false;
    }
    // Templates are needed by e-mail and SMS (webhooks carry JSON). Without the folder the server
    // still starts (tools, `routes`) unless its flags set a channel; the admin screen then refuses
    // to turn one on, rather than promise messages nobody could write.
    outbound::Templates templates;
    if (!templates.Load(config_.notifications_dir, error)) {
        const auto in_force = s.channels->Current();
        if (in_force->smtp_from_server || in_force->sms_from_server) return false;
        if (in_force->EmailEnabled() || in_force->SmsEnabled())
            std::fprintf(stderr, "aftercare-server: warning: %s; no e-mail or SMS will be written\n", error.c_str());
        error.clear();
    }
    Services& services = *s.services;
    s.notifier = std::make_unique<outbound::Notifier>(*s.store, settings, *s.channels, std::move(templates));
    s.sender = std::make_unique<outbound::OutboxSender>(
        *s.store, s.metrics, settings, *s.channels, services.now,
        [&services] { return static_cast<int>(services.Policy()->calendar.vendor_utc_offset_minutes); });
    // Webhooks are configured at run time by an admin (endpoints in the store), so the channel always exists.
    s.sender->SetWebhookChannel(std::make_unique<outbound::WebhookChannel>(*s.store, services.now));
    outbound::OutboxSender* sender = s.sender.get();
    s.notifier->SetWake([sender] { sender->Wake(); });
    services.notifier = s.notifier.get();
    services.channels = s.channels.get();

    Store* store = s.store.get();
    s.metrics.AddCollector([store](std::string& out) {
        out += "# HELP aftercare_outbox Outbound messages by state.\n# TYPE aftercare_outbox gauge\n";
        for (auto state : {OutboxState::Pending, OutboxState::Sent, OutboxState::Dead})
            out += "aftercare_outbox{state=\"" + std::string(ToString(state)) + "\"} " +
                   std::to_string(store->Outbox().CountByState(state)) + "\n";
    });
    return true;
}

int App::Bind() { return state_->server->Bind(); }

bool App::Run() {
    state_->sweeper->Start();
    state_->sender->Start();
    const bool ok = state_->server->Run();
    state_->sweeper->Stop();
    state_->sender->Stop();
    return ok;
}

void App::Stop() {
    // The server first: it stops accepting, marks every answer from now on "Connection: close", and
    // waits (up to 3 s) for the answers in flight, parked polls included. Then the parked polls are
    // woken and answered with what there is.
    if (state_->server) state_->server->Stop();
    if (state_->live) state_->live->Shutdown();
}

std::string App::RouteListing() const {
    std::string out;
    for (const auto& route : state_->server->routes().routes()) out += route.method + " " + route.path + "\n";
    return out;
}

bool App::CreateAdmin(const std::string& username, const std::string& password, std::string& error) {
    // Only the store is needed: no policy, no routes.
    if (config_.database.empty() && !PrepareDataDir(config_.data_dir, error)) return false;
    try {
        auto opened = OpenStore(config_, 1);
        Store& store = *opened;
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        if (!staff::CreateAccount(store, username, username, {"admin", "department_manager", "general_manager"},
                                  password, now)) {
            error = "a staff account named " + username + " already exists";
            return false;
        }
        return true;
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
}

}  // namespace aftercare::serve
