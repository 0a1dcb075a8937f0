// What the staff console asks the server, one function per intent. Every request but the login is
// sent as the signed-in member, and the session rule lives here once: an answer reaches `ok` or
// `fail` only while the session that sent it is still signed in (a late answer after a sign-out,
// or for a colleague who signed in since, is dropped), and after `fail` every failure goes through
// OnStaffError, where a 401 (the session ended on the server) signs out and says why.
#pragma once

#include "net/api_client.h"
#include "net/customer_requests.h"

#include "api/followup_schedule_wire.h"
#include "api/followup_wire.h"
#include "api/jobs_wire.h"
#include "api/outbound_wire.h"
#include "api/staff_wire.h"
#include "api/vendor_wire.h"
#include "core/policy.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace aftercare::portal {
struct AppState;
}

namespace aftercare::portal::requests {

void LogIn(ApiClient& api, const api::StaffLoginRequest& request, Ok<api::StaffLoginResponse> ok, Fail fail);
// Ends `token`'s session on the server. Nothing waits for the answer: the console has already
// forgotten the token, and a failed call leaves a session that still expires on its own.
void LogOut(ApiClient& api, const std::string& token);

// The change feed: the version now (`since` < 0 answers at once), or a wait of up to
// `wait_seconds` for a change after `since`.
void WaitForChanges(AppState& state, std::int64_t since, int wait_seconds, Ok<api::ChangesResponse> ok, Fail fail);

// The queue for an encoded filter query (see QueueQueryString; "sort=sla&limit=50" for the board).
void LoadQueue(AppState& state, Query filter, Ok<api::QueueResponse> ok, Fail fail);
// Statistics for the days [from, to) (Unix seconds).
void LoadStats(AppState& state, std::int64_t from, std::int64_t to, Ok<api::StatsResponse> ok, Fail fail);
// A period's CSV for the management review: `set` is tickets, ratings, complaints or sla.
void ExportPeriod(AppState& state, std::string_view set, std::int64_t from, std::int64_t to, Ok<RawBody> ok, Fail fail);

void LoadStaffTicket(AppState& state, const std::string& number, Ok<api::TicketView> ok, Fail fail);
// A ticket for a caller or walk-in. `attempt_key` is the create idempotency rule of
// requests::CreateTicket: made on the first send, kept while the answer may still have been a
// success (offline, 5xx), cleared once the attempt is settled.
void IntakeTicket(AppState& state, Host& host, std::string& attempt_key, const api::CreateTicketRequest& request,
                  Ok<api::CreateTicketResponse> ok, Fail fail);
void LoadStaffEarlierEvents(AppState& state, const std::string& number, int before_sequence,
                            Ok<api::EventsResponse> ok, Fail fail);
// Events after `after_sequence`, held by the server up to `wait_seconds`.
void FollowStaffEvents(AppState& state, const std::string& number, int after_sequence, int wait_seconds,
                       Ok<api::EventsResponse> ok, Fail fail);
void LoadAudit(AppState& state, const std::string& number, int limit, Ok<api::AuditResponse> ok, Fail fail);
// The ticket's delivery log: every message sent or owed about it (customer, managers, webhooks).
void LoadDeliveries(AppState& state, const std::string& number, Ok<api::DeliveryList> ok, Fail fail);

// A change to a ticket from the workspace; the request's type names what is done (and where it goes).
using TicketChange =
    std::variant<api::TransitionRequestWire, api::AssignRequest, api::WorkRequest, api::MessageRequest,
                 api::NoteRequest>;
void ChangeTicket(AppState& state, const std::string& number, const TicketChange& change, Ok<api::TicketView> ok,
                  Fail fail);
// The customer's full contact details, with the reason (audited).
// The signed-in engineer's on-site jobs: a page of `limit` after `cursor` ("" for the first).
void LoadJobs(AppState& state, const std::string& cursor, int limit, Ok<api::JobsResponse> ok, Fail fail);
// The customer's signature (PNG bytes) for a finished on-site job; answers the confirmed ticket.
void SendSignature(AppState& state, const std::string& number, std::string png, Ok<api::TicketView> ok, Fail fail);
void RevealCustomer(AppState& state, const std::string& number, const api::RevealRequest& request,
                    Ok<api::RevealResponse> ok, Fail fail);

void LoadMembers(AppState& state, Ok<api::StaffListResponse> ok, Fail fail);
void CreateMember(AppState& state, const api::CreateStaffRequest& request, Ok<api::StaffAccount> ok, Fail fail);
void UpdateMember(AppState& state, const std::string& username, const api::UpdateStaffRequest& request,
                  Ok<api::StaffAccount> ok, Fail fail);

void LoadStaffPolicy(AppState& state, Ok<core::Policy> ok, Fail fail);
void SavePolicy(AppState& state, const core::Policy& policy, Ok<core::Policy> ok, Fail fail);

// An import file of `kind` ("products", "orders", "parts") in `format` ("csv", "jsonl").
void UploadImport(AppState& state, const std::string& kind, const std::string& format, bool dry_run,
                  std::string bytes, const std::string& file_name, Ok<api::ImportReport> ok, Fail fail);
void LoadApiKeys(AppState& state, Ok<api::ApiKeyList> ok, Fail fail);
void CreateApiKey(AppState& state, const api::CreateApiKeyRequest& request, Ok<api::ApiKeyView> ok, Fail fail);
void RevokeApiKey(AppState& state, long long id, Ok<api::ApiKeyList> ok, Fail fail);

void LoadChannels(AppState& state, Ok<api::ChannelsView> ok, Fail fail);
void SaveChannels(AppState& state, const api::UpdateChannelsRequest& request, Ok<api::ChannelsView> ok, Fail fail);
void TestChannel(AppState& state, const api::TestChannelRequest& request, Ok<api::TestChannelResponse> ok, Fail fail);
void LoadWebhooks(AppState& state, Ok<api::WebhookList> ok, Fail fail);
void CreateWebhook(AppState& state, const api::CreateWebhookRequest& request, Ok<api::WebhookView> ok, Fail fail);
void UpdateWebhook(AppState& state, long long id, const api::UpdateWebhookRequest& request, Ok<api::WebhookView> ok,
                   Fail fail);
void LoadWebhookDeliveries(AppState& state, Ok<api::DeliveryList> ok, Fail fail);
void ResendDelivery(AppState& state, long long id, Ok<api::DeliveryEntry> ok, Fail fail);
void LoadProductHistory(AppState& state, const std::string& serial, Ok<api::ProductHistory> ok, Fail fail);
// Every ticket of the same customer (phone) as the ticket `number`.
void LoadCustomerHistory(AppState& state, const std::string& number, Ok<api::CustomerHistory> ok, Fail fail);

// Follow-up visits (回访): the due follow-ups from `offset`, and a call's record. `attempt_key` is the
// create idempotency rule of IntakeTicket: kept while the answer may have been a success, cleared
// once the attempt is settled, so a retry after a lost answer records the call once.
void LoadFollowUps(AppState& state, int offset, int limit, Ok<api::FollowUpQueue> ok, Fail fail);
void RecordFollowUpCall(AppState& state, Host& host, std::string& attempt_key, const std::string& number,
                        const api::FollowUpCallRequest& request, Ok<api::TicketView> ok, Fail fail);
// Ends a periodic follow-up: it leaves the queue; its surveys are kept.
void EndFollowUpSchedule(AppState& state, long long schedule_id, Ok<api::FollowUpSchedule> ok, Fail fail);
// A new periodic follow-up, and a periodic follow-up's 《售后系统运行调查表》, with the same attempt-key rule.
void CreateFollowUpSchedule(AppState& state, Host& host, std::string& attempt_key,
                            const api::FollowUpScheduleRequest& request, Ok<api::FollowUpSchedule> ok, Fail fail);
void RecordFollowUpSurvey(AppState& state, Host& host, std::string& attempt_key, std::int64_t schedule_id,
                          const core::OperationSurvey& survey, Ok<api::SurveyRecorded> ok, Fail fail);

} // namespace aftercare::portal::requests
