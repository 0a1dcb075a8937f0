// Client addresses behind trusted proxies (serve/client_address.hpp): who is trusted, which
// X-Forwarded-For entry names the client, and IPv6 clients counted by their /64.
#include "client_address.hpp"
#include "config.hpp"

#include <catch2/catch.hpp>

using namespace aftercare::serve;

namespace {
AddressRanges Ranges(const char* text) {
    auto ranges = AddressRanges::Parse(text);
    REQUIRE(ranges);
    return *ranges;
}
}  // namespace

TEST_CASE("trusted proxy ranges: IPv4 and IPv6 CIDR and single addresses", "[client]") {
    const AddressRanges ranges = Ranges("10.0.0.0/8, 192.168.1.5 2001:db8:aa::/48 ::1");
    CHECK(ranges.Contains("10.255.0.1"));
    CHECK_FALSE(ranges.Contains("11.0.0.1"));
    CHECK(ranges.Contains("192.168.1.5"));
    CHECK_FALSE(ranges.Contains("192.168.1.6"));
    CHECK(ranges.Contains("2001:db8:aa:ffff::7"));
    CHECK_FALSE(ranges.Contains("2001:db8:ab::7"));
    CHECK(ranges.Contains("::1"));
    CHECK(ranges.Contains("::ffff:10.1.2.3"));  // an IPv4 peer seen by a dual-stack socket
    CHECK_FALSE(ranges.Contains("not-an-address"));
    CHECK_FALSE(ranges.Contains(""));
    // Prefix boundaries: /31 holds exactly two addresses, /0 everything of its family.
    const AddressRanges pair = Ranges("172.16.0.4/31");
    CHECK(pair.Contains("172.16.0.4"));
    CHECK(pair.Contains("172.16.0.5"));
    CHECK_FALSE(pair.Contains("172.16.0.6"));
    CHECK_FALSE(pair.Contains("172.16.0.3"));
    CHECK(Ranges("0.0.0.0/0").Contains("8.8.8.8"));
    CHECK_FALSE(Ranges("0.0.0.0/0").Contains("2001:db8::1"));
    CHECK(Ranges("").empty());
}

TEST_CASE("trusted proxy ranges: anything else is refused", "[client]") {
    for (const char* bad : {"10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0/8", "example.com",
                            "10.0.0.0/8x", "300.1.1.1"}) {
        INFO(bad);
        CHECK_FALSE(AddressRanges::Parse(bad));
    }
}

TEST_CASE("the client is the peer unless the peer is a trusted proxy", "[client]") {
    const AddressRanges none;
    const AddressRanges proxies = Ranges("10.0.0.0/8");
    // No trusted proxies, or a peer that is not one: X-Forwarded-For is the client's own claim.
    CHECK(ClientKey("203.0.113.9", "198.51.100.1", none) == "203.0.113.9");
    CHECK(ClientKey("203.0.113.9", "198.51.100.1", proxies) == "203.0.113.9");
    // Through a trusted proxy: what that proxy appended.
    CHECK(ClientKey("10.0.0.2", "198.51.100.1", proxies) == "198.51.100.1");
    // A client that sends its own header cannot choose: the proxy's entry is the rightmost.
    CHECK(ClientKey("10.0.0.2", "1.2.3.4, 198.51.100.1", proxies) == "198.51.100.1");
    // Two trusted hops (a CDN edge inside 10/8, then our balancer): skip them both.
    CHECK(ClientKey("10.0.0.2", "198.51.100.1, 10.9.9.9", proxies) == "198.51.100.1");
    CHECK(ClientKey("10.0.0.2", " 198.51.100.1 ,10.9.9.9 ", proxies) == "198.51.100.1");
    // Nothing usable: the nearest proxy, never a made-up address.
    CHECK(ClientKey("10.0.0.2", "", proxies) == "10.0.0.2");
    CHECK(ClientKey("10.0.0.2", "10.9.9.9", proxies) == "10.9.9.9");
    CHECK(ClientKey("10.0.0.2", "1.2.3.4, garbage", proxies) == "10.0.0.2");
    CHECK(ClientKey("10.0.0.2", "1.2.3.4, garbage, 10.9.9.9", proxies) == "10.9.9.9");
    // Brackets as some proxies write IPv6.
    CHECK(ClientKey("10.0.0.2", "[2001:db8:1:2::5]", proxies) == "2001:db8:1:2::/64");
}

TEST_CASE("IPv6 clients count by their /64, IPv4-mapped ones as IPv4", "[client]") {
    const AddressRanges none;
    CHECK(ClientKey("2001:db8:1:2:aaaa::1", "", none) == "2001:db8:1:2::/64");
    CHECK(ClientKey("2001:db8:1:2:bbbb::9", "", none) == ClientKey("2001:db8:1:2:aaaa::1", "", none));
    CHECK(ClientKey("2001:db8:1:3::1", "", none) != ClientKey("2001:db8:1:2::1", "", none));
    CHECK(ClientKey("::ffff:192.0.2.7", "", none) == "192.0.2.7");
    CHECK(ClientKey("127.0.0.1", "", none) == "127.0.0.1");
}

TEST_CASE("trusted proxies: the flag and AFTERCARE_TRUSTED_PROXIES are read or refused with the reason", "[client][config]") {
    auto no_env = [](const char*) -> const char* { return nullptr; };
    const char* good[] = {"aftercare-server", "--trusted-proxies", "10.0.0.0/8 ::1"};
    const CliResult read = ParseCommandLine(3, good, no_env);
    REQUIRE(read.command == CliResult::Command::Serve);
    CHECK(read.config.trusted_proxies.Contains("10.1.1.1"));
    CHECK_FALSE(read.config.trusted_proxies.Contains("192.0.2.1"));

    const char* bad[] = {"aftercare-server", "--trusted-proxies", "10.0.0.0/40"};
    const CliResult refused = ParseCommandLine(3, bad, no_env);
    CHECK(refused.command == CliResult::Command::Error);
    CHECK(refused.message.find("trusted-proxies") != std::string::npos);

    const char* plain[] = {"aftercare-server"};
    auto env = [](const char* name) -> const char* {
        return std::string(name) == "AFTERCARE_TRUSTED_PROXIES" ? "192.168.0.0/16" : nullptr;
    };
    CHECK(ParseCommandLine(1, plain, env).config.trusted_proxies.Contains("192.168.4.4"));
}
