// Hash route parsing and formatting; see router.h.
#include "router.h"

namespace aftercare::portal {
namespace {

struct ScreenPath {
    Screen screen;
    std::string_view path;
    const char* title_key;
};

constexpr ScreenPath kScreens[] = {
    {Screen::Home, "", "home.title"},
};

} // namespace

Route ParseRoute(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
    Route route;
    if (const size_t q = hash.find('?'); q != std::string_view::npos) {
        route.query = std::string(hash.substr(q + 1));
        hash = hash.substr(0, q);
    }
    const size_t slash = hash.find('/');
    const std::string_view head = hash.substr(0, slash);
    for (const ScreenPath& s : kScreens) {
        if (s.path == head) {
            route.screen = s.screen;
            if (slash != std::string_view::npos) route.param = std::string(hash.substr(slash + 1));
            return route;
        }
    }
    return Route{};
}

std::string FormatRoute(const Route& route) {
    std::string hash = "#/";
    for (const ScreenPath& s : kScreens) {
        if (s.screen == route.screen) hash += s.path;
    }
    if (!route.param.empty()) hash += "/" + route.param;
    if (!route.query.empty()) hash += "?" + route.query;
    return hash;
}

const char* ScreenTitleKey(Screen screen) {
    for (const ScreenPath& s : kScreens) {
        if (s.screen == screen) return s.title_key;
    }
    return "home.title";
}

} // namespace aftercare::portal
