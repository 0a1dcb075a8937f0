// Vendor data requests; see vendor_data.h.
#include "net/vendor_data.h"

#include "app.h"
#include "console/console.h"
#include "host.h"
#include "router.h"

#include "api/vendor_wire.h"

namespace aftercare::portal {
namespace {

// A JSON Lines file by its name; everything else is sent as CSV.
std::string FormatFor(const std::string& file_name) {
    for (const char* suffix : {".jsonl", ".ndjson"}) {
        const std::string s(suffix);
        if (file_name.size() >= s.size() && file_name.compare(file_name.size() - s.size(), s.size(), s) == 0)
            return "jsonl";
    }
    return "csv";
}

} // namespace

void UploadImportFile(AppState& state, const std::string& kind, const PickedFile& file, bool dry_run) {
    VendorDataState& data = state.staff.admin.data;
    data.report.StartLoading();
    data.uploaded_name = file.name;
    const std::string token = state.staff.session->token;
    const std::string path = "/api/v1/staff/import?kind=" + kind + "&format=" + FormatFor(file.name) +
                             "&dry_run=" + (dry_run ? "true" : "false");
    state.api.Upload<api::ImportReport>(
        // Headers are ASCII: the file name travels percent-encoded, as attachments' do.
        path, file.bytes, "text/csv", EncodeQueryValue(file.name), StaffCall(state),
        [&state, token](api::ImportReport report) {
            if (!SameSession(state, token)) return;
            state.staff.admin.data.report.Succeed(std::move(report));
        },
        [&state, token](ApiError error) {
            if (!SameSession(state, token)) return;
            state.staff.admin.data.report.Fail(error);
            OnStaffError(state, error);
        });
}

void LoadApiKeys(AppState& state) {
    VendorDataState& data = state.staff.admin.data;
    data.keys.StartLoading();
    const std::string token = state.staff.session->token;
    state.api.Get<api::ApiKeyList>(
        "/api/v1/staff/api-keys", StaffCall(state),
        [&state, token](api::ApiKeyList list) {
            if (!SameSession(state, token)) return;
            state.staff.admin.data.keys.Succeed(std::move(list));
        },
        [&state, token](ApiError error) {
            if (!SameSession(state, token)) return;
            state.staff.admin.data.keys.Fail(error);
            OnStaffError(state, error);
        });
}

void CreateApiKey(AppState& state, const std::string& name, const std::vector<std::string>& scopes) {
    VendorDataState& data = state.staff.admin.data;
    data.busy = true;
    data.key_error.reset();
    data.created_key.reset();
    const std::string token = state.staff.session->token;
    state.api.Post<api::ApiKeyView>(
        "/api/v1/staff/api-keys", api::CreateApiKeyRequest{name, scopes}, StaffCall(state),
        [&state, token](api::ApiKeyView key) {
            if (!SameSession(state, token)) return;
            VendorDataState& d = state.staff.admin.data;
            d.busy = false;
            d.created_key = std::move(key);
            d.key_name.clear();
            LoadApiKeys(state);
        },
        [&state, token](ApiError error) {
            if (!SameSession(state, token)) return;
            VendorDataState& d = state.staff.admin.data;
            d.busy = false;
            d.key_error = error;
            OnStaffError(state, error);
        });
}

void RevokeApiKey(AppState& state, long long id) {
    VendorDataState& data = state.staff.admin.data;
    data.busy = true;
    data.key_error.reset();
    const std::string token = state.staff.session->token;
    state.api.Post<api::ApiKeyList>(
        "/api/v1/staff/api-keys/" + std::to_string(id) + "/revoke", api::Json::object(), StaffCall(state),
        [&state, token](api::ApiKeyList keys) {
            if (!SameSession(state, token)) return;
            VendorDataState& d = state.staff.admin.data;
            d.busy = false;
            d.keys.Succeed(std::move(keys));
        },
        [&state, token](ApiError error) {
            if (!SameSession(state, token)) return;
            VendorDataState& d = state.staff.admin.data;
            d.busy = false;
            d.key_error = error;
            OnStaffError(state, error);
        });
}

void LoadProductHistory(AppState& state, const std::string& serial) {
    WorkspaceState& ws = state.staff.ticket;
    ws.product_serial = serial;
    ws.product.StartLoading();
    const std::string token = state.staff.session->token;
    state.api.Get<api::ProductHistory>(
        "/api/v1/staff/products/" + EncodeQueryValue(serial), StaffCall(state),
        [&state, token, serial](api::ProductHistory history) {
            if (!SameSession(state, token) || state.staff.ticket.product_serial != serial) return;
            state.staff.ticket.product.Succeed(std::move(history));
        },
        [&state, token, serial](ApiError error) {
            if (!SameSession(state, token) || state.staff.ticket.product_serial != serial) return;
            state.staff.ticket.product.Fail(error);
            OnStaffError(state, error);
        });
}

} // namespace aftercare::portal
