// Structured complaints and suggestions (#19), on SQLite and PostgreSQL: a complaint names its
// category and may link a ticket of the same phone — someone else's ticket and a number that does
// not exist get one answer; it is answered only with root cause and corrective action, which the
// customer reads; statistics count complaints by category and the period export carries them; a
// suggestion has no deadline and is closed with what became of it.
#include <catch2/catch.hpp>

#include <set>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

const std::string kStaff = "/api/v1/staff/tickets/";

Json ComplaintDraft(const std::string& phone, const std::string& category, const std::string& related = {}) {
    Json draft = RepairDraft(phone, "投诉：上门迟到");
    draft["kind"] = "complaint";
    draft["complaint"] = {{"category", category}, {"related_ticket", related}};
    return draft;
}

// A well-formed number of the same kind that no one was given: one body symbol changed and the
// check symbol solved again (the documented rule: symbol values weighted 1..12 sum to 0 mod 31).
std::string NeverIssued(const std::string& display) {
    const std::string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    std::string compact;
    for (char c : display)
        if (c != '-') compact.push_back(c);
    compact[2] = compact[2] == '2' ? '3' : '2';
    int sum = 0;
    for (std::size_t i = 0; i + 1 < compact.size(); ++i)
        sum += static_cast<int>(i + 1) * static_cast<int>(alphabet.find(compact[i]));
    for (std::size_t value = 0; value < alphabet.size(); ++value)
        if ((sum + 12 * static_cast<int>(value)) % 31 == 0) compact.back() = alphabet[value];
    return compact.substr(0, 4) + "-" + compact.substr(4, 4) + "-" + compact.substr(8, 4);
}

httplib::Result Act(httplib::Client& client, const std::string& token, const std::string& number, const Json& body) {
    return PostJson(client, kStaff + number + "/transition", body, token);
}

}  // namespace

TEST_CASE("complaints: the related ticket must be the same phone's, and a wrong one reveals nothing",
          "[complaints]") {
    Running env;
    auto& client = env.http();
    const Json repair = CreateTicket(client, RepairDraft("13800138011", "设备无法开机"));
    const std::string repair_number = repair["service_number"].get<std::string>();
    const Json other = CreateTicket(client, RepairDraft("13900139022", "屏幕不亮"));
    const std::string other_number = other["service_number"].get<std::string>();

    // The customer's own ticket, typed as copied from an SMS (lower case, spaces): linked, normalised.
    std::string typed = repair_number;
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    typed.replace(typed.find('-'), 1, " ");
    const Json created = CreateTicket(client, ComplaintDraft("13800138011", "late", typed));
    const Json& view = created["ticket"];
    CHECK(view["kind"] == "complaint");
    CHECK(view["complaint"]["category"] == "late");
    CHECK(view["complaint"]["related_ticket"] == repair_number);

    // Someone else's ticket, and a well-formed number nobody has: the same refusal, word for word.
    auto refused = [&](const std::string& related) {
        const auto answer = PostJson(client, "/api/v1/tickets", ComplaintDraft("13800138011", "attitude", related));
        REQUIRE(answer);
        CHECK(answer->status == 422);
        const Json error = BodyOf(answer)["error"];
        CHECK(error["field"] == "complaint.related_ticket");
        CHECK(error["code"] == "unknown_ticket");
        return error["message"];
    };
    std::string mistyped_number = other_number;
    mistyped_number[1] = mistyped_number[1] == '2' ? '3' : '2';  // its check character no longer fits
    CHECK(refused(other_number) == refused(NeverIssued(other_number)));

    // A mistyped number is a format error under the same field, found before any lookup.
    const auto mistyped = PostJson(client, "/api/v1/tickets", ComplaintDraft("13800138011", "late", mistyped_number));
    CHECK(mistyped->status == 422);
    CHECK(BodyOf(mistyped)["error"]["field"] == "complaint.related_ticket");

    // An unknown category is a malformed request, not a silent "other".
    const auto bad_category = PostJson(client, "/api/v1/tickets", ComplaintDraft("13800138011", "weather"));
    CHECK(bad_category->status == 400);
}

TEST_CASE("complaints: answered with root cause and corrective action, counted by category, exported",
          "[complaints]") {
    Running env;
    auto& client = env.http();
    const std::string staff = env.staff_token;
    const Json created = CreateTicket(client, ComplaintDraft("13800138033", "charges"));
    const std::string number = created["service_number"].get<std::string>();
    const std::string token = created["access_token"].get<std::string>();
    REQUIRE(Act(client, staff, number, {{"action", "accept"}})->status == 200);

    // Without findings: both missing fields at once, and the ticket stays open.
    const auto bare = Act(client, staff, number, {{"action", "resolve"}, {"note", "已退款"}});
    REQUIRE(bare->status == 422);
    const Json error = BodyOf(bare)["error"];
    std::set<std::string> fields;
    for (const auto& detail : error["details"]) fields.insert(detail["field"].get<std::string>());
    CHECK(fields == std::set<std::string>{"findings.root_cause", "findings.corrective_action"});
    CHECK(BodyOf(GetJson(client, kStaff + number, staff))["state"] == "accepted");

    const Json findings{{"root_cause", "保修期内误收上门费：系统未识别购买日期"},
                        {"corrective_action", "退还上门费；收费前由系统按购买日期核对保修"}};
    const auto answered = Act(client, staff, number, {{"action", "resolve"}, {"note", "已退还上门费"}, {"findings", findings}});
    REQUIRE(answered->status == 200);
    CHECK(BodyOf(answered)["findings"] == findings);

    // The customer reads them with the answer, through their own token.
    const Json mine = BodyOf(GetJson(client, "/api/v1/tickets/" + number, token));
    CHECK(mine["state"] == "resolved");
    CHECK(mine["findings"] == findings);

    // Statistics: every category listed; this one counted as answered.
    const Json stats = BodyOf(GetJson(client, "/api/v1/staff/stats", staff));
    const Json& by_category = stats["complaints_by_category"];
    for (const char* category : {"attitude", "late", "quality", "product", "charges", "other"})
        CHECK(by_category.contains(category));
    CHECK(by_category["charges"]["total"].get<int>() >= 1);
    CHECK(by_category["charges"]["answered"].get<int>() >= 1);
    bool listed = false;
    for (const auto& item : stats["complaints"]) {
        if (item["service_number"] != number) continue;
        listed = true;
        CHECK(item["category"] == "charges");
        CHECK(item["findings"] == findings);
    }
    CHECK(listed);

    // The management review's export carries category, root cause and corrective action.
    const auto csv = GetJson(client, "/api/v1/staff/export/complaints", staff, {{"Accept-Language", "zh-CN"}});
    REQUIRE(csv->status == 200);
    CHECK(csv->body.find("投诉类型") != std::string::npos);
    CHECK(csv->body.find(number + ",收费问题,") != std::string::npos);
    CHECK(csv->body.find("保修期内误收上门费") != std::string::npos);
    CHECK(csv->body.find("收费前由系统按购买日期核对保修") != std::string::npos);
}

TEST_CASE("suggestions: their own kind and number, no deadline, closed with what became of them",
          "[complaints]") {
    Running env;
    auto& client = env.http();
    Json draft = RepairDraft("13800138044", "客户建议");
    draft["kind"] = "suggestion";
    draft["description"] = "希望周末也能预约上门服务。";
    const Json created = CreateTicket(client, draft);
    const std::string number = created["service_number"].get<std::string>();
    CHECK(number.front() == 'S');
    for (const auto& deadline : created["ticket"]["sla"]["deadlines"]) CHECK(deadline["status"] == "not_applicable");
    CHECK_FALSE(created["ticket"].contains("complaint"));

    REQUIRE(Act(client, env.staff_token, number, {{"action", "accept"}})->status == 200);
    const auto silent = Act(client, env.staff_token, number, {{"action", "resolve"}});
    CHECK(silent->status == 400);
    CHECK(BodyOf(silent)["error"]["field"] == "note");
    CHECK(Act(client, env.staff_token, number, {{"action", "resolve"}, {"note", "已采纳：下月起周末可预约"}})->status ==
          200);
    const Json stats = BodyOf(GetJson(client, "/api/v1/staff/stats", env.staff_token));
    CHECK(stats["by_kind"]["suggestion"] == 1);
}
