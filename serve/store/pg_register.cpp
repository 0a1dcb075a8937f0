// PostgreSQL register: the same upserts as sqlite_register.cpp (IS DISTINCT FROM where SQLite says
// IS NOT), so a re-sent identical row touches nothing and reports Unchanged.
#include "store/pg_register.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "api/core_json.h"

namespace aftercare::serve {
namespace {

using pg::Params;
using Json = nlohmann::json;

std::optional<std::string> DateText(const std::optional<core::CivilDate>& date) {
    if (!date) return std::nullopt;
    return core::FormatIsoDate(*date);
}

std::vector<core::PartReplacement> ReadReplacements(const std::string& text) {
    auto parsed = api::FromJson<std::vector<core::PartReplacement>>(Json::parse(text));
    if (!parsed) throw std::runtime_error("products.replacements does not read back");
    return std::move(parsed).Value();
}

#define AFTERCARE_API_KEY_COLUMNS "id, name, prefix, scopes, created_by, created_at, revoked_at, last_used_at"

ApiKeyRecord ReadApiKey(const pg::Result& row, int i) {
    ApiKeyRecord key;
    key.id = row.Int(i, 0);
    key.name = row.Text(i, 1);
    key.prefix = row.Text(i, 2);
    key.scopes = Json::parse(row.Text(i, 3)).get<std::vector<std::string>>();
    key.created_by = row.Text(i, 4);
    key.created_at = row.Int(i, 5);
    key.revoked_at = row.OptInt(i, 6);
    key.last_used_at = row.OptInt(i, 7);
    return key;
}

class PgRegisterTx : public RegisterTx {
public:
    explicit PgRegisterTx(pg::Connection& db) : db_(db) {}

    UpsertOutcome UpsertProduct(const ProductRecord& record) override {
        auto done = db_.Run(
            "INSERT INTO products(serial, model, purchase_date) VALUES($1, $2, $3) "
            "ON CONFLICT(serial) DO UPDATE SET model = excluded.model, "
            "purchase_date = COALESCE(excluded.purchase_date, products.purchase_date) "
            "WHERE products.model IS DISTINCT FROM excluded.model "
            "OR products.purchase_date IS DISTINCT FROM COALESCE(excluded.purchase_date, products.purchase_date)",
            Params().Add(record.serial).Add(record.model).Add(DateText(record.purchase_date)));
        return done.Affected() > 0 ? UpsertOutcome::Changed : UpsertOutcome::Unchanged;
    }

    UpsertOutcome UpsertOrder(const OrderRecord& record) override {
        auto done = db_.Run(
            "INSERT INTO orders(order_number, phone, model, serial, purchase_date, delivered_at) "
            "VALUES($1, $2, $3, $4, $5, $6) ON CONFLICT(order_number) DO UPDATE SET phone = excluded.phone, "
            "model = excluded.model, serial = COALESCE(NULLIF(excluded.serial, ''), orders.serial), "
            "purchase_date = COALESCE(excluded.purchase_date, orders.purchase_date), "
            "delivered_at = COALESCE(excluded.delivered_at, orders.delivered_at) "
            "WHERE orders.phone IS DISTINCT FROM excluded.phone OR orders.model IS DISTINCT FROM excluded.model "
            "OR orders.serial IS DISTINCT FROM COALESCE(NULLIF(excluded.serial, ''), orders.serial) "
            "OR orders.purchase_date IS DISTINCT FROM COALESCE(excluded.purchase_date, orders.purchase_date) "
            "OR orders.delivered_at IS DISTINCT FROM COALESCE(excluded.delivered_at, orders.delivered_at)",
            Params()
                .Add(record.order_number)
                .Add(record.phone)
                .Add(record.model)
                .Add(record.serial)
                .Add(DateText(record.purchase_date))
                .Add(record.delivered_at));
        return done.Affected() > 0 ? UpsertOutcome::Changed : UpsertOutcome::Unchanged;
    }

    PartOutcome RecordReplacement(const std::string& serial, const core::PartReplacement& replacement) override {
        std::vector<core::PartReplacement> history;
        {
            auto row = db_.Run("SELECT replacements FROM products WHERE serial = $1", Params().Add(serial));
            if (row.Empty()) return PartOutcome::UnknownSerial;
            history = ReadReplacements(row.Text(0, 0));
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
        db_.Run("UPDATE products SET replacements = $1 WHERE serial = $2", Params().Add(text.dump()).Add(serial));
        return PartOutcome::Changed;
    }

    bool RecordDelivery(const std::string& order_number, std::int64_t delivered_at) override {
        return db_.Run("UPDATE orders SET delivered_at = $1 WHERE order_number = $2",
                       Params().Add(delivered_at).Add(order_number))
                   .Affected() > 0;
    }

    std::int64_t InsertApiKey(const ApiKeyRecord& record, const std::string& key_hash) override {
        Json scopes = record.scopes;
        return db_
            .Run("INSERT INTO api_keys(name, prefix, key_hash, scopes, created_by, created_at) "
                 "VALUES($1, $2, $3, $4, $5, $6) RETURNING id",
                 Params()
                     .Add(record.name)
                     .Add(record.prefix)
                     .AddBytes(key_hash)
                     .Add(scopes.dump())
                     .Add(record.created_by)
                     .Add(record.created_at))
            .Int(0, 0);
    }

    bool RevokeApiKey(std::int64_t id, std::int64_t now) override {
        return db_.Run("UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                       Params().Add(now).Add(id))
                   .Affected() > 0;
    }

    void TouchApiKey(std::int64_t id, std::int64_t now) override {
        db_.Run("UPDATE api_keys SET last_used_at = $1 WHERE id = $2", Params().Add(now).Add(id));
    }

private:
    pg::Connection& db_;
};

class PgRegisterReader : public RegisterReader {
public:
    explicit PgRegisterReader(PgWithReader with_reader) : with_reader_(std::move(with_reader)) {}

    std::optional<ApiKeyRecord> FindApiKey(const std::string& key_hash) override {
        std::optional<ApiKeyRecord> key;
        with_reader_([&](pg::Connection& db) {
            auto row = db.Run("SELECT " AFTERCARE_API_KEY_COLUMNS " FROM api_keys WHERE key_hash = $1",
                              Params().AddBytes(key_hash));
            if (!row.Empty()) key = ReadApiKey(row, 0);
        });
        return key;
    }

    std::vector<ApiKeyRecord> ListApiKeys() override {
        std::vector<ApiKeyRecord> keys;
        with_reader_([&](pg::Connection& db) {
            auto rows = db.Run("SELECT " AFTERCARE_API_KEY_COLUMNS " FROM api_keys ORDER BY id DESC");
            for (int i = 0; i < rows.Rows(); ++i) keys.push_back(ReadApiKey(rows, i));
        });
        return keys;
    }

    std::vector<std::int64_t> TicketIdsForSerial(const std::string& serial, int limit) override {
        std::vector<std::int64_t> ids;
        with_reader_([&](pg::Connection& db) {
            // The expression matches the tickets_serial index (pg_schema.cpp).
            auto rows = db.Run("SELECT id FROM tickets WHERE ((body::jsonb) #>> '{details,product,serial}') = $1 "
                               "AND ((body::jsonb) #>> '{details,product,serial}') <> '' "
                               "ORDER BY created_at DESC, id DESC LIMIT $2",
                               Params().Add(serial).Add(limit));
            for (int i = 0; i < rows.Rows(); ++i) ids.push_back(rows.Int(i, 0));
        });
        return ids;
    }

    std::vector<std::int64_t> ResolvedRepairIdsForSerial(const std::string& serial, std::int64_t changed_since,
                                                         int limit) override {
        std::vector<std::int64_t> ids;
        with_reader_([&](pg::Connection& db) {
            // Matches the partial index tickets_serial_resolved (pg_schema.cpp, version 6).
            auto rows = db.Run("SELECT id FROM tickets WHERE ((body::jsonb) #>> '{details,product,serial}') = $1 "
                               "AND kind = 'repair' AND state IN ('resolved', 'confirmed', 'closed') "
                               "AND updated_at >= $2 ORDER BY updated_at DESC LIMIT $3",
                               Params().Add(serial).Add(changed_since).Add(limit));
            for (int i = 0; i < rows.Rows(); ++i) ids.push_back(rows.Int(i, 0));
        });
        return ids;
    }

    std::vector<std::int64_t> TicketIdsForPhone(const std::string& phone, int limit) override {
        std::vector<std::int64_t> ids;
        with_reader_([&](pg::Connection& db) {
            // The expression matches the tickets_phone index (pg_schema.cpp, version 4).
            auto rows = db.Run("SELECT id FROM tickets WHERE ((body::jsonb) #>> '{details,customer,phone}') = $1 "
                               "ORDER BY created_at DESC, id DESC LIMIT $2",
                               Params().Add(phone).Add(limit));
            for (int i = 0; i < rows.Rows(); ++i) ids.push_back(rows.Int(i, 0));
        });
        return ids;
    }

private:
    PgWithReader with_reader_;
};

}  // namespace

std::unique_ptr<RegisterTx> MakePgRegisterTx(pg::Connection& db) { return std::make_unique<PgRegisterTx>(db); }

std::unique_ptr<RegisterReader> MakePgRegisterReader(PgWithReader with_reader) {
    return std::make_unique<PgRegisterReader>(std::move(with_reader));
}

}  // namespace aftercare::serve
