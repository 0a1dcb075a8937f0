// The portal's track page logic that needs no screen: times and durations in words, the server's
// SLA aged on the device agreeing with core's later evaluation (the client's live countdown),
// timeline pages joining without gaps, and the access tokens kept on the device.
#include "portal_test_host.h"
#include "test_support.h"

#include "api/customer_wire.h"
#include "screens/ticket_sla.h"
#include "screens/ticket_tokens.h"
#include "screens/timeline_pages.h"
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

TEST_CASE("durations: tables count a clock and spans drop the parts that are zero", "[portal]") {
    const StringTable strings = StringTable::LoadEmbedded();
    CHECK(FormatCountdownClock(Language::ZhCN, 3909) == "1:05:09");
    CHECK(FormatCountdownClock(Language::En, -192) == "-0:03:12");
    CHECK(FormatCountdownClock(Language::ZhCN, 2 * 86400 + 3 * 3600 + 5 * 60) == "2天 03:05");
    CHECK(FormatCountdownClock(Language::En, 2 * 86400 + 3 * 3600 + 5 * 60) == "2d 03:05");
    CHECK(FormatSpan(strings, Language::ZhCN, 45) == "45 秒");
    CHECK(FormatSpan(strings, Language::En, 12 * 60 + 59) == "12 min");
    CHECK(FormatSpan(strings, Language::ZhCN, 2 * 3600) == "2 小时");
    CHECK(FormatSpan(strings, Language::En, 2 * 3600 + 5 * 60) == "2 h 5 min");
    CHECK(FormatSpan(strings, Language::ZhCN, 3 * 86400 + 4 * 3600) == "3 天 4 小时");
    CHECK(FormatSpan(strings, Language::En, 3 * 86400 + 1800) == "3 d");
    CHECK(FormatDuration(strings, Language::ZhCN, 90) == "1 小时 30 分钟");
    CHECK(FormatDuration(strings, Language::En, 60) == "1 hour");
    CHECK(FormatDuration(strings, Language::En, 240) == "4 hours");
    CHECK(FormatDuration(strings, Language::En, 1) == "1 minute");
}

TEST_CASE("the server's SLA aged on the device is what core says later", "[portal]") {
    const core::Policy policy;
    const core::UnixSeconds created = At(2026, 11, 27, 9, 0);
    core::Ticket ticket = NewTicket(core::TicketKind::Repair, core::Priority::Serious, created);
    ticket = Apply(ticket, core::Action::Accept, Staff(), created + 300);
    ticket = Apply(ticket, core::Action::RequestInfo, Staff(), created + 600, policy, "请补充照片");
    ticket = Apply(ticket, core::Action::CustomerReply, Customer(), created + 4000);
    const api::TicketView view = api::MakeTicketView(ticket, core::ActorRole::Customer, created + 4100, policy);
    // Minutes later, and hours later when a clock has gone overdue meanwhile.
    for (const core::UnixSeconds later : {created + 4160, created + 30000}) {
        const core::SlaStatus core_says = core::EvaluateSla(ticket, later, policy);
        const core::SlaStatus device = CurrentSla(view, static_cast<double>(later));
        REQUIRE(device.deadlines.size() == core_says.deadlines.size());
        CHECK(device.breached == core_says.breached);
        for (size_t i = 0; i < core_says.deadlines.size(); ++i) {
            CHECK(device.deadlines[i].status == core_says.deadlines[i].status);
            CHECK(device.deadlines[i].due_at == core_says.deadlines[i].due_at);
            CHECK(device.deadlines[i].remaining_seconds == core_says.deadlines[i].remaining_seconds);
        }
    }
    CHECK(view.open_question == "请补充照片");
}

TEST_CASE("paged-in history stays in front of a fresh view only when it joins it", "[portal]") {
    const core::Policy policy;
    const core::UnixSeconds created = At(2026, 11, 27, 9, 0);
    core::Ticket ticket = NewTicket(core::TicketKind::Repair, core::Priority::General, created);
    for (int i = 0; i < api::kTimelinePage + 10; ++i) {
        ticket = core::AddMessage(ticket, Staff(), "进度 " + std::to_string(i), created + 60 + i).Value().ticket;
    }
    api::TicketView view = api::MakeTicketView(ticket, core::ActorRole::Customer, created + 4000, policy);
    REQUIRE(view.timeline.size() == static_cast<size_t>(api::kTimelinePage));
    REQUIRE(view.timeline_has_earlier);
    CHECK(view.timeline_total == api::kTimelinePage + 11);

    const int before = view.timeline.front().sequence;
    CHECK(view.timeline_earlier == 11);
    PrependEarlier(view, before, api::EventsBefore(ticket, before, api::kTimelinePage, core::ActorRole::Customer));
    CHECK(view.timeline_earlier == 0);
    CHECK(view.timeline.front().sequence == 1);
    CHECK_FALSE(view.timeline_has_earlier);

    // One more event: the fresh view's page starts one later and the held history joins it.
    ticket = core::AddMessage(ticket, Staff(), "新消息", created + 5000).Value().ticket;
    api::TicketView fresh = api::MakeTicketView(ticket, core::ActorRole::Customer, created + 5001, policy);
    KeepPagedHistory(&view, fresh);
    REQUIRE(fresh.timeline.size() == ticket.timeline.size());
    CHECK(fresh.timeline.front().sequence == 1);
    CHECK_FALSE(fresh.timeline_has_earlier);

    // A page that does not reach the oldest event held is not glued on with a hole.
    api::TicketView gap = api::MakeTicketView(ticket, core::ActorRole::Customer, created + 5001, policy);
    PrependEarlier(gap, 3, api::EventsBefore(ticket, 3, 2, core::ActorRole::Customer));
    CHECK(gap.timeline.front().sequence == ticket.timeline.back().sequence - api::kTimelinePage + 1);
    CHECK(gap.timeline_has_earlier);
}

TEST_CASE("a kept token is read back without what was glued to it", "[portal]") {
    TestHost host;
    const std::string compact = "R7KX4M9QP2HC";
    const std::string token = "Qx3_k-9ZaB";
    // As builds before LinkToken kept a link whose token had text glued to it.
    SaveTicketToken(host, compact, "R7KX-4M9Q-P2HC", token + "请查收", 0);
    CHECK(LoadTicketToken(host, compact, host.now) == token);
    SaveTicketToken(host, compact, "R7KX-4M9Q-P2HC", token + "\r\nX-Injected: 1", 0);
    CHECK(LoadTicketToken(host, compact, host.now) == token);
    SaveTicketToken(host, compact, "R7KX-4M9Q-P2HC", "请查收", 0);
    CHECK_FALSE(LoadTicketToken(host, compact, host.now).has_value());
    SaveTicketToken(host, compact, "R7KX-4M9Q-P2HC", token, 0);
    CHECK(LoadTicketToken(host, compact, host.now) == token);
}
