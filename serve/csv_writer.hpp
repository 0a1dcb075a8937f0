// CSV as Excel reads it (RFC 4180): UTF-8 with a byte-order mark, CRLF rows, fields quoted when
// they hold a comma, quote or line break. A field that a spreadsheet would run as a formula (it
// begins with =, +, -, @, tab or CR: a customer's comment "=HYPERLINK(...)") is written with a
// leading apostrophe, so opening an export never runs what a customer typed (OWASP "CSV injection").
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace aftercare::serve {

class CsvWriter {
public:
    CsvWriter();  // starts with the byte-order mark
    void Row(std::initializer_list<std::string_view> fields);
    const std::string& text() const { return text_; }
    std::string Take() { return std::move(text_); }

private:
    std::string text_;
};

}  // namespace aftercare::serve
