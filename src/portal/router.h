// Screens and their hash routes (#/repair, #/track/<number>, #/faq?q=...): the address bar is the
// source of truth for where the customer is, so back/forward and copied links work.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace aftercare::portal {

enum class Screen {
    Home,
    Faq,
    Track,
    Returns,
    Rate,
    Complaint,
    Consultation,
    KioskRepair,
    StaffLogin,
    StaffQueue,
    StaffTicket,
    StaffSla,
    StaffStats,
    StaffAdmin,
    StaffJobs,
    StaffIntake,  // #/staff/new
    Repair,
    StaffFollowUps,  // #/staff/followups
};

struct Route {
    Route() = default;
    // Route{Screen::Faq} or Route{Screen::Track, number, "t=..."}: a constructor rather than an
    // aggregate, so leaving out the param and query is not a missing-initializer warning.
    Route(Screen screen_in, std::string param_in = {}, std::string query_in = {})
        : screen(screen_in), param(std::move(param_in)), query(std::move(query_in)) {}

    Screen screen = Screen::Home;
    std::string param{};  // the path segment after the screen, e.g. a service number
    std::string query{};  // the raw text after '?', e.g. "q=..."

    bool operator==(const Route&) const = default;
};

// Parses "#/track/R-ABCD" (with or without '#'); unknown paths go home. A screen's path may have
// several segments ("staff/sla"): the longest path that matches wins, the rest is the param.
Route ParseRoute(std::string_view hash);
std::string FormatRoute(const Route& route);

// The string-table key of a screen's title, for document.title.
const char* ScreenTitleKey(Screen screen);

// Screens of the staff console (#/staff/...): a wide layout behind the staff login.
bool IsConsoleScreen(Screen screen);
// The page that runs the staff console on the web (the customer's pages leave its code out).
inline constexpr char kConsolePage[] = "staff.html";  // i18n: not a key

// Query strings: "q=%E6%97%A0&x=1" → QueryValue(query, "q") == "无"; EncodeQueryValue does the reverse.
std::string QueryValue(std::string_view query, std::string_view name);
std::string EncodeQueryValue(std::string_view value);

// The leading run of base64url characters in `text`, the alphabet every token the server issues is
// written in (serve/auth.cpp): the token in text that may have more glued to it. What follows is not
// part of it: text a messaging app took into a link ("…?t=<token>请查收"), or a line break, which no
// request header can carry, so the customer would have been told the network was down. Empty when
// `text` does not start with one.
std::string_view TokenText(std::string_view text);
// A customer link's access token (#/track/<number>?t=<token>, #/rate/…): TokenText of its `t`.
std::string LinkToken(std::string_view query);

} // namespace aftercare::portal
