// CSV for spreadsheets; see csv_writer.hpp.
#include "csv_writer.hpp"

namespace aftercare::serve {

CsvWriter::CsvWriter() : text_("\xEF\xBB\xBF") {}

void CsvWriter::Row(std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view field : fields) {
        if (!first) text_ += ',';
        first = false;
        // A plain negative number is data, not a formula.
        const bool negative_number = field.size() > 1 && field.front() == '-' &&
                                     field.find_first_not_of("0123456789.", 1) == std::string_view::npos;
        const bool formula = !field.empty() && !negative_number &&
                             (field.front() == '=' || field.front() == '+' || field.front() == '-' ||
                              field.front() == '@' || field.front() == '\t' || field.front() == '\r');
        const bool quote = formula || field.find_first_of(",\"\r\n") != std::string_view::npos;
        if (quote) text_ += '"';
        if (formula) text_ += '\'';
        for (char c : field) {
            if (c == '"') text_ += '"';
            text_ += c;
        }
        if (quote) text_ += '"';
    }
    text_ += "\r\n";
}

}  // namespace aftercare::serve
