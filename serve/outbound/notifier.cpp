// Which event causes which message, and rendering it into an outbox row.
#include "outbound/notifier.hpp"

#include <sodium.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/money.h"
#include "core/sla.h"
#include "core/staff_roles.h"
#include "core/vocabulary.h"

namespace aftercare::serve::outbound {
namespace {

using Json = nlohmann::json;

bool IsEnglish(const std::string& language) { return language == "en"; }

const std::string& Pick(const core::LocalizedText& text, const std::string& language) {
    return IsEnglish(language) ? text.en : text.zh;
}

bool Wants(const core::Ticket& ticket, const char* channel) {
    const auto& chosen = ticket.details.notify_by;
    if (!chosen) return true;  // absent: every channel with a contact
    return std::find(chosen->begin(), chosen->end(), channel) != chosen->end();
}

std::string VisitWindow(const core::Ticket& ticket, const std::string& language) {
    const auto& repair = ticket.details.repair;
    if (repair && repair->visit)
        return core::FormatIsoDate(repair->visit->date) + " " + Pick(core::Label(repair->visit->slot), language);
    return IsEnglish(language) ? "to be agreed with you" : "将与您电话约定";
}

}  // namespace

std::string NewMessageId() {
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0F) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3F) | 0x80);  // RFC 4122 variant
    static const char* hex = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) id += '-';
        id += hex[bytes[i] >> 4];
        id += hex[bytes[i] & 0xF];
    }
    return id;
}

Notifier::Notifier(Store& store, OutboundSettings settings, const ChannelConfig& channels, Templates templates)
    : store_(store), settings_(std::move(settings)), channels_(channels), templates_(std::move(templates)) {}

void Notifier::SetWake(std::function<void()> wake) {
    std::lock_guard lock(wake_mutex_);
    wake_ = std::move(wake);
}

void Notifier::Wake() {
    std::lock_guard lock(wake_mutex_);
    if (wake_) wake_();
}

std::string Notifier::TrackingLink(const core::Ticket& ticket) const {
    // The ticket page asks for the phone's last digits on a device without the ticket's token, so
    // the link alone opens nothing for whoever else reads the message.
    return settings_.public_url + "/#/track/" + ticket.service_number;
}

std::string Notifier::DisplayName(const std::string& login) const {
    if (login.empty()) return login;
    if (auto staff = store_.FindStaff(login); staff && !staff->display_name.empty()) return staff->display_name;
    return login;
}

std::vector<std::string> Notifier::CustomerChannels(const core::Ticket& ticket) const {
    const auto in_force = channels_.Current();
    std::vector<std::string> channels;
    if (in_force->SmsEnabled() && !ticket.details.customer.phone.empty() && Wants(ticket, "sms"))
        channels.push_back("sms");
    if (in_force->EmailEnabled() && !ticket.details.customer.email.empty() && Wants(ticket, "email") &&
        !store_.Outbox().IsUnsubscribed(ticket.details.customer.email))
        channels.push_back("email");
    return channels;
}

int Notifier::Customer(StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket, const std::string& name,
                       const Placeholders& extra, std::int64_t now) {
    const std::string& language = ticket.details.language;
    const Template* text = templates_.Find(name, language);
    if (text == nullptr) return 0;
    Placeholders values{
        {"customer_name", ticket.details.customer.name},
        {"service_number", ticket.service_number},
        {"subject", ticket.details.subject},
        {"tracking_link", TrackingLink(ticket)},
    };
    for (const auto& [key, value] : extra) values[key] = value;

    OutboxMessage message;
    message.event_type = name;
    message.language = language;
    message.ticket_id = ticket_id;
    message.urgent = ticket.priority == core::Priority::Urgent;
    message.recipient_label = "customer";
    message.created_at = now;
    message.next_attempt_at = now;
    int written = 0;
    const std::vector<std::string> channels = CustomerChannels(ticket);
    const auto by = [&channels](const char* channel) {
        return std::find(channels.begin(), channels.end(), channel) != channels.end();
    };
    if (by("email")) {
        message.message_id = NewMessageId();
        message.channel = OutboxChannel::Email;
        message.recipient = ticket.details.customer.email;
        message.subject = Render(text->subject, values);
        message.body = Render(text->body, values);
        tx.Outbox().Enqueue(message);
        ++written;
    }
    if (by("sms")) {
        message.message_id = NewMessageId();
        message.channel = OutboxChannel::Sms;
        message.recipient = ticket.details.customer.phone;
        message.subject.clear();
        message.body = Render(text->sms, values);
        tx.Outbox().Enqueue(message);
        ++written;
    }
    return written;
}

int Notifier::StaffNotice(StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket,
                          const std::vector<std::string>& roles, const std::string& name,
                          const std::function<Placeholders(const std::string& language)>& extra, std::int64_t now) {
    const auto in_force = channels_.Current();
    int written = 0;
    for (const StaffRecord& staff : store_.ListStaff()) {
        if (!staff.active || !core::HoldsAnyRole(staff.roles, roles)) continue;
        // In the language the admin set for the account (Chinese unless told otherwise).
        const std::string language = IsEnglish(staff.language) ? "en" : "zh-CN";
        const Template* text = templates_.Find(name, language);
        if (text == nullptr) return written;
        Placeholders values{
            {"staff_name", staff.display_name.empty() ? staff.username : staff.display_name},
            {"service_number", ticket.service_number},
            {"kind", Pick(core::Label(ticket.details.kind, core::Audience::Staff), language)},
            {"priority", Pick(core::Label(ticket.priority), language)},
            {"state", Pick(core::Label(ticket.state, core::Audience::Staff), language)},
            {"assignee", ticket.assignee.empty() ? "—" : DisplayName(ticket.assignee)},
            {"staff_link", settings_.public_url + "/staff.html#/staff/ticket/" + ticket.service_number},  // the console's page
        };
        for (auto& [key, value] : extra(language)) values[key] = std::move(value);
        OutboxMessage message;
        message.event_type = name;
        message.language = language;
        message.ticket_id = ticket_id;
        message.urgent = true;  // escalations and quality incidents are a manager's business at any hour
        message.recipient_label = staff.username;
        message.created_at = now;
        message.next_attempt_at = now;
        if (in_force->EmailEnabled() && !staff.email.empty()) {
            message.message_id = NewMessageId();
            message.channel = OutboxChannel::Email;
            message.recipient = staff.email;
            message.subject = Render(text->subject, values);
            message.body = Render(text->body, values);
            tx.Outbox().Enqueue(message);
            ++written;
        }
        if (in_force->SmsEnabled() && !staff.phone.empty()) {
            message.message_id = NewMessageId();
            message.channel = OutboxChannel::Sms;
            message.recipient = staff.phone;
            message.subject.clear();
            message.body = Render(text->sms, values);
            tx.Outbox().Enqueue(message);
            ++written;
        }
    }
    return written;
}

int Notifier::Webhooks(StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket, const std::string& type,
                       const core::TimelineEvent& event, std::int64_t now) {
    int written = 0;
    for (const WebhookEndpoint& endpoint : store_.Outbox().ListWebhooks()) {
        if (!endpoint.active) continue;
        if (std::find(endpoint.events.begin(), endpoint.events.end(), type) == endpoint.events.end()) continue;
        OutboxMessage message;
        message.message_id = NewMessageId();
        // The payload names the ticket and what happened; the customer's contact details stay out
        // (the vendor's systems fetch them through the staff API when they need them).
        Json data{{"service_number", ticket.service_number},
                  {"kind", core::ToString(ticket.details.kind)},
                  {"priority", core::ToString(ticket.priority)},
                  {"state", core::ToString(ticket.state)},
                  {"from_state", core::ToString(event.from_state)},
                  {"to_state", core::ToString(event.to_state)},
                  {"sequence", event.sequence},
                  {"at", event.at}};
        if (event.action) data["action"] = core::ToString(*event.action);
        if (event.type == core::EventType::Escalation) data["escalation"] = core::ToString(event.escalation);
        Json body{{"id", message.message_id}, {"type", type}, {"created_at", now}, {"data", data}};
        message.channel = OutboxChannel::Webhook;
        message.recipient = endpoint.url;
        message.recipient_label = "webhook#" + std::to_string(endpoint.id);
        message.event_type = type;
        message.language = "";
        message.body = body.dump();
        message.ticket_id = ticket_id;
        message.urgent = true;
        message.created_at = now;
        message.next_attempt_at = now;
        tx.Outbox().Enqueue(message);
        ++written;
    }
    return written;
}

int Notifier::OnTicketChanged(StoreTx& tx, std::int64_t ticket_id, const core::Ticket& ticket, int previous_sequence,
                              std::int64_t now, const core::Policy& policy) {
    int written = 0;
    const std::string reopen_days = std::to_string(policy.tickets.reopen_window_days);
    for (const core::TimelineEvent& event : ticket.timeline) {
        if (event.sequence <= previous_sequence) continue;
        switch (event.type) {
            case core::EventType::Created:
                written += Customer(tx, ticket_id, ticket, "ticket_received", {}, now);
                written += Webhooks(tx, ticket_id, ticket, "ticket.created", event, now);
                break;
            case core::EventType::Escalation:
                if (const core::EscalationStep* step = core::FindEscalationStep(policy, event.escalation))
                    written += StaffNotice(tx, ticket_id, ticket, step->notify_roles, "escalation_notice",
                                           [&event](const std::string& language) {
                                               return Placeholders{{"level", Pick(core::Label(event.escalation), language)},
                                                                   {"reason", event.note}};
                                           },
                                           now);
                written += Webhooks(tx, ticket_id, ticket, "ticket.escalated", event, now);
                break;
            case core::EventType::QualityIncident:
                // §17 8) "重大质量问题…及时反馈公司的有关部门": the quality department hears at once.
                written += StaffNotice(tx, ticket_id, ticket, {std::string(core::kRoleQuality)}, "quality_incident",
                                       [&](const std::string&) {
                                           return Placeholders{{"reporter", DisplayName(event.actor.id)},
                                                               {"note", event.note},
                                                               {"model", ticket.details.product.model.empty() ? "—" : ticket.details.product.model},
                                                               {"serial", ticket.details.product.serial.empty() ? "—" : ticket.details.product.serial}};
                                       },
                                       now);
                break;
            case core::EventType::Rating:
                written += Webhooks(tx, ticket_id, ticket, "rating.created", event, now);
                break;
            case core::EventType::FollowUp:
                break;  // staff only: nothing is sent to the customer or to the vendor's systems
            case core::EventType::Work:
                // "操作完成后…通知用户": the customer hears when the engineer sets off (the ticket
                // page shows the arrival live; a message for it would arrive after the doorbell).
                if (event.work && event.work->kind == core::WorkKind::Departure) {
                    const std::string& engineer = ticket.assignee.empty() ? event.actor.id : ticket.assignee;
                    written += Customer(tx, ticket_id, ticket, "engineer_departed",
                                        {{"engineer", DisplayName(engineer)},
                                         {"visit_window", VisitWindow(ticket, ticket.details.language)}},
                                        now);
                }
                // Paid work waits for the customer's yes: they hear of the quote at once.
                if (event.work && event.work->kind == core::WorkKind::Quote && event.work->quote) {
                    const core::ChargeEstimate& charges = event.work->quote->charges;
                    written += Customer(tx, ticket_id, ticket, "quote_issued",
                                        {{"amount", core::FormatMoney(charges.total_fen)},
                                         {"basis", Pick(charges.basis, ticket.details.language)}},
                                        now);
                }
                break;
            case core::EventType::Transition: {
                written += Webhooks(tx, ticket_id, ticket, "ticket.state_changed", event, now);
                if (!event.action) break;
                const Placeholders note{{"note", event.note.empty() ? "—" : event.note}, {"reopen_days", reopen_days}};
                switch (*event.action) {
                    case core::Action::Accept:
                        written += Customer(tx, ticket_id, ticket, "ticket_accepted", {}, now);
                        break;
                    case core::Action::Assign:
                        written += Customer(tx, ticket_id, ticket, "engineer_assigned",
                                            {{"engineer", DisplayName(event.assignee)},
                                             {"visit_window", VisitWindow(ticket, ticket.details.language)}},
                                            now);
                        break;
                    case core::Action::Reschedule:
                        written += Customer(tx, ticket_id, ticket, "visit_rescheduled",
                                            {{"visit_window", VisitWindow(ticket, ticket.details.language)},
                                             {"note", event.note}},
                                            now);
                        break;
                    case core::Action::RequestInfo:
                        written += Customer(tx, ticket_id, ticket, "waiting_reply", {{"question", event.note}}, now);
                        break;
                    case core::Action::Approve:
                        written += Customer(tx, ticket_id, ticket, "return_steps", note, now);
                        break;
                    case core::Action::Resolve:
                        if (ticket.details.kind == core::TicketKind::Complaint) {
                            written += Customer(tx, ticket_id, ticket, "complaint_answered", note, now);
                            written += Webhooks(tx, ticket_id, ticket, "complaint.answered", event, now);
                        } else {
                            written += Customer(tx, ticket_id, ticket, "ticket_resolved", note, now);
                        }
                        break;
                    case core::Action::Confirm:
                        if (!ticket.rated) written += Customer(tx, ticket_id, ticket, "rating_invitation", {}, now);
                        break;
                    case core::Action::Close:
                        // Closed by the system after the reopen window without a confirmation: the
                        // customer was never invited (Confirm invites), so invite now.
                        if (event.from_state == core::TicketState::Resolved && !ticket.rated)
                            written += Customer(tx, ticket_id, ticket, "rating_invitation", {}, now);
                        break;
                    default:
                        break;
                }
                break;
            }
            default:
                break;
        }
    }
    return written;
}

}  // namespace aftercare::serve::outbound
