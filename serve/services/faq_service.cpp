// FAQ loading and scoring.
#include "services/faq_service.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace aftercare::serve {
namespace {

// Splits UTF-8 text into code points.
std::vector<std::string> CodePoints(const std::string& text) {
    std::vector<std::string> points;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        points.push_back(text.substr(i, length));
        i += length;
    }
    return points;
}

bool IsWide(const std::string& point) { return point.size() >= 3; }  // CJK and other non-Latin scripts

bool IsWordChar(const std::string& point) {
    if (point.size() != 1) return false;
    const char c = point[0];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string Lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// Terms: lower-cased ASCII words (>= 2 letters) and bigrams of consecutive wide characters
// (a lone wide character is a term by itself).
std::set<std::string> Terms(const std::string& text) {
    std::set<std::string> terms;
    const auto points = CodePoints(Lower(text));
    std::string word;
    std::vector<std::string> run;
    auto flush_run = [&] {
        if (run.size() == 1) terms.insert(run[0]);
        for (std::size_t i = 0; i + 1 < run.size(); ++i) terms.insert(run[i] + run[i + 1]);
        run.clear();
    };
    for (const auto& point : points) {
        if (IsWordChar(point)) {
            flush_run();
            word += point;
            continue;
        }
        if (word.size() >= 2) terms.insert(word);
        word.clear();
        if (IsWide(point) && point != "\xE3\x80\x81" && point != "\xEF\xBC\x8C" && point != "\xE3\x80\x82" &&
            point != "\xEF\xBC\x9F")  // 、，。？ are punctuation, not words
            run.push_back(point);
        else
            flush_run();
    }
    if (word.size() >= 2) terms.insert(word);
    flush_run();
    return terms;
}

double Score(const std::set<std::string>& query, const std::string& text, double weight) {
    const auto terms = Terms(text);
    double score = 0;
    for (const auto& term : query)
        if (terms.count(term)) score += weight;
    return score;
}

}  // namespace

bool FaqIndex::Load(const std::string& dir, std::string& error) {
    articles_.clear();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return true;  // no FAQ configured: empty results
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        auto item = api::ParseWire<api::FaqItem>(text.str());
        if (!item || item.Value().id.empty()) {
            error = "FAQ article " + file.string() + " is invalid" +
                    (item ? std::string(": missing id") : ": " + item.GetError().message.en);
            return false;
        }
        articles_.push_back(std::move(item).Value());
    }
    std::sort(articles_.begin(), articles_.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return true;
}

const api::FaqItem* FaqIndex::Find(const std::string& id) const {
    const auto it = std::lower_bound(articles_.begin(), articles_.end(), id,
                                     [](const api::FaqItem& item, const std::string& key) { return item.id < key; });
    return it != articles_.end() && it->id == id ? &*it : nullptr;
}

api::FaqSearchResponse FaqIndex::Search(const std::string& query, const std::string& lang, int limit) const {
    api::FaqSearchResponse response;
    response.query = query;
    const auto terms = Terms(query);
    std::vector<api::FaqItem> scored;
    for (const auto& article : articles_) {
        api::FaqItem item = article;
        if (terms.empty()) {
            item.score = 0;
        } else {
            // The reader's language counts fully, the other one a little (people mix them).
            const bool en = lang == "en";
            const double main = 1.0, other = 0.5;
            std::string tags;
            for (const auto& tag : article.tags) tags += tag + " ";
            item.score = Score(terms, en ? article.question.en : article.question.zh, 3 * main) +
                         Score(terms, en ? article.answer.en : article.answer.zh, 1 * main) +
                         Score(terms, en ? article.question.zh : article.question.en, 3 * other) +
                         Score(terms, en ? article.answer.zh : article.answer.en, 1 * other) +
                         Score(terms, tags, 2);
            if (item.score <= 0) continue;
        }
        scored.push_back(std::move(item));
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    if (static_cast<int>(scored.size()) > limit) scored.resize(static_cast<std::size_t>(limit));
    response.items = std::move(scored);
    return response;
}

}  // namespace aftercare::serve
