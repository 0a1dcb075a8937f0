// Vendor data from the staff console: uploading an import file (the server's import engine), the
// integration API keys (answers in AdminState::data), and a product's register entry with its
// service history (answers in WorkspaceState::product). One function per intent.
#pragma once

#include <string>
#include <vector>

namespace aftercare::portal {

struct AppState;
struct PickedFile;

// Uploads `file` as an import of `kind` ("products", "orders", "parts"); `dry_run` checks only.
// The report (rows changed, every refused cell) arrives in AdminState::data.report.
void UploadImportFile(AppState& state, const std::string& kind, const PickedFile& file, bool dry_run);

// Loads the API keys into AdminState::data.keys (call again to refresh).
void LoadApiKeys(AppState& state);
// Creates a key; its one-time secret arrives in AdminState::data.created_key.
void CreateApiKey(AppState& state, const std::string& name, const std::vector<std::string>& scopes);
void RevokeApiKey(AppState& state, long long id);

// The register entry and service history of `serial` for the ticket workspace, into
// WorkspaceState::product (reloaded when the serial changes or after a part is fitted).
void LoadProductHistory(AppState& state, const std::string& serial);

} // namespace aftercare::portal
