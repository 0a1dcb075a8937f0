// The customer's requests; see customer_requests.h.
#include "net/customer_requests.h"

#include "router.h"

#include "api/core_json.h"
#include "api/endpoints.h"
#include "api/policy_json.h"

namespace aftercare::portal::requests {

namespace ep = api::endpoints;

namespace {

CallOptions As(const TicketAccess& ticket) { return {.bearer_token = ticket.token}; }

const api::Endpoint* EndpointFor(core::Action action) {
    switch (action) {
    case core::Action::Cancel: return &ep::kPostTicketsByNumberCancel;
    case core::Action::Confirm: return &ep::kPostTicketsByNumberConfirm;
    case core::Action::Reopen: return &ep::kPostTicketsByNumberReopen;
    case core::Action::CustomerReply: return &ep::kPostTicketsByNumberReply;
    default: return nullptr; // staff actions have their own endpoint
    }
}

} // namespace

void LoadPolicy(ApiClient& api, Ok<api::PortalPolicy> ok, Fail fail) {
    api.Call<api::PortalPolicy>({ep::kGetPolicy}, {}, std::move(ok), std::move(fail));
}

void LookUpTicket(ApiClient& api, std::string number, std::string phone_last4, Ok<api::LookupResponse> ok,
                  Fail fail) {
    api.Call<api::LookupResponse>({ep::kPostLookup}, api::LookupRequest{std::move(number), std::move(phone_last4)}, {},
                                  std::move(ok), std::move(fail));
}

bool EndsAttempt(const ApiError& error) {
    // Offline and 5xx: the ticket may exist, so the retry must carry the same key. 429: nothing was
    // done, and "later" means the same attempt later.
    return error.kind == ApiError::Kind::Rejected || error.kind == ApiError::Kind::NotFound ||
           error.kind == ApiError::Kind::Unauthorized;
}

AttemptAnswers UnderAttempt(Host& host, std::string& attempt_key, Ok<api::CreateTicketResponse> ok, Fail fail) {
    if (attempt_key.empty()) attempt_key = host.RandomHex128();
    return {[&attempt_key, ok = std::move(ok)](api::CreateTicketResponse created) {
                attempt_key.clear();
                ok(std::move(created));
            },
            [&attempt_key, fail = std::move(fail)](ApiError error) {
                if (EndsAttempt(error)) attempt_key.clear();
                fail(std::move(error));
            }};
}

void CreateTicket(ApiClient& api, Host& host, std::string& attempt_key, const api::CreateTicketRequest& request,
                  Ok<api::CreateTicketResponse> ok, Fail fail) {
    AttemptAnswers answers = UnderAttempt(host, attempt_key, std::move(ok), std::move(fail));
    api.Call<api::CreateTicketResponse>({ep::kPostTickets}, request, {.idempotency_key = attempt_key},
                                        std::move(answers.ok), std::move(answers.fail));
}

void LoadTicket(ApiClient& api, const TicketAccess& ticket, Ok<api::TicketView> ok, Fail fail) {
    api.Call<api::TicketView>({ep::kGetTicketsByNumber, {ticket.number}}, As(ticket), std::move(ok), std::move(fail));
}

void LoadEarlierEvents(ApiClient& api, const TicketAccess& ticket, int before_sequence,
                       Ok<api::EventsResponse> ok, Fail fail) {
    api.Call<api::EventsResponse>({ep::kGetTicketsByNumberEvents, {ticket.number},
                                   Query().Add("before", before_sequence).Add("limit", api::kTimelinePage)},
                                  As(ticket), std::move(ok), std::move(fail));
}

void WaitForEvents(ApiClient& api, const TicketAccess& ticket, int after_sequence, Ok<api::EventsResponse> ok,
                   Fail fail) {
    // No "wait": the server holds the poll as long as it is configured to (and refuses more).
    api.Call<api::EventsResponse>({ep::kGetTicketsByNumberEvents, {ticket.number}, Query().Add("after", after_sequence)},
                                  As(ticket), std::move(ok), std::move(fail));
}

void SendMessage(ApiClient& api, const TicketAccess& ticket, std::string text, Ok<api::TicketView> ok, Fail fail) {
    api.Call<api::TicketView>({ep::kPostTicketsByNumberMessages, {ticket.number}}, api::MessageRequest{std::move(text)},
                              As(ticket), std::move(ok), std::move(fail));
}

bool IsCustomerAction(core::Action action) { return EndpointFor(action) != nullptr; }

void TakeAction(ApiClient& api, const TicketAccess& ticket, core::Action action, std::string note,
                Ok<api::TicketView> ok, Fail fail) {
    const api::Endpoint* endpoint = EndpointFor(action);
    if (endpoint == nullptr) {
        ApiError refused;
        refused.kind = ApiError::Kind::Rejected;
        refused.code = "not_a_customer_action";
        fail(std::move(refused));
        return;
    }
    api.Call<api::TicketView>({*endpoint, {ticket.number}}, api::CustomerActionRequest{std::move(note)}, As(ticket),
                              std::move(ok), std::move(fail));
}

void AnswerQuote(ApiClient& api, const TicketAccess& ticket, bool accept, Ok<api::TicketView> ok, Fail fail) {
    api.Call<api::TicketView>({ep::kPostTicketsByNumberQuote, {ticket.number}}, api::QuoteAnswerRequest{accept},
                              As(ticket), std::move(ok), std::move(fail));
}

void RateService(ApiClient& api, const TicketAccess& ticket, const core::Rating& rating, Ok<api::TicketView> ok,
                 Fail fail) {
    api.Call<api::TicketView>({ep::kPostTicketsByNumberRating, {ticket.number}}, rating, As(ticket), std::move(ok),
                              std::move(fail));
}

void SignOutEverywhere(ApiClient& api, const TicketAccess& ticket, Ok<api::SignOutResponse> ok, Fail fail) {
    api.Call<api::SignOutResponse>({ep::kPostTicketsByNumberSignOutEverywhere, {ticket.number}}, api::Json::object(),
                                   As(ticket), std::move(ok), std::move(fail));
}

void UploadAttachment(ApiClient& api, const TicketAccess& ticket, std::string bytes, std::string content_type,
                      const std::string& file_name, Ok<api::AttachmentInfo> ok, Fail fail) {
    if (content_type.empty()) content_type = "application/octet-stream"; // the server sniffs the bytes anyway
    // Headers are ASCII: the file name travels percent-encoded.
    api.Upload<api::AttachmentInfo>({ep::kPostTicketsByNumberAttachments, {ticket.number}}, std::move(bytes),
                                    std::move(content_type), EncodeQueryValue(file_name), As(ticket), std::move(ok),
                                    std::move(fail));
}

void CheckWarranty(ApiClient& api, const api::WarrantyLookupRequest& request, Ok<api::WarrantyLookupResponse> ok,
                   Fail fail) {
    api.Call<api::WarrantyLookupResponse>({ep::kPostWarranty}, request, {}, std::move(ok), std::move(fail));
}

void LookUpOrder(ApiClient& api, const api::OrderLookupRequest& request, Ok<api::OrderLookupResponse> ok, Fail fail) {
    api.Call<api::OrderLookupResponse>({ep::kPostOrdersLookup}, request, {}, std::move(ok), std::move(fail));
}

void CheckReturnEligibility(ApiClient& api, const api::ReturnsEligibilityRequest& request,
                            Ok<core::ReturnsDecision> ok, Fail fail) {
    api.Call<core::ReturnsDecision>({ep::kPostReturnsEligibility}, request, {}, std::move(ok), std::move(fail));
}

void SearchFaq(ApiClient& api, const std::string& query, Language language, int limit,
               Ok<api::FaqSearchResponse> ok, Fail fail) {
    api.Call<api::FaqSearchResponse>(
        {ep::kGetFaq, {}, Query().Add("q", query).Add("lang", LanguageTag(language)).Add("limit", limit)}, {},
        std::move(ok), std::move(fail));
}

void MarkFaqSolved(ApiClient& api, const std::string& faq_id, Ok<api::FaqItem> ok, Fail fail) {
    api.Call<api::FaqItem>({ep::kPostFaqByIdSolved, {faq_id}}, api::Json::object(), {}, std::move(ok),
                           std::move(fail));
}

} // namespace aftercare::portal::requests
