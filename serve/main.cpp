// aftercare-server command line: serve (default), create-admin, routes, import, create-api-key.
// Everything else is in App and commands.cpp.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <filesystem>
#include <thread>

#include <curl/curl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "app.hpp"
#include "commands.hpp"
#include "config.hpp"
#include "log.hpp"
#include "services/staff_service.hpp"
#include "store/open_store.hpp"

using aftercare::serve::App;
using aftercare::serve::CliResult;

namespace {

int Serve(const aftercare::serve::Config& config) {
    // Block the stop signals in every thread; one thread waits for them and stops the server, so
    // shutdown runs as ordinary code instead of inside a signal handler.
    // A shell starts background jobs with SIGINT ignored; an ignored signal is never delivered to
    // sigwait, so restore the defaults before blocking.
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    App app(config);
    std::string error;
    if (!app.Init(error)) {
        std::fprintf(stderr, "aftercare-server: %s\n", error.c_str());
        return 1;
    }
    const int port = app.Bind();
    if (port < 0) {
        std::fprintf(stderr, "aftercare-server: cannot listen on %s:%d\n", config.bind.c_str(), config.port);
        return 1;
    }

    std::thread signal_thread([&app, stop_signals] {
        int received = 0;
        sigwait(&stop_signals, &received);
        app.Stop();
    });

    // The log says so too, last of the start-up lines: a reader of both streams (the browser tests)
    // knows the start-up log (demo tickets and all) is complete once it sees this.
    aftercare::serve::LogEvent("info", "listening", config.bind + ":" + std::to_string(port));
    // Tests and scripts parse exactly this line to learn the port.
    std::printf("Aftercare portal: http://%s:%d/\n", config.bind.c_str(), port);
    std::fflush(stdout);

    const bool ok = app.Run();
    // If Run returned for another reason, wake the signal thread so it can be joined.
    pthread_kill(signal_thread.native_handle(), SIGTERM);
    signal_thread.join();
    return ok ? 0 : 1;
}

// Reads the password from stdin: prompted without echo on a terminal, one line from a pipe.
std::string ReadPassword() {
    const bool tty = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (tty) {
        std::fprintf(stderr, "Password for the new staff account: ");
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string password;
    std::getline(std::cin, password);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    return password;
}

int CreateAdmin(const CliResult& cli) {
    if (!aftercare::serve::staff::IsValidUsername(cli.username)) {
        std::fprintf(stderr, "aftercare-server: username must be 1-64 of [A-Za-z0-9._@-]\n");
        return 2;
    }
    const std::string password = ReadPassword();
    if (password.size() < aftercare::serve::staff::kMinPasswordLength) {
        std::fprintf(stderr, "aftercare-server: the password needs at least %zu characters\n",
                     aftercare::serve::staff::kMinPasswordLength);
        return 2;
    }
    App app(cli.config);
    std::string error;
    if (!app.CreateAdmin(cli.username, password, error)) {
        std::fprintf(stderr, "aftercare-server: %s\n", error.c_str());
        return 1;
    }
    std::printf("Created staff account %s (admin) in %s\n", cli.username.c_str(),
                aftercare::serve::StoreLocation(cli.config).c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Every file the server creates (database, WAL, attachments' pages) is private to its user.
    umask(077);
    // libcurl's global state (TLS) is set up once, before any thread exists (outbox sender).
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const CliResult cli = aftercare::serve::ParseCommandLine(argc, argv, [](const char* name) { return std::getenv(name); });
    switch (cli.command) {
    case CliResult::Command::Help:
        std::fputs(cli.message.c_str(), stdout);
        return 0;
    case CliResult::Command::Error:
        std::fprintf(stderr, "aftercare-server: %s\n%s", cli.message.c_str(), aftercare::serve::UsageText().c_str());
        return 2;
    case CliResult::Command::Routes: {
        // The listing needs a fully wired App but no data: use a throwaway data dir.
        auto config = cli.config;
        char scratch[] = "/tmp/aftercare-routes-XXXXXX";
        if (mkdtemp(scratch) == nullptr) return 1;
        config.data_dir = scratch;
        config.database.clear();  // a listing touches no real database
        config.seed_demo = false;
        struct Cleanup {
            const char* dir;
            ~Cleanup() { std::filesystem::remove_all(dir); }
        } cleanup{scratch};
        App app(config);
        std::string error;
        if (!app.Init(error)) {
            std::fprintf(stderr, "aftercare-server: %s\n", error.c_str());
            return 1;
        }
        std::fputs(app.RouteListing().c_str(), stdout);
        return 0;
    }
    case CliResult::Command::CreateAdmin:
        return CreateAdmin(cli);
    case CliResult::Command::Import:
        return aftercare::serve::RunImportCommand(cli);
    case CliResult::Command::CreateApiKey:
        return aftercare::serve::RunCreateApiKeyCommand(cli);
    case CliResult::Command::Backup:
        return aftercare::serve::RunBackupCommand(cli);
    case CliResult::Command::Restore:
        return aftercare::serve::RunRestoreCommand(cli);
    case CliResult::Command::Migrate:
        return aftercare::serve::RunMigrateCommand(cli);
    case CliResult::Command::Serve:
        return Serve(cli.config);
    }
    return 1;
}
