// What the customer's screens ask the server, one function per intent. Each names its endpoint
// declaration (api/endpoints.h) and its wire types; screens keep only what to do with the answer.
// Creating a ticket also holds the idempotency rule, in one place (CreateTicket).
#pragma once

#include "host.h"
#include "i18n.h"
#include "net/api_client.h"

#include "api/customer_wire.h"
#include "api/policy_json.h"
#include "core/policy.h"
#include "core/rating.h"
#include "core/returns.h"
#include "core/vocabulary.h"

#include <cstdint>
#include <functional>
#include <string>

namespace aftercare::portal::requests {

template <class T> using Ok = std::function<void(T)>;
using Fail = std::function<void(ApiError)>;

// A customer's way into one ticket: its service number and the token a lookup or creation gave.
struct TicketAccess {
    std::string number; // display form, R-2K7Q-9MXD
    std::string token;
};

// The vendor's policy as customers see it (deadlines, return windows, the service promise).
// With it, which outbound channels the server has (what the portal may promise).
void LoadPolicy(ApiClient& api, Ok<api::PortalPolicy> ok, Fail fail);

// Service number + last four digits of the phone -> a token for that ticket.
void LookUpTicket(ApiClient& api, std::string number, std::string phone_last4, Ok<api::LookupResponse> ok,
                  Fail fail);

// Creates a ticket under `attempt_key`, making one when it is empty. The idempotency rule: one key
// per attempt, kept for every retry of that attempt, so an answer lost on the way (offline, 5xx)
// can be asked for again without creating a second ticket, and so is one refused "for now" (429).
// A settled answer (created, or refused for good) ends the attempt and clears the key; the next
// submission is a new attempt.
// `attempt_key` must outlive the request (it lives in the screen's state, which lives in AppState).
void CreateTicket(ApiClient& api, Host& host, std::string& attempt_key, const api::CreateTicketRequest& request,
                  Ok<api::CreateTicketResponse> ok, Fail fail);
// True when the answer settled the attempt (see CreateTicket).
bool EndsAttempt(const ApiError& error);
// The rule above for any create: makes the key when empty, and wraps the answers so a success or a
// settled refusal clears it (staff intake uses it too).
struct AttemptAnswers {
    Ok<api::CreateTicketResponse> ok;
    Fail fail;
};
AttemptAnswers UnderAttempt(Host& host, std::string& attempt_key, Ok<api::CreateTicketResponse> ok, Fail fail);

void LoadTicket(ApiClient& api, const TicketAccess& ticket, Ok<api::TicketView> ok, Fail fail);
// The page of events before `before_sequence` (the oldest the view holds).
void LoadEarlierEvents(ApiClient& api, const TicketAccess& ticket, int before_sequence,
                       Ok<api::EventsResponse> ok, Fail fail);
// Events after `after_sequence`; the server holds the request until there are some (or it times out).
void WaitForEvents(ApiClient& api, const TicketAccess& ticket, int after_sequence, Ok<api::EventsResponse> ok,
                   Fail fail);

void SendMessage(ApiClient& api, const TicketAccess& ticket, std::string text, Ok<api::TicketView> ok, Fail fail);
// Cancel, Confirm, Reopen and CustomerReply: the actions a customer takes on the ticket page.
bool IsCustomerAction(core::Action action);
// One of those; any other action is refused here with a Rejected error.
void TakeAction(ApiClient& api, const TicketAccess& ticket, core::Action action, std::string note,
                Ok<api::TicketView> ok, Fail fail);
// Accepts or declines the repair quote the ticket shows (TicketView::quote).
void AnswerQuote(ApiClient& api, const TicketAccess& ticket, bool accept, Ok<api::TicketView> ok, Fail fail);
void RateService(ApiClient& api, const TicketAccess& ticket, const core::Rating& rating, Ok<api::TicketView> ok,
                 Fail fail);
void SignOutEverywhere(ApiClient& api, const TicketAccess& ticket, Ok<api::SignOutResponse> ok, Fail fail);
// A photo or document for the ticket; `file_name` as the customer's device named it.
void UploadAttachment(ApiClient& api, const TicketAccess& ticket, std::string bytes, std::string content_type,
                      const std::string& file_name, Ok<api::AttachmentInfo> ok, Fail fail);

void CheckWarranty(ApiClient& api, const api::WarrantyLookupRequest& request, Ok<api::WarrantyLookupResponse> ok,
                   Fail fail);
void LookUpOrder(ApiClient& api, const api::OrderLookupRequest& request, Ok<api::OrderLookupResponse> ok, Fail fail);
void CheckReturnEligibility(ApiClient& api, const api::ReturnsEligibilityRequest& request,
                            Ok<core::ReturnsDecision> ok, Fail fail);

// The FAQ's answers for `query` in `language`, at most `limit`.
void SearchFaq(ApiClient& api, const std::string& query, Language language, int limit,
               Ok<api::FaqSearchResponse> ok, Fail fail);
// "This solved it": counted for the vendor, and the customer needs no ticket.
void MarkFaqSolved(ApiClient& api, const std::string& faq_id, Ok<api::FaqItem> ok, Fail fail);

} // namespace aftercare::portal::requests
