// Hash route parsing and formatting; see router.h.
#include "router.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

struct ScreenPath {
    Screen screen;
    std::string_view path;
    const char* title_key;
    bool console = false;  // staff console: wide layout, behind the staff login
};

constexpr ScreenPath kScreens[] = {
    {Screen::Home, "", "home.title"},
    {Screen::Faq, "faq", "faq.title"},
    {Screen::Track, "track", "track.title"},
    {Screen::Returns, "returns", "returns.title"},
    {Screen::Rate, "rate", "rate.title"},
    {Screen::Complaint, "complain", "complaint.title"},
    {Screen::Consultation, "ask", "consultation.title"},
    {Screen::KioskRepair, "kiosk-repair", "kiosk_repair.title"},
    {Screen::Repair, "repair", "repair.title"},
    {Screen::StaffLogin, "staff/login", "staff.login.title", true},
    {Screen::StaffQueue, "staff", "staff.queue.title", true},
    {Screen::StaffTicket, "staff/ticket", "staff.ticket.title", true},
    {Screen::StaffSla, "staff/sla", "staff.sla.title", true},
    {Screen::StaffStats, "staff/stats", "staff.stats.title", true},
    {Screen::StaffAdmin, "staff/admin", "staff.admin.title", true},
    {Screen::StaffJobs, "staff/jobs", "staff.jobs.title", true},
    {Screen::StaffIntake, "staff/new", "intake.title", true},
    {Screen::StaffFollowUps, "staff/followups", "followup.title", true},
};

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string DecodeComponent(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
                   HexValue(text[i + 2]) >= 0) {
            out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

Route ParseRoute(std::string_view hash) {
    if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
    if (!hash.empty() && hash.front() == '/') hash.remove_prefix(1);
    Route route;
    if (const size_t q = hash.find('?'); q != std::string_view::npos) {
        route.query = std::string(hash.substr(q + 1));
        hash = hash.substr(0, q);
    }
    const ScreenPath* best = nullptr;
    for (const ScreenPath& s : kScreens) {
        if (s.path.empty()) continue;  // home: only the empty path, handled below
        const bool exact = hash == s.path;
        const bool prefix = hash.size() > s.path.size() && hash.substr(0, s.path.size()) == s.path &&
                            hash[s.path.size()] == '/';
        if ((exact || prefix) && (!best || s.path.size() > best->path.size())) best = &s;
    }
    if (!best) return hash.empty() ? route : Route{};
    route.screen = best->screen;
    if (hash.size() > best->path.size()) route.param = std::string(hash.substr(best->path.size() + 1));
    return route;
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

std::string QueryValue(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        const size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const size_t eq = pair.find('=');
        if (pair.substr(0, eq) == name) return eq == std::string_view::npos ? "" : DecodeComponent(pair.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return {};
}

std::string_view TokenText(std::string_view text) {
    const auto base64url = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    };
    const auto end = std::find_if_not(text.begin(), text.end(), base64url);
    return text.substr(0, static_cast<size_t>(end - text.begin()));
}

std::string LinkToken(std::string_view query) { return std::string(TokenText(QueryValue(query, "t"))); }

std::string EncodeQueryValue(std::string_view value) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

bool IsConsoleScreen(Screen screen) {
    for (const ScreenPath& s : kScreens) {
        if (s.screen == screen) return s.console;
    }
    return false;
}

const char* ScreenTitleKey(Screen screen) {
    for (const ScreenPath& s : kScreens) {
        if (s.screen == screen) return s.title_key;
    }
    return "home.title";
}

} // namespace aftercare::portal
