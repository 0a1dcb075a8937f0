// SQLite register: product and order upserts that report whether anything changed, replacement
// history, delivery events, integration keys and the serial -> tickets index.
#include "store/sqlite_register.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/core_json.h"

namespace aftercare::serve {
namespace {

using sqlite::Connection;
using Json = nlohmann::json;

constexpr const char* kRegisterSchema = R"sql(
CREATE TABLE IF NOT EXISTS api_keys(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash BLOB NOT NULL UNIQUE,        -- BLAKE2b-256 of the key; the key itself is never stored
    scopes TEXT NOT NULL,                 -- JSON array
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER
);
-- A product's service history: every ticket that names the serial. Schema version 7 (sqlite_store.cpp)
-- replaces it with an index on the product_serial column.
CREATE INDEX IF NOT EXISTS tickets_serial ON tickets(json_extract(body, '$.details.product.serial'))
    WHERE json_extract(body, '$.details.product.serial') <> '';
)sql";

std::optional<std::string> DateText(const std::optional<core::CivilDate>& date) {
    if (!date) return std::nullopt;
    return core::FormatIsoDate(*date);
}

std::vector<core::PartReplacement> ReadReplacements(const std::string& text) {
    auto parsed = api::FromJson<std::vector<core::PartReplacement>>(Json::parse(text));
    if (!parsed) throw std::runtime_error("products.replacements does not read back");
    return std::move(parsed).Value();
}

std::vector<std::string> ReadScopes(const std::string& text) {
    return Json::parse(text).get<std::vector<std::string>>();
}

#define AFTERCARE_API_KEY_COLUMNS "id, name, prefix, scopes, created_by, created_at, revoked_at, last_used_at"

ApiKeyRecord ReadApiKey(const sqlite::Statement& row) {
    ApiKeyRecord key;
    key.id = row.Int(0);
    key.name = row.Text(1);
    key.prefix = row.Text(2);
    key.scopes = ReadScopes(row.Text(3));
    key.created_by = row.Text(4);
    key.created_at = row.Int(5);
    key.revoked_at = row.OptInt(6);
    key.last_used_at = row.OptInt(7);
    return key;
}

class SqliteRegisterTx : public RegisterTx {
  public:
    explicit SqliteRegisterTx(Connection& db) : db_(db) {}

    UpsertOutcome UpsertProduct(const ProductRecord& record) override {
        // The WHERE makes an identical row a no-op, so changes() tells a re-run from real news.
        auto upsert = db_.Prepare(
            "INSERT INTO products(serial, model, purchase_date) VALUES(?1, ?2, ?3) "
            "ON CONFLICT(serial) DO UPDATE SET model = excluded.model, "
            "purchase_date = COALESCE(excluded.purchase_date, products.purchase_date) "
            "WHERE products.model IS NOT excluded.model "
            "OR products.purchase_date IS NOT COALESCE(excluded.purchase_date, products.purchase_date)");
        upsert.Bind(1, record.serial).Bind(2, record.model).Bind(3, DateText(record.purchase_date));
        upsert.Run();
        return db_.Changes() > 0 ? UpsertOutcome::Changed : UpsertOutcome::Unchanged;
    }

    UpsertOutcome UpsertOrder(const OrderRecord& record) override {
        auto upsert = db_.Prepare(
            "INSERT INTO orders(order_number, phone, model, serial, purchase_date, delivered_at) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(order_number) DO UPDATE SET phone = excluded.phone, "
            "model = excluded.model, serial = COALESCE(NULLIF(excluded.serial, ''), orders.serial), "
            "purchase_date = COALESCE(excluded.purchase_date, orders.purchase_date), "
            "delivered_at = COALESCE(excluded.delivered_at, orders.delivered_at) "
            "WHERE orders.phone IS NOT excluded.phone OR orders.model IS NOT excluded.model "
            "OR orders.serial IS NOT COALESCE(NULLIF(excluded.serial, ''), orders.serial) "
            "OR orders.purchase_date IS NOT COALESCE(excluded.purchase_date, orders.purchase_date) "
            "OR orders.delivered_at IS NOT COALESCE(excluded.delivered_at, orders.delivered_at)");
        upsert.Bind(1, record.order_number)
            .Bind(2, record.phone)
            .Bind(3, record.model)
            .Bind(4, record.serial)
            .Bind(5, DateText(record.purchase_date))
            .Bind(6, record.delivered_at);
        upsert.Run();
        return db_.Changes() > 0 ? UpsertOutcome::Changed : UpsertOutcome::Unchanged;
    }

    PartOutcome RecordReplacement(const std::string& serial,
                                  const core::PartReplacement& replacement) override {
        std::vector<core::PartReplacement> history;
        {
            auto row = db_.Prepare("SELECT replacements FROM products WHERE serial = ?");
            row.Bind(1, serial);
            if (!row.Step()) return PartOutcome::UnknownSerial;
            history = ReadReplacements(row.Text(0));
        }
        // One replacement of a part per day: the same (part, date) again is a correction or a re-send.
        auto same = std::find_if(history.begin(), history.end(), [&](const core::PartReplacement& existing) {
            return existing.part == replacement.part && existing.replaced_on == replacement.replaced_on;
        });
        if (same != history.end()) {
            if (*same == replacement) return PartOutcome::Unchanged;
            *same = replacement;
        } else {
            history.push_back(replacement);
            std::stable_sort(history.begin(), history.end(),
                             [](const auto& a, const auto& b) { return a.replaced_on < b.replaced_on; });
        }
        Json text = history;
        auto update = db_.Prepare("UPDATE products SET replacements = ? WHERE serial = ?");
        update.Bind(1, text.dump()).Bind(2, serial);
        update.Run();
        return PartOutcome::Changed;
    }

    bool RecordDelivery(const std::string& order_number, std::int64_t delivered_at) override {
        auto exists = db_.Prepare("SELECT 1 FROM orders WHERE order_number = ?");
        exists.Bind(1, order_number);
        if (!exists.Step()) return false;
        auto update = db_.Prepare("UPDATE orders SET delivered_at = ? WHERE order_number = ?");
        update.Bind(1, delivered_at).Bind(2, order_number);
        update.Run();
        return true;
    }

    std::int64_t InsertApiKey(const ApiKeyRecord& record, const std::string& key_hash) override {
        Json scopes = record.scopes;
        auto insert = db_.Prepare("INSERT INTO api_keys(name, prefix, key_hash, scopes, created_by, "
                                  "created_at) VALUES(?, ?, ?, ?, ?, ?)");
        insert.Bind(1, record.name)
            .Bind(2, record.prefix)
            .BindBlob(3, key_hash)
            .Bind(4, scopes.dump())
            .Bind(5, record.created_by)
            .Bind(6, record.created_at);
        insert.Run();
        return db_.LastInsertId();
    }

    bool RevokeApiKey(std::int64_t id, std::int64_t now) override {
        auto update = db_.Prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
        update.Bind(1, now).Bind(2, id);
        update.Run();
        return db_.Changes() > 0;
    }

    void TouchApiKey(std::int64_t id, std::int64_t now) override {
        auto update = db_.Prepare("UPDATE api_keys SET last_used_at = ? WHERE id = ?");
        update.Bind(1, now).Bind(2, id);
        update.Run();
    }

  private:
    Connection& db_;
};

class SqliteRegisterReader : public RegisterReader {
  public:
    explicit SqliteRegisterReader(WithReader with_reader) : with_reader_(std::move(with_reader)) {}

    std::optional<ApiKeyRecord> FindApiKey(const std::string& key_hash) override {
        std::optional<ApiKeyRecord> key;
        with_reader_([&](Connection& db) {
            auto row = db.Prepare("SELECT " AFTERCARE_API_KEY_COLUMNS " FROM api_keys WHERE key_hash = ?");
            row.BindBlob(1, key_hash);
            if (row.Step()) key = ReadApiKey(row);
        });
        return key;
    }

    std::vector<ApiKeyRecord> ListApiKeys() override {
        std::vector<ApiKeyRecord> keys;
        with_reader_([&](Connection& db) {
            auto rows = db.Prepare("SELECT " AFTERCARE_API_KEY_COLUMNS " FROM api_keys ORDER BY id DESC");
            while (rows.Step())
                keys.push_back(ReadApiKey(rows));
        });
        return keys;
    }

    std::vector<std::int64_t> TicketIdsForSerial(const std::string& serial, int limit) override {
        std::vector<std::int64_t> ids;
        with_reader_([&](Connection& db) {
            auto rows =
                db.Prepare("SELECT id FROM tickets WHERE product_serial = ?1 AND product_serial <> '' "
                           "ORDER BY created_at DESC, id DESC LIMIT ?2");
            rows.Bind(1, serial).Bind(2, limit);
            while (rows.Step())
                ids.push_back(rows.Int(0));
        });
        return ids;
    }

    std::vector<std::int64_t> ResolvedRepairIdsForSerial(const std::string& serial, std::int64_t changed_since,
                                                         int limit) override {
        std::vector<std::int64_t> ids;
        with_reader_([&](Connection& db) {
            // The WHERE repeats tickets_serial_resolved's own (sqlite_store.cpp, schema version 7)
            // word for word: SQLite uses a partial index only when the query implies its condition.
            auto rows = db.Prepare("SELECT id FROM tickets WHERE product_serial = ?1 "
                                   "AND kind = 'repair' AND state IN ('resolved', 'confirmed', 'closed') "
                                   "AND updated_at >= ?2 ORDER BY updated_at DESC LIMIT ?3");
            rows.Bind(1, serial).Bind(2, changed_since).Bind(3, limit);
            while (rows.Step()) ids.push_back(rows.Int(0));
        });
        return ids;
    }

    std::vector<std::int64_t> TicketIdsForPhone(const std::string& phone, int limit) override {
        std::vector<std::int64_t> ids;
        with_reader_([&](Connection& db) {
            // Through the tickets_phone index (sqlite_store.cpp, schema version 7).
            auto rows = db.Prepare("SELECT id FROM tickets WHERE customer_phone = ?1 "
                                   "ORDER BY created_at DESC, id DESC LIMIT ?2");
            rows.Bind(1, phone).Bind(2, limit);
            while (rows.Step()) ids.push_back(rows.Int(0));
        });
        return ids;
    }

  private:
    WithReader with_reader_;
};

} // namespace

void ApplyRegisterSchema(Connection& db) {
    db.Exec(kRegisterSchema);
}

std::unique_ptr<RegisterTx> MakeSqliteRegisterTx(Connection& db) {
    return std::make_unique<SqliteRegisterTx>(db);
}

std::unique_ptr<RegisterReader> MakeSqliteRegisterReader(WithReader with_reader) {
    return std::make_unique<SqliteRegisterReader>(std::move(with_reader));
}

} // namespace aftercare::serve
