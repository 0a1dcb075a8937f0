// Loose date, date-time and yes/no parsing for import cells.
#include "import/values.hpp"

#include <string>

namespace aftercare::serve::import {
namespace {

// Reads 1..max digits; false when there are none.
bool Digits(std::string_view& text, int max, int& value) {
    int count = 0;
    value = 0;
    while (!text.empty() && count < max && text.front() >= '0' && text.front() <= '9') {
        value = value * 10 + (text.front() - '0');
        text.remove_prefix(1);
        ++count;
    }
    return count > 0;
}

bool Skip(std::string_view& text, std::string_view token) {
    if (text.substr(0, token.size()) != token) return false;
    text.remove_prefix(token.size());
    return true;
}

void Trim(std::string_view& text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
}

// Year, month and day with one separator style; leaves the rest of `text`.
std::optional<core::CivilDate> DatePrefix(std::string_view& text) {
    core::CivilDate date;
    if (!Digits(text, 4, date.year) || date.year < 1000) return std::nullopt;
    const bool chinese = Skip(text, "年");
    char separator = 0;
    if (!chinese) {
        if (text.empty() || (text.front() != '-' && text.front() != '/' && text.front() != '.'))
            return std::nullopt;
        separator = text.front();
        text.remove_prefix(1);
    }
    if (!Digits(text, 2, date.month)) return std::nullopt;
    if (chinese ? !Skip(text, "月") : !Skip(text, std::string_view(&separator, 1))) return std::nullopt;
    if (!Digits(text, 2, date.day)) return std::nullopt;
    if (chinese && !Skip(text, "日")) Skip(text, "号");
    if (!core::IsValidCivilDate(date)) return std::nullopt;
    return date;
}

} // namespace

std::optional<core::CivilDate> ParseLooseDate(std::string_view text) {
    Trim(text);
    auto date = DatePrefix(text);
    if (!date || !text.empty()) return std::nullopt;
    return date;
}

std::optional<core::UnixSeconds> ParseLooseInstant(std::string_view text, core::UtcOffsetMinutes offset) {
    Trim(text);
    auto date = DatePrefix(text);
    if (!date) return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (!text.empty()) {
        if (text.front() != ' ' && text.front() != 'T') return std::nullopt;
        text.remove_prefix(1);
        Trim(text);
        if (!Digits(text, 2, hour)) return std::nullopt;
        if (!Skip(text, ":") && !Skip(text, "时") && !Skip(text, "点")) return std::nullopt;
        if (!Digits(text, 2, minute)) return std::nullopt;
        if (Skip(text, ":")) {
            if (!Digits(text, 2, second)) return std::nullopt;
        } else {
            Skip(text, "分");
        }
        if (Skip(text, "Z")) {
            offset = 0;
        } else if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
            const int sign = text.front() == '-' ? -1 : 1;
            text.remove_prefix(1);
            int hours = 0, minutes = 0;
            if (!Digits(text, 2, hours)) return std::nullopt;
            Skip(text, ":");
            Digits(text, 2, minutes);
            offset = sign * (hours * 60 + minutes);
        }
        if (!text.empty() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
    }
    return core::LocalDayStart(core::DaysFromCivil(*date), offset) + hour * 3600 + minute * 60 + second;
}

std::optional<bool> ParseYesNo(std::string_view text) {
    Trim(text);
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (lower.empty() || lower == "否" || lower == "false" || lower == "no" || lower == "n" || lower == "0")
        return false;
    if (lower == "是" || lower == "true" || lower == "yes" || lower == "y" || lower == "1") return true;
    return std::nullopt;
}

} // namespace aftercare::serve::import
