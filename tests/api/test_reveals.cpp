// Revealing a customer's phone or address (issue #14, finding 10): it needs a reason from a short
// list (or "other" with a note), the reason is in the audit entry, and each staff account may reveal
// only so many an hour (--rate-reveal), with a charge given back when nothing was revealed.
#include <catch2/catch.hpp>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

httplib::Result Reveal(httplib::Client& client, const std::string& number, const Json& body,
                       const std::string& token) {
    return PostJson(client, "/api/v1/staff/tickets/" + number + "/reveal", body, token);
}

Json AuditOf(httplib::Client& client, const std::string& number, const std::string& token) {
    return BodyOf(GetJson(client, "/api/v1/staff/audit?ticket=" + number, token))["entries"];
}

void CheckRefusal(const httplib::Result& result, int status, const std::string& code, const std::string& field) {
    REQUIRE(result);
    INFO(result->body);
    CHECK(result->status == status);
    const Json error = BodyOf(result)["error"];
    CHECK(error["code"] == code);
    CHECK(error["field"] == field);
    CHECK_FALSE(error["message_zh"].get<std::string>().empty());
    CHECK_FALSE(error["message_en"].get<std::string>().empty());
}

}  // namespace

TEST_CASE("reveals: a reason from the list is required and recorded", "[security][staff]") {
    Running env;
    auto& client = env.http();
    const std::string number = CreateTicket(client, RepairDraft("13911112222"))["service_number"].get<std::string>();
    const std::string admin = env.staff_token;

    CheckRefusal(Reveal(client, number, {{"field", "phone"}}, admin), 422, "required", "reason");
    CheckRefusal(Reveal(client, number, {{"field", "phone"}, {"reason", "curiosity"}}, admin), 422, "invalid_value",
                 "reason");
    CheckRefusal(Reveal(client, number, {{"field", "phone"}, {"reason", "other"}}, admin), 422, "required", "note");
    CheckRefusal(Reveal(client, number, {{"field", "phone"}, {"reason", "other"}, {"note", "  "}}, admin), 422,
                 "required", "note");
    CheckRefusal(Reveal(client, number,
                        {{"field", "phone"}, {"reason", "other"}, {"note", std::string(101 * 3, 'x')}}, admin),
                 422, "too_long", "note");
    // Nothing was revealed, so nothing is on record.
    CHECK(AuditOf(client, number, admin).empty());

    for (const char* reason : {"contact_customer", "on_site_visit", "verify_identity"}) {
        auto revealed = Reveal(client, number, {{"field", "phone"}, {"reason", reason}}, admin);
        REQUIRE(revealed->status == 200);
        CHECK(BodyOf(revealed)["value"] == "+8613911112222");
    }
    REQUIRE(Reveal(client, number, {{"field", "phone"}, {"reason", "other"}, {"note", "客户来电要求回拨"}}, admin)
                ->status == 200);
    const Json entries = AuditOf(client, number, admin);
    REQUIRE(entries.size() == 4);
    CHECK(entries[0]["detail"] == "other: 客户来电要求回拨");  // newest first
    CHECK(entries[1]["detail"] == "verify_identity");
    CHECK(entries[2]["detail"] == "on_site_visit");
    CHECK(entries[3]["detail"] == "contact_customer");
    for (const auto& entry : entries) CHECK(entry["action"] == "reveal_phone");
}

TEST_CASE("reveals: each staff account has its own hourly budget", "[security][staff]") {
    Running env(ServerOptions{{}, {"--rate-reveal", "3"}});
    auto& client = env.http();
    const std::string admin = env.staff_token;
    const std::string agent = NewStaffLogin(client, admin, "agent.he", "何", "agent");
    const std::string open = CreateTicket(client, RepairDraft("13911112222"))["service_number"].get<std::string>();
    // A ticket assigned to someone else: the agent may not see its customer.
    const std::string others = CreateTicket(client, RepairDraft("13922223333"))["service_number"].get<std::string>();
    REQUIRE(PostJson(client, "/api/v1/staff/tickets/" + others + "/transition", {{"action", "accept"}}, admin)->status ==
            200);
    REQUIRE(PostJson(client, "/api/v1/staff/tickets/" + others + "/assign", {{"assignee", "engineer.li"}}, admin)
                ->status == 200);
    const Json why = {{"field", "phone"}, {"reason", "contact_customer"}};

    // A refused reveal shows nothing, so it does not spend the budget.
    CHECK(Reveal(client, others, why, agent)->status == 403);
    for (int i = 0; i < 3; ++i) CHECK(Reveal(client, open, why, agent)->status == 200);
    auto refused = Reveal(client, open, why, agent);
    CheckRefusal(refused, 429, "rate_limited", "");
    CHECK(std::stoi(refused->get_header_value("Retry-After")) > 0);
    CHECK(AuditOf(client, open, admin).size() == 3);  // the refused one revealed nothing

    // Another account is not affected.
    CHECK(Reveal(client, open, why, admin)->status == 200);
}
