// to_json / from_json / ReadFields of the outbound wire types.
#include "api/outbound_wire.h"

#include "api/json_write.h"

namespace aftercare::api {

using detail::Object;
using detail::PutOptional;

#define AFTERCARE_FROM_JSON(Type)                                                                            \
    void from_json(const Json& json_value, Type& value) {                                                    \
        ReadOrThrow(json_value, value);                                                                      \
    }

void to_json(Json& json_value, const DeliveryEntry& value) {
    json_value = Object({{"id", value.id},
                         {"message_id", value.message_id},
                         {"channel", value.channel},
                         {"recipient", value.recipient},
                         {"recipient_label", value.recipient_label},
                         {"event_type", value.event_type},
                         {"state", value.state},
                         {"attempts", value.attempts},
                         {"last_error", value.last_error},
                         {"created_at", value.created_at}});
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

void to_json(Json& json_value, const DeliveryList& value) {
    json_value = Object({{"deliveries", value.deliveries}});
}
void ReadFields(WireReader& reader, DeliveryList& value) { reader.Required("deliveries", value.deliveries); }
AFTERCARE_FROM_JSON(DeliveryList)

void to_json(Json& json_value, const WebhookView& value) {
    json_value = Object({{"id", value.id},
                         {"url", value.url},
                         {"events", value.events},
                         {"active", value.active},
                         {"created_at", value.created_at}});
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

void to_json(Json& json_value, const WebhookList& value) {
    json_value = Object({{"endpoints", value.endpoints}});
}
void ReadFields(WireReader& reader, WebhookList& value) { reader.Required("endpoints", value.endpoints); }
AFTERCARE_FROM_JSON(WebhookList)

void to_json(Json& json_value, const CreateWebhookRequest& value) {
    json_value = Object({{"url", value.url}, {"events", value.events}});
}
void ReadFields(WireReader& reader, CreateWebhookRequest& value) {
    reader.Required("url", value.url);
    reader.Required("events", value.events);
}
AFTERCARE_FROM_JSON(CreateWebhookRequest)

void to_json(Json& json_value, const UpdateWebhookRequest& value) {
    json_value = Object({{"rotate_secret", value.rotate_secret}});
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
    json_value = Object({{"unsubscribed", value.unsubscribed}});
}
void ReadFields(WireReader& reader, UnsubscribeResponse& value) { reader.Optional("unsubscribed", value.unsubscribed); }
AFTERCARE_FROM_JSON(UnsubscribeResponse)

void to_json(Json& json_value, const EmailChannel& value) {
    json_value = Object({{"url", value.url}, {"from", value.from}, {"user", value.user}});
    PutOptional(json_value, "password", value.password);
}
void ReadFields(WireReader& reader, EmailChannel& value) {
    reader.Optional("url", value.url);
    reader.Optional("from", value.from);
    reader.Optional("user", value.user);
    reader.Optional("password", value.password);
}
AFTERCARE_FROM_JSON(EmailChannel)

void to_json(Json& json_value, const SmsChannel& value) {
    json_value = Object({{"provider", value.provider},
                         {"url", value.url},
                         {"secret_id", value.secret_id},
                         {"sdk_app_id", value.sdk_app_id},
                         {"sign_name", value.sign_name},
                         {"template_id", value.template_id},
                         {"region", value.region}});
    PutOptional(json_value, "secret_key", value.secret_key);
}
void ReadFields(WireReader& reader, SmsChannel& value) {
    reader.Optional("provider", value.provider);
    reader.Optional("url", value.url);
    reader.Optional("secret_id", value.secret_id);
    reader.Optional("sdk_app_id", value.sdk_app_id);
    reader.Optional("sign_name", value.sign_name);
    reader.Optional("template_id", value.template_id);
    reader.Optional("region", value.region);
    reader.Optional("secret_key", value.secret_key);
}
AFTERCARE_FROM_JSON(SmsChannel)

void to_json(Json& json_value, const ChannelsView& value) {
    json_value = Object({{"email", value.email},
                         {"email_set_by_server", value.email_set_by_server},
                         {"email_password_set", value.email_password_set},
                         {"sms", value.sms},
                         {"sms_set_by_server", value.sms_set_by_server},
                         {"sms_secret_set", value.sms_secret_set}});
}
void ReadFields(WireReader& reader, ChannelsView& value) {
    reader.Required("email", value.email);
    reader.Optional("email_set_by_server", value.email_set_by_server);
    reader.Optional("email_password_set", value.email_password_set);
    reader.Required("sms", value.sms);
    reader.Optional("sms_set_by_server", value.sms_set_by_server);
    reader.Optional("sms_secret_set", value.sms_secret_set);
}
AFTERCARE_FROM_JSON(ChannelsView)

void to_json(Json& json_value, const UpdateChannelsRequest& value) {
    json_value = Json::object();
    PutOptional(json_value, "email", value.email);
    PutOptional(json_value, "sms", value.sms);
}
void ReadFields(WireReader& reader, UpdateChannelsRequest& value) {
    reader.Optional("email", value.email);
    reader.Optional("sms", value.sms);
}
AFTERCARE_FROM_JSON(UpdateChannelsRequest)

void to_json(Json& json_value, const TestChannelRequest& value) {
    json_value = Object({{"channel", value.channel}, {"to", value.to}});
}
void ReadFields(WireReader& reader, TestChannelRequest& value) {
    reader.Required("channel", value.channel);
    reader.Required("to", value.to);
}
AFTERCARE_FROM_JSON(TestChannelRequest)

void to_json(Json& json_value, const TestChannelResponse& value) {
    json_value = Object({{"sent", value.sent}, {"error", value.error}});
}
void ReadFields(WireReader& reader, TestChannelResponse& value) {
    reader.Required("sent", value.sent);
    reader.Optional("error", value.error);
}
AFTERCARE_FROM_JSON(TestChannelResponse)

}  // namespace aftercare::api
