// Delivery log, webhook administration and unsubscribe.
#include "services/outbound_service.hpp"

#include <algorithm>

#include "api/customer_wire.h"
#include "core/validation.h"
#include "outbound/channel_config.hpp"
#include "outbound/notifier.hpp"
#include "outbound/smtp_mailer.hpp"
#include "outbound/webhook_signer.hpp"
#include "services/domain_error.hpp"
#include "services/staff_service.hpp"
#include "store/outbox.hpp"

namespace aftercare::serve::outbound_service {
namespace {

constexpr int kLogLimit = 200;
constexpr int kDefaultOverlapHours = 24;

void RequireAdmin(const Principal& who) {
    if (!staff::CallerOf(who).permissions.manage_staff)
        throw DomainError(ErrorKind::Forbidden, "forbidden", "此操作需要管理员权限", "This needs an administrator.");
}

std::string MaskEmail(const std::string& email) {
    const auto at = email.find('@');
    if (at == std::string::npos || at == 0) return "***";
    return email.substr(0, 1) + "***" + email.substr(at);
}

api::DeliveryEntry ToWire(const OutboxMessage& m) {
    api::DeliveryEntry entry;
    entry.id = m.id;
    entry.message_id = m.message_id;
    entry.channel = std::string(ToString(m.channel));
    entry.recipient_label = m.recipient_label;
    if (m.channel == OutboxChannel::Sms) entry.recipient = api::MaskPhone(m.recipient);
    else if (m.channel == OutboxChannel::Email && m.recipient_label == "customer") entry.recipient = MaskEmail(m.recipient);
    else entry.recipient = m.recipient;
    entry.event_type = m.event_type;
    entry.state = std::string(ToString(m.state));
    entry.attempts = m.attempts;
    entry.last_error = m.last_error;
    entry.created_at = m.created_at;
    entry.sent_at = m.sent_at;
    if (m.state == OutboxState::Pending) entry.next_attempt_at = m.next_attempt_at;
    return entry;
}

api::WebhookView ToWire(const WebhookEndpoint& w, std::int64_t now) {
    api::WebhookView view;
    view.id = w.id;
    view.url = w.url;
    view.events = w.events;
    view.active = w.active;
    view.created_at = w.created_at;
    if (!w.previous_secret.empty() && w.previous_until > now) view.previous_secret_until = w.previous_until;
    return view;
}

std::int64_t ParseId(const std::string& text, const char* what_zh, const char* what_en) {
    try {
        std::size_t used = 0;
        const std::int64_t id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    throw DomainError(ErrorKind::NotFound, "not_found", what_zh, what_en, "id");
}

// A webhook URL is one a signature may go to (outbound::IsSecretSafeHttpUrl).
void CheckUrl(const std::string& url, core::FieldErrors& errors) {
    if (!outbound::IsSecretSafeHttpUrl(url))
        errors.push_back(core::MakeError("invalid_url", "地址须为 https:// 开头的网址（本机测试可用 http://127.0.0.1）",
                                         "The URL must be https:// (http:// only to this machine, for testing)",
                                         "url"));
}

void CheckEvents(const std::vector<std::string>& events, core::FieldErrors& errors) {
    if (events.empty()) {
        errors.push_back(core::MakeError("required", "请至少选择一种事件", "Choose at least one event", "events"));
        return;
    }
    for (const auto& event : events) {
        if (std::find(std::begin(api::kWebhookEvents), std::end(api::kWebhookEvents), event) ==
            std::end(api::kWebhookEvents)) {
            errors.push_back(core::MakeError("not_allowed", "未知的事件类型：" + event, "Unknown event type: " + event,
                                             "events"));
            return;
        }
    }
}

void Audit(StoreTx& tx, std::int64_t now, const Principal& who, const std::string& action, const std::string& detail) {
    AuditRecord record;
    record.at = now;
    record.staff = who.staff_username;
    record.action = action;
    record.detail = detail;
    tx.InsertAudit(record);
}

WebhookEndpoint FindWebhook(Services& services, std::int64_t id) {
    for (auto& endpoint : services.store.Outbox().ListWebhooks())
        if (endpoint.id == id) return endpoint;
    throw DomainError(ErrorKind::NotFound, "not_found", "没有这个 Webhook 地址", "No webhook endpoint has this id.", "id");
}

}  // namespace

api::DeliveryList TicketDeliveries(Services& services, std::int64_t ticket_id) {
    OutboxQuery query;
    query.ticket_id = ticket_id;
    query.limit = kLogLimit;
    api::DeliveryList list;
    for (const auto& message : services.store.Outbox().List(query)) list.deliveries.push_back(ToWire(message));
    return list;
}

//-----------------------------------------------------------------------------
// [SECTION] Channels
//-----------------------------------------------------------------------------

namespace {

outbound::ChannelConfig& ChannelsOf(Services& services) {
    if (services.channels == nullptr)
        throw DomainError(ErrorKind::Busy, "unavailable", "此服务器未启用消息发送", "This server sends no messages.");
    return *services.channels;
}

api::ChannelsView ToWire(const outbound::Channels& channels) {
    api::ChannelsView view;
    view.email = api::EmailChannel{channels.smtp.url, channels.smtp.from, channels.smtp.user, std::nullopt};
    view.email_set_by_server = channels.smtp_from_server;
    view.email_password_set = !channels.smtp.password.empty();
    const outbound::SmsSettings& sms = channels.sms;
    view.sms = api::SmsChannel{sms.provider,  sms.url,         sms.secret_id, sms.sdk_app_id,
                               sms.sign_name, sms.template_id, sms.region,    std::nullopt};
    view.sms_set_by_server = channels.sms_from_server;
    view.sms_secret_set = !sms.secret_key.empty();
    return view;
}

void Refuse(core::FieldErrors& errors, const std::vector<outbound::ChannelProblem>& problems) {
    for (const auto& problem : problems)
        errors.push_back(core::MakeError("invalid", problem.zh, problem.en, problem.field));
}

DomainError SetByServer(const char* field) {
    return DomainError(ErrorKind::Conflict, "channel_set_by_server", "此渠道由服务器启动参数设置，请在服务器配置中修改",
                       "The server's flags or environment set this channel; change it there.", field);
}

}  // namespace

api::ChannelsView GetChannels(Services& services, const Principal& who) {
    RequireAdmin(who);
    return ToWire(*ChannelsOf(services).Current());
}

api::ChannelsView SaveChannels(Services& services, const Principal& who, const api::UpdateChannelsRequest& request) {
    RequireAdmin(who);
    outbound::ChannelConfig& config = ChannelsOf(services);
    const auto in_force = config.Current();
    if (request.email && in_force->smtp_from_server) throw SetByServer("email");
    if (request.sms && in_force->sms_from_server) throw SetByServer("sms");
    // Start from what is saved (not from the flags' channel, which the saved value never holds).
    outbound::SmtpSettings smtp;
    outbound::SmsSettings sms;
    if (const auto saved = services.store.GetMeta(outbound::kChannelsMetaKey))
        outbound::ParseSavedChannels(*saved, smtp, sms);
    std::string detail;
    if (request.email) {
        const api::EmailChannel& e = *request.email;
        // No password typed keeps the saved one, unless the user name went: they go together.
        const std::string password = e.password.value_or(e.user.empty() ? std::string() : smtp.password);
        smtp = outbound::SmtpSettings{e.url, e.from, e.user, password};
        if (smtp.url.empty()) smtp = {};  // off: nothing of it is kept, the password least of all
        detail += smtp.url.empty() ? " email off" : " email " + smtp.url;
    }
    if (request.sms) {
        const api::SmsChannel& s = *request.sms;
        const std::string key = s.secret_key.value_or(sms.secret_key);
        sms = outbound::SmsSettings{};
        sms.provider = s.provider;
        sms.url = s.url;
        sms.secret_id = s.secret_id;
        sms.secret_key = key;
        sms.sdk_app_id = s.sdk_app_id;
        sms.sign_name = s.sign_name;
        sms.template_id = s.template_id;
        if (!s.region.empty()) sms.region = s.region;
        if (sms.provider.empty()) sms = {};
        detail += sms.provider.empty() ? " sms off" : " sms " + sms.provider;
    }
    core::FieldErrors errors;
    Refuse(errors, outbound::CheckSmtp(smtp));
    Refuse(errors, outbound::CheckSms(sms));
    const bool turning_on = (request.email && !smtp.url.empty()) || (request.sms && !sms.provider.empty());
    if (turning_on && services.notifier != nullptr && services.notifier->templates().Names().empty())
        errors.push_back(core::MakeError("no_templates", "服务器缺少通知模板（assets/notifications），无法发送消息",
                                         "The server has no message templates (assets/notifications) to send with.",
                                         request.email ? "email" : "sms"));
    if (!errors.empty()) throw DomainError(std::move(errors));
    const std::int64_t now = services.now();
    const std::string text = outbound::SavedChannelsText(smtp, sms);
    services.store.Write([&](StoreTx& tx) {
        tx.SetMeta(outbound::kChannelsMetaKey, text);
        Audit(tx, now, who, "channels_update", detail.empty() ? " unchanged" : detail.substr(1));
    });
    config.ApplySaved(smtp, sms);
    services.live.Notify(0);  // other instances re-read the shared settings
    return ToWire(*config.Current());
}

api::TestChannelResponse TestChannel(Services& services, const Principal& who, const api::TestChannelRequest& request) {
    RequireAdmin(who);
    const auto in_force = ChannelsOf(services).Current();
    OutboxMessage message;
    message.message_id = outbound::NewMessageId();
    message.recipient_label = "test:" + who.staff_username;
    message.event_type = "channel_test";
    message.language = "zh-CN";
    message.created_at = services.now();
    std::unique_ptr<outbound::Channel> channel;
    if (request.channel == "email") {
        auto address = core::NormalizeEmail(request.to, "to");
        if (!address) throw DomainError(core::FieldErrors{address.GetError()});
        message.channel = OutboxChannel::Email;
        message.recipient = std::move(address).Value();
        message.subject = "售后服务门户测试邮件 / Aftercare test message";
        message.body = "这是一封测试邮件：售后服务门户的邮件通知已可以发送到此邮箱。\n"
                       "This is a test: Aftercare's e-mail notices reach this address.\n";
        channel = outbound::MakeEmailChannel(*in_force, {});
    } else if (request.channel == "sms") {
        auto phone = core::NormalizePhone(request.to, "to");
        if (!phone) throw DomainError(core::FieldErrors{phone.GetError()});
        message.channel = OutboxChannel::Sms;
        message.recipient = std::move(phone).Value();
        message.body = "【测试】售后服务门户的短信通知已可以发送到此号码。";
        channel = outbound::MakeSmsChannel(*in_force, services.now);
    } else {
        throw DomainError(core::FieldErrors{core::MakeError("not_allowed", "渠道须为 email 或 sms",
                                                            "The channel is email or sms.", "channel")});
    }
    if (!channel)
        throw DomainError(core::FieldErrors{core::MakeError("not_configured", "此渠道尚未设置", "This channel is not set up.",
                                                            "channel")});
    services.store.Write([&](StoreTx& tx) {
        Audit(tx, message.created_at, who, "channel_test", request.channel + " " + message.recipient_label);
    });
    outbound::DeliveryOutcome outcome;
    try {
        outcome = channel->Deliver(message);
    } catch (const std::exception& e) {
        outcome.error = e.what();
    }
    return api::TestChannelResponse{outcome.ok, outcome.error};
}

//-----------------------------------------------------------------------------
// [SECTION] Webhooks
//-----------------------------------------------------------------------------

api::WebhookList ListWebhooks(Services& services, const Principal& who) {
    RequireAdmin(who);
    api::WebhookList list;
    const std::int64_t now = services.now();
    for (const auto& endpoint : services.store.Outbox().ListWebhooks()) list.endpoints.push_back(ToWire(endpoint, now));
    return list;
}

api::WebhookView CreateWebhook(Services& services, const Principal& who, const api::CreateWebhookRequest& request) {
    RequireAdmin(who);
    core::FieldErrors errors;
    CheckUrl(request.url, errors);
    CheckEvents(request.events, errors);
    if (!errors.empty()) throw DomainError(std::move(errors));
    WebhookEndpoint endpoint;
    endpoint.url = request.url;
    endpoint.events = request.events;
    endpoint.secret = outbound::NewWebhookSecret();
    endpoint.created_at = services.now();
    services.store.Write([&](StoreTx& tx) {
        endpoint.id = tx.Outbox().InsertWebhook(endpoint);
        Audit(tx, endpoint.created_at, who, "webhook_create", endpoint.url);
    });
    api::WebhookView view = ToWire(endpoint, endpoint.created_at);
    view.secret = endpoint.secret;  // shown this once
    return view;
}

api::WebhookView UpdateWebhook(Services& services, const Principal& who, const std::string& id_text,
                               const api::UpdateWebhookRequest& request) {
    RequireAdmin(who);
    WebhookEndpoint endpoint = FindWebhook(services, ParseId(id_text, "没有这个 Webhook 地址", "No webhook endpoint has this id."));
    core::FieldErrors errors;
    if (request.url) CheckUrl(*request.url, errors);
    if (request.events) CheckEvents(*request.events, errors);
    const int overlap = request.overlap_hours.value_or(kDefaultOverlapHours);
    if (overlap < 0 || overlap > 24 * 30)
        errors.push_back(core::MakeError("out_of_range", "重叠时间须在 0–720 小时之间", "overlap_hours must be 0-720",
                                         "overlap_hours"));
    if (!errors.empty()) throw DomainError(std::move(errors));
    const std::int64_t now = services.now();
    std::string detail = std::to_string(endpoint.id);
    if (request.url) endpoint.url = *request.url, detail += " url";
    if (request.events) endpoint.events = *request.events, detail += " events";
    if (request.active) endpoint.active = *request.active, detail += endpoint.active ? " enabled" : " disabled";
    if (request.rotate_secret) {
        // The old secret keeps signing (a second v1=) until the receiver has switched.
        endpoint.previous_secret = endpoint.secret;
        endpoint.previous_until = now + static_cast<std::int64_t>(overlap) * 3600;
        endpoint.secret = outbound::NewWebhookSecret();
        detail += " secret rotated";
    }
    services.store.Write([&](StoreTx& tx) {
        tx.Outbox().UpdateWebhook(endpoint);
        Audit(tx, now, who, "webhook_update", detail);
    });
    api::WebhookView view = ToWire(endpoint, now);
    if (request.rotate_secret) view.secret = endpoint.secret;
    return view;
}

api::DeliveryList WebhookDeliveries(Services& services, const Principal& who) {
    RequireAdmin(who);
    OutboxQuery query;
    query.channel = OutboxChannel::Webhook;
    query.limit = kLogLimit;
    api::DeliveryList list;
    for (const auto& message : services.store.Outbox().List(query)) list.deliveries.push_back(ToWire(message));
    return list;
}

api::DeliveryEntry Resend(Services& services, const Principal& who, const std::string& id_text) {
    RequireAdmin(who);
    const std::int64_t id = ParseId(id_text, "没有这条发送记录", "No delivery has this id.");
    const std::int64_t now = services.now();
    bool found = false;
    services.store.Write([&](StoreTx& tx) {
        found = tx.Outbox().Resend(id, now);
        if (found) Audit(tx, now, who, "delivery_resend", std::to_string(id));
    });
    if (!found) throw DomainError(ErrorKind::NotFound, "not_found", "没有这条发送记录", "No delivery has this id.", "id");
    if (services.notifier != nullptr) services.notifier->Wake();
    auto message = services.store.Outbox().Find(id);
    if (!message) throw DomainError(ErrorKind::NotFound, "not_found", "没有这条发送记录", "No delivery has this id.", "id");
    return ToWire(*message);
}

namespace {
OutboxMessage CustomerEmail(Services& services, const std::string& message_id) {
    auto message = services.store.Outbox().FindByMessageId(message_id);
    if (!message || message->channel != OutboxChannel::Email || message->recipient_label != "customer")
        throw DomainError(ErrorKind::NotFound, "not_found", "没有找到这封邮件", "No e-mail was sent with this id.");
    return *message;
}
}  // namespace

bool UnsubscribeState(Services& services, const std::string& message_id) {
    return services.store.Outbox().IsUnsubscribed(CustomerEmail(services, message_id).recipient);
}

api::UnsubscribeResponse Unsubscribe(Services& services, const std::string& message_id) {
    const auto message = std::optional<OutboxMessage>(CustomerEmail(services, message_id));
    services.store.Write([&](StoreTx& tx) { tx.Outbox().Unsubscribe(message->recipient, services.now()); });
    return api::UnsubscribeResponse{true};
}

}  // namespace aftercare::serve::outbound_service
