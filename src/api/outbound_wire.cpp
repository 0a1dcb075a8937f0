// to_json / from_json / ReadFields of the outbound wire types.
#include "api/outbound_wire.h"

#include "api/json_write.h"

namespace aftercare::api {

using detail::PutOptional;

#define AFTERCARE_FROM_JSON(Type)                                                                            \
    void from_json(const Json& json_value, Type& value) {                                                    \
        ReadOrThrow(json_value, value);                                                                      \
    }

void to_json(Json& json_value, const DeliveryEntry& value) {
    json_value = Json{{"id", value.id},
                      {"message_id", value.message_id},
                      {"channel", value.channel},
                      {"recipient", value.recipient},
                      {"recipient_label", value.recipient_label},
                      {"event_type", value.event_type},
                      {"state", value.state},
                      {"attempts", value.attempts},
                      {"last_error", value.last_error},
                      {"created_at", value.created_at}};
    PutOptional(json_value, "sent_at", value.sent_at);
    PutOptional(json_value, "next_attempt_at", value.next_attempt_at);
}
void ReadFields(WireReader& reader, DeliveryEntry& value) {
    reader.Required("id", value.id);
    reader.Required("message_id", value.message_id);
    reader.Required("channel", value.channel);
    reader.Required("recipient", value.recipient);
    reader.Optional("recipient_label", value.recipient_label);
    reader.Required("event_type", value.event_type);
    reader.Required("state", value.state);
    reader.Required("attempts", value.attempts);
    reader.Optional("last_error", value.last_error);
    reader.Required("created_at", value.created_at);
    reader.Optional("sent_at", value.sent_at);
    reader.Optional("next_attempt_at", value.next_attempt_at);
}
AFTERCARE_FROM_JSON(DeliveryEntry)

void to_json(Json& json_value, const DeliveryList& value) { json_value = Json{{"deliveries", value.deliveries}}; }
void ReadFields(WireReader& reader, DeliveryList& value) { reader.Required("deliveries", value.deliveries); }
AFTERCARE_FROM_JSON(DeliveryList)

void to_json(Json& json_value, const WebhookView& value) {
    json_value = Json{{"id", value.id},
                      {"url", value.url},
                      {"events", value.events},
                      {"active", value.active},
                      {"created_at", value.created_at}};
    PutOptional(json_value, "previous_secret_until", value.previous_secret_until);
    if (!value.secret.empty()) json_value["secret"] = value.secret;
}
void ReadFields(WireReader& reader, WebhookView& value) {
    reader.Required("id", value.id);
    reader.Required("url", value.url);
    reader.Required("events", value.events);
    reader.Optional("active", value.active);
    reader.Optional("created_at", value.created_at);
    reader.Optional("previous_secret_until", value.previous_secret_until);
    reader.Optional("secret", value.secret);
}
AFTERCARE_FROM_JSON(WebhookView)

void to_json(Json& json_value, const WebhookList& value) { json_value = Json{{"endpoints", value.endpoints}}; }
void ReadFields(WireReader& reader, WebhookList& value) { reader.Required("endpoints", value.endpoints); }
AFTERCARE_FROM_JSON(WebhookList)

void to_json(Json& json_value, const CreateWebhookRequest& value) {
    json_value = Json{{"url", value.url}, {"events", value.events}};
}
void ReadFields(WireReader& reader, CreateWebhookRequest& value) {
    reader.Required("url", value.url);
    reader.Required("events", value.events);
}
AFTERCARE_FROM_JSON(CreateWebhookRequest)

void to_json(Json& json_value, const UpdateWebhookRequest& value) {
    json_value = Json{{"rotate_secret", value.rotate_secret}};
    PutOptional(json_value, "url", value.url);
    PutOptional(json_value, "events", value.events);
    PutOptional(json_value, "active", value.active);
    PutOptional(json_value, "overlap_hours", value.overlap_hours);
}
void ReadFields(WireReader& reader, UpdateWebhookRequest& value) {
    reader.Optional("url", value.url);
    reader.Optional("events", value.events);
    reader.Optional("active", value.active);
    reader.Optional("rotate_secret", value.rotate_secret);
    reader.Optional("overlap_hours", value.overlap_hours);
}
AFTERCARE_FROM_JSON(UpdateWebhookRequest)

void to_json(Json& json_value, const UnsubscribeResponse& value) {
    json_value = Json{{"unsubscribed", value.unsubscribed}};
}
void ReadFields(WireReader& reader, UnsubscribeResponse& value) { reader.Optional("unsubscribed", value.unsubscribed); }
AFTERCARE_FROM_JSON(UnsubscribeResponse)

}  // namespace aftercare::api
