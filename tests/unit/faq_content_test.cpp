// FAQ articles are templates over the vendor policy: every placeholder is one the service fills,
// no policy number is written out by hand, and a policy change changes the answers.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "api/customer_wire.h"
#include "services/faq_service.hpp"

using namespace aftercare;

namespace {

std::vector<api::FaqItem> Articles() {
    std::vector<api::FaqItem> articles;
    for (const auto& entry : std::filesystem::directory_iterator(AFTERCARE_FAQ_DIR)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        auto item = api::ParseWire<api::FaqItem>(text.str());
        REQUIRE(item);
        articles.push_back(std::move(item).Value());
    }
    REQUIRE(articles.size() >= 10);
    return articles;
}

api::FaqItem Article(const serve::FaqIndex& index, const std::string& id, const core::Policy& policy) {
    const auto item = index.Find(id, policy);
    REQUIRE(item);
    return *item;
}

} // namespace

TEST_CASE("every FAQ placeholder is one the service fills, and the shipped files load", "[faq]") {
    const auto known = serve::FaqPolicyValues(core::Policy{});
    for (const api::FaqItem& article : Articles()) {
        for (const std::string* text : {&article.question.zh, &article.question.en, &article.answer.zh, &article.answer.en}) {
            for (const std::string& name : serve::PlaceholdersIn(*text)) {
                INFO(article.id << ": {" << name << "}");
                CHECK(known.count(name) == 1);
            }
        }
    }
    serve::FaqIndex index;
    std::string error;
    CHECK(index.Load(AFTERCARE_FAQ_DIR, error));
    CHECK(error.empty());
}

TEST_CASE("no FAQ text writes a policy number by hand", "[faq]") {
    // Digits, or a Chinese numeral with a unit of time, outside placeholders. The only digits left
    // are examples that are no policy (a service number, a masked phone number).
    const std::regex digits("[0-9]+");
    // Alternatives, not a bracket: std::regex reads bytes, and these characters are three bytes each.
    const std::regex chinese_count("(一|二|两|三|四|五|六|七|八|九|十|百)+ ?(天|年|个月|小时|分钟|个工作日)");
    const std::set<std::string> examples = {"R7KX-4M9Q-P2HC", "138****8000"};
    for (const api::FaqItem& article : Articles()) {
        for (const std::string* text : {&article.question.zh, &article.question.en, &article.answer.zh, &article.answer.en}) {
            std::string rest = std::regex_replace(*text, std::regex("\\{[a-z_]+\\}"), "");
            for (const std::string& example : examples)
                for (auto at = rest.find(example); at != std::string::npos; at = rest.find(example)) rest.erase(at, example.size());
            INFO(article.id << ": " << *text);
            CHECK_FALSE(std::regex_search(rest, digits));
            CHECK_FALSE(std::regex_search(rest, chinese_count));
        }
    }
}

TEST_CASE("FAQ answers follow the policy they are read with", "[faq]") {
    serve::FaqIndex index;
    std::string error;
    REQUIRE(index.Load(AFTERCARE_FAQ_DIR, error));
    core::Policy policy;
    CHECK_THAT(Article(index, "cancel-reopen", policy).answer.zh, Catch::Contains("解决后 7 天内重新打开"));
    CHECK_THAT(Article(index, "warranty-period", policy).answer.zh, Catch::Contains("3 年免费质保"));
    CHECK_THAT(Article(index, "warranty-period", policy).answer.en, Catch::Contains("warranty of 3 years"));
    CHECK_THAT(Article(index, "out-of-warranty-cost", policy).answer.zh, Catch::Contains("免收服务及人工费用"));
    CHECK_THAT(Article(index, "response-times", policy).answer.zh,
               Catch::Contains("一般故障 2 小时内响应、按约定时间上门、8 小时内解决"));
    CHECK_THAT(Article(index, "response-times", policy).answer.zh,
               Catch::Contains("紧急故障 10 分钟内响应、10 分钟内出发、到场后 2 小时内解决"));
    CHECK_THAT(Article(index, "return-window-expired", policy).question.zh, Catch::Equals("超过 15 天还能退货吗？"));

    policy.tickets.reopen_window_days = 10;
    policy.warranty.months = 18;
    policy.warranty.out_of_warranty_labour_free = false;
    policy.sla.general.first_response_minutes = 90;
    policy.returns.no_reason_days = 7;
    policy.contact.hotline = "400-820-8820";
    policy.service_hours.round_the_clock = false;
    CHECK_THAT(Article(index, "cancel-reopen", policy).answer.zh, Catch::Contains("解决后 10 天内重新打开"));
    CHECK_THAT(Article(index, "cancel-reopen", policy).answer.en, Catch::Contains("within 10 days"));
    CHECK_THAT(Article(index, "warranty-period", policy).answer.zh, Catch::Contains("18 个月免费质保"));
    CHECK_THAT(Article(index, "out-of-warranty-cost", policy).answer.zh, Catch::Contains("人工费 ¥100.00"));
    CHECK_THAT(Article(index, "response-times", policy).answer.zh, Catch::Contains("一般故障 1 小时 30 分钟内响应"));
    CHECK_THAT(Article(index, "response-times", policy).answer.zh,
               Catch::Contains("服务热线 400-820-8820（周一至周五 09:00–17:00，法定节假日除外）。"));
    CHECK_THAT(Article(index, "response-times", policy).answer.en, Catch::Contains("Hotline: 400-820-8820, Mon–Fri 09:00–17:00"));
    CHECK_THAT(Article(index, "return-window-expired", policy).question.en, Catch::Equals("Can I still return it after 7 days?"));
    // Search scores the filled text too, and answers with it.
    const auto found = index.Search("重新打开", "zh", 5, policy);
    REQUIRE_FALSE(found.items.empty());
    CHECK_THAT(found.items.front().answer.zh, Catch::Contains("10 天内"));
}

TEST_CASE("placeholders fill in each language, unknown ones stay as written", "[faq]") {
    const std::map<std::string, core::LocalizedText> values = {{"n", {"七", "seven"}}};
    CHECK(serve::FillPlaceholders("{n} 天，{x}", values, false) == "七 天，{x}");
    CHECK(serve::FillPlaceholders("{n} days {n}", values, true) == "seven days seven");
    CHECK(serve::FillPlaceholders("open { brace", values, true) == "open { brace");
    CHECK(serve::PlaceholdersIn("a {one} b {two}") == std::vector<std::string>{"one", "two"});
}
