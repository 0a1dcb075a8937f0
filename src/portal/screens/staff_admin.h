// Administration (#/staff/admin?tab=staff|policy|data), for admins: staff accounts (create, roles,
// password, deactivate), the vendor policy (SLA minutes, escalation steps, warranty, returns,
// spare-part hours, satisfaction target), validated with core::ValidatePolicy as the server does,
// and vendor data (import files, integration API keys; screens/staff_admin_data.cpp).
#pragma once

#include "net/remote.h"

#include "api/staff_wire.h"
#include "api/vendor_wire.h"
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

// The vendor-data tab: the last upload's report and the integration API keys.
struct VendorDataState {
    int kind = 0;                           // index into the import kinds (products, orders, parts)
    bool dry_run = true;                    // check first: the safe default
    std::string uploaded_name;              // the file the report is about
    Remote<api::ImportReport> report;
    Remote<api::ApiKeyList> keys;
    std::string key_name;
    std::set<std::string> key_scopes;
    std::optional<api::ApiKeyView> created_key;  // its secret is on screen until the tab is left
    std::optional<ApiError> key_error;
    bool busy = false;
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
    VendorDataState data;
};

void DrawStaffAdmin(AppState& state, Ui& ui);
// The admin screen's vendor-data tab (admins only).
void DrawVendorDataTab(AppState& state, Ui& ui);

} // namespace aftercare::portal
