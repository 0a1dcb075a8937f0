// FAQ (常见问题解答): articles from assets/faq/*.json, searched in memory in Chinese and English.
#pragma once

#include <string>
#include <vector>

#include <map>
#include <optional>

#include "api/customer_wire.h"
#include "core/policy.h"

namespace aftercare::serve {

// The policy's numbers as FAQ articles say them, by placeholder: an article writes
// "可在解决后 {reopen_days} 天内重新打开" and the answer follows the vendor's live policy, in each
// language. The one place that maps a placeholder to a policy value.
std::map<std::string, core::LocalizedText> FaqPolicyValues(const core::Policy& policy);

// `text` with every {placeholder} replaced from `values` (zh or en side); unknown ones stay as written.
std::string FillPlaceholders(const std::string& text, const std::map<std::string, core::LocalizedText>& values,
                             bool english);

// The placeholders `text` uses ("reopen_days" for "{reopen_days}").
std::vector<std::string> PlaceholdersIn(const std::string& text);

class FaqIndex {
public:
    // Reads every *.json in `dir` (one article per file); returns false with `error` naming the file
    // when one does not parse or uses a placeholder FaqPolicyValues does not know, so a broken
    // article stops the server at start instead of vanishing or showing "{typo}".
    bool Load(const std::string& dir, std::string& error);

    // Empty query: every article in id order. Otherwise articles matching any term, best first.
    // Chinese has no spaces, so Han text is matched by character bigrams (and single characters
    // for one-character queries); Latin text by lower-cased words. Answers carry `policy`'s numbers.
    api::FaqSearchResponse Search(const std::string& query, const std::string& lang, int limit,
                                  const core::Policy& policy) const;

    // The article with this id, its numbers from `policy`; nullopt when there is none.
    std::optional<api::FaqItem> Find(const std::string& id, const core::Policy& policy) const;

    std::size_t size() const { return articles_.size(); }

private:
    std::vector<api::FaqItem> articles_;
};

}  // namespace aftercare::serve
