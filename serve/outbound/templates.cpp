// Template files: parsing, rendering and SMS segment counting.
#include "outbound/templates.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace aftercare::serve::outbound {
namespace {

// Decodes one UTF-8 code point at `i` (advancing it); malformed bytes count as one U+FFFD.
char32_t NextCodePoint(std::string_view text, std::size_t& i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = length == 1 ? byte : byte & (0x7F >> length);
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += static_cast<std::size_t>(length);
    return cp;
}

// The GSM 03.38 default alphabet (and the extension table, whose characters take two septets).
int GsmSeptets(char32_t cp) {
    static const std::u32string basic =
        U"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        U"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static const std::u32string extension = U"^{}\\[~]|€\f";
    if (basic.find(cp) != std::u32string::npos) return 1;
    if (extension.find(cp) != std::u32string::npos) return 2;
    return 0;
}

std::string Trim(std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == '\n')) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && text[start] == ' ') ++start;
    return text.substr(start);
}

}  // namespace

std::string Render(std::string_view text, const Placeholders& values) {
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                auto found = values.find(std::string(text.substr(i + 1, close - i - 1)));
                if (found != values.end()) {
                    out += found->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

bool ParseTemplate(std::string_view text, Template& out, std::string& error) {
    std::istringstream in{std::string(text)};
    std::string line;
    bool has_subject = false, has_sms = false, in_body = false;
    std::string body;
    while (std::getline(in, line)) {
        if (in_body) {
            body += line + "\n";
        } else if (line.rfind("subject:", 0) == 0) {
            out.subject = Trim(line.substr(8));
            has_subject = true;
        } else if (line.rfind("sms:", 0) == 0) {
            out.sms = Trim(line.substr(4));
            has_sms = true;
        } else if (Trim(line) == "---") {
            in_body = true;
        } else if (!Trim(line).empty()) {
            error = "unexpected line before ---: " + line;
            return false;
        }
    }
    if (!has_subject || !has_sms || !in_body) {
        error = "a template needs subject:, sms: and a --- line before the e-mail body";
        return false;
    }
    out.body = Trim(body) + "\n";
    return true;
}

int SmsSegments(std::string_view utf8) {
    std::size_t septets = 0, units = 0;
    bool gsm = true;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = NextCodePoint(utf8, i);
        const int s = GsmSeptets(cp);
        if (s == 0) gsm = false;
        septets += static_cast<std::size_t>(s);
        units += cp > 0xFFFF ? 2 : 1;  // UCS-2/UTF-16 code units
    }
    if (gsm) return septets <= 160 ? 1 : static_cast<int>((septets + 152) / 153);
    return units <= 70 ? 1 : static_cast<int>((units + 66) / 67);
}

bool Templates::Load(const std::string& dir, std::string& error) {
    namespace fs = std::filesystem;
    std::set<std::string> names;
    for (const char* language : kLanguages) {
        const fs::path folder = fs::path(dir) / language;
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) {
            error = "notification templates: missing folder " + folder.string();
            return false;
        }
        for (const auto& entry : fs::directory_iterator(folder)) {
            if (entry.path().extension() != ".txt") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            Template parsed;
            if (!ParseTemplate(text.str(), parsed, error)) {
                error = entry.path().string() + ": " + error;
                return false;
            }
            const std::string name = entry.path().stem().string();
            by_language_[language][name] = std::move(parsed);
            names.insert(name);
        }
    }
    for (const auto& name : names)
        for (const char* language : kLanguages)
            if (!by_language_[language].contains(name)) {
                error = "notification template " + name + " is missing in " + language;
                return false;
            }
    return true;
}

const Template* Templates::Find(const std::string& name, const std::string& language) const {
    auto lang = by_language_.find(language);
    if (lang == by_language_.end()) lang = by_language_.find("zh-CN");
    if (lang == by_language_.end()) return nullptr;
    auto found = lang->second.find(name);
    return found == lang->second.end() ? nullptr : &found->second;
}

std::vector<std::string> Templates::Names() const {
    std::vector<std::string> names;
    if (auto lang = by_language_.find("zh-CN"); lang != by_language_.end())
        for (const auto& [name, _] : lang->second) names.push_back(name);
    return names;
}

}  // namespace aftercare::serve::outbound
