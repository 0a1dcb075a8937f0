// The e-mail and SMS channels set on the admin screen (GET/POST /api/v1/staff/channels, and a test
// message): in force at once, kept across restarts, secrets never read back, flags win, bad
// settings refused field by field. Real SMTP (aiosmtpd) and a loopback SMS gateway receive.
#include <catch2/catch.hpp>

#include <httplib.h>

#include <mutex>
#include <thread>

#include "mail_sink.hpp"
#include "server_process.hpp"

using namespace aftercare::test;

namespace {

constexpr const char* kChannels = "/api/v1/staff/channels";

// A loopback SMS gateway of the generic kind: records each {id,to,text} with its Authorization.
class SmsGateway {
  public:
    SmsGateway() {
        server_.Post("/sms", [this](const httplib::Request& req, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            Json body = Json::parse(req.body);
            body["authorization"] = req.get_header_value("Authorization");
            received_.push_back(body);
            res.status = 200;
        });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~SmsGateway() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/sms"; }
    std::vector<Json> Received() {
        std::lock_guard lock(mutex_);
        return received_;
    }

  private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    std::mutex mutex_;
    std::vector<Json> received_;
};

Json EmailSettings(const std::string& url) { return {{"url", url}, {"from", "service@aftercare.test"}, {"user", ""}}; }

}  // namespace

TEST_CASE("an admin turns e-mail on from the admin screen: in force at once, kept across a restart",
          "[outbound][channels]") {
    SmtpSink sink;
    TempDir dir;
    REQUIRE(CreateAdmin(dir.path(), kAdminUser, kAdminPassword) == 0);
    {
        ServerProcess server(ServerOptions{dir.path()});
        auto client = server.Client();
        const std::string admin = StaffLogin(client, kAdminUser, kAdminPassword);

        const Json before = BodyOf(GetJson(client, kChannels, admin));
        CHECK(before["email"]["url"] == "");
        CHECK(before["email_set_by_server"] == false);
        CHECK(BodyOf(GetJson(client, "/api/v1/policy"))["channels"]["email"] == false);

        const auto saved = PostJson(client, kChannels, {{"email", EmailSettings(sink.url())}}, admin);
        REQUIRE(saved->status == 200);
        CHECK(BodyOf(saved)["email"]["url"] == sink.url());
        CHECK(BodyOf(GetJson(client, "/api/v1/policy"))["channels"]["email"] == true);

        // The very next ticket is told by e-mail, and says so.
        Json draft = RepairDraft("13800138000", "设备无法开机");
        draft["customer"]["email"] = "wang@example.cn";
        draft["notify_by"] = Json::array({"email"});
        const Json created = CreateTicket(client, draft);
        CHECK(created["notify_channels"] == Json::array({"email"}));
        const std::string number = created["service_number"].get<std::string>();
        CHECK(WaitForMail(sink, [&](const Mail& m) { return m.subject == "已收到您的售后工单 " + number; }));

        // The test message goes out now, through the same channel.
        const auto test = PostJson(client, kChannels + std::string("/test"),
                                   {{"channel", "email"}, {"to", "admin@example.cn"}}, admin);
        REQUIRE(test->status == 200);
        CHECK(BodyOf(test)["sent"] == true);
        auto mail = WaitForMail(sink, [](const Mail& m) { return m.headers.find("X-Envelope-To: admin@example.cn") != std::string::npos; });
        REQUIRE(mail);
        CHECK(mail->subject.find("测试") != std::string::npos);
    }
    ServerProcess again(ServerOptions{dir.path()});
    auto client = again.Client();
    const std::string admin = StaffLogin(client, kAdminUser, kAdminPassword);
    CHECK(BodyOf(GetJson(client, kChannels, admin))["email"]["url"] == sink.url());
    CHECK(BodyOf(GetJson(client, "/api/v1/policy"))["channels"]["email"] == true);
}

TEST_CASE("channel secrets are written and never read back, and an absent secret keeps the saved one", "[outbound][channels]") {
    Running env;
    auto& client = env.http();
    Json email = EmailSettings("smtps://smtp.example.com:465");
    email["user"] = "notices";
    email["password"] = "s3cret-smtp-password";
    REQUIRE(PostJson(client, kChannels, {{"email", email}}, env.staff_token)->status == 200);
    const auto read = GetJson(client, kChannels, env.staff_token);
    CHECK(read->body.find("s3cret") == std::string::npos);
    CHECK(BodyOf(read)["email_password_set"] == true);
    CHECK_FALSE(BodyOf(read)["email"].contains("password"));

    email.erase("password");  // the screen sends no password when the field was left empty
    REQUIRE(PostJson(client, kChannels, {{"email", email}}, env.staff_token)->status == 200);
    CHECK(BodyOf(GetJson(client, kChannels, env.staff_token))["email_password_set"] == true);

    // Off: nothing of it is kept.
    REQUIRE(PostJson(client, kChannels, {{"email", EmailSettings("")}}, env.staff_token)->status == 200);
    const Json off = BodyOf(GetJson(client, kChannels, env.staff_token));
    CHECK(off["email"]["url"] == "");
    CHECK(off["email_password_set"] == false);
    CHECK(env.server->LogWithRequestsSoFar().find("s3cret") == std::string::npos);
}

TEST_CASE("bad channel settings are refused field by field, and only admins may see or change channels",
          "[outbound][channels][validation]") {
    Running env;
    auto& client = env.http();
    const auto bad_email = PostJson(client, kChannels, {{"email", {{"url", "http://mail.example.com"}, {"from", "nobody"}}}},
                                    env.staff_token);
    REQUIRE(bad_email->status == 422);
    const std::string text = bad_email->body;
    CHECK(text.find("\"email.url\"") != std::string::npos);
    CHECK(text.find("\"email.from\"") != std::string::npos);

    const auto bad_sms = PostJson(client, kChannels, {{"sms", {{"provider", "tencent"}, {"secret_id", "AKID"}}}},
                                  env.staff_token);
    REQUIRE(bad_sms->status == 422);
    for (const char* field : {"sms.secret_key", "sms.sdk_app_id", "sms.sign_name", "sms.template_id"})
        CHECK(bad_sms->body.find(std::string("\"") + field + "\"") != std::string::npos);
    // A Bearer token never goes to a remote host in clear.
    const auto plain = PostJson(client, kChannels,
                                {{"sms", {{"provider", "http"}, {"url", "http://sms.example.com/send"}, {"secret_key", "t"}}}},
                                env.staff_token);
    REQUIRE(plain->status == 422);
    CHECK(plain->body.find("\"sms.url\"") != std::string::npos);
    const auto disguised = PostJson(
        client, kChannels, {{"sms", {{"provider", "http"}, {"url", "http://127.0.0.1@sms.example.com/send"}}}},
        env.staff_token);
    CHECK(disguised->status == 422);
    const auto unknown = PostJson(client, kChannels, {{"sms", {{"provider", "carrier-pigeon"}}}}, env.staff_token);
    CHECK(unknown->status == 422);
    // Nothing of a refused save is in force.
    CHECK(BodyOf(GetJson(client, "/api/v1/policy"))["channels"] == Json{{"sms", false}, {"email", false}});

    const Json member{{"username", "engineer.qian"}, {"display_name", "钱工"}, {"roles", {"engineer"}},
                      {"password", "password-for-qian"}};
    REQUIRE(PostJson(client, "/api/v1/staff/members", member, env.staff_token)->status == 201);
    const std::string engineer = StaffLogin(client, "engineer.qian", "password-for-qian");
    CHECK(GetJson(client, kChannels, engineer)->status == 403);
    CHECK(PostJson(client, kChannels, {{"email", EmailSettings("")}}, engineer)->status == 403);
    CHECK(PostJson(client, kChannels + std::string("/test"), {{"channel", "sms"}, {"to", "13800138000"}}, engineer)
              ->status == 403);
    CHECK(GetJson(client, kChannels)->status == 401);
}

TEST_CASE("a channel the server's flags set is shown read-only on the admin screen", "[outbound][channels]") {
    SmtpSink sink;
    Running env(ServerOptions{{}, {"--smtp-url", sink.url(), "--smtp-from", "service@aftercare.test"}});
    auto& client = env.http();
    const Json view = BodyOf(GetJson(client, kChannels, env.staff_token));
    CHECK(view["email_set_by_server"] == true);
    CHECK(view["email"]["url"] == sink.url());
    const auto refused = PostJson(client, kChannels, {{"email", EmailSettings("")}}, env.staff_token);
    CHECK(refused->status == 409);
    CHECK(BodyOf(refused)["error"]["code"] == "channel_set_by_server");
    // The other channel is still the admin's.
    CHECK(view["sms_set_by_server"] == false);
}

TEST_CASE("SMS through a gateway set on the admin screen: the test message and customer notices use it",
          "[outbound][channels][sms]") {
    SmsGateway gateway;
    Running env;
    auto& client = env.http();
    const Json sms{{"provider", "http"}, {"url", gateway.url()}, {"secret_key", "gateway-token-123"}};
    REQUIRE(PostJson(client, kChannels, {{"sms", sms}}, env.staff_token)->status == 200);

    const auto test = PostJson(client, kChannels + std::string("/test"), {{"channel", "sms"}, {"to", "139 1111 2222"}},
                               env.staff_token);
    REQUIRE(test->status == 200);
    CHECK(BodyOf(test)["sent"] == true);
    REQUIRE(gateway.Received().size() == 1);
    CHECK(gateway.Received()[0]["to"] == "+8613911112222");
    CHECK(gateway.Received()[0]["authorization"] == "Bearer gateway-token-123");

    // A customer ticket marked urgent goes out at any hour (no quiet-hours wait in this test).
    Json urgent = RepairDraft("13800138000", "冒烟");
    urgent["priority"] = "urgent";
    urgent["notify_by"] = Json::array({"sms"});
    const Json created = CreateTicket(client, urgent);
    CHECK(created["notify_channels"] == Json::array({"sms"}));
    const std::string number = created["service_number"].get<std::string>();
    bool told = false;
    for (auto deadline = std::chrono::steady_clock::now() + kPatience; !told && std::chrono::steady_clock::now() < deadline;
         std::this_thread::sleep_for(std::chrono::milliseconds(100)))
        for (const Json& message : gateway.Received())
            told = told || message["text"].get<std::string>().find(number) != std::string::npos;
    CHECK(told);

    // A gateway that refuses: the admin reads its answer, nothing is pretended.
    const Json dead{{"provider", "http"}, {"url", "http://127.0.0.1:9/sms"}};
    REQUIRE(PostJson(client, kChannels, {{"sms", dead}}, env.staff_token)->status == 200);
    const auto failed = PostJson(client, kChannels + std::string("/test"), {{"channel", "sms"}, {"to", "13911112222"}},
                                 env.staff_token);
    REQUIRE(failed->status == 200);
    CHECK(BodyOf(failed)["sent"] == false);
    CHECK_FALSE(BodyOf(failed)["error"].get<std::string>().empty());
}
