// Administration (#/staff/admin?tab=staff|policy), for admins: staff accounts (create, roles,
// password, deactivate) and the vendor policy (SLA minutes, escalation steps, warranty, returns,
// spare-part hours, satisfaction target), validated with core::ValidatePolicy as the server does.
#pragma once

#include "net/remote.h"

#include "api/staff_wire.h"
#include "core/policy.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

struct StaffAccountForm {
    std::string username;
    std::string display_name;
    std::set<std::string> roles;
    std::string password;
    std::map<std::string, std::string> errors; // field -> message
};

struct PolicyForm {
    std::map<std::string, std::string> fields; // policy JSON path -> text typed
    std::map<std::string, std::string> errors; // policy JSON path -> message
    bool dirty = false;
};

struct AdminState {
    int tab = 0;                                 // 0 staff, 1 policy
    StaffAccountForm create;
    std::string editing;                         // username whose row is open for editing
    StaffAccountForm edit;
    Remote<core::Policy> policy;
    PolicyForm policy_form;
    bool busy = false;
    std::optional<ApiError> error;
    std::string notice;
};

void DrawStaffAdmin(AppState& state, Ui& ui);

} // namespace aftercare::portal
