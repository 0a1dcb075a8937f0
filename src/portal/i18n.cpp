// Loads the compiled-in string tables (i18n_embedded.h) and resolves keys; see i18n.h.
#include "i18n.h"

#include <algorithm>

namespace aftercare::portal {

const char* LanguageTag(Language language) { return language == Language::En ? "en" : "zh-CN"; }

Language LanguageFromTag(std::string_view tag) {
    return tag.substr(0, 2) == "en" ? Language::En : Language::ZhCN;
}

StringTable::Table StringTable::MakeTable(const EmbeddedString* entries, std::size_t count) {
    Table table{entries, count, {}};
    table.made.resize(count);
    return table;
}

StringTable StringTable::LoadEmbedded() {
    StringTable strings;
    strings.zh_cn_ = MakeTable(kStringsZhCN, kStringsZhCNCount);
    strings.en_ = MakeTable(kStringsEn, kStringsEnCount);
    return strings;
}

const std::string& StringTable::Get(Language language, std::string_view key) const {
    const Table& table = language == Language::En ? en_ : zh_cn_;
    const EmbeddedString* end = table.entries + table.count;
    // scripts/i18n.py sorts the keys in byte order, as std::string_view compares them.
    const EmbeddedString* entry = std::lower_bound(
        table.entries, end, key, [](const EmbeddedString& e, std::string_view k) { return std::string_view(e.key) < k; });
    if (entry == end || std::string_view(entry->key) != key) {
        missing_.assign(key);
        return missing_;
    }
    std::optional<std::string>& made = table.made[static_cast<std::size_t>(entry - table.entries)];
    if (!made) made.emplace(entry->value);
    return *made;
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
