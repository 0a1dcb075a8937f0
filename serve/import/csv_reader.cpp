// CsvReader: a small state machine over TextSource chunks.
#include "import/csv_reader.hpp"

namespace aftercare::serve::import {

bool CsvReader::Peek(char& c) {
    while (pos_ >= buffer_.size()) {
        pos_ = 0;
        if (!source_.Next(buffer_)) return false;
    }
    c = buffer_[pos_];
    return true;
}

bool CsvReader::Next(std::vector<std::string>& fields, long& line) {
    fields.clear();
    char c = 0;
    if (delimiter_ == 0) {
        // The header line decides the separator (Excel's "Unicode text" and some ERPs write tabs).
        if (!Peek(c)) return false;
        const std::size_t end = buffer_.find('\n', pos_);
        const std::string_view first(buffer_.data() + pos_,
                                     (end == std::string::npos ? buffer_.size() : end) - pos_);
        delimiter_ = first.find('\t') != std::string_view::npos && first.find(',') == std::string_view::npos
                         ? '\t'
                         : ',';
    }
    for (;;) {
        // Skip blank lines (Excel leaves some at the end).
        while (Peek(c) && (c == '\n' || c == '\r')) {
            if (c == '\n') ++line_;
            ++pos_;
        }
        if (!Peek(c)) return false;
        line = line_;
        std::string field;
        bool quoted = false;
        bool after_quote = false; // the closing quote of a quoted field was seen
        auto push = [&] {
            if (fields.size() < kMaxFields) fields.push_back(std::move(field));
            field.clear();
            quoted = after_quote = false;
        };
        auto add = [&](char ch) {
            if (field.size() < kMaxFieldBytes) field.push_back(ch);
        };
        bool at_start = true;
        while (Peek(c)) {
            ++pos_;
            if (quoted) {
                if (c == '"') {
                    char next = 0;
                    if (Peek(next) && next == '"') {
                        add('"');
                        ++pos_;
                    } else {
                        quoted = false;
                        after_quote = true;
                    }
                } else {
                    if (c == '\n') ++line_;
                    add(c);
                }
                continue;
            }
            if (c == '"' && at_start) {
                quoted = true;
                at_start = false;
                continue;
            }
            if (c == delimiter_) {
                push();
                at_start = true;
                continue;
            }
            if (c == '\n') {
                ++line_;
                push();
                return true;
            }
            if (c == '\r') continue;
            at_start = false;
            if (!after_quote) add(c); // text after a closing quote is dropped, as Excel does
        }
        push();
        return true;
    }
}

} // namespace aftercare::serve::import
