// One PostgreSQL database per test data dir, in the cluster CTest started.
#include "pg_test_db.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <stdexcept>

namespace aftercare::test {
namespace {

std::mutex g_mutex;
std::map<std::string, std::string> g_databases;  // data dir -> database name

const char* SocketDir() { return std::getenv("AFTERCARE_TEST_PG_SOCKET"); }

std::string Url(const std::string& database) {
    return std::string("postgresql://aftercare@/") + database + "?host=" + SocketDir();
}

// Runs `sql` on `database`; returns the first column of the first row (if any). The SQL is fixed
// text or names generated below (t_ and hex digits): nothing from outside the test.
std::string Run(const std::string& database, const std::string& sql) {
    PGconn* conn = PQconnectdb(Url(database).c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string message = PQerrorMessage(conn);
        PQfinish(conn);
        throw std::runtime_error("test cluster: " + message);
    }
    PGresult* result = PQexec(conn, sql.c_str());
    const auto status = PQresultStatus(result);
    std::string value;
    if (status == PGRES_TUPLES_OK && PQntuples(result) > 0) value = PQgetvalue(result, 0, 0);
    std::string error = PQresultErrorMessage(result);
    PQclear(result);
    PQfinish(conn);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error("test cluster: " + error);
    return value;
}

std::string NewName() {
    static std::atomic<int> counter{0};
    std::random_device random;
    char name[64];
    std::snprintf(name, sizeof name, "t_%d_%d_%08x", static_cast<int>(getpid()), counter++, random());
    return name;
}

std::string NameFor(const std::string& data_dir) {
    std::lock_guard lock(g_mutex);
    auto it = g_databases.find(data_dir);
    if (it == g_databases.end()) throw std::runtime_error("no test database for " + data_dir);
    return it->second;
}

}  // namespace

bool TestingOnPostgres() {
    const char* dir = SocketDir();
    return dir != nullptr && *dir != '\0';
}

std::string TestDatabaseFor(const std::string& data_dir) {
    if (!TestingOnPostgres()) return {};
    std::lock_guard lock(g_mutex);
    auto it = g_databases.find(data_dir);
    if (it == g_databases.end()) {
        const std::string name = NewName();
        Run("postgres", "CREATE DATABASE " + name);
        it = g_databases.emplace(data_dir, name).first;
    }
    return Url(it->second);
}

void DropTestDatabase(const std::string& data_dir) {
    std::string name;
    {
        std::lock_guard lock(g_mutex);
        auto it = g_databases.find(data_dir);
        if (it == g_databases.end()) return;
        name = it->second;
        g_databases.erase(it);
    }
    try {
        // FORCE: a server the test killed may have left a session the cluster has not noticed yet.
        Run("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (const std::exception&) {
        // Left for the cluster's removal at the end of the run.
    }
}

std::string DumpTestDatabase(const std::string& data_dir) {
    const std::string name = NameFor(data_dir);
    // The name and the socket directory are ours (t_ and hex; the fixture's /tmp path).
    const std::string command = "/usr/lib/postgresql/15/bin/pg_dump --data-only '" + Url(name) + "'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("cannot run pg_dump");
    std::string out;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    if (pclose(pipe) != 0) throw std::runtime_error("pg_dump failed");
    return out;
}

void BackUpAndRestoreTestDatabase(const std::string& from_data_dir, const std::string& to_data_dir) {
    TestDatabaseFor(to_data_dir);
    // Names, paths and the socket directory are ours (t_ and hex; temporary directories).
    const std::string file = to_data_dir + "/backup.dump";
    const std::string dump = "/usr/lib/postgresql/15/bin/pg_dump -Fc -f '" + file + "' '" + Url(NameFor(from_data_dir)) + "'";
    if (std::system(dump.c_str()) != 0) throw std::runtime_error("pg_dump failed");
    const std::string restore = "/usr/lib/postgresql/15/bin/pg_restore --exit-on-error --no-owner -d '" +
                                Url(NameFor(to_data_dir)) + "' '" + file + "'";
    if (std::system(restore.c_str()) != 0) throw std::runtime_error("pg_restore failed");
}

int SetTestDatabaseConnectable(const std::string& data_dir, bool connectable) {
    const std::string name = NameFor(data_dir);
    Run("postgres", "ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS " + (connectable ? "true" : "false"));
    if (connectable) return 0;
    return std::stoi(Run("postgres", "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" +
                                         name + "'"));
}

std::string QueryTestDatabase(const std::string& data_dir, const std::string& sql) {
    return Run(NameFor(data_dir), sql);
}

}  // namespace aftercare::test
