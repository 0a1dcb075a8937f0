// The global storage quota's estimate (serve/storage_quota.cpp) against a real SQLite store: far
// below the quota a write is checked against the last measure plus what was reserved since, so a
// write is not one more query; within kWarnFraction of the quota, and once the measure is a second
// old, every write measures again.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "services/domain_error.hpp"
#include "storage_quota.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_store.hpp"
#include "temp_data_dir.hpp"

using namespace aftercare::serve;
using aftercare::serve::testing::TempDataDir;

namespace {

// Grows the database by ~800 KB behind the quota's back (nothing reserved for it).
void StoreFiller(const TempDataDir& dir) {
    sqlite::Connection db((dir.path / "aftercare.db").string());
    db.Exec("CREATE TABLE IF NOT EXISTS filler (b BLOB); INSERT INTO filler VALUES (randomblob(800000));");
}

}  // namespace

TEST_CASE("storage quota: far below the quota a write is checked against an estimate, near it against a measure",
          "[storage]") {
    TempDataDir dir;
    SqliteStore store(dir.path.string(), 1);
    auto now = std::chrono::steady_clock::now();
    const std::int64_t empty = store.StorageBytes();
    StorageQuota quota(store, empty + 1'000'000, 0, [&] { return now; });

    quota.Reserve("client", 1'000);  // the first write measures
    StoreFiller(dir);
    REQUIRE(store.StorageBytes() + 300'000 > empty + 1'000'000);

    SECTION("an estimate far below the quota is trusted for a second") {
        CHECK_NOTHROW(quota.Reserve("client", 300'000));
        now += std::chrono::seconds(1);
        CHECK_THROWS_AS(quota.Reserve("client", 300'000), DomainError);
    }
    SECTION("a write that brings the estimate near the quota measures at once") {
        CHECK_THROWS_AS(quota.Reserve("client", 900'000 - empty / 10), DomainError);
        // And nothing stored is refused a write that fits.
        CHECK_NOTHROW(quota.Reserve("client", empty + 1'000'000 - store.StorageBytes()));
    }
}
