// Turns a ticket's new timeline events into outbox rows, inside the transaction that appends them:
// customer notices (by the channels the customer chose, in the ticket's language), escalation
// notices to the staff holding the escalated roles, and webhooks to the vendor's endpoints.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/policy.h"
#include "core/ticket.h"
#include "outbound/channel_config.hpp"
#include "outbound/settings.hpp"
#include "outbound/templates.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"

namespace aftercare::serve::outbound {

// A fresh unguessable message id in UUID v4 form (the dedup key receivers see).
std::string NewMessageId();

class Notifier {
  public:
    Notifier(Store& store, OutboundSettings settings, const ChannelConfig& channels, Templates templates);

    // Enqueues what the events after `previous_sequence` cause. Runs inside `tx`, so the rows commit
    // or roll back with the events. Returns how many rows were written.
    int OnTicketChanged(StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket, int previous_sequence,
                        std::int64_t now, const core::Policy& policy);

    // The channels a customer message about `ticket` goes by: configured here, a contact given,
    // chosen by the customer (notify_by), the e-mail address not unsubscribed. What the portal may
    // promise on the submitted page ("sms", "email"; the order is that).
    std::vector<std::string> CustomerChannels(const core::Ticket& ticket) const;

    // Called after a commit that enqueued something: wakes the sender at once.
    void SetWake(std::function<void()> wake);
    void Wake();

    const Templates& templates() const { return templates_; }

  private:
    int Customer(StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket, const std::string& name,
                 const Placeholders& extra, std::int64_t now);
    // A notice named `name` to every active account holding one of `roles`, in the account's
    // language, by e-mail and SMS as configured; `extra(language)` adds the notice's own values.
    int StaffNotice(StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket,
                    const std::vector<std::string>& roles, const std::string& name,
                    const std::function<Placeholders(const std::string& language)>& extra, std::int64_t now);
    int Webhooks(StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket, const std::string& type,
                 const core::TimelineEvent& event, std::int64_t now);
    std::string TrackingLink(const core::Ticket& ticket) const;
    std::string DisplayName(const std::string& login) const;

    Store& store_;
    OutboundSettings settings_;
    const ChannelConfig& channels_;
    Templates templates_;
    std::mutex wake_mutex_;
    std::function<void()> wake_;
};

}  // namespace aftercare::serve::outbound
