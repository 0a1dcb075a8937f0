// Reading assets/calendar/YYYY.json: dates checked against their year, files in year order.
#include "holiday_calendar.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace aftercare::serve {

using Json = nlohmann::json;

namespace {

bool ReadDate(const Json& value, int year, const std::string& path, std::vector<core::CivilDate>& out,
              std::string& error) {
    const auto date = value.is_string() ? core::ParseIsoDate(value.get<std::string>()) : std::nullopt;
    if (!date) {
        error = path + ": expected a date YYYY-MM-DD";
        return false;
    }
    if (date->year != year) {
        error = path + ": " + core::FormatIsoDate(*date) + " is not in " + std::to_string(year);
        return false;
    }
    out.push_back(*date);
    return true;
}

void SortUnique(std::vector<core::CivilDate>& dates) {
    auto key = [](const core::CivilDate& date) { return core::DaysFromCivil(date); };
    std::sort(dates.begin(), dates.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
}

}  // namespace

void HolidayCalendar::ApplyTo(core::Policy& policy) const {
    policy.calendar.holidays = holidays;
    policy.calendar.makeup_workdays = makeup_workdays;
}

bool HolidayCalendar::Has(int year) const { return std::find(years.begin(), years.end(), year) != years.end(); }

bool ParseHolidayYear(std::string_view text, int year, HolidayCalendar& into, std::string& error) {
    const Json root = Json::parse(text.begin(), text.end(), nullptr, false, true);
    if (root.is_discarded() || !root.is_object()) {
        error = "not a JSON object";
        return false;
    }
    if (!root.contains("year") || !root["year"].is_number_integer() || root["year"].get<int>() != year) {
        error = "year: must be " + std::to_string(year) + ", the year in the file name";
        return false;
    }
    const Json& holidays = root.contains("holidays") ? root["holidays"] : Json();
    const Json& makeup = root.contains("makeup_workdays") ? root["makeup_workdays"] : Json::array();
    if (!holidays.is_array() || !makeup.is_array()) {
        error = "holidays and makeup_workdays: expected arrays";
        return false;
    }
    std::vector<core::CivilDate> days_off;
    std::vector<core::CivilDate> days_worked;
    for (std::size_t period = 0; period < holidays.size(); ++period) {
        const std::string path = "holidays[" + std::to_string(period) + "]";
        const Json& dates = holidays[period].is_object() && holidays[period].contains("dates")
                                ? holidays[period]["dates"]
                                : Json();
        if (!dates.is_array() || dates.empty()) {
            error = path + ".dates: expected a list of dates";
            return false;
        }
        for (std::size_t index = 0; index < dates.size(); ++index) {
            if (!ReadDate(dates[index], year, path + ".dates[" + std::to_string(index) + "]", days_off, error))
                return false;
        }
    }
    for (std::size_t index = 0; index < makeup.size(); ++index) {
        if (!ReadDate(makeup[index], year, "makeup_workdays[" + std::to_string(index) + "]", days_worked, error))
            return false;
    }
    for (const auto& day : days_worked) {
        if (std::find(days_off.begin(), days_off.end(), day) != days_off.end()) {
            error = "makeup_workdays: " + core::FormatIsoDate(day) + " is also a holiday";
            return false;
        }
    }
    into.years.push_back(year);
    std::sort(into.years.begin(), into.years.end());
    into.holidays.insert(into.holidays.end(), days_off.begin(), days_off.end());
    into.makeup_workdays.insert(into.makeup_workdays.end(), days_worked.begin(), days_worked.end());
    SortUnique(into.holidays);
    SortUnique(into.makeup_workdays);
    return true;
}

bool LoadHolidayCalendar(const std::string& dir, HolidayCalendar& calendar, std::string& error) {
    calendar = HolidayCalendar{};
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return true;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        const std::string stem = file.stem().string();
        const bool is_year = stem.size() == 4 && std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!is_year) {
            error = "holiday calendar " + file.string() + ": the file name must be the year (YYYY.json)";
            return false;
        }
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        std::string problem;
        if (!ParseHolidayYear(text.str(), std::stoi(stem), calendar, problem)) {
            error = "holiday calendar " + file.string() + ": " + problem;
            return false;
        }
    }
    return true;
}

std::optional<int> MissingNextYear(const HolidayCalendar& calendar, core::CivilDate today) {
    const int next = today.year + 1;
    if (calendar.Has(next)) return std::nullopt;
    return next;
}

}  // namespace aftercare::serve
