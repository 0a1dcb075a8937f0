// The portal's request layer (src/portal/net/*_requests): every intent asks for the endpoint it is
// declared to use, with that declaration's method; values stay inside their path segment; the
// idempotency rule for creates; and the staff session rule (late answers dropped, a 401 signs out
// and ends the session on the server).
#include "portal_test_host.h"
#include "test_support.h"

#include "app.h"
#include "net/customer_requests.h"
#include "net/staff_requests.h"

#include "api/endpoints.h"

#include <regex>

using namespace aftercare;
using namespace aftercare::portal;
using namespace aftercare::test;

namespace {

namespace ep = api::endpoints;

// The declaration a request reaches, read the way the server routes: method, then the path (query
// aside) against each template, {name} matching one segment. Null when none or several match.
const api::Endpoint* Reached(const HttpRequest& request) {
    const std::string path = request.path.substr(0, request.path.find('?'));
    const api::Endpoint* found = nullptr;
    for (const api::Endpoint* endpoint : ep::All()) {
        if (endpoint->method != request.method) continue;
        const std::regex pattern(std::regex_replace(std::string(endpoint->path), std::regex(R"(\{[^}]+\})"), "[^/]+"));
        if (!std::regex_match(path, pattern)) continue;
        if (found != nullptr) return nullptr;
        found = endpoint;
    }
    return found;
}

template <class T> requests::Ok<T> Ignore() { return [](T) {}; }
const requests::Fail kIgnoreFail = [](ApiError) {};

std::string HeaderOf(const HttpRequest& request, const std::string& name) {
    for (const auto& [key, value] : request.headers) {
        if (key == name) return value;
    }
    return {};
}

struct Portal {
    HeldTransport transport;
    TestHost host;
    AppState state{transport};

    void SignIn(std::string token) {
        StaffSession session;
        session.token = std::move(token);
        state.staff.session = std::move(session);
    }
    // The last request sent, and the declaration it reaches.
    const HttpRequest& Last() const { return transport.Request(transport.PendingCount() - 1); }
};

using Intents = std::vector<std::pair<std::function<void()>, const api::Endpoint*>>;

// Sends each intent and checks that it reached its declaration, carrying `token` where the
// declaration's access needs one.
void CheckEachReachesItsDeclaration(Portal& p, const Intents& intents, api::Access access, const std::string& token) {
    for (const auto& [send, expected] : intents) {
        const size_t before = p.transport.PendingCount();
        send();
        REQUIRE(p.transport.PendingCount() == before + 1);
        INFO(p.Last().method << " " << p.Last().path);
        CHECK(Reached(p.Last()) == expected);
        if (expected->access == access) CHECK(HeaderOf(p.Last(), "Authorization") == "Bearer " + token);
    }
}

} // namespace

TEST_CASE("requests: every customer intent reaches its own declaration", "[requests]") {
    Portal p;
    ApiClient& api = p.state.api;
    const requests::TicketAccess ticket{"R-2K7Q-9MXD", "t0ken"};
    const Intents intents = {
        {[&] { requests::LoadPolicy(api, Ignore<api::PortalPolicy>(), kIgnoreFail); }, &ep::kGetPolicy},
        {[&] { requests::LookUpTicket(api, "R-2K7Q-9MXD", "1234", Ignore<api::LookupResponse>(), kIgnoreFail); },
         &ep::kPostLookup},
        {[&] { requests::LoadTicket(api, ticket, Ignore<api::TicketView>(), kIgnoreFail); }, &ep::kGetTicketsByNumber},
        {[&] { requests::LoadEarlierEvents(api, ticket, 51, Ignore<api::EventsResponse>(), kIgnoreFail); },
         &ep::kGetTicketsByNumberEvents},
        {[&] { requests::WaitForEvents(api, ticket, 7, Ignore<api::EventsResponse>(), kIgnoreFail); },
         &ep::kGetTicketsByNumberEvents},
        {[&] { requests::SendMessage(api, ticket, "你好", Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostTicketsByNumberMessages},
        {[&] { requests::TakeAction(api, ticket, core::Action::Cancel, "", Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostTicketsByNumberCancel},
        {[&] { requests::TakeAction(api, ticket, core::Action::Confirm, "", Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostTicketsByNumberConfirm},
        {[&] { requests::TakeAction(api, ticket, core::Action::Reopen, "", Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostTicketsByNumberReopen},
        {[&] {
             requests::TakeAction(api, ticket, core::Action::CustomerReply, "", Ignore<api::TicketView>(), kIgnoreFail);
         },
         &ep::kPostTicketsByNumberReply},
        {[&] { requests::RateService(api, ticket, core::Rating{}, Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostTicketsByNumberRating},
        {[&] { requests::SignOutEverywhere(api, ticket, Ignore<api::SignOutResponse>(), kIgnoreFail); },
         &ep::kPostTicketsByNumberSignOutEverywhere},
        {[&] { requests::UploadAttachment(api, ticket, "\xFF\xD8", "image/jpeg", "照片.jpg",
                                          Ignore<api::AttachmentInfo>(), kIgnoreFail); },
         &ep::kPostTicketsByNumberAttachments},
        {[&] { requests::CheckWarranty(api, {}, Ignore<api::WarrantyLookupResponse>(), kIgnoreFail); },
         &ep::kPostWarranty},
        {[&] { requests::LookUpOrder(api, {}, Ignore<api::OrderLookupResponse>(), kIgnoreFail); },
         &ep::kPostOrdersLookup},
        {[&] { requests::CheckReturnEligibility(api, {}, Ignore<core::ReturnsDecision>(), kIgnoreFail); },
         &ep::kPostReturnsEligibility},
        {[&] { requests::SearchFaq(api, "不开机", Language::ZhCN, 5, Ignore<api::FaqSearchResponse>(), kIgnoreFail); },
         &ep::kGetFaq},
        {[&] { requests::MarkFaqSolved(api, "faq-7", Ignore<api::FaqItem>(), kIgnoreFail); }, &ep::kPostFaqByIdSolved},
        {[&] {
             std::string key;
             requests::CreateTicket(api, p.host, key, {}, Ignore<api::CreateTicketResponse>(), kIgnoreFail);
         },
         &ep::kPostTickets},
    };
    CheckEachReachesItsDeclaration(p, intents, api::Access::Ticket, "t0ken");
}

TEST_CASE("requests: every staff intent reaches its own declaration, as the signed-in member", "[requests]") {
    Portal p;
    p.SignIn("staff-token");
    AppState& s = p.state;
    const Intents intents = {
        {[&] { requests::LogIn(s.api, {"li", "secret"}, Ignore<api::StaffLoginResponse>(), kIgnoreFail); },
         &ep::kPostStaffLogin},
        {[&] { requests::WaitForChanges(s, -1, 25, Ignore<api::ChangesResponse>(), kIgnoreFail); }, &ep::kGetStaffChanges},
        {[&] { requests::LoadQueue(s, Query::Encoded("unassigned=1"), Ignore<api::QueueResponse>(), kIgnoreFail); },
         &ep::kGetStaffQueue},
        {[&] { requests::LoadStats(s, 0, 86400, Ignore<api::StatsResponse>(), kIgnoreFail); }, &ep::kGetStaffStats},
        {[&] { requests::LoadStaffTicket(s, "R-2K7Q-9MXD", Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kGetStaffTicketsByNumber},
        {[&] { requests::LoadStaffEarlierEvents(s, "R-2K7Q-9MXD", 9, Ignore<api::EventsResponse>(), kIgnoreFail); },
         &ep::kGetStaffTicketsByNumberEvents},
        {[&] { requests::FollowStaffEvents(s, "R-2K7Q-9MXD", 9, 25, Ignore<api::EventsResponse>(), kIgnoreFail); },
         &ep::kGetStaffTicketsByNumberEvents},
        {[&] { requests::LoadAudit(s, "R-2K7Q-9MXD", 20, Ignore<api::AuditResponse>(), kIgnoreFail); },
         &ep::kGetStaffAudit},
        {[&] { requests::LoadDeliveries(s, "R-2K7Q-9MXD", Ignore<api::DeliveryList>(), kIgnoreFail); },
         &ep::kGetStaffTicketsByNumberDeliveries},
        {[&] { requests::ChangeTicket(s, "R-2K7Q-9MXD", api::TransitionRequestWire{}, Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostStaffTicketsByNumberTransition},
        {[&] { requests::ChangeTicket(s, "R-2K7Q-9MXD", api::AssignRequest{}, Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostStaffTicketsByNumberAssign},
        {[&] { requests::ChangeTicket(s, "R-2K7Q-9MXD", api::WorkRequest{}, Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostStaffTicketsByNumberWork},
        {[&] { requests::ChangeTicket(s, "R-2K7Q-9MXD", api::MessageRequest{"好的"}, Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostStaffTicketsByNumberMessages},
        {[&] { requests::RevealCustomer(s, "R-2K7Q-9MXD", {}, Ignore<api::RevealResponse>(), kIgnoreFail); },
         &ep::kPostStaffTicketsByNumberReveal},
        {[&] { requests::LoadJobs(s, "0.1.2", 20, Ignore<api::JobsResponse>(), kIgnoreFail); }, &ep::kGetStaffJobs},
        {[&] { requests::SendSignature(s, "R-2K7Q-9MXD", "\x89PNG", Ignore<api::TicketView>(), kIgnoreFail); },
         &ep::kPostStaffTicketsByNumberSignature},
        {[&] { requests::LoadMembers(s, Ignore<api::StaffListResponse>(), kIgnoreFail); }, &ep::kGetStaffMembers},
        {[&] { requests::CreateMember(s, {}, Ignore<api::StaffAccount>(), kIgnoreFail); }, &ep::kPostStaffMembers},
        {[&] { requests::UpdateMember(s, "wang.wu", {}, Ignore<api::StaffAccount>(), kIgnoreFail); },
         &ep::kPostStaffMembersByUsername},
        {[&] { requests::LoadStaffPolicy(s, Ignore<core::Policy>(), kIgnoreFail); }, &ep::kGetStaffPolicy},
        {[&] { requests::SavePolicy(s, core::Policy{}, Ignore<core::Policy>(), kIgnoreFail); }, &ep::kPutStaffPolicy},
        {[&] { requests::UploadImport(s, "orders", "csv", true, "a,b\n", "订单.csv", Ignore<api::ImportReport>(), kIgnoreFail); },
         &ep::kPostStaffImport},
        {[&] { requests::LoadApiKeys(s, Ignore<api::ApiKeyList>(), kIgnoreFail); }, &ep::kGetStaffApiKeys},
        {[&] { requests::CreateApiKey(s, {}, Ignore<api::ApiKeyView>(), kIgnoreFail); }, &ep::kPostStaffApiKeys},
        {[&] { requests::RevokeApiKey(s, 12, Ignore<api::ApiKeyList>(), kIgnoreFail); }, &ep::kPostStaffApiKeysByIdRevoke},
        {[&] { requests::LoadProductHistory(s, "SN 001/A", Ignore<api::ProductHistory>(), kIgnoreFail); },
         &ep::kGetStaffProductsBySerial},
        {[&] {
             std::string key;
             requests::IntakeTicket(s, p.host, key, {}, Ignore<api::CreateTicketResponse>(), kIgnoreFail);
         },
         &ep::kPostStaffTickets},
        {[&] { requests::LoadFollowUps(s, 30, 30, Ignore<api::FollowUpQueue>(), kIgnoreFail); }, &ep::kGetStaffFollowups},
        {[&] {
             std::string key;
             requests::RecordFollowUpCall(s, p.host, key, "R-2K7Q-9MXD", {}, Ignore<api::TicketView>(), kIgnoreFail);
         },
         &ep::kPostStaffTicketsByNumberFollowupCalls},
        {[&] {
             std::string key;
             requests::RecordFollowUpSurvey(s, p.host, key, 7, {}, Ignore<api::SurveyRecorded>(), kIgnoreFail);
         },
         &ep::kPostStaffFollowupSchedulesByIdSurveys},
        {[&] {
             std::string key;
             requests::CreateFollowUpSchedule(s, p.host, key, {}, Ignore<api::FollowUpSchedule>(), kIgnoreFail);
         },
         &ep::kPostStaffFollowupSchedules},
        {[&] { requests::EndFollowUpSchedule(s, 7, Ignore<api::FollowUpSchedule>(), kIgnoreFail); },
         &ep::kPostStaffFollowupSchedulesByIdEnd},
        {[&] { requests::LogOut(s.api, "staff-token"); }, &ep::kPostStaffLogout},
    };
    CheckEachReachesItsDeclaration(p, intents, api::Access::Staff, "staff-token");
}

TEST_CASE("requests: a request goes out, and an answer's fields are read, in tasks after the one that asked",
          "[requests]") {
    Portal p;
    p.transport.hold_deferred = true;
    std::vector<std::string> failures;
    const requests::Fail record = [&](ApiError error) { failures.push_back(error.code); };
    const auto ask = [&] {
        requests::LoadTicket(p.state.api, {"R-1", "t"}, Ignore<api::TicketView>(), record);
    };

    using Redraw = HttpTransport::Redraw;
    ask();
    CHECK(p.transport.PendingCount() == 0);  // not built in the frame that asked
    CHECK(p.transport.deferred_redraws == std::vector{Redraw::No});  // and sending it draws nothing
    p.transport.RunDeferred();
    REQUIRE(p.transport.PendingCount() == 1);
    CHECK(Reached(p.Last()) == &ep::kGetTicketsByNumber);
    CHECK(HeaderOf(p.Last(), "Authorization") == "Bearer t");

    // JSON that does not parse fails in the task the answer arrives in; JSON that parses is read
    // into its wire type in a later one (here it lacks a ticket's fields).
    p.transport.Answer(200, R"({"broken": )");
    CHECK(failures == std::vector<std::string>{"malformed_answer"});
    ask();
    p.transport.RunDeferred();
    p.transport.Answer(200, "{}");
    CHECK(failures.size() == 1);
    CHECK(p.transport.deferred_redraws.back() == Redraw::Yes);  // reading the answer shows it
    p.transport.RunDeferred();
    CHECK(failures == std::vector<std::string>{"malformed_answer", "malformed_answer"});

    // A kiosk reset drops a request that has not gone out yet.
    ask();
    p.transport.AbandonPending();
    p.transport.RunDeferred();
    CHECK(p.transport.PendingCount() == 0);
}

TEST_CASE("requests: values are encoded and stay inside their path segment", "[requests]") {
    Portal p;
    requests::LoadTicket(p.state.api, {"R-1/../staff", "t"}, Ignore<api::TicketView>(), kIgnoreFail);
    CHECK(p.Last().path == "/api/v1/tickets/R-1%2F..%2Fstaff");
    requests::SearchFaq(p.state.api, "无法 开机&limit=1000", Language::En, 5, Ignore<api::FaqSearchResponse>(), kIgnoreFail);
    CHECK(p.Last().path == "/api/v1/faq?q=%E6%97%A0%E6%B3%95%20%E5%BC%80%E6%9C%BA%26limit%3D1000&lang=en&limit=5");
    p.SignIn("x");
    requests::LoadQueue(p.state, Query::Encoded("sort=sla").Add("offset", 50).Add("limit", 50),
                        Ignore<api::QueueResponse>(), kIgnoreFail);
    CHECK(p.Last().path == "/api/v1/staff/queue?sort=sla&offset=50&limit=50");
}

TEST_CASE("requests: a create keeps its key across lost answers and starts a new one after a settled answer",
          "[requests]") {
    Portal p;
    std::string key;
    int created = 0;
    std::vector<ApiError::Kind> failures;
    auto submit = [&] {
        requests::CreateTicket(p.state.api, p.host, key, {}, [&](api::CreateTicketResponse) { ++created; },
                               [&](ApiError error) { failures.push_back(error.kind); });
        return HeaderOf(p.Last(), "Idempotency-Key");
    };

    const std::string first = submit();
    CHECK_FALSE(first.empty());
    p.transport.Answer(0);   // offline: the ticket may exist
    CHECK(submit() == first);
    p.transport.Answer(503); // a server failure: the same
    CHECK(submit() == first);
    p.transport.Answer(429, "", 30); // "later" is the same attempt later
    CHECK(submit() == first);
    p.transport.Answer(422, R"({"code":"invalid","message":"x"})"); // refused: that attempt is over
    CHECK(key.empty());
    const std::string second = submit();
    CHECK(second != first);
    const core::Ticket ticket = NewTicket(core::TicketKind::Repair, core::Priority::General, At(2026, 12, 3, 9, 0));
    const api::TicketView view =
        api::MakeTicketView(ticket, core::ActorRole::Customer, ticket.updated_at, core::Policy{});
    p.transport.Answer(201, api::Json(api::CreateTicketResponse{"R-2K7Q-9MXD", "tok", 99, view, std::nullopt, {}}).dump());
    CHECK(key.empty());
    CHECK(created == 1);
    CHECK(submit() != second);
    CHECK(failures == std::vector<ApiError::Kind>{ApiError::Kind::Offline, ApiError::Kind::Server,
                                                  ApiError::Kind::RateLimited, ApiError::Kind::Rejected});
}

TEST_CASE("staff requests: answers for a session that ended are dropped and a 401 signs out and ends it on the server",
          "[requests]") {
    Portal p;
    p.SignIn("first");
    int answered = 0;
    int failed = 0;
    requests::LoadMembers(p.state, [&](api::StaffListResponse) { ++answered; }, [&](ApiError) { ++failed; });
    p.SignIn("second"); // a colleague signed in on this device meanwhile
    p.transport.Answer(200, api::Json(api::StaffListResponse{}).dump());
    CHECK(answered == 0);

    requests::LoadMembers(p.state, [&](api::StaffListResponse) { ++answered; }, [&](ApiError) { ++failed; });
    p.transport.Answer(401, R"({"code":"unauthorized","message":"x"})");
    CHECK(failed == 1);
    CHECK_FALSE(p.state.staff.session.has_value());
    CHECK(p.state.staff.notice_key == "staff.login.expired");
    REQUIRE(p.transport.PendingCount() == 1);
    CHECK(Reached(p.Last()) == &ep::kPostStaffLogout);
    CHECK(HeaderOf(p.Last(), "Authorization") == "Bearer second");
}
