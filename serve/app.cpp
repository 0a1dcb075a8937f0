// App: assembles the server from its parts.
#include "app.hpp"

#include "metrics.hpp"
#include "routes/meta_routes.hpp"
#include "server.hpp"
#include "static_files.hpp"

namespace aftercare::serve {

struct App::State {
    Metrics metrics;
    std::unique_ptr<HttpServer> server;
};

App::App(Config config) : config_(std::move(config)), state_(std::make_unique<State>()) {}
App::~App() = default;

bool App::Init(std::string& /*error*/) {
    auto& s = *state_;
    s.server = std::make_unique<HttpServer>(config_, s.metrics,
                                            [](const std::string&) -> std::optional<Principal> { return std::nullopt; });
    if (!config_.web_root.empty()) s.server->SetStaticFiles(std::make_shared<StaticFiles>(config_.web_root));
    RegisterMetaRoutes(s.server->routes(), MetaServices{&s.metrics});
    s.server->InstallRoutes();
    return true;
}

int App::Bind() { return state_->server->Bind(); }
bool App::Run() { return state_->server->Run(); }
void App::Stop() {
    if (state_->server) state_->server->Stop();
}

std::string App::RouteListing() const {
    std::string out;
    for (const auto& route : state_->server->routes().routes()) out += route.method + " " + route.path + "\n";
    return out;
}

}  // namespace aftercare::serve
