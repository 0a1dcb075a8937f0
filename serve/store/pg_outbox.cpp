// PostgreSQL outbox: the same rows and state changes as sqlite_outbox.cpp. Claims happen inside the
// write transaction, which holds the cross-instance write lock, so two instances' senders never
// claim the same row.
#include "store/pg_outbox.hpp"

#include <nlohmann/json.hpp>

namespace aftercare::serve {
namespace {

using pg::Params;
using Json = nlohmann::json;

#define AFTERCARE_OUTBOX_COLUMNS                                                                      \
    "id, message_id, channel, recipient, recipient_label, event_type, language, subject, body, "      \
    "ticket_id, urgent, state, attempts, next_attempt_at, last_error, created_at, sent_at"

OutboxMessage ReadMessage(const pg::Result& row, int i) {
    OutboxMessage m;
    m.id = row.Int(i, 0);
    m.message_id = row.Text(i, 1);
    if (!FromString(row.Text(i, 2), m.channel)) throw std::runtime_error("outbox.channel does not read back");
    m.recipient = row.Text(i, 3);
    m.recipient_label = row.Text(i, 4);
    m.event_type = row.Text(i, 5);
    m.language = row.Text(i, 6);
    m.subject = row.Text(i, 7);
    m.body = row.Text(i, 8);
    m.ticket_id = row.OptInt(i, 9).value_or(0);
    m.urgent = row.Int(i, 10) != 0;
    if (!FromString(row.Text(i, 11), m.state)) throw std::runtime_error("outbox.state does not read back");
    m.attempts = static_cast<int>(row.Int(i, 12));
    m.next_attempt_at = row.Int(i, 13);
    m.last_error = row.Text(i, 14);
    m.created_at = row.Int(i, 15);
    m.sent_at = row.OptInt(i, 16);
    return m;
}

WebhookEndpoint ReadWebhook(const pg::Result& row, int i) {
    WebhookEndpoint w;
    w.id = row.Int(i, 0);
    w.url = row.Text(i, 1);
    w.events = Json::parse(row.Text(i, 2)).get<std::vector<std::string>>();
    w.secret = row.Text(i, 3);
    w.previous_secret = row.Text(i, 4);
    w.previous_until = row.Int(i, 5);
    w.active = row.Int(i, 6) != 0;
    w.created_at = row.Int(i, 7);
    return w;
}

class PgOutboxTx : public OutboxTx {
public:
    explicit PgOutboxTx(pg::Connection& db) : db_(db) {}

    std::int64_t Enqueue(const OutboxMessage& m) override {
        Params params;
        params.Add(m.message_id)
            .Add(ToString(m.channel))
            .Add(m.recipient)
            .Add(m.recipient_label)
            .Add(m.event_type)
            .Add(m.language)
            .Add(m.subject)
            .Add(m.body);
        if (m.ticket_id != 0) params.Add(m.ticket_id);
        else params.AddNull();
        params.Add(m.urgent).Add(m.next_attempt_at).Add(m.created_at);
        return db_
            .Run("INSERT INTO outbox(message_id, channel, recipient, recipient_label, event_type, language, subject, "
                 "body, ticket_id, urgent, state, attempts, next_attempt_at, created_at) "
                 "VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', 0, $11, $12) RETURNING id",
                 params)
            .Int(0, 0);
    }

    std::vector<OutboxMessage> ClaimDue(std::int64_t now, std::int64_t lease_until, int limit) override {
        std::vector<OutboxMessage> due;
        {
            auto rows = db_.Run("SELECT " AFTERCARE_OUTBOX_COLUMNS " FROM outbox "
                                "WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $2",
                                Params().Add(now).Add(limit));
            for (int i = 0; i < rows.Rows(); ++i) due.push_back(ReadMessage(rows, i));
        }
        for (auto& m : due) {
            db_.Run("UPDATE outbox SET next_attempt_at = $1, attempts = attempts + 1, claimed = 1 WHERE id = $2",
                    Params().Add(lease_until).Add(m.id));
            m.attempts += 1;
            m.next_attempt_at = lease_until;
        }
        return due;
    }

    void MarkSent(std::int64_t id, std::int64_t now) override {
        db_.Run("UPDATE outbox SET state = 'sent', sent_at = $1, last_error = '', claimed = 0 WHERE id = $2",
                Params().Add(now).Add(id));
    }

    void MarkFailed(std::int64_t id, const std::string& error, std::optional<std::int64_t> retry_at) override {
        if (retry_at)
            db_.Run("UPDATE outbox SET next_attempt_at = $1, last_error = $2, claimed = 0 WHERE id = $3",
                    Params().Add(*retry_at).Add(error).Add(id));
        else
            db_.Run("UPDATE outbox SET state = 'dead', last_error = $1, claimed = 0 WHERE id = $2",
                    Params().Add(error).Add(id));
    }

    void Postpone(std::int64_t id, std::int64_t at, const std::string& reason) override {
        db_.Run("UPDATE outbox SET next_attempt_at = $1, last_error = $2, attempts = GREATEST(attempts - 1, 0), "
                "claimed = 0 WHERE id = $3",
                Params().Add(at).Add(reason).Add(id));
    }

    int ReleaseClaims(std::int64_t now) override {
        return static_cast<int>(
            db_.Run("UPDATE outbox SET next_attempt_at = $1, claimed = 0 WHERE claimed = 1 AND state = 'pending'",
                    Params().Add(now))
                .Affected());
    }

    bool Resend(std::int64_t id, std::int64_t now) override {
        return db_.Run("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = $1, sent_at = NULL "
                       "WHERE id = $2",
                       Params().Add(now).Add(id))
                   .Affected() > 0;
    }

    void Unsubscribe(const std::string& address, std::int64_t now) override {
        db_.Run("INSERT INTO email_unsubscribes(address, at) VALUES($1, $2) ON CONFLICT DO NOTHING",
                Params().Add(address).Add(now));
    }

    std::int64_t InsertWebhook(const WebhookEndpoint& w) override {
        return db_
            .Run("INSERT INTO webhook_endpoints(url, events, secret, previous_secret, previous_until, active, "
                 "created_at) VALUES($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                 Params()
                     .Add(w.url)
                     .Add(Json(w.events).dump())
                     .Add(w.secret)
                     .Add(w.previous_secret)
                     .Add(w.previous_until)
                     .Add(w.active)
                     .Add(w.created_at))
            .Int(0, 0);
    }

    bool UpdateWebhook(const WebhookEndpoint& w) override {
        return db_.Run("UPDATE webhook_endpoints SET url = $1, events = $2, secret = $3, previous_secret = $4, "
                       "previous_until = $5, active = $6 WHERE id = $7",
                       Params()
                           .Add(w.url)
                           .Add(Json(w.events).dump())
                           .Add(w.secret)
                           .Add(w.previous_secret)
                           .Add(w.previous_until)
                           .Add(w.active)
                           .Add(w.id))
                   .Affected() > 0;
    }

private:
    pg::Connection& db_;
};

class PgOutboxReader : public OutboxReader {
public:
    explicit PgOutboxReader(PgWithReader with_reader) : with_reader_(std::move(with_reader)) {}

    std::vector<OutboxMessage> List(const OutboxQuery& query) override {
        std::vector<OutboxMessage> list;
        with_reader_([&](pg::Connection& db) {
            Params params;
            params.Add(query.ticket_id);
            if (query.channel) params.Add(ToString(*query.channel));
            else params.AddNull();
            params.Add(query.limit);
            auto rows = db.Run("SELECT " AFTERCARE_OUTBOX_COLUMNS " FROM outbox "
                               "WHERE ($1::bigint IS NULL OR ticket_id = $1) AND ($2::text IS NULL OR channel = $2) "
                               "ORDER BY id DESC LIMIT $3",
                               params);
            for (int i = 0; i < rows.Rows(); ++i) list.push_back(ReadMessage(rows, i));
        });
        return list;
    }

    std::optional<OutboxMessage> Find(std::int64_t id) override {
        std::optional<OutboxMessage> found;
        with_reader_([&](pg::Connection& db) {
            auto row = db.Run("SELECT " AFTERCARE_OUTBOX_COLUMNS " FROM outbox WHERE id = $1", Params().Add(id));
            if (!row.Empty()) found = ReadMessage(row, 0);
        });
        return found;
    }

    std::optional<OutboxMessage> FindByMessageId(const std::string& message_id) override {
        std::optional<OutboxMessage> found;
        with_reader_([&](pg::Connection& db) {
            auto row = db.Run("SELECT " AFTERCARE_OUTBOX_COLUMNS " FROM outbox WHERE message_id = $1",
                              Params().Add(message_id));
            if (!row.Empty()) found = ReadMessage(row, 0);
        });
        return found;
    }

    bool IsUnsubscribed(const std::string& address) override {
        bool found = false;
        with_reader_([&](pg::Connection& db) {
            found = !db.Run("SELECT 1 FROM email_unsubscribes WHERE address = $1", Params().Add(address)).Empty();
        });
        return found;
    }

    std::optional<std::int64_t> NextDueAt() override {
        std::optional<std::int64_t> at;
        with_reader_([&](pg::Connection& db) {
            at = db.Run("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'").OptInt(0, 0);
        });
        return at;
    }

    std::int64_t CountByState(OutboxState state) override {
        std::int64_t count = 0;
        with_reader_([&](pg::Connection& db) {
            count = db.Run("SELECT COUNT(*) FROM outbox WHERE state = $1", Params().Add(ToString(state))).Int(0, 0);
        });
        return count;
    }

    std::vector<WebhookEndpoint> ListWebhooks() override {
        std::vector<WebhookEndpoint> list;
        with_reader_([&](pg::Connection& db) {
            auto rows = db.Run("SELECT id, url, events, secret, previous_secret, previous_until, active, created_at "
                               "FROM webhook_endpoints ORDER BY id");
            for (int i = 0; i < rows.Rows(); ++i) list.push_back(ReadWebhook(rows, i));
        });
        return list;
    }

private:
    PgWithReader with_reader_;
};

}  // namespace

std::unique_ptr<OutboxTx> MakePgOutboxTx(pg::Connection& db) { return std::make_unique<PgOutboxTx>(db); }

std::unique_ptr<OutboxReader> MakePgOutboxReader(PgWithReader with_reader) {
    return std::make_unique<PgOutboxReader>(std::move(with_reader));
}

}  // namespace aftercare::serve
