// The staff console's requests; see staff_requests.h.
#include "net/staff_requests.h"

#include "app.h"
#include "console/console.h"
#include "router.h"

#include "api/core_json.h"
#include "api/endpoints.h"
#include "api/policy_json.h"

namespace aftercare::portal::requests {

namespace ep = api::endpoints;

namespace {

// The session rule (see the header) around one request: `send(options, ok, fail)` sends it with
// the session's token and the guarded callbacks.
template <class Response, class Send>
void AsSignedIn(AppState& state, Ok<Response> ok, Fail fail, Send send) {
    const std::string token = state.staff.session ? state.staff.session->token : std::string();
    send(CallOptions{.bearer_token = token},
         Ok<Response>([&state, token, ok = std::move(ok)](Response answer) {
             if (SameSession(state, token)) ok(std::move(answer));
         }),
         Fail([&state, token, fail = std::move(fail)](ApiError error) {
             if (!SameSession(state, token)) return;
             fail(error);
             OnStaffError(state, error);
         }));
}

// A JSON request (with `body`, if any) as the member signed in now.
template <class Response, class... Body>
void AsStaff(AppState& state, const Target& target, Ok<Response> ok, Fail fail, const Body&... body) {
    AsSignedIn<Response>(state, std::move(ok), std::move(fail),
                         [&](const CallOptions& options, Ok<Response> guarded_ok, Fail guarded_fail) {
                             state.api.Call<Response>(target, body..., options, std::move(guarded_ok),
                                                      std::move(guarded_fail));
                         });
}

const api::Endpoint& EndpointFor(const TicketChange& change) {
    struct Pick {
        const api::Endpoint& operator()(const api::TransitionRequestWire&) const {
            return ep::kPostStaffTicketsByNumberTransition;
        }
        const api::Endpoint& operator()(const api::AssignRequest&) const { return ep::kPostStaffTicketsByNumberAssign; }
        const api::Endpoint& operator()(const api::WorkRequest&) const { return ep::kPostStaffTicketsByNumberWork; }
        const api::Endpoint& operator()(const api::MessageRequest&) const {
            return ep::kPostStaffTicketsByNumberMessages;
        }
        const api::Endpoint& operator()(const api::NoteRequest&) const { return ep::kPostStaffTicketsByNumberNotes; }
    };
    return std::visit(Pick{}, change);
}

} // namespace

void LogIn(ApiClient& api, const api::StaffLoginRequest& request, Ok<api::StaffLoginResponse> ok, Fail fail) {
    api.Call<api::StaffLoginResponse>({ep::kPostStaffLogin}, request, {}, std::move(ok), std::move(fail));
}

void LogOut(ApiClient& api, const std::string& token) {
    api.Call<NoContent>({ep::kPostStaffLogout}, {.bearer_token = token}, [](NoContent) {}, [](ApiError) {});
}

void WaitForChanges(AppState& state, std::int64_t since, int wait_seconds, Ok<api::ChangesResponse> ok, Fail fail) {
    Query query = since < 0 ? Query().Add("since", 0).Add("wait", 0)
                            : Query().Add("since", since).Add("wait", wait_seconds);
    AsStaff(state, {ep::kGetStaffChanges, {}, std::move(query)}, std::move(ok), std::move(fail));
}

void LoadQueue(AppState& state, Query filter, Ok<api::QueueResponse> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffQueue, {}, std::move(filter)}, std::move(ok), std::move(fail));
}

void LoadStats(AppState& state, std::int64_t from, std::int64_t to, Ok<api::StatsResponse> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffStats, {}, Query().Add("from", from).Add("to", to)}, std::move(ok), std::move(fail));
}

void ExportPeriod(AppState& state, std::string_view set, std::int64_t from, std::int64_t to, Ok<RawBody> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffExportBySet, {std::string(set)}, Query().Add("from", from).Add("to", to)},
            std::move(ok), std::move(fail));
}

void LoadStaffTicket(AppState& state, const std::string& number, Ok<api::TicketView> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffTicketsByNumber, {number}}, std::move(ok), std::move(fail));
}

void IntakeTicket(AppState& state, Host& host, std::string& attempt_key, const api::CreateTicketRequest& request,
                  Ok<api::CreateTicketResponse> ok, Fail fail) {
    AttemptAnswers answers = UnderAttempt(host, attempt_key, std::move(ok), std::move(fail));
    AsSignedIn<api::CreateTicketResponse>(
        state, std::move(answers.ok), std::move(answers.fail),
        [&](CallOptions options, Ok<api::CreateTicketResponse> guarded_ok, Fail guarded_fail) {
            options.idempotency_key = attempt_key;
            state.api.Call<api::CreateTicketResponse>({ep::kPostStaffTickets}, request, options,
                                                      std::move(guarded_ok), std::move(guarded_fail));
        });
}

void LoadStaffEarlierEvents(AppState& state, const std::string& number, int before_sequence,
                            Ok<api::EventsResponse> ok, Fail fail) {
    AsStaff(state,
            {ep::kGetStaffTicketsByNumberEvents, {number},
             Query().Add("before", before_sequence).Add("limit", api::kTimelinePage)},
            std::move(ok), std::move(fail));
}

void FollowStaffEvents(AppState& state, const std::string& number, int after_sequence, int wait_seconds,
                       Ok<api::EventsResponse> ok, Fail fail) {
    AsStaff(state,
            {ep::kGetStaffTicketsByNumberEvents, {number},
             Query().Add("after", after_sequence).Add("wait", wait_seconds)},
            std::move(ok), std::move(fail));
}

void LoadAudit(AppState& state, const std::string& number, int limit, Ok<api::AuditResponse> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffAudit, {}, Query().Add("ticket", number).Add("limit", limit)}, std::move(ok),
            std::move(fail));
}

void LoadDeliveries(AppState& state, const std::string& number, Ok<api::DeliveryList> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffTicketsByNumberDeliveries, {number}}, std::move(ok), std::move(fail));
}

void ChangeTicket(AppState& state, const std::string& number, const TicketChange& change, Ok<api::TicketView> ok,
                  Fail fail) {
    const Target target{EndpointFor(change), {number}};
    std::visit([&](const auto& request) { AsStaff(state, target, std::move(ok), std::move(fail), request); }, change);
}

void RevealCustomer(AppState& state, const std::string& number, const api::RevealRequest& request,
                    Ok<api::RevealResponse> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffTicketsByNumberReveal, {number}}, std::move(ok), std::move(fail), request);
}

void LoadJobs(AppState& state, const std::string& cursor, int limit, Ok<api::JobsResponse> ok, Fail fail) {
    Query query = Query().Add("limit", limit);
    if (!cursor.empty()) query.Add("cursor", cursor);
    AsStaff(state, {ep::kGetStaffJobs, {}, std::move(query)}, std::move(ok), std::move(fail));
}

void SendSignature(AppState& state, const std::string& number, std::string png, Ok<api::TicketView> ok, Fail fail) {
    const Target target{ep::kPostStaffTicketsByNumberSignature, {number}};
    AsSignedIn<api::TicketView>(
        state, std::move(ok), std::move(fail),
        [&](const CallOptions& options, Ok<api::TicketView> guarded_ok, Fail guarded_fail) {
            state.api.Upload<api::TicketView>(target, std::move(png), "image/png", "signature.png", options,
                                              std::move(guarded_ok), std::move(guarded_fail));
        });
}

void LoadMembers(AppState& state, Ok<api::StaffListResponse> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffMembers}, std::move(ok), std::move(fail));
}

void CreateMember(AppState& state, const api::CreateStaffRequest& request, Ok<api::StaffAccount> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffMembers}, std::move(ok), std::move(fail), request);
}

void UpdateMember(AppState& state, const std::string& username, const api::UpdateStaffRequest& request,
                  Ok<api::StaffAccount> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffMembersByUsername, {username}}, std::move(ok), std::move(fail), request);
}

void LoadStaffPolicy(AppState& state, Ok<core::Policy> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffPolicy}, std::move(ok), std::move(fail));
}

void SavePolicy(AppState& state, const core::Policy& policy, Ok<core::Policy> ok, Fail fail) {
    AsStaff(state, {ep::kPutStaffPolicy}, std::move(ok), std::move(fail), policy);
}

void UploadImport(AppState& state, const std::string& kind, const std::string& format, bool dry_run,
                  std::string bytes, const std::string& file_name, Ok<api::ImportReport> ok, Fail fail) {
    const Target target{ep::kPostStaffImport, {},
                        Query().Add("kind", kind).Add("format", format).Add("dry_run", dry_run ? "true" : "false")};
    AsSignedIn<api::ImportReport>(
        state, std::move(ok), std::move(fail),
        [&](const CallOptions& options, Ok<api::ImportReport> guarded_ok, Fail guarded_fail) {
            // Headers are ASCII: the file name travels percent-encoded, as attachments' do.
            state.api.Upload<api::ImportReport>(target, std::move(bytes), "text/csv", EncodeQueryValue(file_name),
                                                options, std::move(guarded_ok), std::move(guarded_fail));
        });
}

void LoadApiKeys(AppState& state, Ok<api::ApiKeyList> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffApiKeys}, std::move(ok), std::move(fail));
}

void CreateApiKey(AppState& state, const api::CreateApiKeyRequest& request, Ok<api::ApiKeyView> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffApiKeys}, std::move(ok), std::move(fail), request);
}

void RevokeApiKey(AppState& state, long long id, Ok<api::ApiKeyList> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffApiKeysByIdRevoke, {std::to_string(id)}}, std::move(ok), std::move(fail),
            api::Json::object());
}

void LoadChannels(AppState& state, Ok<api::ChannelsView> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffChannels}, std::move(ok), std::move(fail));
}

void SaveChannels(AppState& state, const api::UpdateChannelsRequest& request, Ok<api::ChannelsView> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffChannels}, std::move(ok), std::move(fail), request);
}

void TestChannel(AppState& state, const api::TestChannelRequest& request, Ok<api::TestChannelResponse> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffChannelsTest}, std::move(ok), std::move(fail), request);
}

void LoadWebhooks(AppState& state, Ok<api::WebhookList> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffWebhooks}, std::move(ok), std::move(fail));
}

void CreateWebhook(AppState& state, const api::CreateWebhookRequest& request, Ok<api::WebhookView> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffWebhooks}, std::move(ok), std::move(fail), request);
}

void UpdateWebhook(AppState& state, long long id, const api::UpdateWebhookRequest& request, Ok<api::WebhookView> ok,
                   Fail fail) {
    AsStaff(state, {ep::kPostStaffWebhooksById, {std::to_string(id)}}, std::move(ok), std::move(fail), request);
}

void LoadWebhookDeliveries(AppState& state, Ok<api::DeliveryList> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffWebhookDeliveries}, std::move(ok), std::move(fail));
}

void ResendDelivery(AppState& state, long long id, Ok<api::DeliveryEntry> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffDeliveriesByIdResend, {std::to_string(id)}}, std::move(ok), std::move(fail),
            api::Json::object());
}

void LoadProductHistory(AppState& state, const std::string& serial, Ok<api::ProductHistory> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffProductsBySerial, {serial}}, std::move(ok), std::move(fail));
}

void LoadCustomerHistory(AppState& state, const std::string& number, Ok<api::CustomerHistory> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffTicketsByNumberCustomerHistory, {number}}, std::move(ok), std::move(fail));
}

void LoadFollowUps(AppState& state, int offset, int limit, Ok<api::FollowUpQueue> ok, Fail fail) {
    AsStaff(state, {ep::kGetStaffFollowups, {}, Query().Add("offset", offset).Add("limit", limit)}, std::move(ok),
            std::move(fail));
}

void RecordFollowUpCall(AppState& state, Host& host, std::string& attempt_key, const std::string& number,
                        const api::FollowUpCallRequest& request, Ok<api::TicketView> ok, Fail fail) {
    if (attempt_key.empty()) attempt_key = host.RandomHex128();
    AsSignedIn<api::TicketView>(
        state,
        [&attempt_key, ok = std::move(ok)](api::TicketView view) {
            attempt_key.clear();
            ok(std::move(view));
        },
        [&attempt_key, fail = std::move(fail)](ApiError error) {
            if (EndsAttempt(error)) attempt_key.clear();
            fail(std::move(error));
        },
        [&](CallOptions options, Ok<api::TicketView> guarded_ok, Fail guarded_fail) {
            options.idempotency_key = attempt_key;
            state.api.Call<api::TicketView>({ep::kPostStaffTicketsByNumberFollowupCalls, {number}}, request, options,
                                            std::move(guarded_ok), std::move(guarded_fail));
        });
}

void RecordFollowUpSurvey(AppState& state, Host& host, std::string& attempt_key, std::int64_t schedule_id,
                          const core::OperationSurvey& survey, Ok<api::SurveyRecorded> ok, Fail fail) {
    if (attempt_key.empty()) attempt_key = host.RandomHex128();
    AsSignedIn<api::SurveyRecorded>(
        state,
        [&attempt_key, ok = std::move(ok)](api::SurveyRecorded recorded) {
            attempt_key.clear();
            ok(std::move(recorded));
        },
        [&attempt_key, fail = std::move(fail)](ApiError error) {
            if (EndsAttempt(error)) attempt_key.clear();
            fail(std::move(error));
        },
        [&](CallOptions options, Ok<api::SurveyRecorded> guarded_ok, Fail guarded_fail) {
            options.idempotency_key = attempt_key;
            state.api.Call<api::SurveyRecorded>({ep::kPostStaffFollowupSchedulesByIdSurveys, {std::to_string(schedule_id)}},
                                                survey, options, std::move(guarded_ok), std::move(guarded_fail));
        });
}

void EndFollowUpSchedule(AppState& state, long long schedule_id, Ok<api::FollowUpSchedule> ok, Fail fail) {
    AsStaff(state, {ep::kPostStaffFollowupSchedulesByIdEnd, {std::to_string(schedule_id)}}, std::move(ok), std::move(fail),
            api::Json::object());
}

void CreateFollowUpSchedule(AppState& state, Host& host, std::string& attempt_key,
                            const api::FollowUpScheduleRequest& request, Ok<api::FollowUpSchedule> ok, Fail fail) {
    if (attempt_key.empty()) attempt_key = host.RandomHex128();
    AsSignedIn<api::FollowUpSchedule>(
        state,
        [&attempt_key, ok = std::move(ok)](api::FollowUpSchedule made) {
            attempt_key.clear();
            ok(std::move(made));
        },
        [&attempt_key, fail = std::move(fail)](ApiError error) {
            if (EndsAttempt(error)) attempt_key.clear();
            fail(std::move(error));
        },
        [&](CallOptions options, Ok<api::FollowUpSchedule> guarded_ok, Fail guarded_fail) {
            options.idempotency_key = attempt_key;
            state.api.Call<api::FollowUpSchedule>({ep::kPostStaffFollowupSchedules}, request, options,
                                                  std::move(guarded_ok), std::move(guarded_fail));
        });
}

} // namespace aftercare::portal::requests
