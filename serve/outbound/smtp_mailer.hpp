// E-mail through an SMTP server with libcurl (no hand-written SMTP): smtp:// with STARTTLS, or
// smtps://, authenticated when a user is set.
#pragma once

#include "outbound/delivery.hpp"
#include "outbound/settings.hpp"

namespace aftercare::serve::outbound {

// True for 127.0.0.0/8, ::1 and localhost: the only hosts a password may go to without TLS.
bool IsLoopbackUrl(const std::string& url);

// An HTTP address a secret (a webhook signature, a gateway's Bearer token) may be sent to: https://,
// or http:// to this machine (development, tests); no user info, spaces or control characters, at
// most 2,000 characters.
bool IsSecretSafeHttpUrl(const std::string& url);

class SmtpMailer : public Channel {
  public:
    SmtpMailer(SmtpSettings settings, std::string public_url);
    DeliveryOutcome Deliver(const OutboxMessage& message) override;

  private:
    SmtpSettings settings_;
    std::string public_url_;
};

}  // namespace aftercare::serve::outbound
