// Screens and their hash routes (#/repair, #/track/<number>, #/faq?q=...): the address bar is the
// source of truth for where the customer is, so back/forward and copied links work.
#pragma once

#include <string>
#include <string_view>

namespace aftercare::portal {

enum class Screen { Home, Faq, Track, Returns, Rate, Complaint, KioskRepair, Repair };

struct Route {
    Screen screen = Screen::Home;
    std::string param{};  // the path segment after the screen, e.g. a service number
    std::string query{};  // the raw text after '?', e.g. "q=..."

    bool operator==(const Route&) const = default;
};

// Parses "#/track/R-ABCD" (with or without '#'); unknown paths go home.
Route ParseRoute(std::string_view hash);
std::string FormatRoute(const Route& route);

// The string-table key of a screen's title, for document.title.
const char* ScreenTitleKey(Screen screen);

// Query strings: "q=%E6%97%A0&x=1" → QueryValue(query, "q") == "无"; EncodeQueryValue does the reverse.
std::string QueryValue(std::string_view query, std::string_view name);
std::string EncodeQueryValue(std::string_view value);

} // namespace aftercare::portal
