// Vendor policy JSON: the shipped assets/policy.json, defaults, partial files and bad values.
#include "test_support.h"

#include "api/policy_json.h"
#include "core/calendar.h"

#include <fstream>
#include <sstream>

using namespace aftercare;
using namespace aftercare::api;

namespace {

std::string ReadFile(const char* path) {
    std::ifstream file(path, std::ios::binary);
    REQUIRE(file.good());
    std::stringstream content;
    content << file.rdbuf();
    return content.str();
}

} // namespace

TEST_CASE("assets/policy.json parses and carries the document's defaults", "[policy]") {
    auto parsed = ParsePolicy(ReadFile(AFTERCARE_POLICY_JSON_PATH));
    INFO((parsed ? std::string() : parsed.GetError().field + ": " + parsed.GetError().message.en));
    REQUIRE(parsed.Ok());
    core::Policy policy = parsed.Value();
    // Everything equals the compiled-in defaults; the holidays live in assets/calendar, not here
    // (serve's holiday_calendar_test checks those files).
    CHECK(policy.calendar.holidays.empty());
    CHECK(policy == core::Policy{});
}

TEST_CASE("defaults follow the standard document", "[policy]") {
    const core::Policy policy;
    CHECK(policy.sla.general.first_response_minutes == 120);
    CHECK_FALSE(policy.sla.general.dispatch_minutes);
    CHECK(policy.sla.general.resolution_minutes == 480);
    CHECK(policy.sla.serious.dispatch_minutes == 60);
    CHECK(policy.sla.serious.resolution_minutes == 240);
    CHECK(policy.sla.urgent.first_response_minutes == 10);
    CHECK(policy.sla.urgent.resolution_minutes == 120);
    CHECK(policy.sla.urgent.resolution_from == core::ResolutionClockStart::WorkStarted);
    CHECK(policy.sla.complaint_answer_working_days == 3);
    CHECK(policy.warranty.months == 36);
    CHECK(policy.warranty.spare_part_in_stock_hours == 2);
    CHECK(policy.warranty.spare_part_ship_hours == 8);
    CHECK(policy.returns.no_reason_days == 15);
    CHECK(policy.returns.ship_back_days == 7);
    // The standard's unconditional remedies have no day limit; its 48 h is an average, no deadline.
    CHECK_FALSE(policy.returns.dead_on_arrival_days);
    CHECK_FALSE(policy.returns.wrong_item_days);
    CHECK(policy.sla.average_resolution_hours == 48);
    CHECK_FALSE(policy.sla.returns_resolution_hours);
    CHECK(policy.contact.hotline.empty());
    CHECK(policy.satisfaction.target_rate == Approx(0.9));
    CHECK(policy.kiosk.idle_reset_seconds == 90);
    CHECK(core::ValidatePolicy(policy).empty());
}

TEST_CASE("a partial policy keeps the defaults for what it omits", "[policy]") {
    auto parsed = ParsePolicy(R"({"returns":{"no_reason_days":7},"sla":{"serious":{"dispatch_minutes":null}}})");
    REQUIRE(parsed.Ok());
    CHECK(parsed.Value().returns.no_reason_days == 7);
    CHECK_FALSE(parsed.Value().returns.dead_on_arrival_days);
    CHECK(parsed.Value().returns.ship_back_days == 7);
    CHECK_FALSE(parsed.Value().sla.serious.dispatch_minutes);
    CHECK(parsed.Value().sla.serious.resolution_minutes == 240);
    CHECK(ParsePolicy("{}").Value() == core::Policy{});
}

TEST_CASE("day limits and the per-ticket returns deadline: null is none, a number is a limit", "[policy]") {
    auto limited = ParsePolicy(
        R"({"returns":{"dead_on_arrival_days":7,"wrong_item_days":30},"sla":{"returns_resolution_hours":72}})");
    REQUIRE(limited.Ok());
    CHECK(limited.Value().returns.dead_on_arrival_days == 7);
    CHECK(limited.Value().returns.wrong_item_days == 30);
    CHECK(limited.Value().sla.returns_resolution_hours == 72);
    // Written back as numbers, and null again once cleared.
    const std::string text = SerializePolicy(limited.Value());
    CHECK(ParsePolicy(text).Value() == limited.Value());
    auto cleared = ParsePolicy(R"({"returns":{"dead_on_arrival_days":null},"sla":{"returns_resolution_hours":null}})");
    REQUIRE(cleared.Ok());
    CHECK_FALSE(cleared.Value().returns.dead_on_arrival_days);
    CHECK_FALSE(cleared.Value().sla.returns_resolution_hours);
    CHECK(ParsePolicy(R"({"returns":{"wrong_item_days":-1}})").GetError().field == "returns.wrong_item_days");
    CHECK(ParsePolicy(R"({"sla":{"average_resolution_hours":0}})").GetError().field == "sla.average_resolution_hours");
}

TEST_CASE("the hotline: empty by default, a number validated like a phone field", "[policy]") {
    CHECK(ParsePolicy(R"({"contact":{"hotline":"400-820-8820"}})").Value().contact.hotline == "400-820-8820");
    CHECK(ParsePolicy(R"({"contact":{"hotline":"010-6552 9988"}})").Ok());
    CHECK(ParsePolicy(R"({"contact":{"hotline":"95588"}})").Ok());
    CHECK(ParsePolicy(R"({"contact":{"hotline":"+86 138 0013 8000"}})").Ok());
    CHECK(ParsePolicy(R"({"contact":{"hotline":""}})").Ok());
    for (const char* bad : {"call us", "12345", "400-820-88", "0000000000"}) {
        const auto parsed = ParsePolicy(std::string(R"({"contact":{"hotline":")") + bad + R"("}})");
        REQUIRE_FALSE(parsed.Ok());
        CHECK(parsed.GetError().field == "contact.hotline");
    }
}

TEST_CASE("bad policy values are rejected with the field path", "[policy]") {
    auto negative = ParsePolicy(R"({"sla":{"urgent":{"resolution_minutes":-5}}})");
    REQUIRE_FALSE(negative.Ok());
    CHECK(negative.GetError().code == "out_of_range");
    CHECK(negative.GetError().field == "sla.urgent.resolution_minutes");

    CHECK(ParsePolicy(R"({"warranty":{"months":10000}})").GetError().field == "warranty.months");
    CHECK(ParsePolicy(R"({"satisfaction":{"target_rate":1.5}})").GetError().field == "satisfaction.target_rate");
    CHECK(ParsePolicy(R"({"returns":{"no_reason_days":"15"}})").GetError().field == "returns.no_reason_days");
    CHECK(ParsePolicy(R"({"calendar":{"holidays":["2025-02-30"]}})").GetError().field == "calendar.holidays[0]");
    CHECK(ParsePolicy(R"({"sla":{"escalation":[{"level":"general_manager","overdue_percent":0},
                                               {"level":"department_manager","overdue_percent":100}]}})")
              .GetError()
              .field == "sla.escalation[1]");
    CHECK(ParsePolicy("not json").GetError().code == "bad_json");
}

TEST_CASE("policy serialisation round-trips", "[policy]") {
    core::Policy policy;
    policy.calendar.holidays = {{2025, 1, 1}};
    policy.sla.general.dispatch_minutes = 240;
    auto parsed = ParsePolicy(SerializePolicy(policy));
    REQUIRE(parsed.Ok());
    CHECK(parsed.Value() == policy);
}

TEST_CASE("service hours: 7x24 by default, weekly opening hours on request", "[policy]") {
    const core::Policy defaults;
    CHECK(defaults.service_hours.round_the_clock);

    auto weekly = ParsePolicy(R"({"service_hours":{"mode":"weekly",
        "weekly":{"monday":{"open":"08:30","close":"18:00"},"saturday":{"open":"10:00","close":"14:00"},"friday":null},
        "makeup_workday":{"open":"09:00","close":"24:00"}},
        "sla":{"basis":{"dispatch":"elapsed"}}})");
    INFO((weekly ? std::string() : weekly.GetError().field + ": " + weekly.GetError().message.en));
    REQUIRE(weekly.Ok());
    const core::ServiceHours& hours = weekly.Value().service_hours;
    CHECK_FALSE(hours.round_the_clock);
    CHECK(hours.weekly[0] == core::DailyHours{8 * 60 + 30, 18 * 60});
    CHECK(hours.weekly[1] == core::DailyHours{9 * 60, 17 * 60}); // unnamed days keep 9:00–17:00
    CHECK_FALSE(hours.weekly[4].has_value());                    // null closes Friday
    CHECK(hours.weekly[5] == core::DailyHours{10 * 60, 14 * 60});
    CHECK_FALSE(hours.weekly[6].has_value());
    CHECK(hours.makeup_workday == core::DailyHours{9 * 60, 24 * 60});
    CHECK(weekly.Value().sla.basis.dispatch == core::ClockBasis::Elapsed);
    CHECK(weekly.Value().sla.basis.resolution == core::ClockBasis::ServiceHours);

    auto round_trip = ParsePolicy(SerializePolicy(weekly.Value()));
    REQUIRE(round_trip.Ok());
    CHECK(round_trip.Value() == weekly.Value());
}

TEST_CASE("bad service hours are refused with the day's path, in zh and en", "[policy]") {
    auto malformed = ParsePolicy(R"({"service_hours":{"weekly":{"monday":{"open":"9am","close":"17:00"}}}})");
    REQUIRE_FALSE(malformed.Ok());
    CHECK(malformed.GetError().field == "service_hours.weekly.monday.open");
    CHECK_FALSE(malformed.GetError().message.zh.empty());

    CHECK(ParsePolicy(R"({"service_hours":{"weekly":{"monday":{"open":"09:00","close":"24:30"}}}})").GetError().field ==
          "service_hours.weekly.monday.close");
    CHECK(ParsePolicy(R"({"service_hours":{"mode":"office"}})").GetError().field == "service_hours.mode");
    CHECK(ParsePolicy(R"({"sla":{"basis":{"resolution":"wall"}}})").GetError().field == "sla.basis.resolution");

    auto backwards = ParsePolicy(R"({"service_hours":{"weekly":{"tuesday":{"open":"17:00","close":"09:00"}}}})");
    REQUIRE_FALSE(backwards.Ok());
    CHECK(backwards.GetError().code == "invalid_hours");
    CHECK(backwards.GetError().field == "service_hours.weekly.tuesday");
    CHECK(backwards.GetError().message.zh.find("开始时间须早于结束时间") != std::string::npos);
    CHECK(backwards.GetError().message.en.find("opening must be before closing") != std::string::npos);

    auto never_open = ParsePolicy(R"({"service_hours":{"mode":"weekly","weekly":{"monday":null,"tuesday":null,
        "wednesday":null,"thursday":null,"friday":null,"saturday":null,"sunday":null}}})");
    REQUIRE_FALSE(never_open.Ok());
    CHECK(never_open.GetError().field == "service_hours.weekly");
}
