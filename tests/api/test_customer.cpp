// Customer endpoints: create (idempotent), lookup, read, follow, message, actions, rating,
// attachments, warranty, returns, FAQ and policy — success and failure paths.
#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <limits>
#include <set>
#include <thread>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\0');

httplib::Result Upload(httplib::Client& client, const std::string& number, const std::string& token,
                       const std::string& bytes, const std::string& name, const std::string& type = "image/png") {
    httplib::Headers headers = {{"Authorization", "Bearer " + token}, {"X-File-Name", name}};
    return client.Post(("/api/v1/tickets/" + number + "/attachments").c_str(), headers, bytes, type.c_str());
}

std::string Lookup(httplib::Client& client, const std::string& number, const std::string& last4) {
    auto result = PostJson(client, "/api/v1/lookup", {{"service_number", number}, {"phone_last4", last4}});
    REQUIRE(result);
    REQUIRE(result->status == 200);
    return BodyOf(result)["access_token"].get<std::string>();
}

}  // namespace

TEST_CASE("create ticket: 201 with service number, scoped token, timeline and SLA — invalid drafts are 422 per field",
          "[tickets]") {
    Running env;
    auto& client = env.http();
    auto created = PostJson(client, "/api/v1/tickets", RepairDraft("138-0013-8000"));
    REQUIRE(created);
    REQUIRE(created->status == 201);
    const Json body = BodyOf(created);
    const std::string number = body["service_number"].get<std::string>();
    CHECK(number.size() == 14);
    CHECK(created->get_header_value("Location") == "/api/v1/tickets/" + number);
    const std::string token = body["access_token"].get<std::string>();
    CHECK(token.size() == 43);
    CHECK(body["ticket"]["state"] == "submitted");
    CHECK(body["ticket"]["phone_masked"] == "138****8000");
    CHECK(body["ticket"]["timeline"].size() == 1);
    CHECK(body["ticket"]["sla"]["deadlines"].size() == 4);  // first response, dispatch, arrival, resolution
    CHECK(created->body.find("13800138000") == std::string::npos);  // the full phone never comes back

    auto read = GetJson(client, "/api/v1/tickets/" + number, token);
    REQUIRE(read->status == 200);
    CHECK(BodyOf(read)["subject"] == "设备无法开机");
    // Any spelling of the number works for the ticket's own token.
    std::string compact;
    for (char c : number)
        if (c != '-') compact += static_cast<char>(std::tolower(c));
    CHECK(GetJson(client, "/api/v1/tickets/" + compact, token)->status == 200);

    Json bad = RepairDraft("12345");
    bad["description"] = "";
    auto invalid = PostJson(client, "/api/v1/tickets", bad);
    REQUIRE(invalid->status == 422);
    const Json error = BodyOf(invalid)["error"];
    CHECK(error["field"] == "customer.phone");
    CHECK(error["details"].size() >= 2);
    CHECK(error.contains("message_zh"));
    CHECK(error.contains("message_en"));

    Json missing = RepairDraft();
    missing.erase("customer");
    CHECK(PostJson(client, "/api/v1/tickets", missing)->status == 400);
    Json wrong_kind = RepairDraft();
    wrong_kind["kind"] = "refund-me";
    CHECK(BodyOf(PostJson(client, "/api/v1/tickets", wrong_kind))["error"]["field"] == "kind");
}

TEST_CASE("customers cannot set fields the draft does not have (state, assignee, escalation)", "[tickets][security]") {
    Running env;
    for (const char* field : {"state", "assignee", "escalation", "rated"}) {
        Json draft = RepairDraft();
        draft[field] = "closed";
        auto result = PostJson(env.http(), "/api/v1/tickets", draft);
        REQUIRE(result);
        CHECK(result->status == 400);
        CHECK(BodyOf(result)["error"]["code"] == "unknown_field");
        CHECK(BodyOf(result)["error"]["field"] == field);
    }
    Json nested = RepairDraft();
    nested["customer"]["vip"] = true;
    CHECK(BodyOf(PostJson(env.http(), "/api/v1/tickets", nested))["error"]["field"] == "customer.vip");
}

TEST_CASE("Idempotency-Key: same key and body replay the same ticket, another body is 422, keys are validated",
          "[tickets][idempotency]") {
    Running env;
    auto& client = env.http();
    const Json first = CreateTicket(client, RepairDraft(), "kiosk-7-submit-0001");
    auto replay = PostJson(client, "/api/v1/tickets", RepairDraft(), {}, {{"Idempotency-Key", "kiosk-7-submit-0001"}});
    REQUIRE(replay->status == 201);
    CHECK(replay->get_header_value("Idempotent-Replayed") == "true");
    const Json second = BodyOf(replay);
    CHECK(second["service_number"] == first["service_number"]);
    CHECK(second["ticket"]["created_at"] == first["ticket"]["created_at"]);
    // The replay's token works too (tokens are stored hashed, so a replay mints a new one).
    CHECK(GetJson(client, "/api/v1/tickets/" + second["service_number"].get<std::string>(),
                  second["access_token"].get<std::string>())
              ->status == 200);

    // Key order in the body does not matter; content does.
    Json reordered = Json::parse(RepairDraft().dump());
    CHECK(BodyOf(PostJson(client, "/api/v1/tickets", reordered, {}, {{"Idempotency-Key", "kiosk-7-submit-0001"}}))
              ["service_number"] == first["service_number"]);
    auto conflict = PostJson(client, "/api/v1/tickets", RepairDraft("13800138000", "另一个问题"), {},
                             {{"Idempotency-Key", "kiosk-7-submit-0001"}});
    CHECK(conflict->status == 422);
    CHECK(BodyOf(conflict)["error"]["code"] == "idempotency_key_reused");

    CHECK(PostJson(client, "/api/v1/tickets", RepairDraft(), {}, {{"Idempotency-Key", std::string(256, 'k')}})
              ->status == 400);
    CHECK(PostJson(client, "/api/v1/tickets", RepairDraft(), {}, {{"Idempotency-Key", "has space"}})->status == 400);
    // Without a key every request is a new ticket.
    CHECK(CreateTicket(client, RepairDraft())["service_number"] != CreateTicket(client, RepairDraft())["service_number"]);
}

TEST_CASE("Idempotency-Key: a concurrent double tap creates exactly one ticket", "[tickets][idempotency]") {
    Running env;
    const std::string base = env.server->base_url();
    std::vector<std::future<std::string>> taps;
    for (int i = 0; i < 8; ++i) {
        taps.push_back(std::async(std::launch::async, [&env] {
            auto client = env.server->Client();
            auto result =
                PostJson(client, "/api/v1/tickets", RepairDraft(), {}, {{"Idempotency-Key", "double-tap-0001"}});
            if (!result || result->status != 201) return std::string("failed");
            return Json::parse(result->body)["service_number"].get<std::string>();
        }));
    }
    std::set<std::string> numbers;
    for (auto& tap : taps) numbers.insert(tap.get());
    CHECK(numbers.size() == 1);
    CHECK(numbers.count("failed") == 0);
}

TEST_CASE("lookup: number + last four digits gives a token — every miss is the same 404", "[lookup]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft("13912345678"));
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = Lookup(client, number, "5678");
    CHECK(token.size() == 43);
    CHECK(token != created["access_token"]);
    CHECK(GetJson(client, "/api/v1/tickets/" + number, token)->status == 200);

    auto wrong_digits = PostJson(client, "/api/v1/lookup", {{"service_number", number}, {"phone_last4", "0000"}});
    std::string other = number;
    other[5] = other[5] == 'A' ? 'B' : 'A';  // breaks the check character or names another ticket
    auto wrong_number = PostJson(client, "/api/v1/lookup", {{"service_number", other}, {"phone_last4", "5678"}});
    auto garbage = PostJson(client, "/api/v1/lookup", {{"service_number", "not-a-number"}, {"phone_last4", "5678"}});
    REQUIRE(wrong_digits->status == 404);
    CHECK(wrong_number->status == 404);
    CHECK(garbage->status == 404);
    CHECK(wrong_digits->body == wrong_number->body);
    CHECK(wrong_digits->body == garbage->body);

    CHECK(PostJson(client, "/api/v1/lookup", {{"service_number", number}, {"phone_last4", "56a8"}})->status == 422);
    CHECK(PostJson(client, "/api/v1/lookup", {{"service_number", number}})->status == 400);
}

TEST_CASE("lookup brute force: per-number failures and per-address attempts are limited with Retry-After",
          "[lookup][security]") {
    TempDir dir;
    ServerOptions options{dir.path(), {"--rate-lookup", "8", "--rate-lookup-failures", "3"}};
    options.generous_limits = false;
    options.args.insert(options.args.end(), {"--rate-create", "1000"});
    ServerProcess server(options);
    auto client = server.Client();
    const std::string number = CreateTicket(client, RepairDraft("13912345678"))["service_number"].get<std::string>();
    for (const char* digits : {"0001", "0002", "0003"})
        CHECK(PostJson(client, "/api/v1/lookup", {{"service_number", number}, {"phone_last4", digits}})->status == 404);
    // The number is now locked, even for the right digits: guessing cannot simply continue.
    auto locked = PostJson(client, "/api/v1/lookup", {{"service_number", number}, {"phone_last4", "5678"}});
    CHECK(locked->status == 429);
    CHECK(locked->has_header("Retry-After"));
    // Address budget (8 per minute): further attempts, even malformed ones, are refused.
    int limited = 0;
    for (int i = 0; i < 6; ++i) {
        auto result = PostJson(client, "/api/v1/lookup", {{"service_number", "junk"}, {"phone_last4", "1"}},
                               {}, {{"X-Forwarded-For", "198.51.100." + std::to_string(i)}});
        if (result->status == 429) ++limited;
    }
    CHECK(limited >= 1);  // X-Forwarded-For does not buy a fresh budget
}

TEST_CASE("messages and live updates: a long-poll wakes up when staff change the ticket", "[tickets][live]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();

    auto message = PostJson(client, "/api/v1/tickets/" + number + "/messages", {{"text", "补充：设备有异味"}}, token);
    REQUIRE(message->status == 201);
    const Json view = BodyOf(message);
    CHECK(view["timeline"].back()["type"] == "message");
    const int seen = view["timeline"].back()["sequence"].get<int>();
    CHECK(PostJson(client, "/api/v1/tickets/" + number + "/messages", {{"text", ""}}, token)->status == 422);

    // Nothing new: a short wait returns empty.
    auto idle = GetJson(client, "/api/v1/tickets/" + number + "/events?after=" + std::to_string(seen) + "&wait=0", token);
    CHECK(BodyOf(idle)["events"].empty());

    // A long-poll with a long wait; the staff change must end it with the new event (a timeout
    // would return no events and fail the check).
    auto poll = std::async(std::launch::async, [&] {
        auto own = env.server->Client();
        return GetJson(own, "/api/v1/tickets/" + number + "/events?after=" + std::to_string(seen) + "&wait=20", token);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto accepted = PostJson(client, "/api/v1/staff/tickets/" + number + "/transition",
                             {{"action", "accept"}, {"note", "已受理"}}, env.staff_token);
    REQUIRE(accepted->status == 200);
    auto woke = poll.get();
    REQUIRE(woke);
    const Json events = BodyOf(woke);
    REQUIRE(events["events"].size() == 1);
    CHECK(events["events"][0]["action"] == "accept");
    CHECK(events["state"] == "accepted");
    CHECK(events["last_sequence"] == seen + 1);
}

TEST_CASE("customer actions follow the core state machine: cancel, confirm, reopen, reply", "[tickets][actions]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::string base = "/api/v1/tickets/" + number;

    // Confirm before resolution is illegal (409 with a reason naming the state).
    auto early = PostJson(client, base + "/confirm", Json::object(), token);
    CHECK(early->status == 409);
    CHECK(BodyOf(early)["error"]["code"] == "illegal_transition");
    // Cancel before assignment works, with or without a body.
    auto cancelled = client.Post((base + "/cancel").c_str(), {{"Authorization", "Bearer " + token}}, "", "application/json");
    REQUIRE(cancelled->status == 200);
    CHECK(BodyOf(cancelled)["state"] == "cancelled");
    CHECK(PostJson(client, base + "/cancel", Json::object(), token)->status == 409);

    // A resolved demo ticket: reopen needs a reason, then confirm after the fix.
    const std::string resolved = DemoNumber(client, env.staff_token, "resolved");
    const std::string resolved_token = Lookup(client, resolved, "8000");
    const std::string rbase = "/api/v1/tickets/" + resolved;
    CHECK(BodyOf(PostJson(client, rbase + "/reopen", Json::object(), resolved_token))["error"]["code"] == "missing_field");
    auto reopened = PostJson(client, rbase + "/reopen", {{"note", "又发热了"}}, resolved_token);
    REQUIRE(reopened->status == 200);
    CHECK(BodyOf(reopened)["state"] != "resolved");
    CHECK(BodyOf(reopened)["timeline"].back()["action"] == "reopen");

    // A waiting ticket resumes when the customer replies.
    const std::string waiting = DemoNumber(client, env.staff_token, "waiting_customer");
    const std::string waiting_token = Lookup(client, waiting, "8000");
    auto replied = PostJson(client, "/api/v1/tickets/" + waiting + "/reply", {{"note", "照片已上传"}}, waiting_token);
    REQUIRE(replied->status == 200);
    CHECK(BodyOf(replied)["state"] == "in_progress");
}

TEST_CASE("rating: once per resolved ticket, validated, refused before resolution", "[tickets][rating]") {
    Running env;
    auto& client = env.http();
    const Json rating = {{"quality", 5}, {"speed", 4}, {"attitude", 5}, {"scope", 4}, {"guarantee", 5}, {"solved", true},
                         {"comment", "很好"}};
    const Json fresh = CreateTicket(client, RepairDraft());
    auto too_early = PostJson(client, "/api/v1/tickets/" + fresh["service_number"].get<std::string>() + "/rating",
                              rating, fresh["access_token"].get<std::string>());
    CHECK(too_early->status == 409);

    const std::string resolved = DemoNumber(client, env.staff_token, "resolved");
    const std::string token = Lookup(client, resolved, "8000");
    Json bad = rating;
    bad["speed"] = 6;
    CHECK(PostJson(client, "/api/v1/tickets/" + resolved + "/rating", bad, token)->status == 422);
    auto rated = PostJson(client, "/api/v1/tickets/" + resolved + "/rating", rating, token);
    REQUIRE(rated->status == 201);
    CHECK(BodyOf(rated)["rating"]["quality"] == 5);
    auto again = PostJson(client, "/api/v1/tickets/" + resolved + "/rating", rating, token);
    CHECK(again->status == 409);
    CHECK(BodyOf(again)["error"]["code"] == "already_rated");
}

TEST_CASE("attachments: recognised by content, size and count limits, served as downloads", "[attachments][security]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();

    auto png = Upload(client, number, token, kPng, "%E7%85%A7%E7%89%87.png");
    REQUIRE(png->status == 201);
    const Json info = BodyOf(png);
    CHECK(info["content_type"] == "image/png");
    CHECK(info["file_name"] == "照片.png");
    CHECK(info["size_bytes"] == kPng.size());

    // The client's Content-Type and the file name do not decide the type: the bytes do.
    auto pdf_named_png = Upload(client, number, token, "%PDF-1.7\n%%EOF\n", "scan.png", "image/png");
    REQUIRE(pdf_named_png->status == 201);
    CHECK(BodyOf(pdf_named_png)["content_type"] == "application/pdf");
    CHECK(Upload(client, number, token, "<html><script>alert(1)</script>", "x.png", "image/png")->status == 415);
    CHECK(Upload(client, number, token, "<svg xmlns='http://www.w3.org/2000/svg'/>", "x.svg", "image/svg+xml")
              ->status == 415);
    CHECK(Upload(client, number, token, std::string("\xFF\xD8\xFF\xE0", 4) + std::string(10 * 1024 * 1024, 'x'),
                 "big.jpg", "image/jpeg")
              ->status == 413);
    // Hostile names are data: directories and control characters are dropped.
    auto hostile = Upload(client, number, token, std::string("RIFF\0\0\0\0WEBPVP8 ", 16), "..%2F..%2Fetc%2Fpasswd%00%0A.webp");
    REQUIRE(hostile->status == 201);
    const std::string hostile_name = BodyOf(hostile)["file_name"].get<std::string>();
    CHECK(hostile_name.find('/') == std::string::npos);
    CHECK(hostile_name.find('\n') == std::string::npos);
    CHECK(hostile_name.find('\0') == std::string::npos);

    auto download = GetJson(client, info["url"].get<std::string>(), token);
    REQUIRE(download->status == 200);
    CHECK(download->body == kPng);
    CHECK(download->get_header_value("Content-Type") == "image/png");
    CHECK(download->get_header_value("Content-Disposition").rfind("attachment;", 0) == 0);
    CHECK(download->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(download->get_header_value("Content-Security-Policy").find("sandbox") != std::string::npos);
    CHECK(GetJson(client, "/api/v1/tickets/" + number + "/attachments/0123456789abcdef", token)->status == 404);

    // The ticket view lists them, and the timeline records each upload.
    const Json view = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
    CHECK(view["attachments"].size() == 3);
    int uploads = 0;
    for (const auto& event : view["timeline"]) uploads += event["type"] == "attachment";
    CHECK(uploads == 3);

    // Count limit from the policy (max_attachments): fill up, then one more is refused.
    int accepted = 3;
    int last_status = 0;
    for (int i = 0; i < 10; ++i) {
        last_status = Upload(client, number, token, kPng, "more.png")->status;
        if (last_status != 201) break;
        ++accepted;
    }
    CHECK(last_status == 422);
    CHECK(accepted <= 6);
}

TEST_CASE("warranty lookup by serial: in warranty, expired, key part restarted, unknown", "[warranty]") {
    Running env;
    auto& client = env.http();
    auto in = BodyOf(PostJson(client, "/api/v1/warranty", {{"serial", "kf200-2401-0123"}}));
    CHECK(in["serial"] == "KF200-2401-0123");
    CHECK(in["decision"]["in_warranty"] == true);
    CHECK(in["decision"]["rule"] == "in_warranty");

    auto out = BodyOf(PostJson(client, "/api/v1/warranty", {{"serial", "KF100-2006-0456"}, {"parts_cost_fen", 12000}}));
    CHECK(out["decision"]["in_warranty"] == false);
    CHECK(out["estimate"]["free"] == false);
    // The standard's default out of warranty (§13.4): parts at cost, no labour or service fee.
    CHECK(out["estimate"]["total_fen"].get<long long>() == 12000);
    CHECK(out["estimate"]["labour_fen"].get<long long>() == 0);
    // Money inputs are bounded (finding 7: INT64_MAX used to wrap the total negative).
    for (const long long bad : {std::numeric_limits<long long>::max(), 1'000'000'001LL, -1LL}) {
        auto refused = PostJson(client, "/api/v1/warranty", {{"serial", "KF100-2006-0456"}, {"parts_cost_fen", bad}});
        CHECK(refused->status == 422);
        CHECK(BodyOf(refused)["error"]["code"] == "out_of_range");
        CHECK(BodyOf(refused)["error"]["field"] == "parts_cost_fen");
    }
    auto largest = BodyOf(PostJson(client, "/api/v1/warranty", {{"serial", "KF100-2006-0456"}, {"parts_cost_fen", 1'000'000'000}}));
    CHECK(largest["estimate"]["total_fen"].get<long long>() == 1'000'000'000);

    auto part = BodyOf(PostJson(client, "/api/v1/warranty", {{"serial", "CS30-2203-0789"}, {"faulty_part", "mainboard"}}));
    CHECK(part["decision"]["rule"] == "key_part_restarted");
    auto other_part = BodyOf(PostJson(client, "/api/v1/warranty", {{"serial", "CS30-2203-0789"}, {"faulty_part", "motor"}}));
    CHECK(other_part["decision"]["in_warranty"] == false);

    auto unknown = PostJson(client, "/api/v1/warranty", {{"serial", "ZZ99-0000-0000"}});
    CHECK(unknown->status == 404);
    CHECK(BodyOf(unknown)["error"]["code"] == "serial_not_found");
    auto with_date = PostJson(client, "/api/v1/warranty", {{"serial", "ZZ99-0000-0000"}, {"purchase_date", "2000-01-01"}});
    REQUIRE(with_date->status == 200);
    CHECK(BodyOf(with_date)["decision"]["in_warranty"] == false);
    CHECK(PostJson(client, "/api/v1/warranty", {{"serial", "a"}})->status == 422);
}

TEST_CASE("returns: eligibility by order number and phone, and return tickets checked against the order",
          "[returns]") {
    Running env;
    auto& client = env.http();
    auto recent = PostJson(client, "/api/v1/returns/eligibility",
                           {{"order_number", "DD-20261001"}, {"phone_last4", "8000"}, {"reason", "no_reason"}, {"wanted", "refund"}});
    REQUIRE(recent->status == 200);
    CHECK(BodyOf(recent)["granted"] == true);
    CHECK(BodyOf(recent)["rule"] == "no_reason_window");

    auto old = BodyOf(PostJson(client, "/api/v1/returns/eligibility",
                               {{"order_number", "DD-20261002"}, {"phone_last4", "8000"}, {"reason", "no_reason"}, {"wanted", "refund"}}));
    CHECK(old["granted"] == false);
    CHECK(old["rule"] == "window_expired");
    CHECK(old["reason"]["zh"].get<std::string>().size() > 0);
    CHECK(old["reason"]["en"].get<std::string>().size() > 0);

    auto wrong_phone = PostJson(client, "/api/v1/returns/eligibility",
                                {{"order_number", "DD-20261001"}, {"phone_last4", "1111"}, {"reason", "no_reason"}, {"wanted", "refund"}});
    auto no_order = PostJson(client, "/api/v1/returns/eligibility",
                             {{"order_number", "DD-99999999"}, {"phone_last4", "8000"}, {"reason", "no_reason"}, {"wanted", "refund"}});
    CHECK(wrong_phone->status == 404);
    CHECK(wrong_phone->body == no_order->body);
    auto undelivered = PostJson(client, "/api/v1/returns/eligibility",
                                {{"order_number", "DD-20261003"}, {"phone_last4", "5678"}, {"reason", "no_reason"}, {"wanted", "refund"}});
    CHECK(undelivered->status == 422);

    // A return request is a ticket; the order supplies the delivery date.
    Json draft = RepairDraft("13800138000", "不想要了");
    draft["kind"] = "return";
    draft["return_reason"] = "no_reason";
    draft["product"] = {{"order_number", "DD-20261001"}};
    auto ticket = PostJson(client, "/api/v1/tickets", draft);
    REQUIRE(ticket->status == 201);
    CHECK(BodyOf(ticket)["returns_decision"]["granted"] == true);
    CHECK(BodyOf(ticket)["ticket"]["product"]["serial"] == "MT5-2611-1001");

    draft["product"] = {{"order_number", "DD-20261002"}};
    auto refused = PostJson(client, "/api/v1/tickets", draft);
    CHECK(refused->status == 422);
    CHECK(BodyOf(refused)["error"]["code"] == "returns_not_eligible");
    draft["product"] = {{"order_number", "DD-20261001"}};
    draft["customer"]["phone"] = "13700137000";
    CHECK(PostJson(client, "/api/v1/tickets", draft)->status == 404);
}

TEST_CASE("FAQ search in Chinese and English, and the public policy", "[faq][policy]") {
    Running env;
    auto& client = env.http();
    auto zh = BodyOf(client.Get("/api/v1/faq?q=%E9%80%80%E8%B4%A7"));  // 退货
    REQUIRE_FALSE(zh["items"].empty());
    CHECK(zh["items"][0]["tags"].dump().find("return") != std::string::npos);
    auto en = BodyOf(client.Get("/api/v1/faq?q=warranty&lang=en&limit=2"));
    CHECK(en["items"].size() == 2);
    for (const auto& item : en["items"]) CHECK(item["score"].get<double>() > 0);
    auto all = BodyOf(client.Get("/api/v1/faq?limit=50"));
    CHECK(all["items"].size() >= 10);
    CHECK(BodyOf(client.Get("/api/v1/faq?q=zzzzqqq"))["items"].empty());
    CHECK(client.Get("/api/v1/faq?limit=0")->status == 400);

    auto policy = client.Get("/api/v1/policy");
    REQUIRE(policy->status == 200);
    const Json p = Json::parse(policy->body);
    CHECK(p["sla"]["urgent"]["first_response_minutes"] == 10);
    CHECK(p["returns"]["no_reason_days"] == 15);
}

TEST_CASE("FAQ answers carry the live policy's numbers, and change when the policy does", "[faq][policy]") {
    Running env;
    auto& client = env.http();
    auto answer = [&](const std::string& id, const std::string& lang) {
        const Json all = BodyOf(client.Get("/api/v1/faq?limit=50"));
        for (const Json& item : all["items"])
            if (item["id"] == id) return item["answer"][lang].get<std::string>();
        return std::string("(no article " + id + ")");
    };
    // The shipped policy: reopen within 7 days, 10 MB files, no hotline, no DOA day limit.
    CHECK_THAT(answer("cancel-reopen", "zh"), Catch::Contains("解决后 7 天内重新打开"));
    CHECK_THAT(answer("cancel-reopen", "en"), Catch::Contains("within 7 days of the resolution"));
    CHECK_THAT(answer("attachments", "zh"), Catch::Contains("不超过 10 MB"));
    CHECK_THAT(answer("response-times", "zh"), Catch::Contains("严重故障 15 分钟内响应、1 小时内出发、4 小时内解决"));
    CHECK_THAT(answer("response-times", "zh"), !Catch::Contains("热线"));
    CHECK_THAT(answer("dead-on-arrival", "zh"), !Catch::Contains("天内"));
    for (const std::string lang : {"zh", "en"})
        for (const std::string id : {"cancel-reopen", "attachments", "response-times", "spare-parts", "warranty-period"})
            CHECK(answer(id, lang).find('{') == std::string::npos);

    Json policy = BodyOf(GetJson(client, "/api/v1/staff/policy", env.staff_token));
    policy["tickets"]["reopen_window_days"] = 14;
    policy["tickets"]["max_attachment_bytes"] = 5 * 1024 * 1024;
    policy["returns"]["dead_on_arrival_days"] = 30;
    policy["contact"]["hotline"] = "400-820-8820";
    const auto saved = client.Put("/api/v1/staff/policy", {{"Authorization", "Bearer " + env.staff_token}},
                                  policy.dump(), "application/json");
    REQUIRE(saved);
    REQUIRE(saved->status == 200);

    CHECK_THAT(answer("cancel-reopen", "zh"), Catch::Contains("解决后 14 天内重新打开"));
    CHECK_THAT(answer("cancel-reopen", "en"), Catch::Contains("within 14 days of the resolution"));
    CHECK_THAT(answer("attachments", "en"), Catch::Contains("5 MB each"));
    CHECK_THAT(answer("dead-on-arrival", "zh"), Catch::Contains("（签收后 30 天内）"));
    CHECK_THAT(answer("response-times", "zh"), Catch::Contains("服务热线 400-820-8820（7×24 小时）"));
    // "This solved it" answers with the same filled-in article.
    const auto solved = client.Post("/api/v1/faq/cancel-reopen/solved", "", "application/json");
    REQUIRE(solved);
    CHECK_THAT(Json::parse(solved->body)["answer"]["zh"].get<std::string>(), Catch::Contains("14 天内"));
}

TEST_CASE("the customer's view names staff by display name, on every path that returns it", "[tickets][staff_names]") {
    Running env;
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft("13912340042"));
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::string staff = "/api/v1/staff/tickets/" + number + "/transition";
    REQUIRE(PostJson(client, staff, {{"action", "accept"}}, env.staff_token)->status == 200);
    // engineer.li is a demo staff account ("李工"); nobody.here has no account.
    const Json assigned = BodyOf(PostJson(client, staff, {{"action", "assign"}, {"assignee", "engineer.li"}}, env.staff_token));
    CHECK(assigned["staff_names"]["engineer.li"] == "李工");

    const Json read = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
    CHECK(read["staff_names"]["engineer.li"] == "李工");
    const Json reassigned = BodyOf(PostJson(client, staff, {{"action", "assign"}, {"assignee", "nobody.here"}}, env.staff_token));
    CHECK_FALSE(reassigned["staff_names"].contains("nobody.here"));  // the client shows the login itself
    const Json messaged = BodyOf(PostJson(client, "/api/v1/tickets/" + number + "/messages", {{"text", "好的"}}, token));
    CHECK(messaged["staff_names"]["engineer.li"] == "李工");  // still named in the timeline
}

TEST_CASE("live updates: a poll beyond the waiting places is refused with 503 and Retry-After (not an empty 200)",
          "[tickets][live]") {
    // One long-poll place.
    Running env(ServerOptions({}, {"--live-waiters", "1"}));
    auto& client = env.http();
    const Json created = CreateTicket(client, RepairDraft());
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    const std::string nothing_new = "/api/v1/tickets/" + number + "/events?after=99&wait=20";
    const auto waiters = [&] {
        auto metrics = GetMetrics(client);
        REQUIRE(metrics);
        return metrics->body.find("\naftercare_live_waiters 1\n") != std::string::npos;
    };

    // The first poll takes the place; a staff change ends it.
    auto held = std::async(std::launch::async, [&] {
        auto own = env.server->Client();
        own.set_read_timeout(40, 0);
        return GetJson(own, nothing_new, token);
    });
    while (!waiters()) {
        if (held.wait_for(std::chrono::milliseconds(20)) == std::future_status::ready) {
            auto early = held.get();
            FAIL("the first poll ended before a change: " << (early ? std::to_string(early->status) + " " + early->body
                                                                    : std::string("no answer")));
        }
    }

    auto refused = GetJson(client, nothing_new, token);
    REQUIRE(refused);
    CHECK(refused->status == 503);
    CHECK(refused->get_header_value("Retry-After") == "5");
    CHECK(BodyOf(refused)["error"]["code"] == "live_busy");
    // The staff console's feed shares the places.
    const auto version = BodyOf(GetJson(client, "/api/v1/staff/changes?since=0&wait=0", env.staff_token))["version"];
    auto feed = GetJson(client, "/api/v1/staff/changes?since=" + version.dump() + "&wait=20", env.staff_token);
    REQUIRE(feed);
    CHECK(feed->status == 503);
    CHECK(GetMetrics(client)->body.find("\naftercare_live_refused_total 2\n") != std::string::npos);

    auto accepted = PostJson(client, "/api/v1/staff/tickets/" + number + "/transition",
                             {{"action", "accept"}, {"note", "已受理"}}, env.staff_token);
    REQUIRE(accepted->status == 200);
    auto woke = held.get();
    REQUIRE(woke);
    CHECK(woke->status == 200);
    CHECK(BodyOf(woke)["state"] == "accepted");
}
