// "Notify me by" (#17): the forms offer only the channels the server has, send the UI language and
// the customer's choice, keep it in the draft, and the submitted page promises only what the
// server said it will send.
#include "portal_test_host.h"

#include "app.h"
#include "net/vendor_policy.h"
#include "screens/notify_choice.h"
#include "screens/repair_draft.h"

#include "api/policy_json.h"

#include <catch2/catch.hpp>

using namespace aftercare;
using namespace aftercare::portal;
using namespace aftercare::test;

namespace {

struct Portal {
    HeldTransport transport;
    AppState state{transport};
};

core::TicketDraft Draft(std::string email) {
    core::TicketDraft draft;
    draft.customer = {"周敏", "13911112222", std::move(email)};
    return draft;
}

}  // namespace

TEST_CASE("notify choice: the policy's answer says which channels the portal may offer", "[notify]") {
    Portal p;
    CHECK_FALSE(p.state.channels.sms);  // nothing is promised before the server has said
    CHECK_FALSE(p.state.channels.email);
    EnsureVendorPolicy(p.state);
    api::PortalPolicy answer;
    answer.channels.email = true;
    p.transport.Answer(200, api::ToWire(answer));
    CHECK(p.state.channels.email);
    CHECK_FALSE(p.state.channels.sms);
}

TEST_CASE("notify choice: nothing offered leaves notify_by to the server, the language is the UI's", "[notify]") {
    Portal p;
    p.state.language = Language::En;
    core::TicketDraft draft = Draft("a@example.com");
    ApplyNotifyChoice(p.state, NotifyChoice{.by_sms = false, .by_email = false}, draft);
    CHECK(draft.language == "en");
    CHECK_FALSE(draft.notify_by.has_value());
    CHECK(NotifySummary(p.state, NotifyChoice{}, "a@example.com").empty());
}

TEST_CASE("notify choice: what the customer unticks is left out, what they were not offered keeps its default",
          "[notify]") {
    Portal p;
    p.state.channels.email = true;
    SECTION("e-mail unticked: the phone keeps its default (SMS was not offered here)") {
        core::TicketDraft draft = Draft("a@example.com");
        ApplyNotifyChoice(p.state, NotifyChoice{.by_sms = true, .by_email = false}, draft);
        CHECK(draft.language == "zh-CN");
        REQUIRE(draft.notify_by.has_value());
        CHECK(*draft.notify_by == std::vector<std::string>{"sms"});
    }
    SECTION("no address: e-mail is not offered, so nothing is chosen") {
        core::TicketDraft draft = Draft("  ");
        ApplyNotifyChoice(p.state, NotifyChoice{}, draft);
        CHECK_FALSE(draft.notify_by.has_value());
    }
    SECTION("SMS here and unticked, no address: no messages at all, said in the review") {
        p.state.channels.sms = true;
        core::TicketDraft draft = Draft("");
        ApplyNotifyChoice(p.state, NotifyChoice{.by_sms = false, .by_email = true}, draft);
        REQUIRE(draft.notify_by.has_value());
        CHECK(draft.notify_by->empty());
        CHECK(NotifySummary(p.state, NotifyChoice{.by_sms = false, .by_email = true}, "") == "不通知");
        CHECK(NotifySummary(p.state, NotifyChoice{}, "a@example.com") == "短信、电子邮件");
    }
}

TEST_CASE("notify choice: the submitted page promises exactly the channels the server will use", "[notify]") {
    Portal p;
    api::CreateTicketResponse created;
    CHECK(NotifyPromise(p.state, created).empty());
    created.notify_channels = {"email"};
    CHECK(NotifyPromise(p.state, created) == "服务编号也会发到您的邮箱；处理有进展时，我们会发邮件告诉您。");
    created.notify_channels = {"sms", "email"};
    p.state.language = Language::En;
    CHECK(NotifyPromise(p.state, created).find("text message and e-mail") != std::string::npos);
}

TEST_CASE("notify choice: the repair draft keeps it over a reload, an older draft gets the defaults", "[notify][drafts]") {
    RepairDraft draft;
    draft.email = "a@example.com";
    draft.notify.by_sms = false;
    CHECK(LoadDraft(SaveDraft(draft)) == draft);
    const RepairDraft older = LoadDraft(R"({"name":"周敏","phone":"13911112222"})");
    CHECK(older.notify == NotifyChoice{});
    api::Json json{{"notify_sms", false}, {"notify_email", "yes"}};  // a mistyped value keeps the default
    NotifyChoice read;
    ReadNotifyChoice(json, read);
    CHECK_FALSE(read.by_sms);
    CHECK(read.by_email);
}
