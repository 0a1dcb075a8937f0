// How the customer wants to hear about their ticket, shared by every form that makes one (repair,
// return/exchange, complaint): "notify me by" SMS and/or e-mail, offered only for the channels this
// server has (AppState::channels) and e-mail only once an address is typed; and what the submitted
// page may promise afterwards, from the server's answer (CreateTicketResponse::notify_channels).
#pragma once

#include "api/customer_wire.h"
#include "api/wire_reader.h"
#include "core/ticket.h"

#include <string>
#include <string_view>

namespace aftercare::portal {

struct AppState;
struct Ui;

// The customer's choices, kept in each form's draft (so a reload keeps them). Both on by default:
// a service message is what a customer who gave a contact expects.
struct NotifyChoice {
    bool by_sms = true;
    bool by_email = true;
    bool operator==(const NotifyChoice&) const = default;
};

// The choices as check boxes under the contact fields; draws nothing when the server sends no
// messages. `email` is what the form's e-mail field holds now.
void DrawNotifyChoice(AppState& state, Ui& ui, NotifyChoice& choice, std::string_view email);

// The e-mail field's help line: it promises messages only when this server sends e-mail (null otherwise).
const char* EmailHelpKey(const AppState& state);

// The choice in words for a review ("短信、电子邮件", "不通知"); empty when no choice is offered.
std::string NotifySummary(const AppState& state, const NotifyChoice& choice, std::string_view email);

// Into the create-ticket body: the language of the messages (the UI's), and notify_by when the
// customer was offered a choice (absent otherwise: the server's default, every channel with a contact).
// The body's customer.email must already be set.
void ApplyNotifyChoice(const AppState& state, const NotifyChoice& choice, core::TicketDraft& draft);

// Drafts on the device: "notify_sms" / "notify_email" beside the form's other fields.
void WriteNotifyChoice(api::Json& draft, const NotifyChoice& choice);
void ReadNotifyChoice(const api::Json& draft, NotifyChoice& choice);

// The submitted page's sentence: the number (and progress) also comes by SMS / e-mail, as the
// server said it will; empty when nothing will be sent.
std::string NotifyPromise(const AppState& state, const api::CreateTicketResponse& created);

} // namespace aftercare::portal
