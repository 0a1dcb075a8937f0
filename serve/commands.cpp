// import and create-api-key: argument checks, the store, and what the operator reads.
#include "commands.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "http_util.hpp"
#include "import/engine.hpp"
#include "services/api_key_service.hpp"
#include "store/sqlite_backup.hpp"
#include "store/open_store.hpp"
#include "store/store_migrate.hpp"

namespace aftercare::serve {
namespace {

std::int64_t Now(const Config& config) {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
               .count() +
           config.clock_offset_seconds;
}

void PrintReport(const import::Report& report) {
    std::printf("%s: %ld rows (%s, %s): %ld changed, %ld unchanged, %ld refused%s\n", report.kind.c_str(),
                report.rows, report.format.c_str(), report.encoding.c_str(), report.changed, report.unchanged,
                report.error_rows, report.dry_run ? " (dry run)" : "");
    for (const auto& column : report.ignored_columns)
        std::printf("ignored column: %s\n", column.c_str());
    for (const auto& error : report.errors)
        std::printf("line %ld, column %s, value \"%s\": %s / %s\n", error.line, error.column.c_str(),
                    error.value.c_str(), error.message_zh.c_str(), error.message_en.c_str());
    if (report.error_rows > static_cast<long>(report.errors.size()))
        std::printf("... and %ld more bad rows\n",
                    report.error_rows - static_cast<long>(report.errors.size()));
    if (report.written)
        std::printf("written: the register now holds this file's data\n");
    else if (report.error_rows > 0)
        std::printf("nothing written: correct the rows above and run the whole file again\n");
    else
        std::printf("nothing written (dry run): the file is clean\n");
}

} // namespace

int RunImportCommand(const CliResult& cli) {
    auto kind = import::ParseKind(cli.import_kind);
    if (!kind) {
        std::fprintf(stderr, "aftercare-server: --kind must be products, orders or parts\n");
        return 2;
    }
    auto encoding = import::ParseEncoding(cli.import_encoding.empty() ? "auto" : cli.import_encoding);
    if (!encoding) {
        std::fprintf(stderr, "aftercare-server: --encoding must be auto, utf-8 or gb18030\n");
        return 2;
    }
    import::Options options;
    options.kind = *kind;
    options.encoding = *encoding;
    options.dry_run = cli.dry_run;
    options.context.now = Now(cli.config);
    if (cli.import_format.empty())
        options.format = import::FormatForFileName(cli.import_file);
    else if (cli.import_format == "csv")
        options.format = import::Format::Csv;
    else if (cli.import_format == "jsonl")
        options.format = import::Format::JsonLines;
    else {
        std::fprintf(stderr, "aftercare-server: --format must be csv or jsonl\n");
        return 2;
    }
    std::ifstream in(cli.import_file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "aftercare-server: cannot read %s\n", cli.import_file.c_str());
        return 2;
    }
    try {
        auto opened = OpenStore(cli.config, 1);
        Store& store = *opened;
        const import::Report report = import::Run(store, in, options);
        store.Write([&](StoreTx& tx) {
            tx.InsertAudit({0,
                            options.context.now,
                            "cli",
                            cli.dry_run ? "import_check" : "import",
                            0,
                            {},
                            cli.import_kind + ": " + std::to_string(report.rows) + " rows, " +
                                std::to_string(report.changed) + " changed, " +
                                std::to_string(report.error_rows) + " refused"});
        });
        PrintReport(report);
        return report.error_rows > 0 ? 1 : 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aftercare-server: %s\n", e.what());
        return 2;
    }
}

int RunCreateApiKeyCommand(const CliResult& cli) {
    std::vector<std::string> scopes;
    std::stringstream list(cli.api_key_scopes);
    for (std::string scope; std::getline(list, scope, ',');)
        if (!scope.empty()) scopes.push_back(scope);
    try {
        auto opened = OpenStore(cli.config, 1);
        Store& store = *opened;
        const auto created = api_keys::Create(store, cli.api_key_name, scopes, "cli", Now(cli.config));
        std::printf("API key %s (id %lld, scopes", created.record.name.c_str(),
                    static_cast<long long>(created.record.id));
        for (const auto& scope : created.record.scopes)
            std::printf(" %s", scope.c_str());
        std::printf("); it is shown only now, store it in the vendor system:\n%s\n", created.key.c_str());
        return 0;
    } catch (const DomainError& error) {
        for (const auto& problem : error.errors)
            std::fprintf(stderr, "aftercare-server: %s: %s\n", problem.field.c_str(),
                         problem.message.en.c_str());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "aftercare-server: %s\n", e.what());
        return 2;
    }
}

namespace {

int ReportCopy(const CopyResult& copy, const char* what, const std::string& where) {
    if (!copy.ok) {
        std::fprintf(stderr, "aftercare-server: %s\n", copy.error.c_str());
        return 2;
    }
    std::printf("%s %s (checked):\n", what, where.c_str());
    for (const auto& [table, rows] : copy.counts) std::printf("  %-24s %lld rows\n", table.c_str(), static_cast<long long>(rows));
    return 0;
}

} // namespace

// On PostgreSQL the database's own tools are the backup: pg_dump is consistent beside running
// instances (docs/deploy.md). Saying so beats silently copying an unrelated SQLite file.
static bool RefusePostgres(const CliResult& cli, const char* what) {
    if (cli.config.database.empty()) return false;
    std::fprintf(stderr, "aftercare-server: %s works on the SQLite data directory; with --database use pg_dump / "
                         "pg_restore (docs/deploy.md)\n", what);
    return true;
}

int RunBackupCommand(const CliResult& cli) {
    if (RefusePostgres(cli, "backup")) return 2;
    return ReportCopy(BackupSqlite(cli.config.data_dir, cli.backup_file), "backup written to", cli.backup_file);
}

int RunRestoreCommand(const CliResult& cli) {
    if (RefusePostgres(cli, "restore")) return 2;
    return ReportCopy(RestoreSqlite(cli.backup_file, cli.config.data_dir), "restored into", cli.config.data_dir);
}

int RunMigrateCommand(const CliResult& cli) {
    CliResult shown = cli;
    shown.config.database = cli.migrate_to;
    return ReportCopy(MigrateSqliteToPostgres(cli.migrate_from, cli.migrate_to), "copied into",
                      StoreLocation(shown.config));
}

} // namespace aftercare::serve
