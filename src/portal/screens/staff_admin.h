// Administration (#/staff/admin?tab=staff|policy|data), for admins: staff accounts (create, roles,
// password, deactivate), the vendor policy (SLA minutes, escalation steps, warranty, returns,
// spare-part hours, satisfaction target), validated with core::ValidatePolicy as the server does,
// and vendor data (import files, integration API keys; screens/staff_admin_data.cpp).
#pragma once

#include "net/remote.h"

#include "api/outbound_wire.h"
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
    // Where escalation notices reach them, and in which language (editing only).
    std::string email;
    std::string phone;
    bool english = false;
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

// The messages tab: the e-mail and SMS channels (an editable copy of what the server has, and a
// test send each), the vendor's webhook endpoints and their deliveries.
struct OutboundAdminState {
    Remote<api::ChannelsView> channels;
    api::EmailChannel email;        // the form, filled from `channels` when it arrives
    std::string email_password;     // typed: replaces the saved one; empty keeps it
    api::SmsChannel sms;
    std::string sms_secret;
    std::string email_test_to;
    std::string sms_test_to;
    // The last save's or test's result per channel ("email", "sms"): kept as a string key (and the
    // channel's error), so it reads in whichever language is chosen afterwards.
    struct ChannelNotice {
        const char* key = nullptr;
        std::string error;
        bool ok = false;
    };
    std::map<std::string, ChannelNotice> channel_notice;
    std::optional<ApiError> channel_error;
    Remote<api::WebhookList> webhooks;
    std::string webhook_url;
    std::set<std::string> webhook_events;
    std::optional<api::WebhookView> shown_secret;  // a new endpoint's or a rotated secret, shown once
    std::optional<ApiError> webhook_error;
    Remote<api::DeliveryList> deliveries;
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
    OutboundAdminState outbound;
};

void DrawStaffAdmin(AppState& state, Ui& ui);
// The admin screen's vendor-data tab (admins only).
void DrawVendorDataTab(AppState& state, Ui& ui);
// The admin screen's messages tab (admins only).
void DrawOutboundTab(AppState& state, Ui& ui);

} // namespace aftercare::portal
