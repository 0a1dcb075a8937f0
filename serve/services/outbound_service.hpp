// Outbound use cases for people: the delivery log of a ticket (staff), the e-mail and SMS channels
// and a test message (admin), webhook endpoints and their deliveries with "resend" (admin), and the
// customer's unsubscribe link.
#pragma once

#include <string>

#include "api/outbound_wire.h"
#include "principal.hpp"
#include "services/services.hpp"

namespace aftercare::serve::outbound_service {

// Customer contacts are masked (the phone like everywhere in the console; the e-mail to its first
// letter and domain): the log says that and how the customer was told, not their address.
api::DeliveryList TicketDeliveries(Services& services, std::int64_t ticket_id);

// Never the secrets: whether one is set. A channel the server's flags set is shown, not changed
// (409 channel_set_by_server); a save is in force at once here and, through the store's change
// feed, on every other instance.
api::ChannelsView GetChannels(Services& services, const Principal& who);
api::ChannelsView SaveChannels(Services& services, const Principal& who, const api::UpdateChannelsRequest& request);
// One message through the channel in force, sent now (not through the outbox), with its answer.
api::TestChannelResponse TestChannel(Services& services, const Principal& who, const api::TestChannelRequest& request);

api::WebhookList ListWebhooks(Services& services, const Principal& who);
api::WebhookView CreateWebhook(Services& services, const Principal& who, const api::CreateWebhookRequest& request);
api::WebhookView UpdateWebhook(Services& services, const Principal& who, const std::string& id_text,
                               const api::UpdateWebhookRequest& request);
api::DeliveryList WebhookDeliveries(Services& services, const Principal& who);
api::DeliveryEntry Resend(Services& services, const Principal& who, const std::string& id_text);

// 404 for an unknown id or one that was not an e-mail to a customer.
api::UnsubscribeResponse Unsubscribe(Services& services, const std::string& message_id);
// The same check, without changing anything: true when the address is already unsubscribed.
bool UnsubscribeState(Services& services, const std::string& message_id);

}  // namespace aftercare::serve::outbound_service
