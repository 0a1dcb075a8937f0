// A real SMTP server for the API tests (Debian's python3-aiosmtpd, tests/api/smtp_sink.py) on a free
// loopback port, and the reading of what it received: the server's mails decoded (RFC 2047 subject,
// base64 body).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

#include "server_process.hpp"

namespace aftercare::test {

// Everything here waits for something that happens in the background; the bound is only there so
// a broken build fails instead of hanging (the retries take a few seconds at most).
inline constexpr auto kPatience = std::chrono::seconds(45);

// python3 smtp_sink.py <dir>: one .eml file per message received.
class SmtpSink {
  public:
    SmtpSink();
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;
    int port() const { return port_; }
    std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
    // Every message received so far, in order.
    std::vector<std::string> Messages() const;

  private:
    TempDir dir_;
    pid_t pid_ = -1;
    int port_ = 0;
};

std::string Base64Decode(const std::string& text);

struct Mail {
    std::string headers;
    std::string subject;  // decoded
    std::string body;     // decoded
};

// Reads back what the server's BuildEmail wrote.
Mail Parse(const std::string& raw);

// Waits until a received mail satisfies `match`; returns it.
std::optional<Mail> WaitForMail(const SmtpSink& sink, const std::function<bool(const Mail&)>& match);

}  // namespace aftercare::test
