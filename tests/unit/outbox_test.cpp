// The kiosk outbox: a submission without an answer is kept and sent again with the same
// idempotency key (so the server makes one ticket however often it arrives); a considered "no"
// stops it; a reset forgets only what is finished.
#include "net/outbox.h"

#include "portal_test_host.h"

#include "api/customer_wire.h"
#include "core/sla.h"

#include <catch2/catch.hpp>

using namespace aftercare;
using namespace aftercare::portal;
using aftercare::test::HeldTransport;
using aftercare::test::TestHost;

namespace {

std::string CreatedBody(const std::string& service_number) {
    api::CreateTicketResponse response;
    response.service_number = service_number;
    response.access_token = "token";
    response.ticket.service_number = service_number;
    for (std::size_t clock = 0; clock < core::kSlaClockCount; ++clock) {
        core::Deadline deadline;
        deadline.clock = static_cast<core::SlaClock>(clock);
        response.ticket.sla.status.deadlines.push_back(deadline);
    }
    return api::Json(response).dump();
}

api::CreateTicketRequest SampleRequest() {
    api::CreateTicketRequest request;
    request.ticket.subject = "空调不制冷";
    return request;
}

struct Kiosk {
    HeldTransport transport;
    ApiClient api{transport};
    TestHost host;
    Outbox outbox;
};

} // namespace

TEST_CASE("outbox: a submission that got no answer is sent again with the same key", "[outbox]") {
    Kiosk kiosk;
    const auto id = kiosk.outbox.Submit(kiosk.api, kiosk.host, SampleRequest(), "key-1");
    REQUIRE(kiosk.transport.PendingCount() == 1);
    CHECK(kiosk.transport.Request(0).method == "POST");
    CHECK(kiosk.outbox.WaitingCount() == 1);

    kiosk.transport.Answer(0);  // the line is down
    const OutboxItem* item = kiosk.outbox.Find(id);
    REQUIRE(item != nullptr);
    CHECK(item->state == OutboxItem::State::Waiting);
    CHECK(item->next_attempt_at == kiosk.host.now + OutboxRetryDelay(1));
    CHECK(kiosk.host.redraw_requests.back() == OutboxRetryDelay(1));

    // Not yet due: nothing is sent, a frame is asked for when it is.
    kiosk.host.now += 1;
    kiosk.outbox.Tick(kiosk.api, kiosk.host);
    CHECK(kiosk.transport.PendingCount() == 0);

    kiosk.host.now += 1;
    kiosk.outbox.Tick(kiosk.api, kiosk.host);
    REQUIRE(kiosk.transport.PendingCount() == 1);
    const auto& headers = kiosk.transport.Request(0).headers;
    CHECK(std::find(headers.begin(), headers.end(), std::pair<std::string, std::string>{"Idempotency-Key", "key-1"}) !=
          headers.end());

    kiosk.transport.Answer(201, CreatedBody("R7KX-4M9Q-P2HC"));
    item = kiosk.outbox.Find(id);
    CHECK(item->state == OutboxItem::State::Sent);
    REQUIRE(item->response.has_value());
    CHECK(item->response->service_number == "R7KX-4M9Q-P2HC");
    CHECK(item->attempts == 2);
    CHECK(item->request.ticket.subject.empty());  // nothing personal is kept once it is sent
    CHECK(kiosk.outbox.WaitingCount() == 0);
}

TEST_CASE("outbox: the retry delay grows, then holds at 15 s", "[outbox]") {
    CHECK(OutboxRetryDelay(1) == 2.0);
    CHECK(OutboxRetryDelay(2) == 4.0);
    CHECK(OutboxRetryDelay(3) == 8.0);
    CHECK(OutboxRetryDelay(4) == 15.0);
    CHECK(OutboxRetryDelay(40) == 15.0);
}

TEST_CASE("outbox: a rate limit waits as long as the server asks", "[outbox]") {
    Kiosk kiosk;
    const auto id = kiosk.outbox.Submit(kiosk.api, kiosk.host, SampleRequest(), "key-2");
    kiosk.transport.Answer(429, R"({"error":{"code":"rate_limited","message":"稍后再试"}})", 60);
    const OutboxItem* item = kiosk.outbox.Find(id);
    CHECK(item->state == OutboxItem::State::Waiting);
    CHECK(item->next_attempt_at == kiosk.host.now + 60);
}

TEST_CASE("outbox: a refusal stops retrying and keeps the server's reason", "[outbox]") {
    Kiosk kiosk;
    const auto id = kiosk.outbox.Submit(kiosk.api, kiosk.host, SampleRequest(), "key-3");
    kiosk.transport.Answer(422, R"({"error":{"code":"invalid","message":"手机号无效","field":"customer.phone"}})");
    const OutboxItem* item = kiosk.outbox.Find(id);
    CHECK(item->state == OutboxItem::State::Refused);
    REQUIRE(item->error.has_value());
    CHECK(item->error->kind == ApiError::Kind::Rejected);
    CHECK(item->error->field == "customer.phone");
    kiosk.host.now += 3600;
    kiosk.outbox.Tick(kiosk.api, kiosk.host);
    CHECK(kiosk.transport.PendingCount() == 0);
    CHECK(kiosk.outbox.WaitingCount() == 0);
}

TEST_CASE("outbox: the network coming back sends what waits at once", "[outbox]") {
    Kiosk kiosk;
    kiosk.outbox.Submit(kiosk.api, kiosk.host, SampleRequest(), "key-4");
    kiosk.transport.Answer(503);
    kiosk.outbox.OnOnline();
    kiosk.outbox.Tick(kiosk.api, kiosk.host);
    CHECK(kiosk.transport.PendingCount() == 1);
}

TEST_CASE("outbox: a reset resends abandoned requests and forgets finished ones", "[outbox]") {
    Kiosk kiosk;
    const auto sent = kiosk.outbox.Submit(kiosk.api, kiosk.host, SampleRequest(), "key-5");
    kiosk.transport.Answer(201, CreatedBody("R7KX-4M9Q-P2HC"));
    const auto in_flight = kiosk.outbox.Submit(kiosk.api, kiosk.host, SampleRequest(), "key-6");

    // The kiosk resets: the transport forgets the request in flight, the outbox keeps the submission.
    kiosk.transport.AbandonPending();
    kiosk.outbox.OnRequestsAbandoned();
    kiosk.outbox.ForgetFinished();
    CHECK(kiosk.outbox.Find(sent) == nullptr);
    REQUIRE(kiosk.outbox.Find(in_flight) != nullptr);
    CHECK(kiosk.outbox.Find(in_flight)->state == OutboxItem::State::Waiting);

    kiosk.outbox.Tick(kiosk.api, kiosk.host);
    REQUIRE(kiosk.transport.PendingCount() == 1);
    kiosk.transport.Answer(201, CreatedBody("R7KX-4M9Q-P2HD"));
    CHECK(kiosk.outbox.Find(in_flight)->state == OutboxItem::State::Sent);
}
