// The two handler pools' sizes as the command line and the environment set them (serve/config.cpp).
#include <catch2/catch.hpp>
#include <string>

#include "config.hpp"

using namespace aftercare::serve;

TEST_CASE("thread config: reads default to 2 per core within 4..16, flags and env override, bad values refused",
          "[config]") {
    auto no_env = [](const char*) -> const char* { return nullptr; };
    const char* plain[] = {"aftercare-server"};
    const CliResult defaults = ParseCommandLine(1, plain, no_env);
    REQUIRE(defaults.command == CliResult::Command::Serve);
    CHECK(defaults.config.threads == 64);
    CHECK(ReadThreads(defaults.config) >= 4);
    CHECK(ReadThreads(defaults.config) <= 16);

    const char* set[] = {"aftercare-server", "--read-threads", "3", "--threads", "100"};
    const CliResult read = ParseCommandLine(5, set, no_env);
    REQUIRE(read.command == CliResult::Command::Serve);
    CHECK(ReadThreads(read.config) == 3);
    CHECK(read.config.threads == 100);

    auto env = [](const char* name) -> const char* {
        return std::string(name) == "AFTERCARE_READ_THREADS" ? "6" : nullptr;
    };
    CHECK(ReadThreads(ParseCommandLine(1, plain, env).config) == 6);

    const char* bad[] = {"aftercare-server", "--read-threads", "-1"};
    const CliResult refused = ParseCommandLine(3, bad, no_env);
    CHECK(refused.command == CliResult::Command::Error);
    CHECK(refused.message.find("read-threads") != std::string::npos);
}
