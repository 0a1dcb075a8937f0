// CsvWriter: what Excel needs to open an export as written, and never to run a customer's text.
#include <catch2/catch.hpp>

#include "csv_writer.hpp"

using aftercare::serve::CsvWriter;

TEST_CASE("csv: BOM, CRLF rows, quoting only where needed", "[csv]") {
    CsvWriter csv;
    csv.Row({"服务编号", "a,b", "say \"hi\"", "two\nlines", "plain"});
    CHECK(csv.text() == "\xEF\xBB\xBF服务编号,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n");
}

TEST_CASE("csv: cells a spreadsheet would run as formulas are written as text", "[csv][security]") {
    for (const char* formula : {"=1+1", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"}) {
        CsvWriter csv;
        csv.Row({formula});
        INFO(formula);
        CHECK(csv.text().substr(3, 2) == "\"'");
    }
    // Negative numbers stay numbers.
    CsvWriter csv;
    csv.Row({"-12", "-0.5", "-"});
    CHECK(csv.text() == "\xEF\xBB\xBF-12,-0.5,\"'-\"\r\n");
}
