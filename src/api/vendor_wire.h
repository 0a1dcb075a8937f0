// Wire types of vendor data: the import report (admin upload, integration API, command line) and
// integration API keys as the admin console lists and creates them.
//
//   POST /api/v1/staff/import?kind=&format=&dry_run=     file bytes -> ImportReport (admin)
//   POST /api/v1/integration/{products,orders,parts}     JSON / NDJSON -> ImportReport (API key)
//   GET  /api/v1/staff/api-keys                          -> ApiKeyList (admin)
//   POST /api/v1/staff/api-keys                          CreateApiKeyRequest -> ApiKeyView with key (admin)
//   POST /api/v1/staff/api-keys/{id}/revoke              -> ApiKeyList (admin)
//   GET  /api/v1/staff/products/{serial}                 -> ProductHistory (staff)
#pragma once

#include "api/error_body.h"
#include "api/wire_reader.h"
#include "core/ticket.h"
#include "core/warranty.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aftercare::api {

// One refused cell: file line (1 = the header), the column as the file names it, the value.
struct ImportRowError {
    std::int64_t line = 0;
    std::string column;
    std::string value;
    std::string code;
    std::string message_zh;
    std::string message_en;
    bool operator==(const ImportRowError&) const = default;
};

// What one import run did. A run is one transaction: `written` is false whenever a row was refused
// (and on a dry run); `changed` then counts what would have changed.
struct ImportReport {
    std::string kind;     // products | orders | parts
    std::string format;   // csv | jsonl
    std::string encoding; // utf-8 | utf-8-bom | gb18030
    std::int64_t rows = 0;
    std::int64_t changed = 0;
    std::int64_t unchanged = 0;
    std::int64_t error_rows = 0;
    bool dry_run = false;
    bool written = false;
    std::vector<std::string> ignored_columns;
    std::vector<ImportRowError> errors; // the first 1,000
    bool operator==(const ImportReport&) const = default;
};

// An integration upsert with bad rows: the one error shape (code rows_refused) with the report
// beside it, so the vendor system sees which cells to fix. Nothing was written.
struct ImportRefused {
    ErrorBody error;
    ImportReport report;
    bool operator==(const ImportRefused&) const = default;
};

inline constexpr const char* kApiKeyScopes[] = {"products", "orders", "parts"};

struct ApiKeyView {
    std::int64_t id = 0;
    std::string name;
    std::string prefix; // the key's first characters, to tell keys apart
    std::vector<std::string> scopes;
    std::string created_by;
    std::int64_t created_at = 0;
    bool active = true;
    std::optional<std::int64_t> revoked_at;
    std::optional<std::int64_t> last_used_at;
    std::string key; // only in the create response: shown once, never stored
    bool operator==(const ApiKeyView&) const = default;
};

struct ApiKeyList {
    std::vector<ApiKeyView> keys; // newest first
    bool operator==(const ApiKeyList&) const = default;
};

struct CreateApiKeyRequest {
    std::string name;
    std::vector<std::string> scopes;
    bool operator==(const CreateApiKeyRequest&) const = default;
};

// A key part whose own warranty restarted (a replacement in warranty) and what it covers today.
struct KeyPartWarranty {
    std::string part;
    core::WarrantyDecision decision;
};

// One ticket of a product's service history.
struct ServiceHistoryItem {
    std::string service_number;
    core::TicketKind kind = core::TicketKind::Repair;
    core::TicketState state = core::TicketState::Submitted;
    std::string subject;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds updated_at = 0;
    std::string repeat_of; // a repeat repair: the earlier repair it repeats (core::Ticket::repeat_of)
    bool operator==(const ServiceHistoryItem&) const = default;
};

// Every ticket of the customer who raised a ticket (same phone), newest first, that one included.
struct CustomerHistory {
    std::vector<ServiceHistoryItem> tickets;
    bool more = false; // older tickets exist beyond the list
};

// The history item of a stored ticket.
ServiceHistoryItem HistoryItemOf(const core::Ticket& ticket);

// A serial's register entry (when registered) and every ticket that names it, newest first.
struct ProductHistory {
    std::string serial;
    bool registered = false;
    std::string model;
    std::optional<core::CivilDate> purchase_date;
    std::vector<core::PartReplacement> replacements;
    std::optional<core::WarrantyDecision> warranty; // today, for the whole product
    std::vector<KeyPartWarranty> key_parts;
    std::vector<ServiceHistoryItem> tickets;
};

AFTERCARE_WIRE_TYPE(KeyPartWarranty);
AFTERCARE_WIRE_TYPE(ServiceHistoryItem);
AFTERCARE_WIRE_TYPE(CustomerHistory);
AFTERCARE_WIRE_TYPE(ProductHistory);
AFTERCARE_WIRE_TYPE(ImportRowError);
AFTERCARE_WIRE_TYPE(ImportReport);
AFTERCARE_WIRE_TYPE(ImportRefused);
AFTERCARE_WIRE_TYPE(ApiKeyView);
AFTERCARE_WIRE_TYPE(ApiKeyList);
AFTERCARE_WIRE_TYPE(CreateApiKeyRequest);

} // namespace aftercare::api
