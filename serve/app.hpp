// The running service: wires configuration, store, services, routes and background work together.
// main.cpp only parses the command line and hands over to App.
#pragma once

#include <memory>
#include <string>

#include "config.hpp"

namespace aftercare::serve {

class App {
public:
    explicit App(Config config);
    ~App();

    // Opens the store, seeds demo data if empty, registers routes. Returns false (with `error`)
    // when the service cannot start; the message is for the operator's terminal.
    bool Init(std::string& error);
    // Binds; returns the port or -1.
    int Bind();
    // Serves until Stop(); background work (SLA sweeper) runs meanwhile.
    bool Run();
    // Safe to call from another thread (the signal thread).
    void Stop();

    // Lines "METHOD /path" of the route table, for `aftercare-server routes`.
    std::string RouteListing() const;

    // `aftercare-server create-admin`: opens only the store and adds an admin account.
    bool CreateAdmin(const std::string& username, const std::string& password, std::string& error);

private:
    // Templates, the notifier and the outbox sender with the configured channels.
    bool StartOutbound(std::string& error);
    struct State;
    Config config_;
    std::unique_ptr<State> state_;
};

}  // namespace aftercare::serve
