// The string tables (src/portal/i18n.h): every compiled-in key is found with its own text (the
// lookup binary-searches the arrays scripts/i18n.py sorted), a missing key comes back as itself,
// and a string handed out stays where it is while others are made.
#include "i18n.h"
#include "i18n_embedded.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace aftercare::portal;

namespace {

// The number of keys whose text Get() does not return.
std::size_t Unfound(const StringTable& strings, Language language, const EmbeddedString* entries, std::size_t count) {
    std::size_t unfound = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (strings.Get(language, entries[i].key) != entries[i].value) ++unfound;
    }
    return unfound;
}

} // namespace

TEST_CASE("every compiled-in key is found with its own text, in both languages") {
    const StringTable strings = StringTable::LoadEmbedded();
    REQUIRE(kStringsZhCNCount > 1000);
    REQUIRE(kStringsEnCount == kStringsZhCNCount);
    CHECK(Unfound(strings, Language::ZhCN, kStringsZhCN, kStringsZhCNCount) == 0);
    CHECK(Unfound(strings, Language::En, kStringsEn, kStringsEnCount) == 0);
    CHECK(strings.Get(Language::ZhCN, "app.vendor_name") != strings.Get(Language::En, "app.vendor_name"));
}

TEST_CASE("a key missing from the tables comes back as itself") {
    const StringTable strings = StringTable::LoadEmbedded();
    CHECK(strings.Get(Language::En, "home.no_such_key") == "home.no_such_key");  // i18n: not a key
    CHECK(strings.Get(Language::En, "") == "");
    CHECK(strings.Get(Language::En, "zzz") == "zzz");  // after the last key
    CHECK(strings.Get(Language::En, "!") == "!");      // before the first
}

TEST_CASE("a string handed out stays valid while others are made") {
    const StringTable strings = StringTable::LoadEmbedded();
    const std::string& first = strings.Get(Language::ZhCN, kStringsZhCN[0].key);
    const std::string* const where = &first;
    for (std::size_t i = 0; i < kStringsZhCNCount; ++i) strings.Get(Language::ZhCN, kStringsZhCN[i].key);
    CHECK(&strings.Get(Language::ZhCN, kStringsZhCN[0].key) == where);
    CHECK(first == kStringsZhCN[0].value);
}
