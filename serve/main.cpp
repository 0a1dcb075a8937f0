// aftercare-server command line: serve (default), create-admin, routes. Everything else is in App.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "app.hpp"
#include "config.hpp"

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

    // Tests and scripts parse exactly this line to learn the port.
    std::printf("Aftercare portal: http://%s:%d/\n", config.bind.c_str(), port);
    std::fflush(stdout);

    const bool ok = app.Run();
    // If Run returned for another reason, wake the signal thread so it can be joined.
    pthread_kill(signal_thread.native_handle(), SIGTERM);
    signal_thread.join();
    return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const CliResult cli = aftercare::serve::ParseCommandLine(argc, argv, [](const char* name) { return std::getenv(name); });
    switch (cli.command) {
    case CliResult::Command::Help:
        std::fputs(cli.message.c_str(), stdout);
        return 0;
    case CliResult::Command::Error:
        std::fprintf(stderr, "aftercare-server: %s\n%s", cli.message.c_str(), aftercare::serve::UsageText().c_str());
        return 2;
    case CliResult::Command::Routes: {
        App app(cli.config);
        std::string error;
        if (!app.Init(error)) {
            std::fprintf(stderr, "aftercare-server: %s\n", error.c_str());
            return 1;
        }
        std::fputs(app.RouteListing().c_str(), stdout);
        return 0;
    }
    case CliResult::Command::CreateAdmin:
        std::fprintf(stderr, "aftercare-server: create-admin is not available yet\n");
        return 1;
    case CliResult::Command::Serve:
        return Serve(cli.config);
    }
    return 1;
}
