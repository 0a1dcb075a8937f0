// What a staff member may do, from the role names on their account: agents work their own and
// unassigned tickets, supervisors see everything and reassign and escalate, admins run accounts
// and the vendor policy. Shared by the server (enforcement) and the console (what to offer).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace aftercare::core {

// Role names stored on accounts. "engineer" is an agent; the escalation roles of the policy
// ("department_manager", "general_manager") are supervisors.
inline constexpr std::string_view kRoleAgent = "agent";
inline constexpr std::string_view kRoleEngineer = "engineer";
inline constexpr std::string_view kRoleSupervisor = "supervisor";
inline constexpr std::string_view kRoleDepartmentManager = "department_manager";
inline constexpr std::string_view kRoleGeneralManager = "general_manager";
inline constexpr std::string_view kRoleAdmin = "admin";
// The quality department (质量管理): told of every 重大质量问题 and may open any ticket to investigate.
inline constexpr std::string_view kRoleQuality = "quality";

// Every role name an account may carry, in the order the admin screen offers them (the server
// accepts only these).
std::span<const std::string_view> KnownStaffRoles();
bool IsKnownStaffRole(std::string_view role);

struct StaffPermissions {
    bool all_tickets = false;  // supervisor, quality: every ticket, not only own and unassigned
    bool reassign = false;     // supervisor: move an assigned ticket to someone else
    bool escalate = false;     // supervisor: escalate by hand
    bool audit = false;        // supervisor/admin: read the whole audit log
    bool manage_staff = false; // admin: create accounts, change roles, deactivate
    bool edit_policy = false;  // admin: the vendor policy (SLA, warranty, returns numbers)
};

StaffPermissions PermissionsFor(std::span<const std::string> roles);

// Whether an account with `held` roles is one of those a notice names (`wanted`). The server sends
// escalation and quality notices by this rule, and the admin screen warns by it when no one is reached.
bool HoldsAnyRole(std::span<const std::string> held, std::span<const std::string> wanted);

// An agent works tickets assigned to them and tickets nobody has yet.
bool CanWorkTicket(const StaffPermissions& permissions, std::string_view username, std::string_view assignee);

// Dispatching an unassigned ticket is every agent's job; moving an assigned one is a supervisor's.
bool CanAssign(const StaffPermissions& permissions, std::string_view current_assignee);

} // namespace aftercare::core
