// Staff use cases; see staff_service.hpp.
//
// [SECTION] Accounts and login
// [SECTION] Queue and change feed
// [SECTION] Ticket work by role
// [SECTION] Reveals and the audit log
// [SECTION] Staff directory and policy (admin)
// [SECTION] Statistics
#include "services/staff_service.hpp"
#include "services/followup_service.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>

#include "api/core_json.h"
#include "api/policy_json.h"
#include "core/calendar.h"
#include "core/rating.h"
#include "core/sla.h"
#include "core/validation.h"
#include "json_fields.hpp"
#include "services/domain_error.hpp"
#include "services/ticket_service.hpp"

namespace aftercare::serve::staff {
namespace {

constexpr int kDisplayNameMax = 50;

DomainError Forbidden(std::string zh, std::string en) {
    return DomainError(ErrorKind::Forbidden, "forbidden", std::move(zh), std::move(en));
}

void Record(StoreTx& tx, std::int64_t at, const Caller& caller, std::string action, std::int64_t ticket_id,
            std::string detail) {
    AuditRecord record;
    record.at = at;
    record.staff = caller.username;
    record.action = std::move(action);
    record.ticket_id = ticket_id;
    record.detail = std::move(detail);
    tx.InsertAudit(record);
}

api::StaffAccount ToAccount(const StaffRecord& record) {
    return api::StaffAccount{record.username, record.display_name, record.roles, record.active, record.created_at,
                             record.email,    record.phone,        record.language};
}

// Optional contact details for escalation notices: "" clears; otherwise a valid e-mail / phone,
// normalised like a customer's. Errors go to `errors`.
std::string CheckContact(const std::string& value, bool phone, core::FieldErrors& errors) {
    if (value.empty()) return value;
    auto normalized = phone ? core::NormalizePhone(value, "phone") : core::NormalizeEmail(value, "email");
    if (!normalized) {
        errors.push_back(normalized.GetError());
        return value;
    }
    return std::move(normalized).Value();
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Accounts and login
//-----------------------------------------------------------------------------

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

bool IsValidUsername(const std::string& name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-' || c == '@';
        if (!ok) return false;
    }
    return true;
}

Caller CallerOf(const Principal& who) {
    return Caller{who.staff_username, core::PermissionsFor(who.staff_roles)};
}

api::StaffLoginResponse Login(Services& services, const api::StaffLoginRequest& request, const std::string& client) {
    const auto wrong = [] {
        return DomainError(ErrorKind::Unauthenticated, "unauthorized", "用户名或密码不正确",
                           "Wrong username or password.");
    };
    // A name that cannot be an account is refused without a password check or an audit row.
    if (!IsValidUsername(request.username) || request.password.size() > 1024) throw wrong();
    const Caller who{request.username, {}};
    auto result = services.auth.Login(request.username, request.password);
    using Status = Auth::LoginResult::Status;
    if (result.status == Status::Busy) {
        DomainError error(ErrorKind::Busy, "busy", "登录人数过多，请稍后再试",
                          "Too many logins at once; try again in a moment.");
        error.retry_after_seconds = result.retry_after_seconds;
        throw error;
    }
    if (result.status != Status::Ok) {
        const bool backing_off = result.status == Status::AccountBackOff;
        services.store.Write([&](StoreTx& tx) {
            Record(tx, services.now(), who, backing_off ? "login_refused" : "login_failed", 0, "from " + client);
        });
        if (!backing_off) throw wrong();
        DomainError error(ErrorKind::RateLimited, "rate_limited", "该账号登录失败次数过多，请稍后再试",
                          "Too many failed logins for this account; try again later.");
        error.retry_after_seconds = result.retry_after_seconds;
        throw error;
    }
    const auto& staff = result.staff;
    api::StaffLoginResponse response;
    services.store.Write([&](StoreTx& tx) {
        response.access_token = services.auth.IssueStaffToken(tx, staff->id, services.now(), response.token_expires_at);
        Record(tx, services.now(), who, "login", 0, "from " + client);
    });
    response.staff.id = staff->username;
    response.staff.display_name = staff->display_name;
    response.staff.roles = staff->roles;
    return response;
}

//-----------------------------------------------------------------------------
// [SECTION] Queue and change feed
//-----------------------------------------------------------------------------

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

QueueOrder OrderOf(const std::string& column) {
    static constexpr std::pair<std::string_view, QueueOrder> kOrders[] = {
        {"sla", QueueOrder::Sla},           {"created", QueueOrder::Created}, {"updated", QueueOrder::Updated},
        {"priority", QueueOrder::Priority}, {"state", QueueOrder::State},     {"kind", QueueOrder::Kind},
        {"number", QueueOrder::Number},     {"assignee", QueueOrder::Assignee},
    };
    for (const auto& [name, order] : kOrders) {
        if (name == column) return order;
    }
    throw DomainError(ErrorKind::BadRequest, "invalid_value", "不支持按该列排序",
                      "The queue cannot be sorted by this column.", "sort");
}

QueueSla SlaOf(const std::string& value) {
    if (value.empty()) return QueueSla::Any;
    if (value == api::kSlaFilterBreached) return QueueSla::Breached;
    if (value == api::kSlaFilterSoon) return QueueSla::Soon;
    if (value == api::kSlaFilterOnTrack) return QueueSla::OnTrack;
    throw DomainError(ErrorKind::BadRequest, "invalid_value", "sla 取值应为 breached、soon 或 on_track",
                      "sla must be breached, soon or on_track.", "sla");
}

}  // namespace

api::QueueResponse Queue(Services& services, const Caller& caller, const api::QueueFilter& filter) {
    const std::int64_t now = services.now();
    QueueQuery query;
    if (filter.state) query.state = std::string(core::ToString(*filter.state));
    if (filter.kind) query.kind = std::string(core::ToString(*filter.kind));
    if (filter.priority) query.priority = std::string(core::ToString(*filter.priority));
    query.breached = filter.breached;
    if (!filter.assignee.empty()) query.assignee = filter.assignee;
    query.unassigned = filter.unassigned;
    if (!caller.permissions.all_tickets) query.visible_to = caller.username;
    query.sla = SlaOf(filter.sla);
    query.soon_until = now + core::kBreachingSoonSeconds;
    query.order = OrderOf(filter.sort);
    query.descending = filter.descending;
    query.limit = std::clamp(filter.limit, 1, 200);
    if (!filter.cursor.empty()) {
        if (query.order != QueueOrder::Sla || query.descending || filter.offset)
            throw DomainError(ErrorKind::BadRequest, "invalid_value", "分页游标只能用于默认排序",
                              "A cursor pages the default order only.", "cursor");
        query.after = DecodeCursor(filter.cursor);
        if (!query.after)
            throw DomainError(ErrorKind::BadRequest, "invalid_value", "分页游标无效", "Invalid cursor.",
                              "cursor");
    }
    query.offset = filter.offset.value_or(0);

    api::QueueResponse response;
    // The version first: a change landing while we read is then reported again, never missed.
    response.version = static_cast<std::int64_t>(services.live.AnyVersion());
    response.offset = static_cast<int>(query.offset);
    response.total = services.store.CountQueue(query);
    // One extra row tells whether another page exists.
    query.limit += 1;
    auto rows = services.store.Queue(query);
    const auto policy = services.Policy();
    const std::size_t page = static_cast<std::size_t>(query.limit - 1);
    for (std::size_t i = 0; i < rows.size() && i < page; ++i)
        response.items.push_back(api::MakeQueueItem(rows[i].ticket, now, *policy));
    if (rows.size() > page && query.order == QueueOrder::Sla && !query.descending) {
        const auto& last = rows[page - 1];
        response.next_cursor = std::to_string(last.sort_key) + "." + std::to_string(last.id);
    }
    return response;
}

api::ChangesResponse Changes(Services& services, std::int64_t since, SteadyTime deadline) {
    const auto seen = static_cast<std::uint64_t>(since);
    const std::uint64_t version = services.live.AnyVersion();
    if (version == seen && std::chrono::steady_clock::now() < deadline)
        LiveUpdates::Park(LiveUpdates::kAnyTicket, seen, deadline);
    return api::ChangesResponse{static_cast<std::int64_t>(version)};
}

//-----------------------------------------------------------------------------
// [SECTION] Ticket work by role
//-----------------------------------------------------------------------------

namespace {

void CheckAccess(const Caller& caller, const core::Ticket& ticket) {
    if (!core::CanWorkTicket(caller.permissions, caller.username, ticket.assignee))
        throw Forbidden("这张工单已派给其他工程师，只有主管可以查看和处理",
                        "This ticket is assigned to someone else; only a supervisor may work on it.");
}

}  // namespace

tickets::TicketGuard TicketGuardFor(const Caller& caller) {
    return [caller](const core::Ticket& ticket) { CheckAccess(caller, ticket); };
}

void RequireTicketAccess(Services& services, const Caller& caller, std::int64_t ticket_id) {
    auto stored = services.store.LoadTicketById(ticket_id);
    if (!stored)
        throw DomainError(ErrorKind::NotFound, "not_found", "没有找到这张工单", "No ticket matches.");
    CheckAccess(caller, stored->ticket);
}

api::TicketView Assign(Services& services, std::int64_t ticket_id, const Caller& caller,
                       const api::AssignRequest& request) {
    if (!request.assignee.empty()) {
        auto assignee = services.store.FindStaff(request.assignee);
        if (!assignee || !assignee->active)
            throw DomainError(ErrorKind::InvalidValue, "unknown_assignee", "没有这个员工账号",
                              "There is no staff member with this id.", "assignee");
    }
    core::TransitionRequest transition;
    transition.action = core::Action::Assign;
    transition.actor = core::Actor{core::ActorRole::Staff, caller.username};
    transition.assignee = request.assignee;
    transition.note = request.note;
    const tickets::TicketGuard guard = [&caller](const core::Ticket& ticket) {
        CheckAccess(caller, ticket);
        if (!core::CanAssign(caller.permissions, ticket.assignee))
            throw Forbidden("改派已派工的工单需要主管权限", "Reassigning a dispatched ticket needs a supervisor.");
    };
    return tickets::Act(services, ticket_id, transition, std::nullopt, core::ActorRole::Staff, guard);
}

api::TicketView Transition(Services& services, std::int64_t ticket_id, const Caller& caller,
                           const api::TransitionRequestWire& request) {
    if (request.action == core::Action::Assign && !request.assignee.empty())
        return Assign(services, ticket_id, caller, api::AssignRequest{request.assignee, request.note});
    if (request.action == core::Action::Escalate && !caller.permissions.escalate)
        throw Forbidden("手动升级需要主管权限", "Escalating by hand needs a supervisor.");
    const core::Actor actor{core::ActorRole::Staff, caller.username};
    return tickets::Act(services, ticket_id, api::ToTransitionRequest(request, actor), request.expected_sequence,
                        core::ActorRole::Staff, TicketGuardFor(caller));
}

api::TicketView RecordWork(Services& services, std::int64_t ticket_id, const Caller& caller,
                           const api::WorkRequest& request) {
    return tickets::RecordWork(services, ticket_id, core::Actor{core::ActorRole::Staff, caller.username},
                               api::ToWorkEntry(request), TicketGuardFor(caller));
}

tickets::CreateResult Intake(Services& services, const Caller& caller, core::TicketDraft draft,
                             const std::string& request_hash, const std::string& idempotency_key) {
    const std::string channel(core::ToString(draft.channel));
    return tickets::Create(services, std::move(draft), request_hash, "staff:" + caller.username, idempotency_key,
                           core::Actor{core::ActorRole::Staff, caller.username},
                           [&](StoreTx& tx, const StoredTicket& stored) {
                               Record(tx, services.now(), caller, "ticket_intake", stored.id, channel);
                           });
}

api::TicketView AddMessage(Services& services, std::int64_t ticket_id, const Caller& caller, std::string text) {
    return tickets::AddMessage(services, ticket_id, core::Actor{core::ActorRole::Staff, caller.username},
                               std::move(text), core::ActorRole::Staff, TicketGuardFor(caller));
}

api::TicketView AddNote(Services& services, std::int64_t ticket_id, const Caller& caller, api::NoteRequest request) {
    return tickets::AddNote(services, ticket_id, core::Actor{core::ActorRole::Staff, caller.username},
                            std::move(request.text), request.quality_incident, TicketGuardFor(caller));
}

//-----------------------------------------------------------------------------
// [SECTION] Reveals and the audit log
//-----------------------------------------------------------------------------

namespace {

// The reason a reveal gives, checked before anything is read: "contact_customer", or
// "other: <note>" (the audit entry's detail).
std::string RevealReasonOf(const api::RevealRequest& request) {
    if (request.reason.empty()) {
        throw DomainError(core::MakeError("required", "查看客户联系方式前请选择原因",
                                          "Choose why you need to see the customer's contact details.",
                                          "reason"));
    }
    if (!api::IsRevealReason(request.reason)) {
        // A refused value, like every other field check (not a malformed body).
        throw DomainError(
            ErrorKind::InvalidValue,
            core::MakeError("invalid_value", "原因须为：联系客户、上门服务、核实身份或其他",
                            "The reason is one of contact_customer, on_site_visit, verify_identity, other.",
                            "reason"));
    }
    const bool other = request.reason == api::kRevealReasonOther;
    if (auto error = core::CheckText("note", request.note, other ? 2 : 0, api::kRevealNoteMax, false)) {
        if (error->code == "required") {
            throw DomainError(core::MakeError("required", "选择“其他”时请写明原因",
                                              "With “other”, say why in the note.", "note"));
        }
        throw DomainError(*error);
    }
    // Blank notes add nothing to the record; surrounding spaces neither.
    const auto first = request.note.find_first_not_of(' ');
    if (first == std::string::npos) return request.reason;
    const std::string note = request.note.substr(first, request.note.find_last_not_of(' ') - first + 1);
    return request.reason + ": " + note;
}

}  // namespace

api::RevealResponse Reveal(Services& services, std::int64_t ticket_id, const Caller& caller,
                           const api::RevealRequest& request) {
    const std::string reason = RevealReasonOf(request);
    // Per account, so one person (or one stolen session) cannot page through every customer's
    // contact details; a refused or failed reveal gives its charge back.
    if (const int wait = services.reveals.Take(caller.username); wait > 0) {
        const std::string minutes = std::to_string((wait + 59) / 60);
        DomainError error(
            ErrorKind::RateLimited, "rate_limited", "查看客户联系方式过于频繁，请 " + minutes + " 分钟后再试",
            "Too many contact details revealed from this account; try again in " + minutes + " min.");
        error.retry_after_seconds = wait;
        throw error;
    }
    api::RevealResponse response;
    response.field = request.field;
    try {
        // Read and audit in one transaction: whoever sees the value is on record, without exception.
        services.store.Write([&](StoreTx& tx) {
            auto stored = tx.LoadTicketById(ticket_id);
            if (!stored)
                throw DomainError(ErrorKind::NotFound, "not_found", "没有找到这张工单", "No ticket matches.");
            CheckAccess(caller, stored->ticket);
            const core::TicketDraft& details = stored->ticket.details;
            response.value = request.field == api::kRevealPhone ? details.customer.phone : details.address;
            response.revealed_at = services.now();
            Record(tx, response.revealed_at, caller, "reveal_" + request.field, ticket_id, reason);
        });
    } catch (...) {
        services.reveals.Refund(caller.username);
        throw;
    }
    return response;
}

AttachmentRecord DownloadAttachment(Services& services, const Caller& caller, std::int64_t ticket_id,
                                    const std::string& attachment_id) {
    std::optional<AttachmentRecord> record;
    // Read and audit together, like a reveal: a photo of a receipt or an ID is personal data.
    services.store.Write([&](StoreTx& tx) {
        auto stored = tx.LoadTicketById(ticket_id);
        if (!stored)
            throw DomainError(ErrorKind::NotFound, "not_found", "没有找到这张工单", "No ticket matches.");
        CheckAccess(caller, stored->ticket);
        record = services.store.LoadAttachment(ticket_id, attachment_id);
        if (!record)
            throw DomainError(ErrorKind::NotFound, "not_found", "没有找到该附件", "No such attachment.");
        Record(tx, services.now(), caller, "download_attachment", ticket_id, record->file_name);
    });
    return std::move(*record);
}

api::AuditResponse Audit(Services& services, const Caller& caller, std::optional<std::int64_t> ticket_id, int limit) {
    if (ticket_id) {
        RequireTicketAccess(services, caller, *ticket_id);
    } else if (!caller.permissions.audit) {
        throw Forbidden("查看审计日志需要主管或管理员权限", "The audit log is for supervisors and admins.");
    }
    api::AuditResponse response;
    for (auto& record : services.store.Audit(ticket_id.value_or(0), limit)) {
        response.entries.push_back(api::AuditEntry{record.id, record.at, std::move(record.staff),
                                                   std::move(record.action), std::move(record.service_number),
                                                   std::move(record.detail)});
    }
    return response;
}

//-----------------------------------------------------------------------------
// [SECTION] Staff directory and policy (admin)
//-----------------------------------------------------------------------------

namespace {

void RequireAdmin(bool allowed) {
    if (!allowed) throw Forbidden("此操作需要管理员权限", "This needs an administrator.");
}

core::FieldErrors CheckRoles(const std::vector<std::string>& roles) {
    core::FieldErrors errors;
    if (roles.empty()) errors.push_back(core::MakeError("required", "请至少选择一个角色", "Choose at least one role", "roles"));
    for (const std::string& role : roles) {
        if (!core::IsKnownStaffRole(role))
            errors.push_back(core::MakeError("unknown_role", "未知的角色：" + role, "Unknown role: " + role, "roles"));
    }
    return errors;
}

std::optional<core::Error> CheckPassword(const std::string& password) {
    if (password.size() < kMinPasswordLength || password.size() > 1024)
        return core::MakeError("too_short", "密码至少需要 " + std::to_string(kMinPasswordLength) + " 个字符",
                               "The password needs at least " + std::to_string(kMinPasswordLength) + " characters",
                               "password");
    return std::nullopt;
}

std::string HashOrThrow(const std::string& password) {
    auto hash = HashPassword(password);
    if (!hash) throw std::runtime_error("password hashing failed (out of memory?)");
    return *hash;
}

std::string JoinRoles(const std::vector<std::string>& roles) {
    std::string joined;
    for (const auto& role : roles) joined += (joined.empty() ? "" : ",") + role;
    return joined;
}

}  // namespace

api::StaffListResponse Members(Services& services, const Caller& caller) {
    api::StaffListResponse response;
    for (const StaffRecord& record : services.store.ListStaff()) {
        api::StaffAccount account = ToAccount(record);
        // An agent needs names to assign work, not who holds which powers or colleagues' contacts.
        if (!caller.permissions.manage_staff) {
            account.roles.clear();
            account.email.clear();
            account.phone.clear();
        }
        response.members.push_back(std::move(account));
    }
    return response;
}

api::StaffAccount CreateMember(Services& services, const Caller& caller, const api::CreateStaffRequest& request) {
    RequireAdmin(caller.permissions.manage_staff);
    core::FieldErrors errors;
    if (!IsValidUsername(request.username))
        errors.push_back(core::MakeError("invalid_username", "用户名须为 1–64 个字母、数字或 . _ @ -",
                                         "A username is 1-64 of letters, digits and . _ @ -", "username"));
    if (auto error = core::CheckText("display_name", request.display_name, 1, kDisplayNameMax, false))
        errors.push_back(*error);
    for (auto& error : CheckRoles(request.roles)) errors.push_back(std::move(error));
    if (!request.password.empty())
        if (auto error = CheckPassword(request.password)) errors.push_back(*error);
    if (!errors.empty()) throw DomainError(std::move(errors));

    StaffRecord record;
    record.username = request.username;
    record.display_name = request.display_name;
    record.roles = request.roles;
    record.password_hash = request.password.empty() ? "!" : HashOrThrow(request.password);
    record.created_at = services.now();
    services.store.Write([&](StoreTx& tx) {
        if (!tx.InsertStaff(record, record.created_at))
            throw DomainError(ErrorKind::Conflict, "conflict", "该用户名已被使用", "This username is taken.",
                              "username");
        Record(tx, record.created_at, caller, "staff_create", 0, record.username + " " + JoinRoles(record.roles));
    });
    return ToAccount(record);
}

api::StaffAccount UpdateMember(Services& services, const Caller& caller, const std::string& username,
                               const api::UpdateStaffRequest& request) {
    RequireAdmin(caller.permissions.manage_staff);
    core::FieldErrors errors;
    if (request.display_name)
        if (auto error = core::CheckText("display_name", *request.display_name, 1, kDisplayNameMax, false))
            errors.push_back(*error);
    if (request.roles)
        for (auto& error : CheckRoles(*request.roles)) errors.push_back(std::move(error));
    if (request.password)
        if (auto error = CheckPassword(*request.password)) errors.push_back(*error);
    std::optional<std::string> email, phone;
    if (request.email) email = CheckContact(*request.email, false, errors);
    if (request.phone) phone = CheckContact(*request.phone, true, errors);
    if (request.language && *request.language != "zh-CN" && *request.language != "en")
        errors.push_back(core::MakeError("not_allowed", "通知语言须为 zh-CN 或 en", "The language is zh-CN or en", "language"));
    // An admin cannot lock themselves out: someone must always be able to manage accounts.
    if (username == caller.username) {
        if (request.active && !*request.active)
            errors.push_back(core::MakeError("not_allowed", "不能停用自己的账号", "You cannot deactivate yourself", "active"));
        if (request.roles && !core::PermissionsFor(*request.roles).manage_staff)
            errors.push_back(core::MakeError("not_allowed", "不能移除自己的管理员角色", "You cannot drop your own admin role",
                                             "roles"));
    }
    if (!errors.empty()) throw DomainError(std::move(errors));
    const std::string new_hash = request.password ? HashOrThrow(*request.password) : std::string();

    auto current = services.store.FindStaff(username);
    if (!current)
        throw DomainError(ErrorKind::NotFound, "not_found", "没有这个员工账号",
                          "There is no staff member with this id.");
    StaffRecord saved = *current;
    std::string detail = username;
    if (request.display_name) {
        saved.display_name = *request.display_name;
        detail += " name";
    }
    if (request.roles) {
        saved.roles = *request.roles;
        detail += " roles=" + JoinRoles(saved.roles);
    }
    if (request.active) {
        saved.active = *request.active;
        detail += saved.active ? " activated" : " deactivated";
    }
    if (request.password) {
        saved.password_hash = new_hash;
        detail += " password";
    }
    if (email) {
        saved.email = *email;
        detail += " email";
    }
    if (request.language) {
        saved.language = *request.language;
        detail += " language=" + saved.language;
    }
    if (phone) {
        saved.phone = *phone;
        detail += " phone";
    }
    services.store.Write([&](StoreTx& tx) {
        tx.UpdateStaff(saved);
        if (!saved.active || request.password) tx.DeleteStaffTokens(saved.id);
        Record(tx, services.now(), caller, "staff_update", 0, detail);
    });
    return ToAccount(saved);
}

std::string UpdatePolicy(Services& services, const Caller& caller, const api::Json& body) {
    RequireAdmin(caller.permissions.edit_policy);
    // Types first (a string where a number belongs), then unknown keys (a typo would otherwise be
    // ignored silently), then every range rule.
    auto parsed = api::FromJson<core::Policy>(body);
    if (!parsed) throw DomainError(ErrorKind::InvalidValue, parsed.GetError());
    api::Json known;
    to_json(known, parsed.Value());
    RejectUnknownFields(body, known, "");
    // Every problem at once, so the editor can mark each field.
    if (auto errors = core::ValidatePolicy(parsed.Value()); !errors.empty())
        throw DomainError(ErrorKind::InvalidValue, std::move(errors));
    core::Policy policy = std::move(parsed).Value();
    policy.version = services.Policy()->version + 1;
    const std::string text = api::SerializePolicy(policy);
    services.store.Write([&](StoreTx& tx) {
        tx.SetMeta(kPolicyMetaKey, text);
        Record(tx, services.now(), caller, "policy_update", 0, "version " + std::to_string(policy.version));
    });
    services.policies.Set(std::move(policy));
    // Deadlines follow the policy: every open ticket's SLA view changes, so tell the watchers
    // (no ticket has id 0; this moves only the "any ticket" counter the console follows).
    services.live.Notify(0);
    return text;
}

//-----------------------------------------------------------------------------
// [SECTION] Statistics
//-----------------------------------------------------------------------------

namespace {

// Nearest-rank percentile of sorted values.
std::int64_t Percentile(const std::vector<std::int64_t>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

api::DurationDistribution Distribution(std::vector<std::int64_t> values, std::vector<std::int64_t> bounds) {
    std::sort(values.begin(), values.end());
    api::DurationDistribution out;
    out.count = static_cast<int>(values.size());
    out.p50 = Percentile(values, 0.50);
    out.p90 = Percentile(values, 0.90);
    out.p99 = Percentile(values, 0.99);
    out.buckets.assign(bounds.size() + 1, 0);
    for (std::int64_t v : values) {
        const auto slot = std::lower_bound(bounds.begin(), bounds.end(), v) - bounds.begin();
        ++out.buckets[static_cast<std::size_t>(slot)];
    }
    out.bucket_upper_seconds = std::move(bounds);
    return out;
}

std::int64_t Mean(const std::vector<std::int64_t>& values) {
    if (values.empty()) return 0;
    long double sum = 0;
    for (auto v : values) sum += static_cast<long double>(v);
    return static_cast<std::int64_t>(sum / static_cast<long double>(values.size()));
}

// Ratings per vendor-local day; longer ranges use whole weeks (or more) per point, so a chart
// never has more than about three months' worth of points.
std::vector<api::SatisfactionPoint> SatisfactionSeries(const std::vector<RatingRow>& ratings, std::int64_t from,
                                                       std::int64_t to, const core::Policy& policy,
                                                       std::int64_t& bucket_seconds) {
    const core::UtcOffsetMinutes offset = policy.calendar.vendor_utc_offset_minutes;
    const core::DayNumber first_day = core::LocalDayNumber(from, offset);
    const core::DayNumber last_day = core::LocalDayNumber(to - 1, offset);
    constexpr std::int64_t kMaxPoints = 92;
    const std::int64_t days = last_day - first_day + 1;
    const std::int64_t days_per_bucket = days <= kMaxPoints ? 1 : ((days + kMaxPoints - 1) / kMaxPoints + 6) / 7 * 7;
    bucket_seconds = days_per_bucket * core::kSecondsPerDay;
    const std::size_t count = static_cast<std::size_t>((last_day - first_day) / days_per_bucket + 1);
    std::vector<api::SatisfactionPoint> series(count);
    std::vector<std::vector<core::Rating>> grouped(count);
    for (std::size_t i = 0; i < count; ++i)
        series[i].from = core::LocalDayStart(first_day + static_cast<std::int64_t>(i) * days_per_bucket, offset);
    for (const RatingRow& row : ratings) {
        const core::DayNumber day = core::LocalDayNumber(row.at, offset);
        if (day < first_day || day > last_day) continue;
        grouped[static_cast<std::size_t>((day - first_day) / days_per_bucket)].push_back(row.rating);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const core::SatisfactionStats s = core::ComputeSatisfaction(grouped[i], policy);
        series[i].count = s.count;
        series[i].satisfied = s.satisfied;
        series[i].mean_quality = s.mean_quality;
        series[i].mean_speed = s.mean_speed;
        series[i].mean_attitude = s.mean_attitude;
        series[i].mean_scope = s.mean_scope;
        series[i].mean_guarantee = s.mean_guarantee;
    }
    return series;
}

std::vector<api::ComplaintItem> ComplaintItems(Services& services, const Caller& caller, std::int64_t from,
                                               std::int64_t to, const core::Policy& policy) {
    const std::int64_t now = services.now();
    const core::WorkCalendar calendar(policy.calendar.holidays, policy.calendar.makeup_workdays);
    const core::UtcOffsetMinutes offset = policy.calendar.vendor_utc_offset_minutes;
    std::vector<api::ComplaintItem> items;
    for (const StoredTicket& stored : services.store.Complaints(from, to, 200)) {
        const core::Ticket& ticket = stored.ticket;
        // The list names tickets: only those the caller may work on (an agent's own and unassigned).
        if (!core::CanWorkTicket(caller.permissions, caller.username, ticket.assignee)) continue;
        const core::Deadline deadline = core::EvaluateSla(ticket, now, policy).Get(core::SlaClock::Resolution);
        if (!deadline.due_at) continue;
        api::ComplaintItem item;
        item.service_number = ticket.service_number;
        item.subject = ticket.details.subject;
        item.state = ticket.state;
        item.created_at = ticket.created_at;
        item.due_at = *deadline.due_at;
        item.answered = deadline.met_at.has_value();
        item.late = deadline.Breached();
        if (ticket.details.complaint) {
            item.category = ticket.details.complaint->category;
            item.related_ticket = ticket.details.complaint->related_ticket;
        }
        if (const core::ComplaintFindings* findings = core::ComplaintFindingsOf(ticket)) item.findings = *findings;
        const core::DayNumber today = core::LocalDayNumber(now, offset);
        const core::DayNumber due_day = core::LocalDayNumber(item.due_at, offset);
        item.working_days_left = due_day >= today ? calendar.WorkingDaysBetween(today, due_day)
                                                  : -calendar.WorkingDaysBetween(due_day, today);
        items.push_back(std::move(item));
    }
    // Open ones first, the nearest deadline on top.
    std::stable_sort(items.begin(), items.end(), [](const api::ComplaintItem& a, const api::ComplaintItem& b) {
        if (a.answered != b.answered) return !a.answered;
        return a.due_at < b.due_at;
    });
    return items;
}

// Complaints by what they are about (§17 (3)4) "分析总结造成客户投诉的原因"), every category listed.
std::map<std::string, api::ComplaintCategoryCount> ComplaintCategoryCounts(const std::vector<StatsRow>& rows) {
    std::map<std::string, api::ComplaintCategoryCount> counts;
    for (core::ComplaintCategory category : core::kAllComplaintCategories) counts[std::string(core::ToString(category))];
    for (const auto& row : rows) {
        if (row.kind != core::ToString(core::TicketKind::Complaint)) continue;
        auto& count = counts[row.complaint_category];
        ++count.total;
        if (row.ResolvedOnce()) ++count.answered;
        if (row.breached) ++count.breached;
    }
    return counts;
}

// Tickets by how they came in, every channel listed so a chart keeps its rows.
std::map<std::string, int> ChannelCounts(const std::vector<StatsRow>& rows) {
    std::map<std::string, int> counts;
    for (core::Channel channel : core::kAllChannels) counts[std::string(core::ToString(channel))] = 0;
    for (const auto& row : rows) ++counts[row.channel.empty() ? "web" : row.channel];
    return counts;
}

// Per staff member (§10 三.2 考核指标), from the period's tickets as they are assigned now, and the
// period's ratings of those tickets. An agent sees only their own row (CanWorkTicket), as they see
// only their own tickets.
std::vector<api::AssigneeStats> AssigneeRows(const std::vector<StatsRow>& rows, const std::vector<RatingRow>& ratings,
                                             const Caller& caller, const core::Policy& policy) {
    std::map<std::string, api::AssigneeStats> people;
    std::map<std::string, std::vector<std::int64_t>> resolution_seconds;
    std::map<std::string, std::string> assignee_of;  // compact service number -> assignee
    for (const StatsRow& row : rows) {
        if (row.assignee.empty() || !core::CanWorkTicket(caller.permissions, caller.username, row.assignee)) continue;
        assignee_of[row.number] = row.assignee;
        api::AssigneeStats& person = people[row.assignee];
        person.assignee = row.assignee;
        ++person.tickets;
        if (row.breached) ++person.breached;
        if (row.ResolvedOnce()) ++person.resolved;
        if (row.reopen_count > 0) ++person.reopened;
        if (row.repeat_repair) ++person.repeat_repairs;
        if (row.resolved_at) resolution_seconds[row.assignee].push_back(*row.resolved_at - row.created_at);
    }
    std::map<std::string, std::vector<core::Rating>> rated;
    for (const RatingRow& rating : ratings) {
        if (const auto found = assignee_of.find(rating.number); found != assignee_of.end())
            rated[found->second].push_back(rating.rating);
    }
    std::vector<api::AssigneeStats> out;
    for (auto& [username, person] : people) {
        person.on_time_rate = 1.0 - static_cast<double>(person.breached) / person.tickets;
        person.mean_resolution_seconds = Mean(resolution_seconds[username]);
        person.satisfaction = core::ComputeSatisfaction(rated[username], policy);
        out.push_back(std::move(person));
    }
    std::stable_sort(out.begin(), out.end(), [](const api::AssigneeStats& a, const api::AssigneeStats& b) {
        return a.tickets > b.tickets;
    });
    return out;
}

}  // namespace

api::StatsResponse Stats(Services& services, const Caller& caller, std::int64_t from, std::int64_t to) {
    const auto rows = services.store.StatsRows(from, to);
    const auto ratings = services.store.RatingsGivenBetween(from, to);
    const auto policy = services.Policy();

    api::StatsResponse stats;
    stats.from = from;
    stats.to = to;
    stats.tickets_total = static_cast<int>(rows.size());
    std::vector<core::Rating> plain;
    plain.reserve(ratings.size());
    for (const RatingRow& row : ratings) plain.push_back(row.rating);
    stats.satisfaction = core::ComputeSatisfaction(plain, *policy);
    stats.satisfaction_target = policy->satisfaction.target_rate;

    std::vector<std::int64_t> first_response, resolution;
    for (auto priority : {core::Priority::General, core::Priority::Serious, core::Priority::Urgent})
        stats.sla_compliance[std::string(core::ToString(priority))];
    for (const auto& row : rows) {
        ++stats.by_state[row.state];
        ++stats.by_kind[row.kind];
        ++stats.by_priority[row.priority];
        if (row.breached) ++stats.breached;
        if (row.escalated) ++stats.escalated;
        auto& c = stats.sla_compliance[row.priority];
        ++c.tickets;
        if (row.breached) ++c.breached;
        if (row.first_response_at) first_response.push_back(*row.first_response_at - row.created_at);
        if (row.resolved_at) resolution.push_back(*row.resolved_at - row.created_at);
        if (row.ResolvedOnce()) ++stats.resolved;
        if (row.reopen_count > 0) ++stats.reopened;
        if (row.kind == core::ToString(core::TicketKind::Repair)) ++stats.repairs;
        if (row.repeat_repair) ++stats.repeat_repairs;
        if (row.quality_incident) ++stats.quality_incidents;
    }
    stats.reopen_rate = stats.resolved ? static_cast<double>(stats.reopened) / stats.resolved : 0.0;
    stats.repeat_repair_rate = stats.repairs ? static_cast<double>(stats.repeat_repairs) / stats.repairs : 0.0;
    for (auto& [priority, c] : stats.sla_compliance)
        c.compliance_rate = c.tickets ? 1.0 - static_cast<double>(c.breached) / c.tickets : 1.0;
    stats.mean_first_response_seconds = Mean(first_response);
    stats.mean_resolution_seconds = Mean(resolution);
    // §15 2.2 2) "解决客户问题的平均时间不超过48小时": the mean over every kind of ticket resolved.
    stats.resolution_target_seconds = std::int64_t{policy->sla.average_resolution_hours} * 3600;
    stats.resolution_meets_target = !resolution.empty() && stats.mean_resolution_seconds <= stats.resolution_target_seconds;
    // Bounds follow the policy's own commitments: 10 min (urgent), 2 h (general), 8 h, 24 h, 48 h.
    constexpr std::int64_t kMinute = 60, kHour = 3600;
    stats.satisfaction_meets_target = stats.satisfaction.meets_target;
    stats.first_response_seconds = Distribution(std::move(first_response),
                                        {10 * kMinute, 30 * kMinute, kHour, 2 * kHour, 8 * kHour, 24 * kHour});
    stats.resolution_seconds =
        Distribution(std::move(resolution), {2 * kHour, 4 * kHour, 8 * kHour, 24 * kHour, 48 * kHour, 7 * 24 * kHour});
    stats.satisfaction_series = SatisfactionSeries(ratings, from, to, *policy, stats.series_bucket_seconds);
    stats.complaint_answer_working_days = policy->sla.complaint_answer_working_days;
    stats.complaints = ComplaintItems(services, caller, from, to, *policy);
    stats.complaints_by_category = ComplaintCategoryCounts(rows);
    stats.by_channel = ChannelCounts(rows);
    followups::AddToStats(services, ratings, stats);
    stats.by_assignee = AssigneeRows(rows, ratings, caller, *policy);
    return stats;
}

}  // namespace aftercare::serve::staff
