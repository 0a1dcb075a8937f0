// Debian's nginx running the reference deployment's files (deploy/nginx/*.conf) on loopback, in
// front of one or more test servers; stopped with the object.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "server_process.hpp"

namespace aftercare::test {

class NginxProcess {
public:
    // Balances over `upstream_ports` (the reference upstream "aftercare" with these servers).
    explicit NginxProcess(const std::vector<int>& upstream_ports);
    ~NginxProcess();
    NginxProcess(const NginxProcess&) = delete;
    NginxProcess& operator=(const NginxProcess&) = delete;

    // A client of nginx whose connections come from `source` (another loopback address is
    // another client).
    httplib::Client Client(const std::string& source = "127.0.0.1") const;
    std::string ErrorLog() const;

private:
    TempDir dir_;
    int port_;
    pid_t pid_ = -1;
};

}  // namespace aftercare::test
