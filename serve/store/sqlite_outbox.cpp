// SQLite outbox: pending/sent/dead messages with their delivery log, and webhook endpoints.
#include "store/sqlite_outbox.hpp"

#include <nlohmann/json.hpp>

namespace aftercare::serve {

std::string_view ToString(OutboxChannel channel) {
    switch (channel) {
        case OutboxChannel::Email: return "email";
        case OutboxChannel::Sms: return "sms";
        case OutboxChannel::Webhook: return "webhook";
    }
    return "email";
}

std::string_view ToString(OutboxState state) {
    switch (state) {
        case OutboxState::Pending: return "pending";
        case OutboxState::Sent: return "sent";
        case OutboxState::Dead: return "dead";
    }
    return "pending";
}

bool FromString(std::string_view text, OutboxChannel& out) {
    for (auto value : {OutboxChannel::Email, OutboxChannel::Sms, OutboxChannel::Webhook})
        if (ToString(value) == text) return out = value, true;
    return false;
}

bool FromString(std::string_view text, OutboxState& out) {
    for (auto value : {OutboxState::Pending, OutboxState::Sent, OutboxState::Dead})
        if (ToString(value) == text) return out = value, true;
    return false;
}

namespace {

using sqlite::Connection;
using Json = nlohmann::json;

constexpr const char* kOutboxSchema = R"sql(
CREATE TABLE IF NOT EXISTS outbox(
    id INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,            -- email | sms | webhook
    recipient TEXT NOT NULL,
    recipient_label TEXT NOT NULL DEFAULT '',
    event_type TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    ticket_id INTEGER,
    urgent INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | dead
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    claimed INTEGER NOT NULL DEFAULT 0   -- 1 while a sender holds it (see ReleaseClaims)
);
-- The sender's scan: only pending rows are indexed, so sent history does not slow it down.
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS outbox_ticket ON outbox(ticket_id, id) WHERE ticket_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS outbox_channel ON outbox(channel, id);

-- Addresses that used the unsubscribe link: no more e-mail goes to them.
CREATE TABLE IF NOT EXISTS email_unsubscribes(
    address TEXT PRIMARY KEY,
    at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS webhook_endpoints(
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,             -- JSON array of event types
    secret TEXT NOT NULL,
    previous_secret TEXT NOT NULL DEFAULT '',
    previous_until INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);
)sql";

#define AFTERCARE_OUTBOX_COLUMNS                                                                      \
    "id, message_id, channel, recipient, recipient_label, event_type, language, subject, body, "      \
    "ticket_id, urgent, state, attempts, next_attempt_at, last_error, created_at, sent_at"

OutboxMessage ReadMessage(const sqlite::Statement& row) {
    OutboxMessage m;
    m.id = row.Int(0);
    m.message_id = row.Text(1);
    if (!FromString(row.Text(2), m.channel)) throw std::runtime_error("outbox.channel does not read back");
    m.recipient = row.Text(3);
    m.recipient_label = row.Text(4);
    m.event_type = row.Text(5);
    m.language = row.Text(6);
    m.subject = row.Text(7);
    m.body = row.Text(8);
    m.ticket_id = row.OptInt(9).value_or(0);
    m.urgent = row.Int(10) != 0;
    if (!FromString(row.Text(11), m.state)) throw std::runtime_error("outbox.state does not read back");
    m.attempts = static_cast<int>(row.Int(12));
    m.next_attempt_at = row.Int(13);
    m.last_error = row.Text(14);
    m.created_at = row.Int(15);
    m.sent_at = row.OptInt(16);
    return m;
}

WebhookEndpoint ReadWebhook(const sqlite::Statement& row) {
    WebhookEndpoint w;
    w.id = row.Int(0);
    w.url = row.Text(1);
    w.events = Json::parse(row.Text(2)).get<std::vector<std::string>>();
    w.secret = row.Text(3);
    w.previous_secret = row.Text(4);
    w.previous_until = row.Int(5);
    w.active = row.Int(6) != 0;
    w.created_at = row.Int(7);
    return w;
}

class SqliteOutboxTx : public OutboxTx {
  public:
    explicit SqliteOutboxTx(Connection& db) : db_(db) {}

    std::int64_t Enqueue(const OutboxMessage& m) override {
        auto insert = db_.Prepare(
            "INSERT INTO outbox(message_id, channel, recipient, recipient_label, event_type, language, subject, "
            "body, ticket_id, urgent, state, attempts, next_attempt_at, created_at) "
            "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)");
        insert.Bind(1, m.message_id)
            .Bind(2, ToString(m.channel))
            .Bind(3, m.recipient)
            .Bind(4, m.recipient_label)
            .Bind(5, m.event_type)
            .Bind(6, m.language)
            .Bind(7, m.subject)
            .Bind(8, m.body)
            .Bind(10, m.urgent)
            .Bind(11, m.next_attempt_at)
            .Bind(12, m.created_at);
        if (m.ticket_id != 0) insert.Bind(9, m.ticket_id);
        else insert.BindNull(9);
        insert.Run();
        return db_.LastInsertId();
    }

    std::vector<OutboxMessage> ClaimDue(std::int64_t now, std::int64_t lease_until, int limit) override {
        std::vector<OutboxMessage> due;
        {
            auto rows = db_.Prepare("SELECT " AFTERCARE_OUTBOX_COLUMNS " FROM outbox "
                                    "WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id "
                                    "LIMIT ?");
            rows.Bind(1, now).Bind(2, limit);
            while (rows.Step()) due.push_back(ReadMessage(rows));
        }
        for (auto& m : due) {
            auto lease = db_.Prepare("UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1, claimed = 1 WHERE id = ?");
            lease.Bind(1, lease_until).Bind(2, m.id);
            lease.Run();
            m.attempts += 1;
            m.next_attempt_at = lease_until;
        }
        return due;
    }

    void MarkSent(std::int64_t id, std::int64_t now) override {
        auto update = db_.Prepare("UPDATE outbox SET state = 'sent', sent_at = ?, last_error = '', claimed = 0 WHERE id = ?");
        update.Bind(1, now).Bind(2, id);
        update.Run();
    }

    void MarkFailed(std::int64_t id, const std::string& error, std::optional<std::int64_t> retry_at) override {
        if (retry_at) {
            auto update = db_.Prepare("UPDATE outbox SET next_attempt_at = ?, last_error = ?, claimed = 0 WHERE id = ?");
            update.Bind(1, *retry_at).Bind(2, error).Bind(3, id);
            update.Run();
        } else {
            auto update = db_.Prepare("UPDATE outbox SET state = 'dead', last_error = ?, claimed = 0 WHERE id = ?");
            update.Bind(1, error).Bind(2, id);
            update.Run();
        }
    }

    void Postpone(std::int64_t id, std::int64_t at, const std::string& reason) override {
        auto update = db_.Prepare(
            "UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = MAX(attempts - 1, 0), claimed = 0 "
            "WHERE id = ?");
        update.Bind(1, at).Bind(2, reason).Bind(3, id);
        update.Run();
    }

    int ReleaseClaims(std::int64_t now) override {
        auto update = db_.Prepare(
            "UPDATE outbox SET next_attempt_at = ?, claimed = 0 WHERE claimed = 1 AND state = 'pending'");
        update.Bind(1, now);
        update.Run();
        return db_.Changes();
    }

    bool Resend(std::int64_t id, std::int64_t now) override {
        auto update = db_.Prepare(
            "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, sent_at = NULL WHERE id = ?");
        update.Bind(1, now).Bind(2, id);
        update.Run();
        return db_.Changes() > 0;
    }

    void Unsubscribe(const std::string& address, std::int64_t now) override {
        auto insert = db_.Prepare("INSERT INTO email_unsubscribes(address, at) VALUES(?, ?) ON CONFLICT DO NOTHING");
        insert.Bind(1, address).Bind(2, now);
        insert.Run();
    }

    std::int64_t InsertWebhook(const WebhookEndpoint& w) override {
        auto insert = db_.Prepare(
            "INSERT INTO webhook_endpoints(url, events, secret, previous_secret, previous_until, active, created_at) "
            "VALUES(?, ?, ?, ?, ?, ?, ?)");
        insert.Bind(1, w.url)
            .Bind(2, Json(w.events).dump())
            .Bind(3, w.secret)
            .Bind(4, w.previous_secret)
            .Bind(5, w.previous_until)
            .Bind(6, w.active)
            .Bind(7, w.created_at);
        insert.Run();
        return db_.LastInsertId();
    }

    bool UpdateWebhook(const WebhookEndpoint& w) override {
        auto update = db_.Prepare(
            "UPDATE webhook_endpoints SET url = ?, events = ?, secret = ?, previous_secret = ?, previous_until = ?, "
            "active = ? WHERE id = ?");
        update.Bind(1, w.url)
            .Bind(2, Json(w.events).dump())
            .Bind(3, w.secret)
            .Bind(4, w.previous_secret)
            .Bind(5, w.previous_until)
            .Bind(6, w.active)
            .Bind(7, w.id);
        update.Run();
        return db_.Changes() > 0;
    }

  private:
    Connection& db_;
};

class SqliteOutboxReader : public OutboxReader {
  public:
    explicit SqliteOutboxReader(WithReader with_reader) : with_reader_(std::move(with_reader)) {}

    std::vector<OutboxMessage> List(const OutboxQuery& query) override {
        std::vector<OutboxMessage> list;
        with_reader_([&](Connection& db) {
            auto rows = db.Prepare("SELECT " AFTERCARE_OUTBOX_COLUMNS " FROM outbox "
                                   "WHERE (?1 IS NULL OR ticket_id = ?1) AND (?2 IS NULL OR channel = ?2) "
                                   "ORDER BY id DESC LIMIT ?3");
            rows.Bind(1, query.ticket_id).Bind(3, query.limit);
            if (query.channel) rows.Bind(2, ToString(*query.channel));
            else rows.BindNull(2);
            while (rows.Step()) list.push_back(ReadMessage(rows));
        });
        return list;
    }

    std::optional<OutboxMessage> Find(std::int64_t id) override {
        std::optional<OutboxMessage> found;
        with_reader_([&](Connection& db) {
            auto row = db.Prepare("SELECT " AFTERCARE_OUTBOX_COLUMNS " FROM outbox WHERE id = ?");
            row.Bind(1, id);
            if (row.Step()) found = ReadMessage(row);
        });
        return found;
    }

    std::optional<OutboxMessage> FindByMessageId(const std::string& message_id) override {
        std::optional<OutboxMessage> found;
        with_reader_([&](Connection& db) {
            auto row = db.Prepare("SELECT " AFTERCARE_OUTBOX_COLUMNS " FROM outbox WHERE message_id = ?");
            row.Bind(1, message_id);
            if (row.Step()) found = ReadMessage(row);
        });
        return found;
    }

    bool IsUnsubscribed(const std::string& address) override {
        bool found = false;
        with_reader_([&](Connection& db) {
            auto row = db.Prepare("SELECT 1 FROM email_unsubscribes WHERE address = ?");
            row.Bind(1, address);
            found = row.Step();
        });
        return found;
    }

    std::optional<std::int64_t> NextDueAt() override {
        std::optional<std::int64_t> at;
        with_reader_([&](Connection& db) {
            auto row = db.Prepare("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'pending'");
            if (row.Step()) at = row.OptInt(0);
        });
        return at;
    }

    std::int64_t CountByState(OutboxState state) override {
        std::int64_t count = 0;
        with_reader_([&](Connection& db) {
            auto row = db.Prepare("SELECT COUNT(*) FROM outbox WHERE state = ?");
            row.Bind(1, ToString(state));
            if (row.Step()) count = row.Int(0);
        });
        return count;
    }

    std::vector<WebhookEndpoint> ListWebhooks() override {
        std::vector<WebhookEndpoint> list;
        with_reader_([&](Connection& db) {
            auto rows = db.Prepare("SELECT id, url, events, secret, previous_secret, previous_until, active, "
                                   "created_at FROM webhook_endpoints ORDER BY id");
            while (rows.Step()) list.push_back(ReadWebhook(rows));
        });
        return list;
    }

  private:
    WithReader with_reader_;
};

}  // namespace

void ApplyOutboxSchema(Connection& db) { db.Exec(kOutboxSchema); }

std::unique_ptr<OutboxTx> MakeSqliteOutboxTx(Connection& db) { return std::make_unique<SqliteOutboxTx>(db); }

std::unique_ptr<OutboxReader> MakeSqliteOutboxReader(WithReader with_reader) {
    return std::make_unique<SqliteOutboxReader>(std::move(with_reader));
}

}  // namespace aftercare::serve
