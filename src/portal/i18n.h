// Translated UI strings: dotted keys ("home.action.repair") looked up in the zh-CN and en tables
// from assets/i18n, embedded into the binary at build time.
#pragma once

#include "i18n_embedded.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aftercare::portal {

enum class Language { ZhCN, En };

const char* LanguageTag(Language language);  // "zh-CN", "en": BCP 47, for <html lang> and the API
Language LanguageFromTag(std::string_view tag); // anything not English falls back to Chinese

class StringTable {
public:
    // Both languages' compiled-in tables (i18n_embedded.h; scripts/i18n.py checked them at build time).
    static StringTable LoadEmbedded();

    // The string for key, or the key itself when missing (visible, and caught by the i18n check).
    const std::string& Get(Language language, std::string_view key) const;

    // Get() with "{name}" placeholders replaced, e.g. Format(lang, "home.commitment.returns", {{"days", "15"}}).
    std::string Format(Language language, std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) const;

private:
    // One language's compiled-in array, sorted by key, and the strings handed out so far: a string is
    // made the first time its key is asked for, not all ~3,000 of both languages when the portal
    // starts (that took 4–9 ms of the first task at full CPU speed, four times more on a phone).
    // The portal asks from its one UI thread only.
    struct Table {
        const EmbeddedString* entries = nullptr;
        std::size_t count = 0;
        mutable std::vector<std::optional<std::string>> made;  // by entry; never resized: references stay valid
    };
    static Table MakeTable(const EmbeddedString* entries, std::size_t count);

    Table zh_cn_;
    Table en_;
    mutable std::string missing_;  // holds the returned key for a missing entry
};

} // namespace aftercare::portal
