// CSV records as Excel writes them: comma (or tab) separated, fields optionally in double quotes
// with "" for a quote and line breaks allowed inside quotes, CRLF or LF line ends.
#pragma once

#include <string>
#include <vector>

#include "import/text_source.hpp"

namespace aftercare::serve::import {

class CsvReader {
  public:
    explicit CsvReader(TextSource& source) : source_(source) {}

    // The next record, and the file line it starts on (1-based); false at the end. Blank lines are
    // skipped. A record never holds more than kMaxFields fields nor a field more than kMaxFieldBytes
    // (the rest is cut off), so one malformed line cannot eat the memory.
    bool Next(std::vector<std::string>& fields, long& line);

    static constexpr std::size_t kMaxFields = 64;
    static constexpr std::size_t kMaxFieldBytes = 4096;

  private:
    bool Peek(char& c);

    TextSource& source_;
    std::string buffer_;
    std::size_t pos_ = 0;
    long line_ = 1;
    char delimiter_ = 0; // decided from the first line: tab when it has tabs and no commas
};

} // namespace aftercare::serve::import
