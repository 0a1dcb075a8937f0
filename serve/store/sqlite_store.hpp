// SQLite implementation of Store: one file under the data dir, WAL with synchronous=FULL so that an
// acknowledged write survives kill -9 and power loss; one writer connection, a pool of readers.
#pragma once

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/outbox.hpp"
#include "store/register.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"
#include "store/ticket_cache.hpp"

namespace aftercare::serve {

class SqliteStore : public Store {
public:
    // Opens (creating if needed) `<data_dir>/aftercare.db`, applies the schema, and verifies that the
    // durability pragmas really took effect. Throws sqlite::Error on failure.
    SqliteStore(const std::string& data_dir, int readers);
    ~SqliteStore() override;

    void Write(const std::function<void(StoreTx&)>& work) override;
    void WriteChecksFirst(const std::function<void(StoreTx&)>& work) override;

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
    std::unique_ptr<SharedReads> ShareReads() override;
    RegisterReader& Register() override { return *register_reader_; }
    OutboxReader& Outbox() override { return *outbox_reader_; }

    // The values read back at open, for the durability test and the log.
    std::string journal_mode() const { return journal_mode_; }
    int synchronous() const { return synchronous_; }

private:
    class Lease;
    class SharedReader;
    struct PendingWrite {
        const std::function<void(StoreTx&)>* work = nullptr;
        bool checks_first = false;    // runs without a savepoint (WriteChecksFirst)
        std::exception_ptr error;
        bool done = false;            // guarded by write_mutex_
        std::condition_variable wake;  // this writer's own, so a batch's end wakes only whom it concerns
    };
    static constexpr std::size_t kMaxBatch = 64;
    // Parsed tickets kept for reads: ~5 KB each, so about 50 MB at most.
    static constexpr std::size_t kCachedTickets = 10000;
    void WriteInBatch(const std::function<void(StoreTx&)>& work, bool checks_first);
    // Runs one batch in one transaction and sets each piece's error; WriteInBatch marks them done.
    void RunBatch(const std::vector<PendingWrite*>& batch);
    sqlite::Connection& Acquire();
    void Release(sqlite::Connection& connection);

    std::string path_;
    std::mutex write_mutex_;  // guards the queue below, not the connection
    std::vector<PendingWrite*> write_queue_;
    bool leader_active_ = false;
    std::unique_ptr<sqlite::Connection> writer_;
    std::mutex pool_mutex_;
    std::condition_variable pool_cv_;
    std::vector<std::unique_ptr<sqlite::Connection>> readers_;
    std::vector<sqlite::Connection*> idle_;
    TicketCache cache_{kCachedTickets};
    std::string journal_mode_;
    int synchronous_ = -1;
    std::unique_ptr<RegisterReader> register_reader_;
    std::unique_ptr<OutboxReader> outbox_reader_;
};

}  // namespace aftercare::serve
