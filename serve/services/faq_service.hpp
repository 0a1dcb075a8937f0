// FAQ (常见问题解答): articles from assets/faq/*.json, searched in memory in Chinese and English.
#pragma once

#include <string>
#include <vector>

#include "api/customer_wire.h"

namespace aftercare::serve {

class FaqIndex {
public:
    // Reads every *.json in `dir` (one article per file); returns false with `error` naming the file
    // when one does not parse, so a broken article stops the server at start instead of vanishing.
    bool Load(const std::string& dir, std::string& error);

    // Empty query: every article in id order. Otherwise articles matching any term, best first.
    // Chinese has no spaces, so Han text is matched by character bigrams (and single characters
    // for one-character queries); Latin text by lower-cased words.
    api::FaqSearchResponse Search(const std::string& query, const std::string& lang, int limit) const;

    // The article with this id, or null.
    const api::FaqItem* Find(const std::string& id) const;

    std::size_t size() const { return articles_.size(); }

private:
    std::vector<api::FaqItem> articles_;
};

}  // namespace aftercare::serve
