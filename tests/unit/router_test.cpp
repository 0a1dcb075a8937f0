// Hash routes: what the address bar says is where the customer is, so links, back/forward and
// copied URLs must parse to the screen they name and format back to the same text.
#include "router.h"

#include <catch2/catch.hpp>

using namespace aftercare::portal;

namespace {

constexpr Screen kEveryScreen[] = {
    Screen::Home,       Screen::Faq,        Screen::Track,      Screen::Returns,   Screen::Rate,
    Screen::Complaint,  Screen::KioskRepair, Screen::StaffLogin, Screen::StaffQueue, Screen::StaffTicket,
    Screen::StaffSla,   Screen::StaffStats, Screen::StaffAdmin, Screen::Repair,
};

} // namespace

TEST_CASE("routes: a tracking link's token is its leading run of base64url characters", "[router]") {
    const std::string token = "Qx3_k-9ZaB";
    CHECK(LinkToken("t=" + token) == token);
    CHECK(LinkToken("n=1&t=" + token + "&x=2") == token);
    // Text a messaging app took into the link, and what no request header can carry, end it.
    CHECK(LinkToken("t=" + token + "%E8%AF%B7%E6%9F%A5%E6%94%B6") == token);  // "请查收"
    CHECK(LinkToken("t=" + token + "%0AX-Injected:%201") == token);
    CHECK(LinkToken("t=" + token + "%20") == token);
    CHECK(LinkToken("t=%E4%BD%A0%E5%A5%BD").empty());
    CHECK(LinkToken("t=").empty());
    CHECK(LinkToken("n=1").empty());
}

TEST_CASE("routes: a service number, a query and the screen they belong to", "[router]") {
    const Route track = ParseRoute("#/track/R7KX-4M9Q-P2HC?t=abc");
    CHECK(track.screen == Screen::Track);
    CHECK(track.param == "R7KX-4M9Q-P2HC");
    CHECK(track.query == "t=abc");
    CHECK(FormatRoute(track) == "#/track/R7KX-4M9Q-P2HC?t=abc");

    // The leading '#' and '/' are optional, as links are written by hand.
    CHECK(ParseRoute("faq?q=x") == Route{Screen::Faq, "", "q=x"});
    CHECK(ParseRoute("/returns") == Route{Screen::Returns});
    CHECK(ParseRoute("") == Route{Screen::Home});
    CHECK(ParseRoute("#/") == Route{Screen::Home});
}

TEST_CASE("routes: the longest screen path wins, the rest is the parameter", "[router]") {
    CHECK(ParseRoute("#/staff") == Route{Screen::StaffQueue});
    CHECK(ParseRoute("#/staff/sla") == Route{Screen::StaffSla});
    CHECK(ParseRoute("#/staff/ticket/R7KX-4M9Q-P2HC") == Route{Screen::StaffTicket, "R7KX-4M9Q-P2HC"});
    // A screen's path must end at a segment boundary: "staffroom" is not the staff console.
    CHECK(ParseRoute("#/staffroom") == Route{Screen::Home});
    CHECK(ParseRoute("#/repair/product") == Route{Screen::Repair, "product"});
}

TEST_CASE("routes: unknown paths go home instead of failing", "[router]") {
    CHECK(ParseRoute("#/no-such-screen/1") == Route{Screen::Home});
    CHECK(ParseRoute("#/%00%ff") == Route{Screen::Home});
}

TEST_CASE("routes: every screen formats to a route that parses back to it", "[router]") {
    for (Screen screen : kEveryScreen) {
        const Route route{screen, screen == Screen::Home ? "" : "X-1", "a=1"};
        INFO(FormatRoute(route));
        CHECK(ParseRoute(FormatRoute(route)) == route);
        CHECK(std::string(ScreenTitleKey(screen)).find(".title") != std::string::npos);
    }
    CHECK(IsConsoleScreen(Screen::StaffAdmin));
    CHECK(IsConsoleScreen(Screen::StaffLogin));
    CHECK_FALSE(IsConsoleScreen(Screen::Track));
    CHECK_FALSE(IsConsoleScreen(Screen::KioskRepair));
}

TEST_CASE("query values: percent-decoding, '+' as a space, and the encoder's round trip", "[router]") {
    CHECK(QueryValue("q=%E6%97%A0%E6%B3%95%E5%BC%80%E6%9C%BA&x=1", "q") == "无法开机");
    CHECK(QueryValue("q=%E6%97%A0&x=1", "x") == "1");
    CHECK(QueryValue("q=a+b", "q") == "a b");
    CHECK(QueryValue("flag&q=1", "flag").empty());
    CHECK(QueryValue("q=1", "missing").empty());
    CHECK(QueryValue("", "q").empty());
    // Malformed escapes stay as typed rather than turning into arbitrary bytes.
    CHECK(QueryValue("q=100%", "q") == "100%");
    CHECK(QueryValue("q=%zz%4", "q") == "%zz%4");

    for (const std::string value : {"𠮷野 a&b=c+d/e?f#g%", "DD-20261002", "", "~._-"}) {
        const std::string encoded = EncodeQueryValue(value);
        INFO(encoded);
        CHECK(encoded.find_first_of("&=+#? /") == std::string::npos);
        CHECK(QueryValue("v=" + encoded, "v") == value);
    }
    CHECK(EncodeQueryValue("~._-AZaz09") == "~._-AZaz09");
}
