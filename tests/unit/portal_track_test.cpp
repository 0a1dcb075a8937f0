// The portal's track page logic that needs no screen: times and durations in words, and the ticket
// rebuilt from the wire view agreeing with the server on the SLA (the client's live countdown).
#include "test_support.h"

#include "api/customer_wire.h"
#include "screens/ticket_sla.h"
#include "time_format.h"

using namespace aftercare;
using namespace aftercare::portal;
using namespace aftercare::test;

TEST_CASE("local times read relative to today, in the customer's zone", "[portal]") {
    const StringTable strings = StringTable::LoadEmbedded();
    const core::UnixSeconds now = At(2026, 11, 27, 14, 0);
    CHECK(FormatLocalTime(strings, Language::ZhCN, At(2026, 11, 27, 15, 30), now, 480) == "15:30");
    CHECK(FormatLocalTime(strings, Language::ZhCN, At(2026, 11, 28, 9, 5), now, 480) == "明天 09:05");
    CHECK(FormatLocalTime(strings, Language::En, At(2026, 11, 26, 23, 59), now, 480) == "yesterday 23:59");
    CHECK(FormatLocalTime(strings, Language::ZhCN, At(2026, 10, 1, 8, 0), now, 480) == "10月1日 08:00");
    CHECK(FormatLocalTime(strings, Language::En, At(2026, 10, 1, 8, 0), now, 480) == "Oct 1, 08:00");
    CHECK(FormatLocalTime(strings, Language::En, At(2025, 12, 31, 8, 0), now, 480) == "Dec 31, 2025, 08:00");
    // The same instant seen from London (UTC+0) is the day before, at 22:00.
    CHECK(FormatLocalTime(strings, Language::En, At(2026, 11, 28, 6, 0), now, 0) == "22:00");
}

TEST_CASE("countdowns show what moves: seconds under an hour, days beyond one", "[portal]") {
    const StringTable strings = StringTable::LoadEmbedded();
    CHECK(FormatCountdown(strings, Language::ZhCN, 45) == "45 秒");
    CHECK(FormatCountdown(strings, Language::ZhCN, 12 * 60 + 5) == "12 分 05 秒");
    CHECK(FormatCountdown(strings, Language::ZhCN, 3600 + 12 * 60 + 59) == "1 小时 12 分");
    CHECK(FormatCountdown(strings, Language::En, -(2 * 86400 + 3 * 3600)) == "2 d 3 h");
    CHECK(FormatWait(strings, Language::ZhCN, 30) == "30 秒");
    CHECK(FormatWait(strings, Language::En, 61) == "2 minutes");  // rounded up: never too short
    CHECK(FormatWait(strings, Language::En, 60) == "1 minute");
    CHECK(FormatWait(strings, Language::ZhCN, 720) == "12 分钟");
    CHECK(FormatWait(strings, Language::ZhCN, 3 * 3600 + 1) == "4 小时");
}

TEST_CASE("the ticket rebuilt from its view gives core the server's SLA", "[portal]") {
    const core::Policy policy;
    const core::UnixSeconds created = At(2026, 11, 27, 9, 0);
    core::Ticket ticket = NewTicket(core::TicketKind::Repair, core::Priority::Serious, created);
    ticket = Apply(ticket, core::Action::Accept, Staff(), created + 300);
    ticket = Apply(ticket, core::Action::RequestInfo, Staff(), created + 600, policy, "请补充照片");
    ticket = Apply(ticket, core::Action::CustomerReply, Customer(), created + 4000);
    for (const core::UnixSeconds later : {created + 4100, created + 20000}) {
        const api::TicketView view = api::MakeTicketView(ticket, core::ActorRole::Customer, later, policy);
        const core::SlaStatus server = view.sla.status;
        const core::SlaStatus client = core::EvaluateSla(TicketFromView(view), later, policy);
        REQUIRE(client.deadlines.size() == server.deadlines.size());
        for (size_t i = 0; i < server.deadlines.size(); ++i) {
            CHECK(client.deadlines[i].status == server.deadlines[i].status);
            CHECK(client.deadlines[i].due_at == server.deadlines[i].due_at);
            CHECK(client.deadlines[i].remaining_seconds == server.deadlines[i].remaining_seconds);
        }
        CHECK(client.paused_seconds == server.paused_seconds);
        CHECK(client.escalation_due == server.escalation_due);
    }
}
