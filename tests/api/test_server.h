// A real aftercare server for one test: App (as aftercare-server runs it) on an ephemeral loopback
// port, a fresh data directory with the demo seed, and an HTTP client pointed at it.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>

#include "app.hpp"
#include "config.hpp"

namespace aftercare::test {

class TestServer {
public:
    TestServer() {
        std::random_device random;
        data_dir_ = std::filesystem::temp_directory_path() / ("aftercare-api-" + std::to_string(random()));
        serve::Config config;
        config.port = 0;
        config.bind = "127.0.0.1";
        config.data_dir = data_dir_.string();
        config.policy_path = AFTERCARE_SOURCE_DIR "/assets/policy.json";
        config.demo_dir = AFTERCARE_SOURCE_DIR "/assets/demo";
        config.faq_dir = AFTERCARE_SOURCE_DIR "/assets/faq";
        config.threads = 8;
        app_ = std::make_unique<serve::App>(config);
        std::string error;
        if (!app_->Init(error)) throw std::runtime_error("server did not start: " + error);
        port_ = app_->Bind();
        if (port_ <= 0) throw std::runtime_error("server could not bind");
        thread_ = std::thread([this] { app_->Run(); });
        client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
        client_->set_read_timeout(10, 0);
    }

    ~TestServer() {
        app_->Stop();
        if (thread_.joinable()) thread_.join();
        std::error_code ignored;
        std::filesystem::remove_all(data_dir_, ignored);
    }

    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    httplib::Client& client() { return *client_; }

private:
    std::filesystem::path data_dir_;
    std::unique_ptr<serve::App> app_;
    int port_ = 0;
    std::thread thread_;
    std::unique_ptr<httplib::Client> client_;
};

}  // namespace aftercare::test
