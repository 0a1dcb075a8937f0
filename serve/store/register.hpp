// The product register and integration keys as the store keeps them: what imports, the integration
// API and repairs write (inside a StoreTx) and what staff read. SQL lives in sqlite_register.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/warranty.h"
#include "store/store.hpp"

namespace aftercare::serve {

// Whether an upsert changed the register; re-sending the same data answers Unchanged.
enum class UpsertOutcome { Changed, Unchanged };

// A part replacement recorded against a serial that is not in the register.
enum class PartOutcome { Changed, Unchanged, UnknownSerial };

// An integration key: only the hash of the secret is kept; `prefix` (the first characters of the
// key) lets an admin tell keys apart in lists and audit entries.
struct ApiKeyRecord {
    std::int64_t id = 0;
    std::string name;
    std::string prefix;
    std::vector<std::string> scopes; // "products", "orders", "parts"
    std::string created_by;
    std::int64_t created_at = 0;
    std::optional<std::int64_t> revoked_at;
    std::optional<std::int64_t> last_used_at;
};

// Register writes inside a transaction. Empty optional fields never erase what is stored, so an
// order sent before delivery and again after it keeps its delivery time.
class RegisterTx {
  public:
    virtual ~RegisterTx() = default;
    // Model and purchase date by serial; the replacement history is left alone.
    virtual UpsertOutcome UpsertProduct(const ProductRecord& record) = 0;
    virtual UpsertOutcome UpsertOrder(const OrderRecord& record) = 0;
    // Adds (or corrects) the replacement of `part` on `replaced_on` in the serial's history.
    virtual PartOutcome RecordReplacement(const std::string& serial,
                                          const core::PartReplacement& replacement) = 0;
    // Sets the delivery time of an existing order; false when the order is unknown.
    virtual bool RecordDelivery(const std::string& order_number, std::int64_t delivered_at) = 0;
    virtual std::int64_t InsertApiKey(const ApiKeyRecord& record, const std::string& key_hash) = 0;
    // False when the key does not exist or was already revoked.
    virtual bool RevokeApiKey(std::int64_t id, std::int64_t now) = 0;
    virtual void TouchApiKey(std::int64_t id, std::int64_t now) = 0;
};

// Register reads outside a transaction.
class RegisterReader {
  public:
    virtual ~RegisterReader() = default;
    virtual std::optional<ApiKeyRecord> FindApiKey(const std::string& key_hash) = 0;
    virtual std::vector<ApiKeyRecord> ListApiKeys() = 0;
    // Ids of the tickets about a serial (its service history), newest first, at most `limit`.
    virtual std::vector<std::int64_t> TicketIdsForSerial(const std::string& serial, int limit) = 0;
    // Ids of the serial's repairs that are resolved, confirmed or closed and last changed at or after
    // `changed_since`, latest change first, at most `limit`: every repair whose resolution is that
    // recent (resolving is a change) and few others. A new repair's repeat check reads these, through
    // a partial index, instead of the serial's whole history (a serial on thousands of tickets, a
    // placeholder some customers type, must not make each create load them all).
    virtual std::vector<std::int64_t> ResolvedRepairIdsForSerial(const std::string& serial,
                                                                 std::int64_t changed_since, int limit) = 0;
    // Ids of one customer's tickets (by normalised phone), newest first, at most `limit`.
    virtual std::vector<std::int64_t> TicketIdsForPhone(const std::string& phone, int limit) = 0;
};

} // namespace aftercare::serve
