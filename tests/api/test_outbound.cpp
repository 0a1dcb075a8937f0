// Outbound messages end to end over real loopback servers: a real SMTP server (aiosmtpd) receives the
// customer's e-mail in the ticket's language; a webhook receiver checks every signature and fails
// three times before it accepts; kill -9 between commit and delivery loses nothing.
#include <catch2/catch.hpp>
#include <signal.h>
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "mail_sink.hpp"
#include "server_process.hpp"

using namespace aftercare::test;
namespace fs = std::filesystem;

namespace {

Json MailDraft(const std::string& language, const std::string& email) {
    Json draft = RepairDraft("13800138000", language == "en" ? "Does not power on" : "设备无法开机");
    draft["customer"]["email"] = email;
    draft["language"] = language;
    draft["notify_by"] = Json::array({"email"});
    return draft;
}

void Resolve(httplib::Client& client, const std::string& token, const std::string& number) {
    const std::string base = "/api/v1/staff/tickets/" + number;
    REQUIRE(PostJson(client, base + "/transition", {{"action", "accept"}}, token)->status == 200);
    REQUIRE(PostJson(client, base + "/assign", {{"assignee", "engineer.li"}}, token)->status == 200);
    REQUIRE(PostJson(client, base + "/transition", {{"action", "start"}}, token)->status == 200);
    REQUIRE(PostJson(client, base + "/work", ServiceReportWork(), token)->status == 201);
    REQUIRE(PostJson(client, base + "/transition", {{"action", "resolve"}, {"note", "Replaced the PSU"}}, token)->status ==
            200);
}

std::string HmacHex(const std::string& key, const std::string& message) {
    crypto_auth_hmacsha256_state state;
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    crypto_auth_hmacsha256_final(&state, mac);
    char hex[sizeof mac * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
    return hex;
}

// Aftercare-Signature: t=<t>,v1=<hex>[,v1=<hex>]: true when one v1 is HMAC(secret, "<t>.<body>").
bool SignatureValid(const std::string& header, const std::string& body, const std::string& secret) {
    std::string t;
    std::vector<std::string> v1;
    std::istringstream parts(header);
    std::string part;
    while (std::getline(parts, part, ',')) {
        if (part.rfind("t=", 0) == 0) t = part.substr(2);
        if (part.rfind("v1=", 0) == 0) v1.push_back(part.substr(3));
    }
    const std::string expected = HmacHex(secret, t + "." + body);
    return !t.empty() && std::find(v1.begin(), v1.end(), expected) != v1.end();
}

}  // namespace

TEST_CASE("e-mail over real SMTP: received and resolved mails carry the service number, in the ticket's language",
          "[outbound][email]") {
    SmtpSink sink;
    Running env(ServerOptions{{}, {"--smtp-url", sink.url(), "--smtp-from", "service@aftercare.test",
                                   "--public-url", "https://service.example.com"}});
    auto& client = env.http();

    const Json en = CreateTicket(client, MailDraft("en", "alice@example.com"));
    const std::string en_number = en["service_number"].get<std::string>();
    const Json zh = CreateTicket(client, MailDraft("zh-CN", "wang@example.cn"));
    const std::string zh_number = zh["service_number"].get<std::string>();

    auto received = WaitForMail(sink, [&](const Mail& m) {
        return m.body.find(en_number) != std::string::npos && m.subject.find("We received") != std::string::npos;
    });
    REQUIRE(received);
    CHECK(received->headers.find("X-Envelope-To: alice@example.com") != std::string::npos);
    CHECK(received->subject.find(en_number) != std::string::npos);
    CHECK(received->body.find("https://service.example.com/#/track/" + en_number) != std::string::npos);
    CHECK(received->headers.find("Content-Type: text/plain; charset=UTF-8") != std::string::npos);
    CHECK(received->headers.find("Message-ID: <") != std::string::npos);
    CHECK(received->headers.find("List-Unsubscribe: <https://service.example.com/api/v1/unsubscribe/") !=
          std::string::npos);
    CHECK(received->body.find("To stop these e-mails") != std::string::npos);

    auto received_zh = WaitForMail(sink, [&](const Mail& m) { return m.body.find(zh_number) != std::string::npos; });
    REQUIRE(received_zh);
    CHECK(received_zh->subject == "已收到您的售后工单 " + zh_number);
    CHECK(received_zh->body.find("服务编号：" + zh_number) != std::string::npos);

    Resolve(client, env.staff_token, en_number);
    auto resolved = WaitForMail(sink, [&](const Mail& m) {
        return m.subject.find(en_number + " is resolved") != std::string::npos;
    });
    REQUIRE(resolved);
    CHECK(resolved->body.find("Replaced the PSU") != std::string::npos);
    CHECK(resolved->body.find("reopen it within 7 days") != std::string::npos);

    // The delivery log on the staff side: who was told, how, and that it went out.
    const auto sent_all = [&] {
        const Json log = BodyOf(GetJson(client, "/api/v1/staff/tickets/" + en_number + "/deliveries", env.staff_token));
        for (const auto& entry : log["deliveries"])
            if (entry["state"] != "sent") return Json();
        return log;
    };
    Json log;
    for (auto deadline = std::chrono::steady_clock::now() + kPatience;
         log.is_null() && std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(100)))
        log = sent_all();
    REQUIRE(!log.is_null());
    std::vector<std::string> events;
    for (const auto& entry : log["deliveries"]) {
        events.push_back(entry["event_type"].get<std::string>());
        CHECK(entry["channel"] == "email");
        CHECK(entry["recipient"] == "a***@example.com");  // the customer's address is masked
        CHECK(entry["recipient_label"] == "customer");
        CHECK(entry.contains("sent_at"));
    }
    // Newest first: resolved, engineer assigned, accepted, received.
    CHECK(events == std::vector<std::string>{"ticket_resolved", "engineer_assigned", "ticket_accepted", "ticket_received"});

    // The unsubscribe link stops further mail to that address.
    const std::string message_id = log["deliveries"].back()["message_id"].get<std::string>();
    const std::string link = "/api/v1/unsubscribe/" + message_id;
    // The link opens a page with a button; opening it changes nothing (mail scanners open links).
    auto page = client.Get(link.c_str());
    REQUIRE(page->status == 200);
    CHECK(page->body.find("<form method=\"post\">") != std::string::npos);
    CHECK(page->body.find("已退订") == std::string::npos);
    auto button = client.Post(link.c_str(), "", "application/x-www-form-urlencoded");
    REQUIRE(button->status == 303);
    CHECK(button->get_header_value("Location") == link + "?done=1");
    CHECK(client.Get((link + "?done=1").c_str())->body.find("已退订 / Unsubscribed") != std::string::npos);
    // A mail client's RFC 8058 one-click, and API callers, get JSON; unsubscribing twice is fine.
    auto unsubscribe = PostJson(client, link, Json::object());
    REQUIRE(unsubscribe->status == 200);
    CHECK(BodyOf(unsubscribe)["unsubscribed"] == true);
    CHECK(PostJson(client, "/api/v1/unsubscribe/not-a-message", Json::object())->status == 404);
    const Json again = CreateTicket(client, MailDraft("en", "alice@example.com"));
    const Json again_log = BodyOf(
        GetJson(client, "/api/v1/staff/tickets/" + again["service_number"].get<std::string>() + "/deliveries", env.staff_token));
    CHECK(again_log["deliveries"].empty());
}

TEST_CASE("rare characters in a customer's name and subject reach the e-mail as typed (beyond the BMP, GB 18030)",
          "[outbound][email]") {
    SmtpSink sink;
    Running env(ServerOptions{{}, {"--smtp-url", sink.url(), "--smtp-from", "service@aftercare.test"}});
    auto& client = env.http();
    // CJK Extension B and C, a character GB 18030-2022 added, and an emoji: four bytes each in UTF-8
    // but 䶮 (three), so a cut in the middle of any of them would show.
    const std::string name = "𠮷野 美穗";
    const std::string subject = "𠮷𡈽𪚥䶮😀 屏幕不亮";
    Json draft = MailDraft("zh-CN", "yoshino@example.cn");
    draft["customer"]["name"] = name;
    draft["subject"] = subject;
    const std::string number = CreateTicket(client, draft)["service_number"].get<std::string>();

    auto received = WaitForMail(sink, [&](const Mail& m) { return m.body.find(number) != std::string::npos; });
    REQUIRE(received);
    CHECK(received->body.find("您好，" + name + "：") != std::string::npos);
    CHECK(received->body.find("“" + subject + "”") != std::string::npos);
}

TEST_CASE("notify_by email needs an e-mail address, and only sms and email are channels", "[outbound][validation]") {
    Running env;
    auto& client = env.http();
    Json draft = RepairDraft();
    draft["notify_by"] = Json::array({"email"});
    auto missing = PostJson(client, "/api/v1/tickets", draft);
    CHECK(missing->status == 422);
    CHECK(missing->body.find("customer.email") != std::string::npos);
    draft["notify_by"] = Json::array({"pigeon"});
    CHECK(PostJson(client, "/api/v1/tickets", draft)->status == 422);
    draft["notify_by"] = Json::array({"sms"});
    draft["language"] = "fr";
    auto language = PostJson(client, "/api/v1/tickets", draft);
    CHECK(language->status == 422);
    CHECK(language->body.find("language") != std::string::npos);
}

TEST_CASE("a message committed but not yet delivered survives kill -9 and is delivered after restart",
          "[outbound][durability]") {
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    std::string number;
    {
        // Nothing listens on this SMTP port: the message is committed with the ticket, and stays pending.
        int dead_port = 0;
        {
            SmtpSink probe;  // a port that was free a moment ago and is closed again below
            dead_port = probe.port();
        }
        ServerProcess server(ServerOptions{dir.path(), {"--smtp-url", "smtp://127.0.0.1:" + std::to_string(dead_port),
                                                        "--smtp-from", "service@aftercare.test",
                                                        "--outbox-retry-base", "1"}});
        auto client = server.Client();
        number = CreateTicket(client, MailDraft("en", "bob@example.com"))["service_number"].get<std::string>();
        const std::string staff = StaffLogin(client, kAdminUser, kAdminPassword);
        // Wait until the sender has tried (and failed) once, so the row is mid-retry when the process dies.
        Json entry;
        for (auto deadline = std::chrono::steady_clock::now() + kPatience; std::chrono::steady_clock::now() < deadline;
             std::this_thread::sleep_for(std::chrono::milliseconds(100))) {
            const Json log = BodyOf(GetJson(client, "/api/v1/staff/tickets/" + number + "/deliveries", staff));
            if (!log["deliveries"].empty() && !log["deliveries"][0]["last_error"].get<std::string>().empty()) {
                entry = log["deliveries"][0];
                break;
            }
        }
        REQUIRE(!entry.is_null());
        CHECK(entry["state"] == "pending");
        CHECK(entry["attempts"] >= 1);
        CHECK(server.StopWith(SIGKILL) == 128 + SIGKILL);
    }
    SmtpSink sink;
    ServerProcess server(ServerOptions{dir.path(), {"--smtp-url", sink.url(), "--smtp-from", "service@aftercare.test",
                                                    "--outbox-retry-base", "1"}});
    auto mail = WaitForMail(sink, [&](const Mail& m) { return m.body.find(number) != std::string::npos; });
    REQUIRE(mail);
    CHECK(mail->headers.find("X-Envelope-To: bob@example.com") != std::string::npos);
}

TEST_CASE("webhooks: signed with the endpoint's secret, retried after failures until a 2xx, one event id",
          "[outbound][webhook]") {
    REQUIRE(sodium_init() >= 0);
    std::mutex mutex;
    std::vector<std::pair<std::string, std::string>> calls;  // (signature header, body)
    std::string secret;
    std::atomic<int> failures_left{3};
    httplib::Server receiver;
    receiver.Post("/hook", [&](const httplib::Request& req, httplib::Response& res) {
        {
            std::lock_guard lock(mutex);
            calls.emplace_back(req.get_header_value("Aftercare-Signature"), req.body);
        }
        res.status = failures_left.fetch_sub(1) > 0 ? 500 : 204;
    });
    const int port = receiver.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { receiver.listen_after_bind(); });

    Running env(ServerOptions{{}, {"--outbox-retry-base", "1"}});
    auto& client = env.http();
    auto created = PostJson(client, "/api/v1/staff/webhooks",
                            {{"url", "http://127.0.0.1:" + std::to_string(port) + "/hook"}, {"events", {"ticket.created"}}},
                            env.staff_token);
    REQUIRE(created->status == 201);
    secret = BodyOf(created)["secret"].get<std::string>();
    CHECK(secret.rfind("whsec_", 0) == 0);
    // The list never shows the secret again.
    CHECK(GetJson(client, "/api/v1/staff/webhooks", env.staff_token)->body.find(secret) == std::string::npos);
    CHECK(PostJson(client, "/api/v1/staff/webhooks", {{"url", "ftp://x"}, {"events", {"ticket.created"}}}, env.staff_token)
              ->status == 422);

    const std::string number = CreateTicket(client, RepairDraft())["service_number"].get<std::string>();
    Json delivery;
    for (auto deadline = std::chrono::steady_clock::now() + kPatience; std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(100))) {
        const Json log = BodyOf(GetJson(client, "/api/v1/staff/webhook-deliveries", env.staff_token));
        if (!log["deliveries"].empty() && log["deliveries"][0]["state"] == "sent") {
            delivery = log["deliveries"][0];
            break;
        }
    }
    REQUIRE(!delivery.is_null());
    CHECK(delivery["attempts"] == 4);
    {
        std::lock_guard lock(mutex);
        REQUIRE(calls.size() == 4);  // three failures, then once more: not lost, not sent again after the 2xx
        for (const auto& [signature, body] : calls) {
            CHECK(SignatureValid(signature, body, secret));
            CHECK(!SignatureValid(signature, body, secret + "x"));
            const Json event = Json::parse(body);
            CHECK(event["id"] == delivery["message_id"]);  // the same event id every time: receivers dedup
            CHECK(event["type"] == "ticket.created");
            CHECK(event["data"]["service_number"] == number);
            CHECK(body.find("13800138000") == std::string::npos);  // no customer contact in the payload
        }
    }

    // Rotation: both the new and the old secret sign until the overlap ends; resend goes out again.
    const Json rotated = BodyOf(PostJson(client, "/api/v1/staff/webhooks/" + std::to_string(BodyOf(created)["id"].get<int>()),
                                         {{"rotate_secret", true}}, env.staff_token));
    const std::string new_secret = rotated["secret"].get<std::string>();
    CHECK(new_secret != secret);
    CHECK(rotated.contains("previous_secret_until"));
    auto resend = PostJson(client, "/api/v1/staff/deliveries/" + std::to_string(delivery["id"].get<int>()) + "/resend",
                           Json::object(), env.staff_token);
    REQUIRE(resend->status == 200);
    for (auto deadline = std::chrono::steady_clock::now() + kPatience; std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(100))) {
        std::lock_guard lock(mutex);
        if (calls.size() == 5) break;
    }
    {
        std::lock_guard lock(mutex);
        REQUIRE(calls.size() == 5);
        CHECK(SignatureValid(calls[4].first, calls[4].second, new_secret));
        CHECK(SignatureValid(calls[4].first, calls[4].second, secret));
    }
    receiver.stop();
    serving.join();
}

TEST_CASE("escalation: the staff holding the escalated role are told by e-mail, and the delivery log names them",
          "[outbound][escalation]") {
    SmtpSink sink;
    Running env(ServerOptions{{}, {"--smtp-url", sink.url(), "--smtp-from", "service@aftercare.test"}});
    auto& client = env.http();
    // create-admin's account holds the manager roles; give it an address (admins only see/set it).
    auto bad = PostJson(client, std::string("/api/v1/staff/members/") + kAdminUser, {{"email", "not-an-address"}},
                        env.staff_token);
    CHECK(bad->status == 422);
    auto updated = PostJson(client, std::string("/api/v1/staff/members/") + kAdminUser,
                            {{"email", "Boss@Vendor.example"}, {"phone", "13900139000"}}, env.staff_token);
    REQUIRE(updated->status == 200);
    CHECK(BodyOf(updated)["phone"] == "+8613900139000");

    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string customer_token = created["access_token"].get<std::string>();
    auto escalated = PostJson(client, "/api/v1/staff/tickets/" + number + "/transition",
                              {{"action", "escalate"}, {"note", "客户多次来电"}}, env.staff_token);
    REQUIRE(escalated->status == 200);
    auto notice = WaitForMail(sink, [&](const Mail& m) { return m.subject.find(number) != std::string::npos; });
    REQUIRE(notice);
    CHECK(notice->subject.find("[督办]") != std::string::npos);
    CHECK(notice->body.find("客户多次来电") != std::string::npos);
    CHECK(notice->headers.find("List-Unsubscribe") == std::string::npos);  // staff notices are not a mailing

    Json told;
    for (auto deadline = std::chrono::steady_clock::now() + kPatience; std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(100))) {
        const Json log = BodyOf(GetJson(client, "/api/v1/staff/tickets/" + number + "/deliveries", env.staff_token));
        for (const auto& entry : log["deliveries"])
            if (entry["event_type"] == "escalation_notice" && entry["state"] == "sent") told = entry;
        if (!told.is_null()) break;
    }
    REQUIRE(!told.is_null());
    CHECK(told["recipient_label"] == kAdminUser);
    CHECK(told["channel"] == "email");

    // The customer's view says who was told and when, by role (never the manager's name or address),
    // once the notice was sent: the delivery log above says it was.
    const Json view = BodyOf(GetJson(client, "/api/v1/tickets/" + number, customer_token));
    REQUIRE(view["escalation_notices"].size() == 1);
    const Json& told_customer = view["escalation_notices"][0];
    CHECK(told_customer["level"] == "department_manager");
    CHECK(told_customer["roles"] == Json::array({"department_manager", "general_manager"}));  // both, on breach
    CHECK(told_customer["sent_at"].get<std::int64_t>() == told["sent_at"].get<std::int64_t>());
    CHECK(view.dump().find("Boss@Vendor.example") == std::string::npos);
    CHECK(view.dump().find("boss@vendor.example") == std::string::npos);
}

TEST_CASE("an escalation notice comes in the language set for the manager's account", "[outbound][escalation]") {
    SmtpSink sink;
    Running env(ServerOptions{{}, {"--smtp-url", sink.url(), "--smtp-from", "service@aftercare.test"}});
    auto& client = env.http();
    const std::string member = std::string("/api/v1/staff/members/") + kAdminUser;
    CHECK(PostJson(client, member, {{"language", "fr"}}, env.staff_token)->status == 422);
    const auto updated =
        PostJson(client, member, {{"email", "boss@vendor.example"}, {"language", "en"}}, env.staff_token);
    REQUIRE(updated->status == 200);
    CHECK(BodyOf(updated)["language"] == "en");

    const std::string number = CreateTicket(client, RepairDraft())["service_number"].get<std::string>();
    REQUIRE(PostJson(client, "/api/v1/staff/tickets/" + number + "/transition",
                     {{"action", "escalate"}, {"note", "Customer called three times"}}, env.staff_token)
                ->status == 200);
    auto notice = WaitForMail(sink, [&](const Mail& m) { return m.subject.find(number) != std::string::npos; });
    REQUIRE(notice);
    CHECK(notice->subject.find("[Escalated]") != std::string::npos);
    CHECK(notice->body.find("Customer called three times") != std::string::npos);
    CHECK(notice->body.find("督办") == std::string::npos);
}

TEST_CASE("escalated without a channel: the customer's view names no notice, since none was sent",
          "[outbound][escalation]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    REQUIRE(PostJson(client, "/api/v1/staff/tickets/" + number + "/transition",
                     {{"action", "escalate"}, {"note", "客户多次来电"}}, env.staff_token)
                ->status == 200);
    const Json view = BodyOf(GetJson(client, "/api/v1/tickets/" + number, created["access_token"].get<std::string>()));
    CHECK(view["escalation"] == "department_manager");
    CHECK(view["escalation_notices"].empty());
}

TEST_CASE("the public policy says which channels this server has, and a new ticket which ones it will use",
          "[outbound][channels]") {
    SECTION("none configured: nothing is promised") {
        Running env;
        auto& client = env.http();
        const Json policy = BodyOf(GetJson(client, "/api/v1/policy"));
        CHECK(policy["channels"] == Json{{"sms", false}, {"email", false}});
        CHECK(policy["sla"].is_object());  // the policy itself is still there, at the top level
        const Json created = CreateTicket(client, MailDraft("en", "alice@example.com"));
        CHECK(created["notify_channels"].empty());
    }
    SECTION("e-mail configured: e-mail is, and only for a ticket that gave an address and chose it") {
        Running env(ServerOptions{{}, {"--smtp-url", "smtp://127.0.0.1:9", "--smtp-from", "service@aftercare.test"}});
        auto& client = env.http();
        const Json policy = BodyOf(GetJson(client, "/api/v1/policy"));
        CHECK(policy["channels"] == Json{{"sms", false}, {"email", true}});
        const std::string text = GetJson(client, "/api/v1/policy")->body;
        CHECK(text.find("smtp://") == std::string::npos);  // a fact, never the setting
        CHECK(CreateTicket(client, MailDraft("en", "alice@example.com"))["notify_channels"] ==
              Json::array({"email"}));
        CHECK(CreateTicket(client, RepairDraft())["notify_channels"].empty());  // no address given
        Json sms_only = MailDraft("zh-CN", "wang@example.cn");
        sms_only["notify_by"] = Json::array({"sms"});
        CHECK(CreateTicket(client, sms_only)["notify_channels"].empty());  // chose SMS, which is not here
    }
}

TEST_CASE("SMS through the generic HTTP gateway: urgent goes at night, the rest waits for 08:00, phones masked",
          "[outbound][sms]") {
    std::mutex mutex;
    std::vector<Json> received;
    httplib::Server gateway;
    gateway.Post("/sms", [&](const httplib::Request& req, httplib::Response& res) {
        std::lock_guard lock(mutex);
        received.push_back(Json::parse(req.body));
        res.status = 200;
    });
    const int port = gateway.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { gateway.listen_after_bind(); });

    // A vendor clock on which it is 23:00 now: inside the 22:00-08:00 quiet hours.
    const auto now = std::chrono::duration_cast<std::chrono::minutes>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    long long offset = ((23 * 60 - now % 1440) % 1440 + 1440) % 1440;
    if (offset > 840) offset -= 1440;
    // The vendor's clock is the policy's: a policy file whose zone puts the vendor at 23:00.
    TempDir policy_dir;
    const std::string policy_path = policy_dir.path() + "/policy.json";
    {
        std::ifstream in(SourcePath("assets/policy.json"));
        Json policy = Json::parse(in);
        policy["calendar"]["vendor_utc_offset_minutes"] = offset;
        std::ofstream(policy_path) << policy.dump();
    }
    Running env(ServerOptions{{}, {"--sms-provider", "http", "--sms-url", "http://127.0.0.1:" + std::to_string(port) + "/sms",
                                   "--policy", policy_path}});
    auto& client = env.http();
    Json general = RepairDraft("13800138000", "设备无法开机");
    general["notify_by"] = Json::array({"sms"});
    Json urgent = general;
    urgent["priority"] = "urgent";
    const std::string general_number = CreateTicket(client, general)["service_number"].get<std::string>();
    const std::string urgent_number = CreateTicket(client, urgent)["service_number"].get<std::string>();

    Json sms;
    for (auto deadline = std::chrono::steady_clock::now() + kPatience; std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(100))) {
        std::lock_guard lock(mutex);
        if (!received.empty()) {
            sms = received.front();
            break;
        }
    }
    REQUIRE(!sms.is_null());
    CHECK(sms["to"] == "+8613800138000");
    CHECK(sms["text"].get<std::string>().find(urgent_number) != std::string::npos);
    CHECK(!sms["id"].get<std::string>().empty());

    // The general ticket's SMS waits for the morning, and the log says why.
    Json waiting;
    for (auto deadline = std::chrono::steady_clock::now() + kPatience; std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(100))) {
        const Json log = BodyOf(GetJson(client, "/api/v1/staff/tickets/" + general_number + "/deliveries", env.staff_token));
        if (!log["deliveries"].empty() && log["deliveries"][0]["last_error"] == "quiet hours") {
            waiting = log["deliveries"][0];
            break;
        }
    }
    REQUIRE(!waiting.is_null());
    CHECK(waiting["state"] == "pending");
    CHECK(waiting["attempts"] == 0);  // postponed, not a failed try
    CHECK(waiting["next_attempt_at"].get<long long>() > now * 60);
    CHECK(waiting["recipient"].get<std::string>().find("13800138000") == std::string::npos);
    {
        std::lock_guard lock(mutex);
        CHECK(received.size() == 1);
    }
    CHECK(env.server->LogWithRequestsSoFar().find("13800138000") == std::string::npos);  // never a full number in the log
    gateway.stop();
    serving.join();
}
