// Period exports as CSV; see export_service.hpp.
#include "services/export_service.hpp"

#include <cstdio>
#include <iterator>
#include <map>

#include "core/rating.h"
#include "core/service_number.h"
#include "core/time.h"
#include "core/vocabulary.h"
#include "csv_writer.hpp"
#include "services/domain_error.hpp"
#include "store/store.hpp"

namespace aftercare::serve::exports {
namespace {

// The endpoint's {set}, in the order of Set.
constexpr std::string_view kSetNames[] = {"tickets", "ratings", "complaints", "sla", "people"};

// The longest period one export covers: a year's review with room for its edges.
constexpr std::int64_t kMaxPeriodSeconds = 400LL * 86400;

struct Words {
    api::Language language;
    const std::string& operator()(const core::LocalizedText& text) const {
        return language == api::Language::En ? text.en : text.zh;
    }
    std::string_view operator()(std::string_view zh, std::string_view en) const {
        return language == api::Language::En ? en : zh;
    }
};

// "2026-12-03 14:05" in the vendor's zone; empty when there is no such moment.
std::string LocalTime(std::optional<std::int64_t> instant, core::UtcOffsetMinutes offset) {
    if (!instant) return {};
    const std::int64_t local = *instant + std::int64_t{offset} * 60;
    const std::int64_t of_day = ((local % 86400) + 86400) % 86400;
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(of_day / 3600), static_cast<int>(of_day / 60 % 60));
    return core::FormatIsoDate(core::LocalDate(*instant, offset)) + " " + clock;
}

std::string DisplayNumber(const std::string& number) {
    const auto parsed = core::ParseServiceNumber(number);
    return parsed ? parsed.Value().display : number;
}

template <class Enum>
std::string LabelOf(const std::string& wire, const Words& words) {
    Enum value{};
    if (!core::FromString(wire, value)) return wire;
    if constexpr (std::is_same_v<Enum, core::Priority>) return words(core::Label(value));
    else return words(core::Label(value, core::Audience::Staff));
}

// 0.875 -> "87.5"; 5400 seconds -> "1.5": one decimal, as a spreadsheet shows it.
std::string Percent(double rate) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", rate * 100.0);
    return text;
}
std::string Hours(std::int64_t seconds) {
    char text[24];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(seconds) / 3600.0);
    return text;
}

std::string YesNo(bool value, const Words& words) { return std::string(value ? words("是", "yes") : words("否", "no")); }

std::string Tickets(Services& services, std::int64_t from, std::int64_t to, const Words& words,
                    core::UtcOffsetMinutes offset, int& rows) {
    CsvWriter csv;
    csv.Row({words("服务编号", "Service number"), words("类型", "Kind"), words("紧急程度", "Priority"),
             words("状态", "State"), words("负责人", "Assignee"), words("提交时间", "Submitted"),
             words("首次响应", "First response"), words("解决时间", "Resolved"), words("超时", "Breached"),
             words("已升级", "Escalated")});
    for (const StatsRow& row : services.store.StatsRows(from, to)) {
        csv.Row({DisplayNumber(row.number), LabelOf<core::TicketKind>(row.kind, words),
                 LabelOf<core::Priority>(row.priority, words), LabelOf<core::TicketState>(row.state, words),
                 row.assignee, LocalTime(row.created_at, offset), LocalTime(row.first_response_at, offset),
                 LocalTime(row.resolved_at, offset), YesNo(row.breached, words), YesNo(row.escalated, words)});
        ++rows;
    }
    return csv.Take();
}

std::string Ratings(Services& services, std::int64_t from, std::int64_t to, const Words& words,
                    core::UtcOffsetMinutes offset, const core::Policy& policy, int& rows) {
    CsvWriter csv;
    csv.Row({words("服务编号", "Service number"), words("评价时间", "Rated"), words("服务质量", "Quality"),
             words("服务速度", "Speed"), words("服务态度", "Attitude"), words("服务范围", "Scope"),
             words("服务保障", "Guarantee"), words("问题已解决", "Solved"), words("满意", "Satisfied"),
             words("意见或建议", "Comment")});
    for (const RatingRow& row : services.store.RatingsGivenBetween(from, to)) {
        const core::Rating& r = row.rating;
        csv.Row({DisplayNumber(row.number), LocalTime(row.at, offset), std::to_string(r.quality), std::to_string(r.speed),
                 std::to_string(r.attitude), std::to_string(r.scope), std::to_string(r.guarantee),
                 YesNo(r.solved, words), YesNo(core::IsSatisfied(r, policy), words), r.comment});
        ++rows;
    }
    return csv.Take();
}

std::string Complaints(const api::StatsResponse& stats, const Words& words, core::UtcOffsetMinutes offset, int& rows) {
    CsvWriter csv;
    csv.Row({words("服务编号", "Service number"), words("投诉类型", "Category"), words("主题", "Subject"),
             words("相关服务编号", "Related ticket"), words("状态", "State"), words("提交时间", "Submitted"),
             words("答复期限", "Answer due"), words("已答复", "Answered"), words("逾期", "Late"),
             words("原因分析", "Root cause"), words("纠正措施", "Corrective action")});
    for (const api::ComplaintItem& item : stats.complaints) {
        const core::ComplaintFindings findings = item.findings.value_or(core::ComplaintFindings{});
        csv.Row({item.service_number, words(core::Label(item.category)), item.subject, item.related_ticket,
                 words(core::Label(item.state, core::Audience::Staff)), LocalTime(item.created_at, offset),
                 LocalTime(item.due_at, offset), YesNo(item.answered, words), YesNo(item.late, words),
                 findings.root_cause, findings.corrective_action});
        ++rows;
    }
    return csv.Take();
}

std::string Sla(const api::StatsResponse& stats, const Words& words, int& rows) {
    CsvWriter csv;
    // The last three columns are the standard's 48 h average ("解决客户问题的平均时间不超过48小时"),
    // which is over every resolved ticket: filled on the "All" row only.
    csv.Row({words("紧急程度", "Priority"), words("工单数", "Tickets"), words("超时", "Breached"),
             words("达标率 (%)", "Compliance (%)"), words("平均解决用时 (小时)", "Mean resolution (hours)"),
             words("平均解决用时目标 (小时)", "Mean resolution target (hours)"), words("平均达标", "Mean target met")});
    int tickets = 0, breached = 0;
    for (auto priority : {core::Priority::Urgent, core::Priority::Serious, core::Priority::General}) {
        const auto it = stats.sla_compliance.find(std::string(core::ToString(priority)));
        const api::SlaCompliance c = it == stats.sla_compliance.end() ? api::SlaCompliance{} : it->second;
        csv.Row({words(core::Label(priority)), std::to_string(c.tickets), std::to_string(c.breached),
                 Percent(c.compliance_rate), "", "", ""});
        tickets += c.tickets;
        breached += c.breached;
        ++rows;
    }
    const bool any_resolved = stats.resolution_seconds.count > 0;
    csv.Row({words("全部", "All"), std::to_string(tickets), std::to_string(breached),
             Percent(tickets ? 1.0 - static_cast<double>(breached) / tickets : 1.0),
             any_resolved ? Hours(stats.mean_resolution_seconds) : "", Hours(stats.resolution_target_seconds),
             any_resolved ? YesNo(stats.resolution_meets_target, words) : ""});
    return csv.Take();
}

// One row per staff member (the stats screen's 人员考核 card): the figures an appraisal uses
// (§10 三.2 "考核指标"), for the tickets of the period each one holds now.
std::string People(Services& services, const api::StatsResponse& stats, const Words& words, int& rows) {
    CsvWriter csv;
    csv.Row({words("账号", "Username"), words("姓名", "Name"), words("工单数", "Tickets"), words("已解决", "Resolved"),
             words("超时", "Breached"), words("准时率 (%)", "On time (%)"), words("被客户重开", "Reopened by customer"),
             words("返修", "Repeat repairs"), words("平均解决用时 (小时)", "Mean resolution (hours)"),
             words("评价数", "Ratings"), words("满意度 (%)", "Satisfaction (%)")});
    std::map<std::string, std::string> names;  // one read of the staff list, not one per row
    for (const StaffRecord& staff : services.store.ListStaff()) names.emplace(staff.username, staff.display_name);
    for (const api::AssigneeStats& person : stats.by_assignee) {
        const auto name = names.find(person.assignee);
        const core::SatisfactionStats& rated = person.satisfaction;
        csv.Row({person.assignee, name != names.end() ? name->second : std::string(), std::to_string(person.tickets),
                 std::to_string(person.resolved), std::to_string(person.breached), Percent(person.on_time_rate),
                 std::to_string(person.reopened), std::to_string(person.repeat_repairs),
                 person.resolved ? Hours(person.mean_resolution_seconds) : "", std::to_string(rated.count),
                 rated.count ? Percent(rated.rate) : ""});
        ++rows;
    }
    return csv.Take();
}

}  // namespace

std::optional<Set> ParseSet(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kSetNames); ++i)
        if (name == kSetNames[i]) return static_cast<Set>(i);
    return std::nullopt;
}

CsvFile Export(Services& services, const staff::Caller& caller, Set set, std::int64_t from, std::int64_t to,
               api::Language language) {
    if (!caller.permissions.all_tickets)
        throw DomainError(ErrorKind::Forbidden, "forbidden", "只有主管和管理员可以导出期间数据",
                          "Only supervisors and admins may export a period's data.");
    if (from >= to || to - from > kMaxPeriodSeconds)
        throw DomainError(ErrorKind::BadRequest, "invalid_value", "导出期间须在 1 秒到 400 天之间，且 from 早于 to",
                          "The period must run forward, from before to, and cover at most 400 days.", "from");
    const auto policy = services.Policy();
    const core::UtcOffsetMinutes offset = policy->calendar.vendor_utc_offset_minutes;
    const Words words{language};
    const std::string_view name = kSetNames[static_cast<int>(set)];

    CsvFile file;
    int rows = 0;
    switch (set) {
    case Set::Tickets: file.body = Tickets(services, from, to, words, offset, rows); break;
    case Set::Ratings: file.body = Ratings(services, from, to, words, offset, *policy, rows); break;
    case Set::Complaints: file.body = Complaints(staff::Stats(services, caller, from, to), words, offset, rows); break;
    case Set::Sla: file.body = Sla(staff::Stats(services, caller, from, to), words, rows); break;
    case Set::People: file.body = People(services, staff::Stats(services, caller, from, to), words, rows); break;
    }
    // The last day named is the one the period's last second falls on.
    file.file_name = "aftercare-" + std::string(name) + "-" + core::FormatIsoDate(core::LocalDate(from, offset)) + "-" +
                     core::FormatIsoDate(core::LocalDate(to - 1, offset)) + ".csv";
    services.store.Write([&](StoreTx& tx) {
        AuditRecord record;
        record.at = services.now();
        record.staff = caller.username;
        record.action = "export";
        record.detail = file.file_name + ": " + std::to_string(rows) + " rows";
        tx.InsertAudit(record);
    });
    return file;
}

}  // namespace aftercare::serve::exports
