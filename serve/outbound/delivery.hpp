// One channel's delivery of one outbox message. Adapters (SMTP, SMS gateways, webhooks) implement
// this; the sender decides retries from the outcome.
#pragma once

#include <string>

#include "store/outbox.hpp"

namespace aftercare::serve::outbound {

struct DeliveryOutcome {
    bool ok = false;
    bool permanent = false;  // retrying cannot help (e.g. the address was refused): dead at once
    std::string error;       // for the delivery log; never contains a secret or a full phone number
};

class Channel {
  public:
    virtual ~Channel() = default;
    virtual DeliveryOutcome Deliver(const OutboxMessage& message) = 0;
};

}  // namespace aftercare::serve::outbound
