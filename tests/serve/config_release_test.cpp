// A production build's command line (finding 16): --clock-offset and AFTERCARE_CLOCK_OFFSET are
// unknown, so nobody can move a live server's deadlines and token expiries.
#include <catch2/catch.hpp>

#include "config.hpp"

using aftercare::serve::CliResult;
using aftercare::serve::ParseCommandLine;

TEST_CASE("production build: --clock-offset does not exist", "[config][security]") {
    const char* argv[] = {"aftercare-server", "--clock-offset", "3600"};
    auto no_env = [](const char*) -> const char* { return nullptr; };
    const CliResult flag = ParseCommandLine(3, argv, no_env);
    CHECK(flag.command == CliResult::Command::Error);
    CHECK(flag.message == "unknown option --clock-offset");

    const char* plain[] = {"aftercare-server"};
    auto offset_env = [](const char* name) -> const char* {
        return std::string(name) == "AFTERCARE_CLOCK_OFFSET" ? "3600" : nullptr;
    };
    const CliResult env = ParseCommandLine(1, plain, offset_env);
    CHECK(env.command == CliResult::Command::Serve);
    CHECK(env.config.clock_offset_seconds == 0);
    CHECK(aftercare::serve::UsageText().find("clock-offset") == std::string::npos);
}
