// Staff role names to permissions; see staff_roles.h.
#include "staff_roles.h"

#include <algorithm>

namespace aftercare::core {
namespace {

constexpr std::string_view kKnownRoles[] = {kRoleAgent,          kRoleEngineer, kRoleSupervisor, kRoleDepartmentManager,
                                            kRoleGeneralManager, kRoleQuality,  kRoleAdmin};

bool Has(std::span<const std::string> roles, std::string_view role) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

} // namespace

std::span<const std::string_view> KnownStaffRoles() { return kKnownRoles; }

bool IsKnownStaffRole(std::string_view role) {
    return std::find(std::begin(kKnownRoles), std::end(kKnownRoles), role) != std::end(kKnownRoles);
}

bool HoldsAnyRole(std::span<const std::string> held, std::span<const std::string> wanted) {
    return std::any_of(held.begin(), held.end(), [&](const std::string& role) { return Has(wanted, role); });
}

StaffPermissions PermissionsFor(std::span<const std::string> roles) {
    StaffPermissions permissions;
    const bool supervisor = Has(roles, kRoleSupervisor) || Has(roles, kRoleDepartmentManager) ||
                            Has(roles, kRoleGeneralManager);
    const bool admin = Has(roles, kRoleAdmin);
    // Quality staff investigate a flagged ticket wherever it sits; they do not run the queue.
    permissions.all_tickets = supervisor || Has(roles, kRoleQuality);
    permissions.reassign = supervisor;
    permissions.escalate = supervisor;
    permissions.audit = supervisor || admin;
    permissions.manage_staff = admin;
    permissions.edit_policy = admin;
    return permissions;
}

bool CanWorkTicket(const StaffPermissions& permissions, std::string_view username, std::string_view assignee) {
    return permissions.all_tickets || assignee.empty() || assignee == username;
}

bool CanAssign(const StaffPermissions& permissions, std::string_view current_assignee) {
    return permissions.reassign || current_assignee.empty();
}

} // namespace aftercare::core
