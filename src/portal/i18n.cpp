// Loads the embedded string tables and resolves keys; see i18n.h.
#include "i18n.h"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

extern const unsigned char kStringszhCN[];  // assets/i18n/zh-CN/*.json, merged and embedded by CMake
extern const unsigned char kStringsen[];    // assets/i18n/en/*.json

namespace aftercare::portal {
namespace {

template <typename Table> Table ParseTable(const unsigned char* json_text, const char* name) {
    Table table;
    const auto json = nlohmann::json::parse(reinterpret_cast<const char*>(json_text), nullptr,
                                            /*allow_exceptions=*/false);
    if (!json.is_object()) {
        std::fprintf(stderr, "string table %s is not a JSON object\n", name);
        std::abort();
    }
    for (const auto& [key, value] : json.items()) {
        if (!value.is_string()) {
            std::fprintf(stderr, "string table %s: %s is not a string\n", name, key.c_str());
            std::abort();
        }
        table.emplace(key, value.template get<std::string>());
    }
    return table;
}

} // namespace

const char* LanguageTag(Language language) { return language == Language::En ? "en" : "zh-CN"; }

Language LanguageFromTag(std::string_view tag) {
    return tag.substr(0, 2) == "en" ? Language::En : Language::ZhCN;
}

StringTable StringTable::LoadEmbedded() {
    StringTable strings;
    strings.zh_cn_ = ParseTable<Table>(kStringszhCN, "zh-CN");
    strings.en_ = ParseTable<Table>(kStringsen, "en");
    return strings;
}

const std::string& StringTable::Get(Language language, std::string_view key) const {
    const Table& table = language == Language::En ? en_ : zh_cn_;
    if (auto it = table.find(key); it != table.end()) return it->second;
    missing_.assign(key);
    return missing_;
}

std::string StringTable::Format(Language language, std::string_view key,
                                std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    std::string text = Get(language, key);
    for (const auto& [name, value] : args) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at)) {
            text.replace(at, placeholder.size(), value);
            at += value.size();
        }
    }
    return text;
}

} // namespace aftercare::portal
