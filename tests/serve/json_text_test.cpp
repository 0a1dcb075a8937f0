// JsonText writes exactly what nlohmann's dump(-1, ' ', false, replace) writes: on the edge cases of
// JSON escaping and UTF-8, and on random documents of random bytes.
#include <catch2/catch.hpp>

#include "json_text.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

using aftercare::serve::JsonText;
using Json = nlohmann::json;

namespace {

std::string Nlohmann(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

void CheckSame(const Json& value) {
    INFO(Nlohmann(value));
    CHECK(JsonText(value) == Nlohmann(value));
}

// Random bytes, weighted towards what matters: escapes, multi-byte characters, broken sequences.
std::string RandomText(std::mt19937& random) {
    static const char* const kPieces[] = {
        "a", "Z", " ", "~", "/", "\"", "\\", "\x7f", "\x01", "\x1f", "\b", "\f", "\n", "\r", "\t",
        "\xc3\xa9", "\xe4\xb8\xad", "\xf0\xa0\xae\xb7", "\xf0\x9f\x98\x80", "\xed\x9f\xbf", "\xee\x80\x80",
        "\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5",
        "\xff", "\xe4\xb8", "\xf0\xa0\xae", "\xc3",
    };
    std::string text;
    const int pieces = std::uniform_int_distribution<int>(0, 12)(random);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
    for (int i = 0; i < pieces; ++i) text += kPieces[pick(random)];
    return text;
}

Json RandomDocument(std::mt19937& random, int depth) {
    switch (std::uniform_int_distribution<int>(0, depth > 3 ? 5 : 7)(random)) {
    case 0: return nullptr;
    case 1: return random() % 2 == 0;
    case 2: return static_cast<std::int64_t>(random()) - static_cast<std::int64_t>(random());
    case 3: return static_cast<std::uint64_t>(random()) << 32 | random();
    case 4: return std::ldexp(static_cast<double>(random()), static_cast<int>(random() % 80) - 40);
    case 5: return RandomText(random);
    case 6: {
        Json array = Json::array();
        for (int n = std::uniform_int_distribution<int>(0, 4)(random); n > 0; --n)
            array.push_back(RandomDocument(random, depth + 1));
        return array;
    }
    default: {
        Json object = Json::object();
        for (int n = std::uniform_int_distribution<int>(0, 4)(random); n > 0; --n)
            object[RandomText(random)] = RandomDocument(random, depth + 1);
        return object;
    }
    }
}

} // namespace

TEST_CASE("json text: every ASCII byte, escaped or not, as nlohmann writes it", "[json]") {
    for (int c = 0; c < 0x80; ++c) CheckSame(std::string(1, static_cast<char>(c)) + "x");
    CHECK(JsonText("a\"b\\c\nd\x01") == R"("a\"b\\c\nd\u0001")");
}

TEST_CASE("json text: well-formed UTF-8 goes out as it is", "[json]") {
    for (const char* text : {"中文", "𠮷野", "😀", "é", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xef\xbf\xbf",
                             "\xed\x9f\xbf", "\xee\x80\x80", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf"}) {
        CheckSame(text);
        CHECK(JsonText(text) == std::string("\"") + text + "\"");
    }
}

TEST_CASE("json text: broken UTF-8 is replaced as nlohmann replaces it, in values and in keys", "[json]") {
    for (const char* text : {"\x80", "a\xbf", "\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80",
                             "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "中\xe4\xb8", "\xf0\xa0\xae",
                             "\xc3", "ok\xc3\x28ok", "\"\xff\\"}) {
        CheckSame(text);
        CheckSame(Json{{text, 1}, {"b", text}});
        CHECK(JsonText(text).find("\xef\xbf\xbd") != std::string::npos);
    }
}

TEST_CASE("json text: numbers, literals and containers", "[json]") {
    for (const Json& value :
         {Json(0), Json(-1), Json(std::numeric_limits<std::int64_t>::min()),
          Json(std::numeric_limits<std::int64_t>::max()), Json(std::numeric_limits<std::uint64_t>::max()),
          Json(0.1), Json(-0.0), Json(1e300), Json(1.5), Json(std::nan("")),
          Json(std::numeric_limits<double>::infinity()), Json(nullptr), Json(true), Json(false),
          Json::object(), Json::array(), Json::parse(R"({"a":[1,{"b":[]},{}],"c":{"d":null}})"),
          Json::binary({1, 2, 3})}) {
        CheckSame(value);
    }
}

TEST_CASE("json text: random documents of random bytes", "[json]") {
    std::mt19937 random(20261207);
    int differing = 0;
    for (int i = 0; i < 20000; ++i) {
        const Json document = RandomDocument(random, 0);
        if (JsonText(document) != Nlohmann(document)) {
            if (++differing == 1) {
                INFO(Nlohmann(document));
                CHECK(JsonText(document) == Nlohmann(document));
            }
        }
    }
    CHECK(differing == 0);
}

TEST_CASE("json text: AppendJsonEscaped writes a string's inside, broken UTF-8 replaced", "[json]") {
    std::string out = "x";
    aftercare::serve::AppendJsonEscaped(out, "a\"b\\c\n中\x01");
    CHECK(out == R"(xa\"b\\c\n中\u0001)");
    for (const char* text : {"\xff\xfe", "ok\xc3", "\xed\xa0\x80"}) {
        std::string inside;
        aftercare::serve::AppendJsonEscaped(inside, text);
        CHECK("\"" + inside + "\"" == Nlohmann(text));
    }
}
