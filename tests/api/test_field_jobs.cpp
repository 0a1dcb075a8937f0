// The engineer's phone view against the real server (both stores): "my jobs" in visit order with
// keyset paging, the visit steps moving a job along, and the customer's sign-off — a signature PNG
// checked, stored, hashed on the timeline, audited and idempotent — or "confirms later".
#include <catch2/catch.hpp>

#include <set>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

// A 1 × 1 PNG (RGBA), and its SHA-256.
const std::string kPng = [] {
    const char* hex =
        "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000A49444154789C630001"
        "00000500010D0A2DB40000000049454E44AE426082";
    std::string bytes;
    for (const char* at = hex; at[0] && at[1]; at += 2) bytes.push_back(static_cast<char>(std::stoi(std::string(at, 2), nullptr, 16)));
    return bytes;
}();
constexpr const char* kPngSha256 = "ebf4f635a17d10d6eb46ba680b70142419aa3220f228001a036d311a22ee9d2a";

struct Field {
    Running env;
    std::string admin = env.staff_token;
    std::string engineer;

    Field() {
        auto& client = env.http();
        const Json member{{"username", "engineer.zhao"}, {"display_name", "赵工"}, {"roles", {"engineer"}},
                          {"password", "password-for-zhao"}};
        REQUIRE(PostJson(client, "/api/v1/staff/members", member, admin)->status == 201);
        engineer = StaffLogin(client, "engineer.zhao", "password-for-zhao");
    }

    // An on-site repair (booked for `day` days ahead in `slot`, or unbooked), accepted and
    // assigned to `assignee`; returns its service number.
    std::string Job(const std::string& subject, std::optional<std::pair<int, std::string>> visit,
                    const std::string& assignee = "engineer.zhao", const std::string& mode = "on_site") {
        Json draft = RepairDraft("13911112222", subject);
        draft["address"] = "杭州市西湖区文三路 90 号东部软件园 3 号楼";
        if (mode != "on_site" || visit) {
            Json repair{{"mode", mode}, {"fault_category", "no_power"}};
            if (visit) repair["visit"] = {{"date", DayInBeijing(visit->first)}, {"slot", visit->second}};
            draft["repair"] = repair;
        }
        auto& client = env.http();
        const std::string number = CreateTicket(client, draft)["service_number"].get<std::string>();
        const std::string base = "/api/v1/staff/tickets/" + number;
        REQUIRE(PostJson(client, base + "/transition", {{"action", "accept"}}, admin)->status == 200);
        REQUIRE(PostJson(client, base + "/assign", {{"assignee", assignee}}, admin)->status == 200);
        return number;
    }

    Json Jobs(const std::string& query = {}) {
        auto result = GetJson(env.http(), "/api/v1/staff/jobs" + query, engineer);
        REQUIRE(result);
        INFO(result->body);
        REQUIRE(result->status == 200);
        return Json::parse(result->body);
    }

    int Step(const std::string& number, const Json& work) {
        return PostJson(env.http(), "/api/v1/staff/tickets/" + number + "/work", work, engineer)->status;
    }

    httplib::Result Sign(const std::string& number, const std::string& bytes, const std::string& token = {}) {
        return env.http().Post(("/api/v1/staff/tickets/" + number + "/signature").c_str(),
                               httplib::Headers{{"Authorization", "Bearer " + (token.empty() ? engineer : token)}},
                               bytes, "image/png");
    }
};

std::vector<std::string> Numbers(const Json& page) {
    std::vector<std::string> numbers;
    for (const Json& item : page["items"]) numbers.push_back(item["service_number"].get<std::string>());
    return numbers;
}

// Finishes a job: departure, arrival, resolve (the phone's three taps).
void Finish(Field& field, const std::string& number) {
    REQUIRE(field.Step(number, {{"kind", "departure"}}) == 201);
    REQUIRE(field.Step(number, {{"kind", "arrival"}}) == 201);
    REQUIRE(field.Step(number, ServiceReportWork()) == 201);
    REQUIRE(PostJson(field.env.http(), "/api/v1/staff/tickets/" + number + "/transition", {{"action", "resolve"}},
                     field.engineer)
                ->status == 200);
}

} // namespace

TEST_CASE("my jobs: the engineer's open on-site jobs, booked visits by window then unbooked, keyset paged",
          "[api][jobs]") {
    Field field;
    const std::string later = field.Job("后天上午", std::make_pair(2, std::string("morning")));
    const std::string sooner = field.Job("明天下午", std::make_pair(1, std::string("afternoon")));
    const std::string unbooked = field.Job("没有预约", std::nullopt);
    field.Job("寄修的不算", std::nullopt, "engineer.zhao", "mail_in");
    const std::string colleague = field.Job("别人的", std::make_pair(1, std::string("morning")), "admin");

    const Json all = field.Jobs();
    CHECK(Numbers(all) == std::vector<std::string>{sooner, later, unbooked});
    CHECK(all["next_cursor"] == "");
    const Json& first = all["items"][0];
    CHECK(first["stage"] == "not_departed");
    CHECK(first["visit"]["slot"] == "afternoon");
    CHECK(first["visit_start"].get<std::int64_t>() < first["visit_end"].get<std::int64_t>());
    CHECK(first["model"] == "康复理疗仪 KF-200");
    CHECK(first["fault_category"] == "no_power");
    // The booked window is the arrival promise.
    CHECK(first["arrival_due_at"] == first["visit_end"]);
    // The address is masked: the full one is a reveal away (audited).
    CHECK(first["address_masked"].get<std::string>().find("东部软件园") == std::string::npos);
    CHECK_FALSE(all["items"][2].contains("visit"));

    // Pages of two: the same jobs, each once, in the same order.
    const Json page1 = field.Jobs("?limit=2");
    CHECK(Numbers(page1) == std::vector<std::string>{sooner, later});
    REQUIRE(page1["next_cursor"] != "");
    const Json page2 = field.Jobs("?limit=2&cursor=" + page1["next_cursor"].get<std::string>());
    CHECK(Numbers(page2) == std::vector<std::string>{unbooked});
    CHECK(page2["next_cursor"] == "");
    CHECK(GetJson(field.env.http(), "/api/v1/staff/jobs?cursor=x", field.engineer)->status == 400);
    CHECK(GetJson(field.env.http(), "/api/v1/staff/jobs?limit=0", field.engineer)->status == 400);
    CHECK(GetJson(field.env.http(), "/api/v1/staff/jobs")->status == 401);

    // The steps move the job along; a finished one stays until the customer has signed off.
    REQUIRE(field.Step(sooner, {{"kind", "departure"}}) == 201);
    CHECK(field.Jobs()["items"][0]["stage"] == "on_the_way");
    REQUIRE(field.Step(sooner, {{"kind", "arrival"}}) == 201);
    CHECK(field.Jobs()["items"][0]["stage"] == "on_site");
    REQUIRE(field.Step(sooner, ServiceReportWork()) == 201);
    REQUIRE(PostJson(field.env.http(), "/api/v1/staff/tickets/" + sooner + "/transition", {{"action", "resolve"}},
                     field.engineer)
                ->status == 200);
    CHECK(field.Jobs()["items"][0]["stage"] == "finished");
    REQUIRE(field.Step(sooner, {{"kind", "sign_off_later"}}) == 201);
    CHECK(Numbers(field.Jobs()) == std::vector<std::string>{later, unbooked});

    // Someone else's jobs are theirs: the admin's list has the colleague's ticket, not these.
    const Json admins = BodyOf(GetJson(field.env.http(), "/api/v1/staff/jobs", field.admin));
    CHECK(Numbers(admins) == std::vector<std::string>{colleague});
}

TEST_CASE("sign-off: the customer's signature PNG is checked, kept with its hash, confirms the ticket, once",
          "[api][jobs][sign_off]") {
    Field field;
    const std::string number = field.Job("签字确认", std::make_pair(1, std::string("morning")));
    const std::string base = "/api/v1/staff/tickets/" + number;

    // Not before the job is finished.
    REQUIRE(field.Step(number, {{"kind", "departure"}}) == 201);
    REQUIRE(field.Step(number, {{"kind", "arrival"}}) == 201);
    const auto early = field.Sign(number, kPng);
    CHECK(early->status == 409);
    CHECK(Json::parse(early->body)["error"]["code"] == "illegal_transition");
    REQUIRE(field.Step(number, ServiceReportWork()) == 201);
    REQUIRE(PostJson(field.env.http(), base + "/transition", {{"action", "resolve"}}, field.engineer)->status == 200);

    // Bad input, each with its own clear refusal.
    const auto empty = field.Sign(number, "");
    CHECK(empty->status == 422);
    CHECK(Json::parse(empty->body)["error"]["field"] == "signature");
    CHECK(field.Sign(number, "GIF89a not a png")->status == 415);
    CHECK(field.Sign(number, kPng.substr(0, 40))->status == 415);         // cut short: no IEND
    CHECK(field.Sign(number, std::string(kPng) + "trailing")->status == 415);  // bytes after IEND
    CHECK(field.Sign(number, kPng + std::string(300 * 1024, '\0'))->status == 413);
    // The signature is through /signature only: a work record cannot claim one.
    CHECK(field.Step(number, {{"kind", "sign_off"}}) == 422);
    // Only whoever may work the ticket.
    const Json other{{"username", "engineer.qian"}, {"display_name", "钱工"}, {"roles", {"engineer"}},
                     {"password", "password-for-qian"}};
    REQUIRE(PostJson(field.env.http(), "/api/v1/staff/members", other, field.admin)->status == 201);
    const std::string qian = StaffLogin(field.env.http(), "engineer.qian", "password-for-qian");
    CHECK(field.Sign(number, kPng, qian)->status == 403);

    const auto signed_ = field.Sign(number, kPng);
    REQUIRE(signed_);
    INFO(signed_->body);
    REQUIRE(signed_->status == 201);
    const Json view = Json::parse(signed_->body);
    CHECK(view["state"] == "confirmed");
    CHECK(view["visit_stage"] == "finished");
    CHECK(view["sign_off"]["work"]["kind"] == "sign_off");
    CHECK(view["sign_off"]["work"]["signature_sha256"] == kPngSha256);
    const std::string attachment = view["sign_off"]["work"]["attachment_id"].get<std::string>();
    bool listed = false;
    for (const Json& a : view["attachments"]) listed = listed || (a["id"] == attachment && a["content_type"] == "image/png");
    CHECK(listed);
    const auto download = GetJson(field.env.http(), base + "/attachments/" + attachment, field.engineer);
    REQUIRE(download);
    CHECK(download->status == 200);
    CHECK(download->body == kPng);

    // A retry of the same PNG (a lost answer) changes nothing; another one is refused.
    const auto again = field.Sign(number, kPng);
    CHECK(again->status == 201);
    CHECK(again->get_header_value("Idempotent-Replayed") == "true");
    CHECK(Json::parse(again->body)["timeline_total"] == view["timeline_total"]);
    std::string other_png = kPng;
    other_png[45] = static_cast<char>(other_png[45] ^ 0x01);  // another image, the same shape
    const auto second = field.Sign(number, other_png);
    CHECK(second->status == 409);
    CHECK(field.Step(number, {{"kind", "sign_off_later"}}) == 409);

    // Audited with the hash.
    const Json audit = BodyOf(GetJson(field.env.http(), "/api/v1/staff/audit?ticket=" + number, field.admin));
    bool audited = false;
    for (const Json& entry : audit["entries"])
        audited = audited || (entry["action"] == "sign_off" && entry["detail"] == std::string("sha256:") + kPngSha256 &&
                              entry["staff"] == "engineer.zhao");
    CHECK(audited);
    // The job has left the engineer's list.
    CHECK(Numbers(field.Jobs()).empty());
}

TEST_CASE("sign-off: the customer reads which happened — signed on the phone, or asked to confirm online",
          "[api][jobs][sign_off]") {
    Field field;
    auto& client = field.env.http();
    Json draft = RepairDraft("13922223333", "客户确认");
    draft["address"] = "上海市徐汇区漕溪北路 88 号";
    const Json created = CreateTicket(client, draft);
    const std::string number = created["service_number"].get<std::string>();
    const std::string customer = created["access_token"].get<std::string>();
    const std::string base = "/api/v1/staff/tickets/" + number;
    REQUIRE(PostJson(client, base + "/transition", {{"action", "accept"}}, field.admin)->status == 200);
    REQUIRE(PostJson(client, base + "/assign", {{"assignee", "engineer.zhao"}}, field.admin)->status == 200);
    Finish(field, number);

    const Json before = BodyOf(GetJson(client, "/api/v1/tickets/" + number, customer));
    CHECK(before["visit_stage"] == "finished");
    CHECK_FALSE(before.contains("sign_off"));
    REQUIRE(field.Step(number, {{"kind", "sign_off_later"}}) == 201);
    const Json later = BodyOf(GetJson(client, "/api/v1/tickets/" + number, customer));
    CHECK(later["state"] == "resolved");
    CHECK(later["sign_off"]["work"]["kind"] == "sign_off_later");
    // The customer confirms on the portal, as before.
    CHECK(PostJson(client, "/api/v1/tickets/" + number + "/confirm", Json::object(), customer)->status == 200);
}
