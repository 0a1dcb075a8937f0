// The API suite against PostgreSQL: when AFTERCARE_TEST_PG_SOCKET names the socket directory of a
// test cluster (pg_cluster.sh, started by CTest as a fixture), every data dir the tests use gets a
// fresh database of its own, which servers and commands on that data dir are pointed at with
// AFTERCARE_DATABASE. Without the variable everything stays on SQLite.
#pragma once

#include <string>

namespace aftercare::test {

bool TestingOnPostgres();
// The database URL for servers on `data_dir` (created on first use); empty on SQLite.
std::string TestDatabaseFor(const std::string& data_dir);
// Drops the data dir's database, if one was made (TempDir's destructor).
void DropTestDatabase(const std::string& data_dir);
// Everything in the data dir's database as pg_dump writes it (data included).
std::string DumpTestDatabase(const std::string& data_dir);
// Backs `from`'s database up and restores it into `to`'s (new, empty) one as docs/deploy.md tells
// an operator to: pg_dump -Fc, then pg_restore.
void BackUpAndRestoreTestDatabase(const std::string& from_data_dir, const std::string& to_data_dir);
// Lets sessions into the data dir's database again, or (false) turns every new one away and ends
// the open ones: what a database restart or a network cut looks like to a server. Returns how
// many sessions were ended.
int SetTestDatabaseConnectable(const std::string& data_dir, bool connectable);
// Runs fixed SQL on the data dir's database as the cluster's superuser (tests that inspect rows).
std::string QueryTestDatabase(const std::string& data_dir, const std::string& sql);

}  // namespace aftercare::test
