// The admin screen's vendor-data tab (#/staff/admin?tab=data): upload an import file through the
// server's import engine and read its report (every refused cell with its line, column, value
// and reason), and manage the integration API keys (create, shown once; revoke).
//
// [SECTION] Import upload and report
// [SECTION] API keys
#include "screens/staff_admin.h"

#include "app.h"
#include "host.h"
#include "icons.h"
#include "net/vendor_data.h"
#include "widgets.h"
#include "widgets/dropdown.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"

#include <string>
#include <vector>

namespace aftercare::portal {
namespace {

// Kinds in the order the dropdown offers them; the server's names.
constexpr const char* kKinds[] = {"products", "orders", "parts"};
constexpr std::int64_t kMaxUploadBytes = 10 * 1024 * 1024; // the server's limit for an upload
constexpr std::size_t kShownErrors = 200;                  // the rest is counted, not listed

//-----------------------------------------------------------------------------
// [SECTION] Import upload and report
//-----------------------------------------------------------------------------

void OnFilePicked(AppState& state, std::vector<PickedFile> files) {
    if (files.empty()) return;
    VendorDataState& data = state.staff.admin.data;
    const PickedFile& file = files.front();
    if (file.bytes.empty()) {
        ApiError error;
        error.kind = ApiError::Kind::Rejected;
        error.code = "payload_too_large";
        error.message = {state.strings.Get(Language::ZhCN, "staff.data.too_large"),
                         state.strings.Get(Language::En, "staff.data.too_large")};
        data.uploaded_name = file.name;
        data.report.Fail(error);
        return;
    }
    UploadImportFile(state, kKinds[data.kind], file, data.dry_run);
}

void DrawReport(AppState& state, Ui& ui, const api::ImportReport& report) {
    const Palette& p = ui.theme.palette;
    VendorDataState& data = state.staff.admin.data;
    Paragraph(ui, TextStyle::Body,
              state.strings.Format(state.language, "staff.data.summary",
                                   {{"file", data.uploaded_name},
                                    {"rows", std::to_string(report.rows)},
                                    {"changed", std::to_string(report.changed)},
                                    {"unchanged", std::to_string(report.unchanged)},
                                    {"refused", std::to_string(report.error_rows)}}),
              p.text, Role::Status);
    if (report.written)
        Paragraph(ui, TextStyle::Body, state.Tr("staff.data.written"), p.success, Role::Status);
    else if (report.error_rows > 0)
        Paragraph(ui, TextStyle::Body, state.Tr("staff.data.nothing_written"), p.danger, Role::Alert);
    else
        Paragraph(ui, TextStyle::Body, state.Tr("staff.data.dry_run_clean"), p.text, Role::Status);
    if (!report.ignored_columns.empty()) {
        std::string columns;
        for (const std::string& column : report.ignored_columns)
            columns += (columns.empty() ? "" : "、") + column;
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.data.ignored", {{"columns", columns}}),
                  p.text_muted);
    }
    const std::size_t shown = std::min(report.errors.size(), kShownErrors);
    for (std::size_t i = 0; i < shown; ++i) {
        const api::ImportRowError& error = report.errors[i];
        const std::string& reason = state.language == Language::En ? error.message_en : error.message_zh;
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.data.error_row",
                                       {{"line", std::to_string(error.line)},
                                        {"column", error.column},
                                        {"value", error.value},
                                        {"reason", reason}}),
                  p.danger);
    }
    const std::int64_t more = report.error_rows - static_cast<std::int64_t>(shown);
    if (more > 0)
        Paragraph(
            ui, TextStyle::Small,
            state.strings.Format(state.language, "staff.data.more_errors", {{"count", std::to_string(more)}}),
            p.text_muted);
}

void DrawImportCard(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    VendorDataState& data = state.staff.admin.data;
    BeginCard(ui, "##import");
    Heading(ui, TextStyle::Title3, state.Tr("staff.data.import_title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("staff.data.import_help"), p.text_muted);
    const std::vector<std::string> kinds = {state.Tr("staff.data.kind.products"),
                                            state.Tr("staff.data.kind.orders"),
                                            state.Tr("staff.data.kind.parts")};
    Dropdown(ui, "import-kind", state.Tr("staff.data.kind"), kinds, data.kind,
             {.label_inside = false, .enabled = !data.report.IsLoading()});
    CheckBox(ui, "import-dry-run", state.Tr("staff.data.dry_run"), data.dry_run);
    if (Button(ui, "import-upload", state.Tr("staff.data.upload"),
               {.enabled = !data.report.IsLoading(), .icon = ICON_CLOUD_UPLOAD})) {
        ui.host.PickFiles({.accept = ".csv,.txt,.tsv,.jsonl,.ndjson,text/csv", .max_bytes = kMaxUploadBytes},
                          [&state](std::vector<PickedFile> files) { OnFilePicked(state, std::move(files)); });
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (data.report.IsLoading()) LoadingIndicator(ui, state.Tr("staff.data.uploading"));
    if (data.report.IsFailed() && data.report.error) {
        if (ErrorBanner(ui, state.strings, state.language, *data.report.error, "import-error"))
            data.report.Reset();
    }
    if (data.report.IsLoaded()) DrawReport(state, ui, *data.report.value);
    EndCard(ui);
}

//-----------------------------------------------------------------------------
// [SECTION] API keys
//-----------------------------------------------------------------------------

void DrawCreateKey(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    VendorDataState& data = state.staff.admin.data;
    const float width = std::min(ImGui::GetContentRegionAvail().x, theme.Em(22.0f));
    TextField(ui, "key-name", state.Tr("staff.data.key_name"), data.key_name,
              {.required = true, .width = width});
    Paragraph(ui, TextStyle::Small, state.Tr("staff.data.scopes"), p.text);
    for (const char* scope : api::kApiKeyScopes) {
        bool on = data.key_scopes.contains(scope);
        const std::string id = std::string("key-scope-") + scope;
        if (CheckBox(ui, id.c_str(), state.Tr(std::string("staff.data.scope.") + scope), on)) {
            if (on)
                data.key_scopes.insert(scope);
            else
                data.key_scopes.erase(scope);
        }
        ImGui::SameLine(0.0f, theme.Em(1.0f));
    }
    ImGui::NewLine();
    const bool ready = !data.key_name.empty() && !data.key_scopes.empty() && !data.busy;
    if (Button(ui, "key-create", state.Tr("staff.data.create_key"), {.enabled = ready, .icon = ICON_PLUS}))
        CreateApiKey(state, data.key_name, {data.key_scopes.begin(), data.key_scopes.end()});
    if (data.key_error) {
        if (ErrorBanner(ui, state.strings, state.language, *data.key_error, "key-error"))
            data.key_error.reset();
    }
    if (data.created_key) {
        Paragraph(ui, TextStyle::Body,
                  state.strings.Format(state.language, "staff.data.key_created",
                                       {{"name", data.created_key->name}}),
                  p.warning, Role::Alert);
        Paragraph(ui, TextStyle::Body, data.created_key->key, p.text);
        if (Button(ui, "key-copy", state.Tr("staff.data.copy_key"),
                   {.kind = ButtonKind::Secondary, .icon = ICON_COPY}))
            ui.host.CopyToClipboard(data.created_key->key);
    }
}

void DrawKeyRow(AppState& state, Ui& ui, const api::ApiKeyView& key) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    VendorDataState& data = state.staff.admin.data;
    ImGui::PushID(static_cast<int>(key.id));
    Paragraph(ui, TextStyle::Body, key.name + "  ·  " + key.prefix + "…", p.text);
    for (const std::string& scope : key.scopes) {
        ColourChip(ui, state.Tr("staff.data.scope." + scope), p.brand);
        ImGui::SameLine(0.0f, theme.Em(0.4f));
    }
    ColourChip(ui, state.Tr(key.active ? "staff.data.active" : "staff.data.revoked"),
               key.active ? p.success : p.text_muted);
    if (key.active) {
        ImGui::SameLine(0.0f, theme.Em(0.75f));
        const std::string label =
            state.strings.Format(state.language, "staff.data.revoke", {{"name", key.name}});
        if (Button(ui, "revoke", label, {.kind = ButtonKind::Quiet, .enabled = !data.busy}))
            RevokeApiKey(state, key.id);
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    ImGui::PopID();
}

void DrawKeysCard(AppState& state, Ui& ui) {
    const Palette& p = ui.theme.palette;
    VendorDataState& data = state.staff.admin.data;
    if (data.keys.IsIdle()) LoadApiKeys(state);
    BeginCard(ui, "##keys");
    Heading(ui, TextStyle::Title3, state.Tr("staff.data.keys_title"), 2);
    Paragraph(ui, TextStyle::Small, state.Tr("staff.data.keys_help"), p.text_muted);
    DrawCreateKey(state, ui);
    if (data.keys.IsLoading() && !data.keys.value) LoadingIndicator(ui, state.Tr("staff.admin.loading"));
    if (data.keys.IsFailed() && data.keys.error) {
        if (ErrorBanner(ui, state.strings, state.language, *data.keys.error, "keys-error")) data.keys.Reset();
    }
    if (data.keys.value) {
        if (data.keys.value->keys.empty())
            Paragraph(ui, TextStyle::Small, state.Tr("staff.data.no_keys"), p.text_muted);
        for (const api::ApiKeyView& key : data.keys.value->keys)
            DrawKeyRow(state, ui, key);
    }
    EndCard(ui);
}

} // namespace

void DrawVendorDataTab(AppState& state, Ui& ui) {
    DrawImportCard(state, ui);
    DrawKeysCard(state, ui);
}

} // namespace aftercare::portal
