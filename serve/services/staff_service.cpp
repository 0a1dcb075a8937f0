// Staff login, queue and statistics.
#include "services/staff_service.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "api/core_json.h"
#include "core/rating.h"
#include "core/sla.h"
#include "http_util.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve::staff {
namespace {

std::optional<std::pair<std::int64_t, std::int64_t>> DecodeCursor(const std::string& cursor) {
    const auto dot = cursor.find('.');
    if (dot == std::string::npos) return std::nullopt;
    std::int64_t key = 0, id = 0;
    auto [p1, e1] = std::from_chars(cursor.data(), cursor.data() + dot, key);
    auto [p2, e2] = std::from_chars(cursor.data() + dot + 1, cursor.data() + cursor.size(), id);
    if (e1 != std::errc() || e2 != std::errc() || p1 != cursor.data() + dot || p2 != cursor.data() + cursor.size())
        return std::nullopt;
    return std::make_pair(key, id);
}

// Nearest-rank percentile of sorted values.
std::int64_t Percentile(const std::vector<std::int64_t>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

Json Percentiles(std::vector<std::int64_t> values) {
    std::sort(values.begin(), values.end());
    return Json{{"count", values.size()},
                {"p50", Percentile(values, 0.50)},
                {"p90", Percentile(values, 0.90)},
                {"p99", Percentile(values, 0.99)}};
}

std::int64_t Mean(const std::vector<std::int64_t>& values) {
    if (values.empty()) return 0;
    long double sum = 0;
    for (auto v : values) sum += static_cast<long double>(v);
    return static_cast<std::int64_t>(sum / static_cast<long double>(values.size()));
}

}  // namespace

bool CreateAccount(Store& store, const std::string& username, const std::string& display_name,
                   const std::vector<std::string>& roles, const std::string& password, std::int64_t now) {
    StaffRecord record;
    record.username = username;
    record.display_name = display_name;
    record.roles = roles;
    if (password.empty()) {
        record.password_hash = "!";  // never a valid argon2 string: login impossible
    } else {
        auto hash = HashPassword(password);
        if (!hash) throw std::runtime_error("password hashing failed (out of memory?)");
        record.password_hash = *hash;
    }
    bool created = false;
    store.Write([&](StoreTx& tx) { created = tx.InsertStaff(record, now).has_value(); });
    return created;
}

api::StaffLoginResponse Login(Services& services, const api::StaffLoginRequest& request) {
    if (request.username.empty() || request.username.size() > 64 || request.password.size() > 1024)
        throw ApiError(401, "unauthorized", "用户名或密码不正确", "Wrong username or password.");
    auto staff = services.auth.Login(request.username, request.password);
    if (!staff) throw ApiError(401, "unauthorized", "用户名或密码不正确", "Wrong username or password.");
    api::StaffLoginResponse response;
    services.store.Write([&](StoreTx& tx) {
        response.access_token = services.auth.IssueStaffToken(tx, staff->id, services.now(), response.token_expires_at);
    });
    response.staff.id = staff->username;
    response.staff.display_name = staff->display_name;
    response.staff.roles = staff->roles;
    return response;
}

api::QueueResponse Queue(Services& services, const api::QueueFilter& filter) {
    QueueQuery query;
    if (filter.state) query.state = std::string(core::ToString(*filter.state));
    if (filter.kind) query.kind = std::string(core::ToString(*filter.kind));
    if (filter.priority) query.priority = std::string(core::ToString(*filter.priority));
    query.breached = filter.breached;
    if (!filter.assignee.empty()) query.assignee = filter.assignee;
    query.limit = std::clamp(filter.limit, 1, 200);
    if (!filter.cursor.empty()) {
        query.after = DecodeCursor(filter.cursor);
        if (!query.after) throw ApiError(400, "invalid_value", "分页游标无效", "Invalid cursor.", "cursor");
    }
    // One extra row tells whether another page exists.
    query.limit += 1;
    auto rows = services.store.Queue(query);
    api::QueueResponse response;
    const std::int64_t now = services.now();
    const std::size_t page = static_cast<std::size_t>(query.limit - 1);
    for (std::size_t i = 0; i < rows.size() && i < page; ++i)
        response.items.push_back(api::MakeQueueItem(rows[i].ticket, now, services.policy));
    if (rows.size() > page) {
        const auto& last = rows[page - 1];
        response.next_cursor = std::to_string(last.sort_key) + "." + std::to_string(last.id);
    }
    return response;
}

Json Stats(Services& services, std::int64_t from, std::int64_t to) {
    const auto rows = services.store.StatsRows(from, to);
    const auto ratings = services.store.Ratings(from, to);

    api::StatsResponse stats;
    stats.from = from;
    stats.to = to;
    stats.tickets_total = static_cast<int>(rows.size());
    stats.satisfaction = core::ComputeSatisfaction(ratings, services.policy);
    stats.satisfaction_target = services.policy.satisfaction.target_rate;

    std::vector<std::int64_t> first_response, resolution;
    struct Compliance {
        int tickets = 0;
        int breached = 0;
    };
    std::map<std::string, Compliance> compliance;
    for (auto priority : {core::Priority::General, core::Priority::Serious, core::Priority::Urgent})
        compliance[std::string(core::ToString(priority))];
    for (const auto& row : rows) {
        ++stats.by_state[row.state];
        ++stats.by_kind[row.kind];
        ++stats.by_priority[row.priority];
        if (row.breached) ++stats.breached;
        if (row.escalated) ++stats.escalated;
        auto& c = compliance[row.priority];
        ++c.tickets;
        if (row.breached) ++c.breached;
        if (row.first_response_at) first_response.push_back(*row.first_response_at - row.created_at);
        if (row.resolved_at) resolution.push_back(*row.resolved_at - row.created_at);
    }
    stats.mean_first_response_seconds = Mean(first_response);
    stats.mean_resolution_seconds = Mean(resolution);

    Json body;
    to_json(body, stats);
    // Beyond the api's StatsResponse (to be moved into src/api): per-priority SLA compliance and
    // time percentiles, which means alone hide.
    Json per_priority = Json::object();
    for (const auto& [priority, c] : compliance) {
        per_priority[priority] = {{"tickets", c.tickets},
                                  {"breached", c.breached},
                                  {"compliance_rate", c.tickets ? 1.0 - static_cast<double>(c.breached) / c.tickets : 1.0}};
    }
    body["sla_compliance"] = per_priority;
    body["first_response_seconds"] = Percentiles(std::move(first_response));
    body["resolution_seconds"] = Percentiles(std::move(resolution));
    body["satisfaction_meets_target"] = stats.satisfaction.meets_target;
    return body;
}

api::TicketView Assign(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                       const api::AssignRequest& request) {
    if (!request.assignee.empty() && !services.store.FindStaff(request.assignee))
        throw ApiError(422, "unknown_assignee", "没有这个员工账号", "There is no staff member with this id.", "assignee");
    core::TransitionRequest transition;
    transition.action = core::Action::Assign;
    transition.actor = actor;
    transition.assignee = request.assignee;
    transition.note = request.note;
    return tickets::Act(services, ticket_id, transition, std::nullopt, core::ActorRole::Staff);
}

}  // namespace aftercare::serve::staff
