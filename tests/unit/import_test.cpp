// The import engine's pieces: loose Chinese date spellings, CSV as Excel writes it, and the
// encoding detection (UTF-8, UTF-8 with BOM, GB 18030).
#include <catch2/catch.hpp>

#include <sstream>

#include "import/columns.hpp"
#include "import/csv_reader.hpp"
#include "import/values.hpp"

using namespace aftercare::serve::import;
using aftercare::core::CivilDate;

namespace {

std::vector<std::vector<std::string>> ReadAll(const std::string& bytes, std::vector<long>* lines = nullptr,
                                              std::string* encoding = nullptr) {
    std::istringstream in(bytes);
    TextSource source(in, Encoding::Auto);
    CsvReader reader(source);
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> fields;
    long line = 0;
    while (reader.Next(fields, line)) {
        records.push_back(fields);
        if (lines) lines->push_back(line);
    }
    if (encoding) *encoding = source.encoding_label();
    return records;
}

} // namespace

TEST_CASE("import dates: ISO, slashes, dots and 年月日 — impossible dates are refused", "[import]") {
    CHECK(ParseLooseDate("2026-03-01") == CivilDate{2026, 3, 1});
    CHECK(ParseLooseDate("2026/3/1") == CivilDate{2026, 3, 1});
    CHECK(ParseLooseDate(" 2026.03.01 ") == CivilDate{2026, 3, 1});
    CHECK(ParseLooseDate("2026年3月1日") == CivilDate{2026, 3, 1});
    CHECK(ParseLooseDate("2026年3月1号") == CivilDate{2026, 3, 1});
    CHECK_FALSE(ParseLooseDate("2026-02-30"));
    CHECK_FALSE(ParseLooseDate("2026/3-1"));
    CHECK_FALSE(ParseLooseDate("3/1/2026"));
    CHECK_FALSE(ParseLooseDate("2026-03-01 10:00"));
    CHECK_FALSE(ParseLooseDate(""));
}

TEST_CASE("import times: China time unless an offset is given — a date alone is midnight", "[import]") {
    const auto midnight = ParseLooseInstant("2026-03-01", 480);
    REQUIRE(midnight);
    CHECK(*midnight == 1772294400); // 2026-03-01T00:00:00+08:00
    CHECK(ParseLooseInstant("2026/3/1 14:30", 480) == *midnight + 14 * 3600 + 30 * 60);
    CHECK(ParseLooseInstant("2026年3月1日 14:30:15", 480) == *midnight + 14 * 3600 + 30 * 60 + 15);
    CHECK(ParseLooseInstant("2026-03-01T06:30:00Z", 480) == *midnight + 14 * 3600 + 30 * 60);
    CHECK(ParseLooseInstant("2026-03-01T14:30+08:00", 0) == *midnight + 14 * 3600 + 30 * 60);
    CHECK_FALSE(ParseLooseInstant("2026-03-01 25:00", 480));
    CHECK_FALSE(ParseLooseInstant("2026-03-01 later", 480));
    CHECK(ParseYesNo("是") == true);
    CHECK(ParseYesNo("否") == false);
    CHECK(ParseYesNo("") == false);
    CHECK_FALSE(ParseYesNo("maybe"));
}

TEST_CASE("import CSV: quotes, doubled quotes, line breaks in quotes, CRLF, blank lines, tabs", "[import]") {
    std::vector<long> lines;
    const auto records =
        ReadAll("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\n1,,3\r\n", &lines);
    REQUIRE(records.size() == 3);
    CHECK(records[1] == std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"});
    CHECK(records[2] == std::vector<std::string>{"1", "", "3"});
    CHECK(lines == std::vector<long>{1, 2, 5});
    const auto tabbed = ReadAll("序列号\t型号\nA1\tB, 2\n");
    REQUIRE(tabbed.size() == 2);
    CHECK(tabbed[1] == std::vector<std::string>{"A1", "B, 2"});
}

TEST_CASE("import encodings: UTF-8, UTF-8 with BOM and GB 18030 are told apart", "[import]") {
    std::string encoding;
    auto plain = ReadAll("序列号\nA1\n", nullptr, &encoding);
    CHECK(encoding == "utf-8");
    CHECK(plain[0][0] == "序列号");
    auto bom = ReadAll("\xEF\xBB\xBF序列号\nA1\n", nullptr, &encoding);
    CHECK(encoding == "utf-8-bom");
    CHECK(bom[0][0] == "序列号");
    // 序列号 in GB 18030.
    auto gb = ReadAll("\xD0\xF2\xC1\xD0\xBA\xC5\nA1\n", nullptr, &encoding);
    CHECK(encoding == "gb18030");
    CHECK(gb[0][0] == "序列号");
}

TEST_CASE("import headers: Chinese and English names, case and spacing ignored", "[import]") {
    CHECK(FieldForHeader("序列号") == Field::Serial);
    CHECK(FieldForHeader(" Serial ") == Field::Serial);
    CHECK(FieldForHeader("Purchase Date") == Field::PurchaseDate);
    CHECK(FieldForHeader("签收时间") == Field::DeliveredAt);
    CHECK(FieldForHeader("手机号") == Field::Phone);
    CHECK(FieldForHeader("订单号") == Field::OrderNumber);
    CHECK_FALSE(FieldForHeader("备注"));
}
