// Loads the compiled-in string tables (i18n_embedded.h) and resolves keys; see i18n.h.
#include "i18n.h"

#include "i18n_embedded.h"

namespace aftercare::portal {
namespace {

std::map<std::string, std::string, std::less<>> ToTable(const EmbeddedString* entries, std::size_t count) {
    std::map<std::string, std::string, std::less<>> table;
    // Sorted input: each insertion lands at the end, so hinting there makes the whole build linear.
    for (std::size_t i = 0; i < count; ++i) table.emplace_hint(table.end(), entries[i].key, entries[i].value);
    return table;
}

} // namespace

const char* LanguageTag(Language language) { return language == Language::En ? "en" : "zh-CN"; }

Language LanguageFromTag(std::string_view tag) {
    return tag.substr(0, 2) == "en" ? Language::En : Language::ZhCN;
}

StringTable StringTable::LoadEmbedded() {
    StringTable strings;
    strings.zh_cn_ = ToTable(kStringsZhCN, kStringsZhCNCount);
    strings.en_ = ToTable(kStringsEn, kStringsEnCount);
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
