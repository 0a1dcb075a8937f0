#include "nginx_process.hpp"

#include <catch2/catch.hpp>

#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

extern char** environ;

namespace aftercare::test {
namespace {

int FreePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

}  // namespace

NginxProcess::NginxProcess(const std::vector<int>& upstream_ports) : port_(FreePort()) {
    // Worker processes run as another user when started by root: they must reach the prefix.
    chmod(dir_.path().c_str(), 0755);
    const std::string deploy = std::string(AFTERCARE_SOURCE_DIR) + "/deploy/nginx/";
    std::ofstream conf(dir_.path() + "/nginx.conf");
    conf << "daemon off;\nworker_processes 1;\npid " << dir_.path() << "/nginx.pid;\n"
         << "error_log " << dir_.path() << "/error.log warn;\nevents { worker_connections 256; }\n"
         << "http {\n  access_log off;\n  include " << deploy << "aftercare-limits.conf;\n  upstream aftercare {\n";
    for (int upstream : upstream_ports) conf << "    server 127.0.0.1:" << upstream << ";\n";
    conf << "    keepalive 8;\n  }\n"
         << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    include " << deploy << "aftercare-proxy.conf;\n  }\n}\n";
    conf.close();
    const std::string prefix = dir_.path() + "/";
    const std::string config = dir_.path() + "/nginx.conf";
    const char* argv[] = {AFTERCARE_NGINX, "-p", prefix.c_str(), "-c", config.c_str(), nullptr};
    REQUIRE(posix_spawn(&pid_, AFTERCARE_NGINX, nullptr, nullptr, const_cast<char* const*>(argv), environ) == 0);
    // Ready when it answers (a generous bound: nginx starts in milliseconds).
    httplib::Client probe = Client();
    for (int i = 0; i < 200; ++i) {
        if (probe.Get("/healthz")) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL("nginx did not start: " << ErrorLog());
}

NginxProcess::~NginxProcess() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
}

httplib::Client NginxProcess::Client(const std::string& source) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_interface(source);
    client.set_read_timeout(60, 0);
    return client;
}

std::string NginxProcess::ErrorLog() const {
    std::ifstream in(dir_.path() + "/error.log");
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace aftercare::test
