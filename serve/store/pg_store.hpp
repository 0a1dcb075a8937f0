// PostgreSQL implementation of Store: any number of aftercare-server instances on one database.
//
// - Writes: one transaction each, which first takes a transaction-level advisory lock
//   (pg::kWriteLockKey), so writes are serialized across ALL instances exactly as SQLite's single
//   writer serializes them: the services' load -> decide -> update (previous_last_sequence) stays
//   race-free. Committed with synchronous_commit=on (checked at start): a 201 means on disk.
// - Reads: a pool of connections, opened on demand; multi-statement reads run in one REPEATABLE
//   READ transaction, the same snapshot SQLite's reader transactions give.
// - No ticket cache: another instance may have written since, so every read goes to the database.
// - A lost connection answers 503 (database_unavailable) and is re-opened on the next request.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/outbox.hpp"
#include "store/pg_db.hpp"
#include "store/register.hpp"
#include "store/store.hpp"

namespace aftercare::serve {

class PgStore : public Store {
public:
    // Connects, applies the migrations and checks durability settings. Throws pg::Error.
    PgStore(const std::string& conninfo, int max_readers);
    ~PgStore() override;

    void Write(const std::function<void(StoreTx&)>& work) override;

    std::optional<std::string> GetMeta(const std::string& key) override;
    std::optional<StoredTicket> LoadTicket(const std::string& compact_number) override;
    std::optional<StoredTicket> LoadTicketById(std::int64_t id) override;
    std::optional<TicketBundle> LoadTicketBundle(std::int64_t id) override;
    std::vector<core::TimelineEvent> LoadEventsAfter(std::int64_t ticket_id, int after) override;
    std::optional<TokenRecord> FindToken(const std::string& token_hash, std::int64_t now) override;
    std::optional<TicketAccess> FindTicketPhone(const std::string& compact_number) override;
    std::vector<AttachmentRecord> ListAttachments(std::int64_t ticket_id) override;
    std::optional<AttachmentRecord> LoadAttachment(std::int64_t ticket_id, const std::string& id) override;
    std::optional<core::Rating> LoadRating(std::int64_t ticket_id) override;
    std::optional<StaffRecord> FindStaff(const std::string& username) override;
    std::optional<StaffRecord> FindStaffById(std::int64_t id) override;
    std::optional<ProductRecord> FindProduct(const std::string& serial) override;
    std::optional<OrderRecord> FindOrder(const std::string& order_number) override;
    std::vector<QueueRow> Queue(const QueueQuery& query) override;
    std::int64_t CountQueue(const QueueQuery& query) override;
    std::vector<StaffRecord> ListStaff() override;
    std::vector<AuditRecord> Audit(std::int64_t ticket_id, int limit) override;
    std::vector<RatingRow> RatingsGivenBetween(std::int64_t from, std::int64_t to) override;
    std::vector<StoredTicket> Complaints(std::int64_t from, std::int64_t to, int limit) override;
    std::vector<std::int64_t> DueForCheck(std::int64_t now, int limit) override;
    std::vector<StatsRow> StatsRows(std::int64_t from, std::int64_t to) override;
    std::vector<core::Rating> Ratings(std::int64_t from, std::int64_t to) override;
    std::vector<std::pair<std::int64_t, std::int64_t>> FollowUpsDue(const FollowUpQuery& query) override;
    std::int64_t CountFollowUpsDue(const FollowUpQuery& query) override;
    FollowUpCounts CountFollowUps(std::int64_t from, std::int64_t to, std::int64_t resolved_by) override;
    std::vector<FollowUpScheduleRecord> FollowUpSchedulesDue(const std::string& today, int limit) override;
    std::int64_t CountFollowUpSchedulesDue(const std::string& today) override;
    std::vector<FollowUpScheduleRecord> FollowUpSchedulesFor(const std::string& serial) override;
    std::vector<FollowUpSurveyRecord> FollowUpSurveysFor(const std::string& serial, int limit) override;
    std::map<std::string, std::int64_t> CountByState() override;
    std::int64_t CountBreachedOpen() override;
    std::int64_t CountTickets() override;
    void Prune(std::int64_t now, std::int64_t idempotency_before) override;
    std::int64_t StorageBytes() override;
    bool Healthy() override;
    RegisterReader& Register() override { return *register_reader_; }
    OutboxReader& Outbox() override { return *outbox_reader_; }

    int schema_version() const { return schema_version_; }

    // Runs `read` on a pooled connection; a lost connection becomes a 503 DomainError.
    template <typename Read>
    auto WithReader(Read&& read) {
        Lease db(*this);
        try {
            return read(*db);
        } catch (const pg::Error& e) {
            Unavailable(e);
        }
    }

private:
    class Lease {
    public:
        explicit Lease(PgStore& store) : store_(store), connection_(store.Acquire()) {}
        ~Lease() { store_.Release(connection_); }
        pg::Connection& operator*() { return connection_; }

    private:
        PgStore& store_;
        pg::Connection& connection_;
    };
    pg::Connection& Acquire();
    void Release(pg::Connection& connection);
    // Rethrows a lost connection as the 503 answer, a full disk as 507; anything else as it is.
    [[noreturn]] static void Unavailable(const pg::Error& error);

    std::string conninfo_;
    int schema_version_ = 0;
    std::mutex write_mutex_;  // one write transaction per instance at a time (the lock orders instances)
    std::unique_ptr<pg::Connection> writer_;
    std::mutex pool_mutex_;
    std::condition_variable pool_cv_;
    int max_readers_;
    std::vector<std::unique_ptr<pg::Connection>> readers_;
    std::vector<pg::Connection*> idle_;
    std::unique_ptr<RegisterReader> register_reader_;
    std::unique_ptr<OutboxReader> outbox_reader_;
};

}  // namespace aftercare::serve
