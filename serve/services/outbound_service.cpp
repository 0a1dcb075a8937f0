// Delivery log, webhook administration and unsubscribe.
#include "services/outbound_service.hpp"

#include <algorithm>

#include "api/customer_wire.h"
#include "outbound/notifier.hpp"
#include "outbound/webhook_signer.hpp"
#include "services/domain_error.hpp"
#include "services/staff_service.hpp"
#include "store/outbox.hpp"

namespace aftercare::serve::outbound_service {
namespace {

constexpr int kLogLimit = 200;
constexpr int kDefaultOverlapHours = 24;
constexpr std::size_t kUrlMax = 2000;

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

// A webhook URL is https, or http to this machine (development, tests); no credentials in it.
void CheckUrl(const std::string& url, core::FieldErrors& errors) {
    const bool https = url.rfind("https://", 0) == 0;
    const bool local_http = url.rfind("http://127.", 0) == 0 || url.rfind("http://localhost", 0) == 0 ||
                            url.rfind("http://[::1]", 0) == 0;
    const auto host_end = url.find('/', url.find("://") + 3);
    const bool has_userinfo = url.substr(0, host_end).find('@') != std::string::npos;
    if ((!https && !local_http) || has_userinfo || url.size() > kUrlMax ||
        std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; }))
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
