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
    // Everything except the holiday calendar equals the compiled-in defaults.
    CHECK_FALSE(policy.calendar.holidays.empty());
    policy.calendar.holidays.clear();
    policy.calendar.makeup_workdays.clear();
    CHECK(policy == core::Policy{});
}

TEST_CASE("the shipped holiday calendar is plausible", "[policy]") {
    const core::Policy policy = ParsePolicy(ReadFile(AFTERCARE_POLICY_JSON_PATH)).Value();
    // Make-up workdays are always weekend days; holidays never are make-up days.
    for (const core::CivilDate& date : policy.calendar.makeup_workdays) {
        const core::Weekday weekday = core::WeekdayOf(core::DaysFromCivil(date));
        INFO(core::FormatIsoDate(date));
        CHECK((weekday == core::Weekday::Saturday || weekday == core::Weekday::Sunday));
        CHECK(std::find(policy.calendar.holidays.begin(), policy.calendar.holidays.end(), date) ==
              policy.calendar.holidays.end());
    }
    const core::WorkCalendar calendar(policy.calendar.holidays, policy.calendar.makeup_workdays);
    CHECK_FALSE(calendar.IsWorkingDay(core::DaysFromCivil({2025, 10, 1})));
    CHECK(calendar.IsWorkingDay(core::DaysFromCivil({2025, 9, 28}))); // a Sunday worked
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
    CHECK(policy.satisfaction.target_rate == Approx(0.9));
    CHECK(policy.kiosk.idle_reset_seconds == 90);
    CHECK(core::ValidatePolicy(policy).empty());
}

TEST_CASE("a partial policy keeps the defaults for what it omits", "[policy]") {
    auto parsed = ParsePolicy(R"({"returns":{"no_reason_days":7},"sla":{"serious":{"dispatch_minutes":null}}})");
    REQUIRE(parsed.Ok());
    CHECK(parsed.Value().returns.no_reason_days == 7);
    CHECK(parsed.Value().returns.dead_on_arrival_days == 7);
    CHECK(parsed.Value().returns.ship_back_days == 7);
    CHECK_FALSE(parsed.Value().sla.serious.dispatch_minutes);
    CHECK(parsed.Value().sla.serious.resolution_minutes == 240);
    CHECK(ParsePolicy("{}").Value() == core::Policy{});
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
