// Translated UI strings: dotted keys ("home.action.repair") looked up in the zh-CN and en tables
// from assets/i18n, embedded into the binary at build time.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <map>
#include <utility>

namespace aftercare::portal {

enum class Language { ZhCN, En };

const char* LanguageTag(Language language);  // "zh-CN", "en": BCP 47, for <html lang> and the API
Language LanguageFromTag(std::string_view tag); // anything not English falls back to Chinese

class StringTable {
public:
    // Loads both embedded tables; a malformed table is a build defect, so it aborts loudly.
    static StringTable LoadEmbedded();

    // The string for key, or the key itself when missing (visible, and caught by the i18n check).
    const std::string& Get(Language language, std::string_view key) const;

    // Get() with "{name}" placeholders replaced, e.g. Format(lang, "home.commitment.returns", {{"days", "15"}}).
    std::string Format(Language language, std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) const;

private:
    using Table = std::map<std::string, std::string, std::less<>>;  // heterogeneous find on libc++ 14 too
    Table zh_cn_;
    Table en_;
    mutable std::string missing_;  // holds the returned key for a missing entry
};

} // namespace aftercare::portal
