// Vendor data in: the file import (command line), the integration API with API keys, and a part
// fitted during a repair restarting its key-part warranty. Real binary, real SQLite, real HTTP.
#include <catch2/catch.hpp>
#include <iconv.h>

#include <chrono>
#include <fstream>

#include "server_process.hpp"

using namespace aftercare::test;

namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t Now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// "2026年3月1日" for `days` ago in China (UTC+8), the way a Chinese spreadsheet writes it.
std::string ChineseDate(int days_ago) {
    const std::time_t t = static_cast<std::time_t>(Now() + 8 * 3600 - days_ago * kDay);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return std::to_string(tm.tm_year + 1900) + "年" + std::to_string(tm.tm_mon + 1) + "月" +
           std::to_string(tm.tm_mday) + "日";
}

std::string SlashDateTime(int days_ago) {
    const std::time_t t = static_cast<std::time_t>(Now() + 8 * 3600 - days_ago * kDay);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::snprintf(text, sizeof text, "%d/%d/%d 10:30", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    return text;
}

// What Excel on a Chinese Windows writes: GB 18030 bytes (converted with glibc iconv).
std::string ToGb18030(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* to = out.data();
    std::size_t out_left = out.size();
    REQUIRE(iconv(cd, &in, &in_left, &to, &out_left) != static_cast<std::size_t>(-1));
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

std::string WriteFile(const std::string& dir, const std::string& name, const std::string& bytes) {
    const std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::pair<int, std::string> Import(const std::string& data_dir, const std::string& kind,
                                   const std::string& file, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"import", "--data-dir", data_dir, "--kind", kind, file};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunServerCommand(args);
}

httplib::Result PostNdjson(httplib::Client& client, const std::string& path, const std::string& lines,
                           const std::string& key) {
    return client.Post(path.c_str(), {{"Authorization", "Bearer " + key}}, lines, "application/x-ndjson");
}

std::string OrdersCsv(bool with_mistakes) {
    std::string csv = "订单号,手机号,型号,序列号,购买日期,签收时间,备注\r\n";
    csv += "DD-IMP-0001,138 0013 8001,康复理疗仪 KF-200,KF200-IMP-0001," + ChineseDate(10) + "," +
           SlashDateTime(5) + ",首单\r\n";
    csv += std::string("DD-IMP-0002,") + (with_mistakes ? "12345" : "13800138002") + ",磁疗仪 MT-5,," +
           ChineseDate(9) + ",,\r\n";
    csv += "DD-IMP-0003,+86 139-0013-9003,超声理疗仪 CS-30,CS30-IMP-0003,2025/3/1,2025-03-05 09:00,\r\n";
    csv += std::string("DD-IMP-0004,13800138004,磁疗仪 MT-5,,") +
           (with_mistakes ? "2026-02-30" : "2026-02-28") + ",,\r\n";
    csv +=
        std::string("DD-IMP-0005,13800138005,") + (with_mistakes ? "" : "磁疗仪 MT-5") + ",,2025-12-01,,\r\n";
    csv += "\"DD-IMP-0006\",13800138006,\"康复理疗仪, KF-100\",,2025-12-02,,\"带逗号, 和\"\"引号\"\"\"\r\n";
    return csv;
}

} // namespace

TEST_CASE("import: a GB 18030 CSV with Chinese headers — three bad rows are reported and nothing is written — "
          "the corrected file writes, a re-run changes nothing, and the order takes a return",
          "[import][returns]") {
    TempDir dir;
    const std::string bad = WriteFile(dir.path(), "orders-bad.csv", ToGb18030(OrdersCsv(true)));
    auto [refused, report] = Import(dir.path(), "orders", bad);
    INFO(report);
    CHECK(refused == 1);
    CHECK(report.find("(csv, gb18030)") != std::string::npos);
    CHECK(report.find("6 rows") != std::string::npos);
    CHECK(report.find("3 refused") != std::string::npos);
    CHECK(report.find("line 3, column 手机号, value \"12345\"") != std::string::npos);
    CHECK(report.find("line 5, column 购买日期, value \"2026-02-30\": 日期无法识别") != std::string::npos);
    CHECK(report.find("Unreadable date") != std::string::npos);
    CHECK(report.find("line 6, column 型号, value \"\": 缺少型号 / Missing model") != std::string::npos);
    CHECK(report.find("ignored column: 备注") != std::string::npos);
    CHECK(report.find("nothing written") != std::string::npos);

    const std::string good = WriteFile(dir.path(), "orders.csv", ToGb18030(OrdersCsv(false)));
    auto [checked, dry] = Import(dir.path(), "orders", good, {"--dry-run"});
    CHECK(checked == 0);
    CHECK(dry.find("6 changed") != std::string::npos);
    CHECK(dry.find("nothing written (dry run)") != std::string::npos);

    auto [written, first] = Import(dir.path(), "orders", good, {"--encoding", "gb18030"});
    INFO(first);
    CHECK(written == 0);
    CHECK(first.find("6 changed, 0 unchanged, 0 refused") != std::string::npos);
    auto [again, second] = Import(dir.path(), "orders", good);
    CHECK(again == 0);
    CHECK(second.find("0 changed, 6 unchanged, 0 refused") != std::string::npos);

    // The imported order is real to the customer API: a no-reason return inside 15 days is granted.
    ServerProcess server(ServerOptions{dir.path(), {"--seed-demo", "false"}});
    auto client = server.Client();
    auto eligibility = PostJson(client, "/api/v1/returns/eligibility",
                                {{"order_number", "DD-IMP-0001"},
                                 {"phone_last4", "8001"},
                                 {"reason", "no_reason"},
                                 {"wanted", "refund"}});
    REQUIRE(eligibility->status == 200);
    CHECK(BodyOf(eligibility)["granted"] == true);
    Json draft = RepairDraft("13800138001", "不想要了");
    draft["kind"] = "return";
    draft["return_reason"] = "no_reason";
    draft["product"] = {{"order_number", "DD-IMP-0001"}};
    auto ticket = PostJson(client, "/api/v1/tickets", draft);
    REQUIRE(ticket->status == 201);
    CHECK(BodyOf(ticket)["returns_decision"]["granted"] == true);
    CHECK(BodyOf(ticket)["ticket"]["product"]["serial"] == "KF200-IMP-0001");
    // Delivered a year ago (2025-03-05): outside the window, refused with the reason.
    auto old = BodyOf(PostJson(client, "/api/v1/returns/eligibility",
                               {{"order_number", "DD-IMP-0003"},
                                {"phone_last4", "9003"},
                                {"reason", "no_reason"},
                                {"wanted", "refund"}}));
    CHECK(old["granted"] == false);
    // The quoted model with a comma came through whole.
    auto quoted = PostJson(client, "/api/v1/orders/lookup",
                           {{"order_number", "DD-IMP-0006"}, {"phone", "13800138006"}});
    REQUIRE(quoted->status == 200);
    CHECK(BodyOf(quoted)["items"][0]["model"] == "康复理疗仪, KF-100");
}

TEST_CASE("import: UTF-8 with a BOM, English headers, JSON Lines, parts for known serials only", "[import]") {
    TempDir dir;
    const std::string products =
        WriteFile(dir.path(), "products.csv",
                  "\xEF\xBB\xBFSerial,Model,Purchase Date\nKF200-IMP-0100,康复理疗仪 KF-200,2025/6/1\n");
    auto [status, report] = Import(dir.path(), "products", products);
    INFO(report);
    CHECK(status == 0);
    CHECK(report.find("(csv, utf-8-bom)") != std::string::npos);
    CHECK(report.find("1 changed") != std::string::npos);

    const std::string parts =
        WriteFile(dir.path(), "parts.jsonl",
                  "{\"serial\":\"KF200-IMP-0100\",\"part\":\"mainboard\",\"replaced_on\":\"2025-09-01\"}\n"
                  "{\"序列号\":\"ZZ00-NOPE-0000\",\"部件\":\"motor\",\"更换日期\":\"2025年9月2日\"}\n");
    auto [refused, parts_report] = Import(dir.path(), "parts", parts);
    INFO(parts_report);
    CHECK(refused == 1);
    CHECK(parts_report.find("(jsonl, utf-8)") != std::string::npos);
    CHECK(parts_report.find("line 2, column 序列号, value \"ZZ00-NOPE-0000\"") != std::string::npos);
    CHECK(parts_report.find("not in the register") != std::string::npos);

    // A file without a required column says so once, on the header line.
    const std::string headless =
        WriteFile(dir.path(), "x.csv", "序列号,购买日期\nKF200-IMP-0101,2025-01-01\n");
    auto [missing, missing_report] = Import(dir.path(), "products", headless);
    CHECK(missing == 1);
    CHECK(missing_report.find("line 1, column model") != std::string::npos);
    CHECK(Import(dir.path(), "tickets", headless).first == 2);
    CHECK(Import(dir.path(), "products", dir.path() + "/no-such-file.csv").first == 2);
}

TEST_CASE("integration API: an ERP upserts orders with an API key — a key without the scope and a revoked key "
          "are refused — use is audited and rate-limited per key",
          "[integration][security]") {
    Running env({"", {"--rate-integration", "1000"}});
    auto& client = env.http();
    const std::string admin = env.staff_token;

    auto created =
        PostJson(client, "/api/v1/staff/api-keys", {{"name", "ERP 订单同步"}, {"scopes", {"orders"}}}, admin);
    REQUIRE(created->status == 201);
    const std::string key = BodyOf(created)["key"].get<std::string>();
    const std::int64_t key_id = BodyOf(created)["id"].get<std::int64_t>();
    CHECK(key.rfind("ak_", 0) == 0);
    CHECK(BodyOf(created)["scopes"] == Json::array({"orders"}));
    // Listed by prefix only: the key itself is never shown again.
    auto listed = GetJson(client, "/api/v1/staff/api-keys", admin);
    REQUIRE(listed->status == 200);
    CHECK(listed->body.find(key) == std::string::npos);
    CHECK(BodyOf(listed)["keys"][0]["prefix"] == key.substr(0, 10));
    CHECK(
        PostJson(client, "/api/v1/staff/api-keys", {{"name", "x"}, {"scopes", {"tickets"}}}, admin)->status ==
        422);

    const std::string batch =
        "{\"order_number\":\"ERP-0001\",\"phone\":\"13800138011\",\"model\":\"磁疗仪 "
        "MT-5\",\"purchase_date\":\"2026/1/2\"}\n"
        "{\"order_number\":\"ERP-0002\",\"phone\":\"13800138012\",\"model\":\"磁疗仪 MT-5\"}\n";
    auto upserted = PostNdjson(client, "/api/v1/integration/orders", batch, key);
    REQUIRE(upserted->status == 200);
    CHECK(BodyOf(upserted)["changed"] == 2);
    auto repeated = PostNdjson(client, "/api/v1/integration/orders", batch, key);
    CHECK(BodyOf(repeated)["unchanged"] == 2);

    // One order as plain JSON, then its delivery event.
    auto single =
        PostJson(client, "/api/v1/integration/orders",
                 {{"order_number", "ERP-0003"}, {"phone", "13800138013"}, {"model", "磁疗仪 MT-5"}}, key);
    CHECK(BodyOf(single)["changed"] == 1);
    auto delivered = PostJson(client, "/api/v1/integration/orders/ERP-0003/delivery",
                              {{"delivered_at", SlashDateTime(1)}}, key);
    REQUIRE(delivered->status == 200);
    auto lookup =
        PostJson(client, "/api/v1/orders/lookup", {{"order_number", "ERP-0003"}, {"phone", "13800138013"}});
    REQUIRE(lookup->status == 200);
    CHECK(BodyOf(lookup)["delivered_at"].get<std::int64_t>() ==
          BodyOf(delivered)["delivered_at"].get<std::int64_t>());
    CHECK(PostJson(client, "/api/v1/integration/orders/ERP-9999/delivery", {{"delivered_at", "2026-01-01"}},
                   key)
              ->status == 404);

    // A bad row: nothing of the batch is written, and the report says where.
    auto bad = PostNdjson(client, "/api/v1/integration/orders",
                          "{\"order_number\":\"ERP-0004\",\"phone\":\"13800138014\",\"model\":\"MT-5\"}\n"
                          "{\"order_number\":\"ERP-0005\",\"phone\":\"1\",\"model\":\"MT-5\"}\n",
                          key);
    REQUIRE(bad->status == 422);
    CHECK(BodyOf(bad)["error"]["code"] == "rows_refused");
    CHECK(BodyOf(bad)["report"]["errors"][0]["line"] == 2);
    CHECK(BodyOf(bad)["report"]["errors"][0]["column"] == "phone");
    CHECK(PostJson(client, "/api/v1/orders/lookup", {{"order_number", "ERP-0004"}, {"phone", "13800138014"}})
              ->status == 404);

    // Scopes: an orders key cannot write products; staff and customer tokens are not keys.
    auto no_scope = PostJson(client, "/api/v1/integration/products",
                             {{"serial", "MT5-ERP-0001"}, {"model", "MT-5"}}, key);
    CHECK(no_scope->status == 403);
    CHECK(BodyOf(no_scope)["error"]["code"] == "scope_missing");
    CHECK(PostJson(client, "/api/v1/integration/orders", {{"order_number", "ERP-0006"}}, admin)->status ==
          403);
    CHECK(PostJson(client, "/api/v1/integration/orders", {{"order_number", "ERP-0006"}})->status == 401);

    // Audited under the key's name.
    auto audit = BodyOf(GetJson(client, "/api/v1/staff/audit?limit=50", admin));
    int uses = 0;
    for (const auto& entry : audit["entries"])
        uses += entry["staff"] == "api-key:ERP 订单同步" ? 1 : 0;
    CHECK(uses >= 4);

    // Revoked: refused at once.
    REQUIRE(PostJson(client, "/api/v1/staff/api-keys/" + std::to_string(key_id) + "/revoke", Json::object(),
                     admin)
                ->status == 200);
    auto revoked = PostNdjson(client, "/api/v1/integration/orders", batch, key);
    CHECK(revoked->status == 401);
    CHECK(PostJson(client, "/api/v1/staff/api-keys/" + std::to_string(key_id) + "/revoke", Json::object(),
                   admin)
              ->status == 404);
}

TEST_CASE("integration API: keys made on the command line — a per-key budget that customers do not share",
          "[integration][security]") {
    TempDir dir;
    auto [status, out] = RunServerCommand(
        {"create-api-key", "--data-dir", dir.path(), "--name", "电商平台", "--scopes", "products,parts"});
    REQUIRE(status == 0);
    const std::string key = out.substr(out.find("ak_"), 46);
    CHECK(RunServerCommand({"create-api-key", "--data-dir", dir.path(), "--name", "x", "--scopes", "all"})
              .first == 2);

    ServerProcess server(ServerOptions{dir.path(), {"--seed-demo", "false", "--rate-integration", "2"}});
    auto client = server.Client();
    const Json product = {{"serial", "MT5-ERP-0001"}, {"model", "MT-5"}, {"purchase_date", "2025-12-01"}};
    CHECK(PostJson(client, "/api/v1/integration/products", product, key)->status == 200);
    CHECK(PostJson(client, "/api/v1/integration/parts",
                   {{"serial", "MT5-ERP-0001"}, {"part", "motor"}, {"replaced_on", "2026-01-02"}}, key)
              ->status == 200);
    auto limited = PostJson(client, "/api/v1/integration/products", product, key);
    CHECK(limited->status == 429);
    CHECK(limited->has_header("Retry-After"));
    // The key's budget is its own: a customer from the same address is still served.
    CHECK(PostJson(client, "/api/v1/warranty", {{"serial", "MT5-ERP-0001"}})->status == 200);
}

TEST_CASE(
    "a key part fitted during a repair restarts its warranty: the register, the warranty lookup and the "
    "product's service history show it",
    "[warranty][staff][register]") {
    Running env;
    auto& client = env.http();
    const std::string admin = env.staff_token;
    // Bought 200 days ago (demo register): in warranty, so a key-part replacement restarts.
    const std::string serial = "KF200-2401-0123";
    auto before =
        BodyOf(PostJson(client, "/api/v1/warranty", {{"serial", serial}, {"faulty_part", "mainboard"}}));
    CHECK(before["decision"]["rule"] == "in_warranty");

    const Json created = CreateTicket(client, RepairDraft("13800138000", "主板故障"));
    const std::string base = "/api/v1/staff/tickets/" + created["service_number"].get<std::string>();
    REQUIRE(PostJson(client, base + "/transition", {{"action", "accept"}}, admin)->status == 200);
    REQUIRE(PostJson(client, base + "/assign", {{"assignee", "admin"}}, admin)->status == 200);
    REQUIRE(PostJson(client, base + "/work", {{"kind", "arrival"}, {"note", "到达现场"}}, admin)->status ==
            201);
    auto reserved =
        PostJson(client, base + "/work", {{"kind", "part_reserved"}, {"part", "mainboard"}}, admin);
    REQUIRE(reserved->status == 201);
    const int sequence = BodyOf(reserved)["timeline"].back()["sequence"].get<int>();
    CHECK(PostJson(client, base + "/work",
                   {{"kind", "part_fitted"}, {"completes", sequence}, {"part_serial", "bad serial!"}}, admin)
              ->status == 422);
    auto fitted =
        PostJson(client, base + "/work",
                 {{"kind", "part_fitted"}, {"completes", sequence}, {"part_serial", "mb-2611-7788"}}, admin);
    REQUIRE(fitted->status == 201);
    CHECK(BodyOf(fitted)["timeline"].back()["work"]["part_serial"] == "MB-2611-7788");

    auto after =
        BodyOf(PostJson(client, "/api/v1/warranty", {{"serial", serial}, {"faulty_part", "mainboard"}}));
    // Still inside the product's own period, so the rule is in_warranty; the mainboard's cover now
    // runs 36 months from today, past the product's.
    CHECK(after["decision"]["rule"] == "in_warranty");
    CHECK(after["decision"]["covered_until"].get<std::string>() >
          before["decision"]["covered_until"].get<std::string>());
    REQUIRE(after["replacements"].size() == 1);
    CHECK(after["replacements"][0]["part"] == "mainboard");
    CHECK(after["replacements"][0]["part_serial"] == "MB-2611-7788");

    auto history = GetJson(client, "/api/v1/staff/products/" + serial, admin);
    REQUIRE(history->status == 200);
    const Json product = BodyOf(history);
    CHECK(product["registered"] == true);
    REQUIRE(product["key_parts"].size() == 1);
    CHECK(product["key_parts"][0]["part"] == "mainboard");
    bool listed = false;
    for (const auto& ticket : product["tickets"])
        listed = listed || ticket["service_number"] == created["service_number"];
    CHECK(listed);
    CHECK(GetJson(client, "/api/v1/staff/products/" + serial)->status == 401);
}
