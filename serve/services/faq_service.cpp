// FAQ loading and scoring.
#include "services/faq_service.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/money.h"

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

// "2 小时", "15 分钟", "1 小时 30 分钟"; "2 hours", "15 minutes", "1 hour 30 minutes".
core::LocalizedText Duration(std::int64_t minutes) {
    const std::int64_t hours = minutes / 60, rest = minutes % 60;
    std::string zh, en;
    if (hours > 0) {
        zh = std::to_string(hours) + " 小时";
        en = std::to_string(hours) + (hours == 1 ? " hour" : " hours");
    }
    if (rest > 0 || hours == 0) {
        zh += (zh.empty() ? "" : " ") + std::to_string(rest) + " 分钟";
        en += (en.empty() ? "" : " ") + std::to_string(rest) + (rest == 1 ? " minute" : " minutes");
    }
    return {zh, en};
}

core::LocalizedText Plain(const std::string& text) { return {text, text}; }

// "10 MB", "2.5 MB" (MiB, as the upload check counts).
std::string Megabytes(std::int64_t bytes) {
    const double megabytes = static_cast<double>(bytes) / (1024.0 * 1024.0);
    char text[32];
    if (bytes % (1024 * 1024) == 0) std::snprintf(text, sizeof text, "%lld MB", static_cast<long long>(bytes / (1024 * 1024)));
    else std::snprintf(text, sizeof text, "%.1f MB", megabytes);
    return text;
}

// "JPEG、PNG、WebP 和 PDF" / "JPEG, PNG, WebP and PDF" from the accepted media types.
core::LocalizedText FileTypes(const std::vector<std::string>& types) {
    std::vector<std::string> names;
    for (const std::string& type : types) {
        std::string name = type.substr(type.find('/') + 1); // "image/jpeg" -> "JPEG"
        for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        names.push_back(name == "WEBP" ? "WebP" : name);
    }
    core::LocalizedText joined;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const bool last = i + 1 == names.size() && i > 0;
        joined.zh += (i == 0 ? "" : last ? " 和 " : "、") + names[i];
        joined.en += (i == 0 ? "" : last ? " and " : ", ") + names[i];
    }
    return joined;
}

// "周一至周五 09:00–17:00" / "Mon–Fri 09:00–17:00", consecutive days with the same hours joined.
core::LocalizedText WeeklyHours(const core::ServiceHours& hours) {
    const char* const zh_days[7] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    const char* const en_days[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    core::LocalizedText text;
    for (int first = 0; first < 7;) {
        int last = first;
        while (last + 1 < 7 && hours.weekly[last + 1] == hours.weekly[first]) ++last;
        if (const auto& daily = hours.weekly[first]) {
            const std::string span = " " + core::FormatMinuteOfDay(daily->open_minute) + "–" +
                                     core::FormatMinuteOfDay(daily->close_minute);
            text.zh += (text.zh.empty() ? "" : "；") + std::string(zh_days[first]) +
                       (last > first ? std::string("至") + zh_days[last] : "") + span;
            text.en += (text.en.empty() ? "" : "; ") + std::string(en_days[first]) +
                       (last > first ? std::string("–") + en_days[last] : "") + span;
        }
        first = last + 1;
    }
    return text;
}

}  // namespace

std::map<std::string, core::LocalizedText> FaqPolicyValues(const core::Policy& policy) {
    const core::SlaPolicy& sla = policy.sla;
    std::map<std::string, core::LocalizedText> values;
    auto days = [](int count) { return Plain(std::to_string(count)); };
    values["reopen_days"] = days(policy.tickets.reopen_window_days);
    values["no_reason_days"] = days(policy.returns.no_reason_days);
    values["complaint_days"] = days(sla.complaint_answer_working_days);
    values["max_attachments"] = days(policy.tickets.max_attachments);
    values["max_attachment_size"] = Plain(Megabytes(policy.tickets.max_attachment_bytes));
    values["attachment_types"] = FileTypes(policy.tickets.attachment_types);
    values["satisfaction_target"] = Plain(std::to_string(static_cast<int>(policy.satisfaction.target_rate * 100.0 + 0.5)) + "%");
    values["part_in_stock"] = Duration(std::int64_t{policy.warranty.spare_part_in_stock_hours} * 60);
    values["part_ship"] = Duration(std::int64_t{policy.warranty.spare_part_ship_hours} * 60);
    const int months = policy.warranty.months;
    values["warranty_period"] = months % 12 == 0 && months > 0
                                    ? core::LocalizedText{std::to_string(months / 12) + " 年",
                                                          std::to_string(months / 12) + (months == 12 ? " year" : " years")}
                                    : core::LocalizedText{std::to_string(months) + " 个月",
                                                          std::to_string(months) + (months == 1 ? " month" : " months")};
    // A day limit on the unconditional DOA exchange only when the vendor set one.
    const auto& doa = policy.returns.dead_on_arrival_days;
    values["doa_limit"] = doa ? core::LocalizedText{"（签收后 " + std::to_string(*doa) + " 天内）",
                                                    " (within " + std::to_string(*doa) + " days of delivery)"}
                              : core::LocalizedText{"", ""};
    // Out of warranty: parts at cost, and labour only when the vendor charges it (§13.4: free).
    values["out_of_warranty_fees"] =
        policy.warranty.out_of_warranty_labour_free
            ? core::LocalizedText{"配件按成本价收取，免收服务及人工费用", "parts at cost, with no service or labour fee"}
            : core::LocalizedText{"配件按成本价收取，另收维修人工费 " + core::FormatMoney(policy.warranty.labour_fee_fen) +
                                      "，上门服务另收 " + core::FormatMoney(policy.warranty.on_site_fee_fen),
                                  "parts at cost plus a labour fee of " + core::FormatMoney(policy.warranty.labour_fee_fen) +
                                      " and, for visits, an on-site fee of " + core::FormatMoney(policy.warranty.on_site_fee_fen)};
    // Each priority's promises: "2 小时内响应、按约定时间上门、8 小时内解决".
    const std::pair<const char*, const core::PrioritySla*> priorities[] = {
        {"general", &sla.general}, {"serious", &sla.serious}, {"urgent", &sla.urgent}};
    for (const auto& [name, clock] : priorities) {
        const core::LocalizedText response = Duration(clock->first_response_minutes);
        const core::LocalizedText resolution = Duration(clock->resolution_minutes);
        const bool after_arrival = clock->resolution_from == core::ResolutionClockStart::WorkStarted;
        core::LocalizedText promise{response.zh + "内响应、", "a response within " + response.en + ", "};
        if (clock->dispatch_minutes) {
            const core::LocalizedText dispatch = Duration(*clock->dispatch_minutes);
            promise.zh += dispatch.zh + "内出发、";
            promise.en += "dispatch within " + dispatch.en + ", ";
        } else {
            promise.zh += "按约定时间上门、";
            promise.en += "a visit at an agreed time, ";
        }
        promise.zh += (after_arrival ? "到场后 " : "") + resolution.zh + "内解决";
        promise.en += "and a fix within " + resolution.en + (after_arrival ? " of arrival" : "");
        values[std::string(name) + "_promise"] = promise;
    }
    // The hotline sentence only when there is a number, with hours true to the service hours.
    if (policy.contact.hotline.empty()) {
        values["hotline_sentence"] = {"", ""};
    } else if (policy.service_hours.round_the_clock) {
        values["hotline_sentence"] = {"服务热线 " + policy.contact.hotline + "（7×24 小时）。",
                                      " Hotline: " + policy.contact.hotline + ", 24/7."};
    } else {
        const core::LocalizedText hours = WeeklyHours(policy.service_hours);
        values["hotline_sentence"] = {"服务热线 " + policy.contact.hotline + "（" + hours.zh + "，法定节假日除外）。",
                                      " Hotline: " + policy.contact.hotline + ", " + hours.en +
                                          " (public holidays excepted)."};
    }
    return values;
}

std::vector<std::string> PlaceholdersIn(const std::string& text) {
    std::vector<std::string> names;
    for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        names.push_back(text.substr(open + 1, close - open - 1));
    }
    return names;
}

std::string FillPlaceholders(const std::string& text, const std::map<std::string, core::LocalizedText>& values,
                             bool english) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t open = text.find('{', at);
        const std::size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) break;
        const auto found = values.find(text.substr(open + 1, close - open - 1));
        out.append(text, at, open - at);
        if (found != values.end()) out += english ? found->second.en : found->second.zh;
        else out.append(text, open, close - open + 1);
        at = close + 1;
    }
    out.append(text, std::min(at, text.size()), std::string::npos);
    return out;
}

namespace {

api::FaqItem Filled(const api::FaqItem& article, const std::map<std::string, core::LocalizedText>& values) {
    api::FaqItem item = article;
    item.question = {FillPlaceholders(article.question.zh, values, false), FillPlaceholders(article.question.en, values, true)};
    item.answer = {FillPlaceholders(article.answer.zh, values, false), FillPlaceholders(article.answer.en, values, true)};
    return item;
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
        const auto known = FaqPolicyValues(core::Policy{});
        const api::FaqItem& article = item.Value();
        for (const std::string* field : {&article.question.zh, &article.question.en, &article.answer.zh, &article.answer.en}) {
            for (const std::string& name : PlaceholdersIn(*field)) {
                if (known.count(name)) continue;
                error = "FAQ article " + file.string() + " uses {" + name + "}, which is no policy value";
                return false;
            }
        }
        articles_.push_back(std::move(item).Value());
    }
    std::sort(articles_.begin(), articles_.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return true;
}

std::optional<api::FaqItem> FaqIndex::Find(const std::string& id, const core::Policy& policy) const {
    const auto it = std::lower_bound(articles_.begin(), articles_.end(), id,
                                     [](const api::FaqItem& item, const std::string& key) { return item.id < key; });
    if (it == articles_.end() || it->id != id) return std::nullopt;
    return Filled(*it, FaqPolicyValues(policy));
}

api::FaqSearchResponse FaqIndex::Search(const std::string& query, const std::string& lang, int limit,
                                        const core::Policy& policy) const {
    api::FaqSearchResponse response;
    response.query = query;
    const auto terms = Terms(query);
    const auto values = FaqPolicyValues(policy);
    std::vector<api::FaqItem> scored;
    for (const auto& raw : articles_) {
        // Scored as the reader sees it, with the numbers filled in.
        const api::FaqItem article = Filled(raw, values);
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
