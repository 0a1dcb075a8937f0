// Vendor data requests; see vendor_data.h.
#include "net/vendor_data.h"

#include "app.h"
#include "console/console.h"
#include "host.h"
#include "net/staff_requests.h"
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
    requests::UploadImport(
        state, kind, FormatFor(file.name), dry_run, file.bytes, file.name,
        [&state](api::ImportReport report) {
            state.staff.admin.data.report.Succeed(std::move(report));
        },
        [&state](ApiError error) {
            state.staff.admin.data.report.Fail(error);
        });
}

void LoadApiKeys(AppState& state) {
    VendorDataState& data = state.staff.admin.data;
    data.keys.StartLoading();
    requests::LoadApiKeys(
        state,
        [&state](api::ApiKeyList list) {
            state.staff.admin.data.keys.Succeed(std::move(list));
        },
        [&state](ApiError error) {
            state.staff.admin.data.keys.Fail(error);
        });
}

void CreateApiKey(AppState& state, const std::string& name, const std::vector<std::string>& scopes) {
    VendorDataState& data = state.staff.admin.data;
    data.busy = true;
    data.key_error.reset();
    data.created_key.reset();
    requests::CreateApiKey(
        state, api::CreateApiKeyRequest{name, scopes},
        [&state](api::ApiKeyView key) {
            VendorDataState& d = state.staff.admin.data;
            d.busy = false;
            d.created_key = std::move(key);
            d.key_name.clear();
            LoadApiKeys(state);
        },
        [&state](ApiError error) {
            VendorDataState& d = state.staff.admin.data;
            d.busy = false;
            d.key_error = error;
        });
}

void RevokeApiKey(AppState& state, long long id) {
    VendorDataState& data = state.staff.admin.data;
    data.busy = true;
    data.key_error.reset();
    requests::RevokeApiKey(
        state, id,
        [&state](api::ApiKeyList keys) {
            VendorDataState& d = state.staff.admin.data;
            d.busy = false;
            d.keys.Succeed(std::move(keys));
        },
        [&state](ApiError error) {
            VendorDataState& d = state.staff.admin.data;
            d.busy = false;
            d.key_error = error;
        });
}

void LoadProductHistory(AppState& state, const std::string& serial) {
    WorkspaceState& ws = state.staff.ticket;
    ws.product_serial = serial;
    ws.product.StartLoading();
    requests::LoadProductHistory(
        state, serial,
        [&state, serial](api::ProductHistory history) {
            if (state.staff.ticket.product_serial != serial) return;
            state.staff.ticket.product.Succeed(std::move(history));
        },
        [&state, serial](ApiError error) {
            if (state.staff.ticket.product_serial != serial) return;
            state.staff.ticket.product.Fail(error);
        });
}

} // namespace aftercare::portal
