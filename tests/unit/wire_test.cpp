// Wire contract: round trips of every endpoint type, unknown fields ignored, missing/mistyped fields named.
#include "test_support.h"

#include "api/customer_wire.h"
#include "api/error_body.h"
#include "api/staff_wire.h"

using namespace aftercare;
using namespace aftercare::api;
using namespace aftercare::test;

namespace {

// to_json, dump, parse back without exceptions, and compare the JSON (types with no operator==
// are compared through their JSON form).
template <class T> T RoundTrip(const T& value) {
    const std::string body = ToWire(value);
    auto parsed = ParseWire<T>(body);
    INFO(body);
    REQUIRE(parsed.Ok());
    Json again;
    to_json(again, parsed.Value());
    CHECK(DumpJson(again) == body);
    // The throwing nlohmann path agrees.
    const T through_get = Json::parse(body).get<T>();
    Json third;
    to_json(third, through_get);
    CHECK(DumpJson(third) == body);
    return parsed.Value();
}

core::Ticket BusyTicket() {
    const core::UnixSeconds created = At(2024, 6, 3, 9, 0);
    core::Ticket ticket = NewTicket(core::TicketKind::Repair, core::Priority::Serious, created);
    ticket.details.product.purchase_date = core::CivilDate{2023, 1, 2};
    ticket = Apply(ticket, core::Action::Accept, Staff(), created + 60);
    ticket = Apply(ticket, core::Action::Assign, Staff(), created + 120, core::Policy{}, "", "eng07");
    ticket = Apply(ticket, core::Action::Start, Staff("eng07"), created + 600);
    ticket = Apply(ticket, core::Action::RequestInfo, Staff("eng07"), created + 700, core::Policy{}, "请补充照片");
    return ticket;
}

} // namespace

TEST_CASE("core types round-trip", "[wire]") {
    const core::Ticket ticket = BusyTicket();
    CHECK(RoundTrip(ticket) == ticket);
    CHECK(RoundTrip(ticket.details) == ticket.details);
    core::TicketDraft repair = ticket.details;
    repair.repair = core::RepairDetails{core::ServiceMode::OnSite,
                                        core::VisitWindow{{2024, 6, 5}, core::VisitSlot::Afternoon}, "no_power",
                                        "mainboard"};
    CHECK(RoundTrip(repair) == repair);
    CHECK(RoundTrip(core::Rating{5, 4, 3, 2, 1, true, "很好 👍"}) == core::Rating{5, 4, 3, 2, 1, true, "很好 👍"});
    RoundTrip(core::EvaluateSla(ticket, ticket.updated_at + 10, core::Policy{}));
    CHECK(RoundTrip(core::PartReplacement{"mainboard", {2023, 12, 1}, false, "MB-2023-0042"}) ==
          core::PartReplacement{"mainboard", {2023, 12, 1}, false, "MB-2023-0042"});
    RoundTrip(core::AttachmentMeta{"照片.jpg", "image/jpeg", 12345});
}

TEST_CASE("customer endpoint types round-trip", "[wire]") {
    const core::Policy policy;
    const core::Ticket ticket = BusyTicket();
    RoundTrip(CreateTicketRequest{ticket.details});
    TicketView view = MakeTicketView(ticket, core::ActorRole::Customer, ticket.updated_at + 5, policy,
                                     core::Rating{5, 5, 5, 5, 5, true, ""},
                                     {AttachmentInfo{"a1", "p.jpg", "image/jpeg", 100, 5, "/api/v1/a/a1"}});
    view.staff_names = {{"engineer.li", "李工"}};
    CHECK(view.phone_masked == "138****8000");
    CHECK(view.available_actions == std::vector<core::Action>{core::Action::CustomerReply});
    const TicketView back = RoundTrip(view);
    CHECK(back.timeline == view.timeline);
    CHECK(back.sla.evaluated_at == view.sla.evaluated_at);
    CHECK(back.staff_names == view.staff_names);
    RoundTrip(CreateTicketResponse{"R7KX-4M9Q-P2HC", "tok", 99, view, std::nullopt, {"sms", "email"}});
    CHECK(RoundTrip(LookupRequest{"r7kx4m9qp2hc", "8000"}) == LookupRequest{"r7kx4m9qp2hc", "8000"});
    RoundTrip(LookupResponse{"R7KX-4M9Q-P2HC", "tok", 99});
    RoundTrip(EventsResponse{ticket.timeline, ticket.timeline.back().sequence, ticket.state});
    RoundTrip(MessageRequest{"补充说明"});
    RoundTrip(CustomerActionRequest{"还是坏的"});
    RoundTrip(WarrantyLookupRequest{"SN-1234567", "mainboard", core::CivilDate{2023, 1, 2}, 480, 35000, true});
    core::WarrantyQuery query;
    query.coverage_start = {2023, 1, 2};
    query.today = {2024, 6, 3};
    const core::WarrantyDecision decision = core::EvaluateWarranty(query, policy);
    RoundTrip(WarrantyLookupResponse{"SN-1234567", "AC-200", core::CivilDate{2023, 1, 2}, decision,
                                     core::EstimateCharge(decision, {100, false}, policy),
                                     {{"mainboard", {2023, 12, 1}, false, "MB-2023-0042"}}});
    const ReturnsEligibilityRequest returns{core::ReturnReason::DeadOnArrival, core::Remedy::Exchange, 1714530600, -300,
                                            std::nullopt, true, "JD-1234", "8000"};
    CHECK(RoundTrip(returns) == returns);
    CHECK(RoundTrip(OrderLookupRequest{"DD-20261001", "138 0013 8000"}) ==
          OrderLookupRequest{"DD-20261001", "138 0013 8000"});
    const OrderLookupResponse order{"DD-20261001", "138****8000", core::CivilDate{2026, 11, 20}, 1714530600,
                                    {OrderItem{"磁疗仪 MT-5", "MT5-2611-1001"}}};
    CHECK(RoundTrip(order) == order);
    const OrderLookupResponse undelivered{"DD-20261003", "139****5678", std::nullopt, std::nullopt,
                                          {OrderItem{"超声理疗仪 CS-30", ""}}};
    CHECK(RoundTrip(undelivered) == undelivered);
    RoundTrip(core::EvaluateReturn(ToReturnsQuery(returns, 1714530600 + 86400), policy));
    RoundTrip(FaqSearchResponse{"保修", {FaqItem{"faq-1", {"保修多久？", "How long?"}, {"三年", "3 years"}, {"warranty"}, 1.5}}});
}

TEST_CASE("staff endpoint types round-trip", "[wire]") {
    const core::Ticket ticket = BusyTicket();
    RoundTrip(StaffLoginRequest{"desk", "secret"});
    RoundTrip(StaffLoginResponse{"tok", 5, StaffMember{"eng07", "王工", {"engineer"}}});
    QueueFilter filter;
    filter.state = core::TicketState::Assigned;
    filter.kind = core::TicketKind::Repair;
    filter.breached = true;
    filter.sla = "soon";
    filter.assignee = "eng07";
    filter.sort = "priority";
    filter.descending = true;
    filter.offset = 400;
    filter.limit = 20;
    CHECK(RoundTrip(filter) == filter);
    filter.sort = "body";
    CHECK_FALSE(ParseWire<QueueFilter>(ToWire(filter)).Ok());
    RoundTrip(QueueResponse{{MakeQueueItem(ticket, ticket.updated_at, core::Policy{})}, "", 400, 100000, 17});
    CHECK(RoundTrip(ChangesResponse{42}) == ChangesResponse{42});
    WorkRequest fitted;
    fitted.kind = core::WorkKind::PartFitted;
    fitted.note = "已更换";
    fitted.completes = 7;
    fitted.part_serial = "MB-2026-0001";
    CHECK(RoundTrip(fitted) == fitted);
    CHECK(RoundTrip(RevealRequest{"phone", "other", "核对快递面单"}) == RevealRequest{"phone", "other", "核对快递面单"});
    CHECK(IsRevealReason("on_site_visit"));
    CHECK_FALSE(IsRevealReason("curiosity"));
    CHECK_FALSE(ParseWire<RevealRequest>(R"({"field":"description"})").Ok());
    RoundTrip(RevealResponse{"address", "上海市徐汇区示例路 1 号", 9});
    RoundTrip(AuditResponse{{AuditEntry{3, 9, "desk", "reveal_phone", "R7KX-4M9Q-P2HC", ""}}});
    RoundTrip(StaffListResponse{{StaffAccount{"eng07", "王工", {"engineer"}, false, 5, "wang@vendor.example", "+8613800138000"}}});
    RoundTrip(CreateStaffRequest{"eng08", "李工", {"engineer", "supervisor"}, "correct horse"});
    UpdateStaffRequest update;
    update.roles = std::vector<std::string>{"supervisor"};
    update.active = false;
    CHECK(RoundTrip(update) == update);
    RoundTrip(AssignRequest{"eng07", "熟悉该型号"});
    const TransitionRequestWire transition{core::Action::Accept, "ok", "", core::Priority::Urgent, 4, std::nullopt, std::nullopt};
    CHECK(RoundTrip(transition) == transition);
    const core::TransitionRequest request = ToTransitionRequest(transition, Staff("desk"));
    CHECK(request.priority == core::Priority::Urgent);
    CHECK(request.actor.id == "desk");
    StatsResponse stats;
    stats.by_state = {{"submitted", 3}, {"closed", 9}};
    stats.satisfaction = core::ComputeSatisfaction(std::vector<core::Rating>{{5, 5, 5, 5, 5, true, ""}}, core::Policy{});
    stats.sla_compliance["urgent"] = SlaCompliance{4, 1, 0.75};
    stats.first_response_seconds = DurationDistribution{3, 60, 600, 600, {600, 3600}, {2, 1, 0}};
    stats.satisfaction_series = {SatisfactionPoint{86400, 2, 1, 4.5, 4, 3.5, 5, 4}};
    stats.complaints = {ComplaintItem{"R7KX-4M9Q-P2HC", "态度差", core::TicketState::Resolved, 5, 99, true, false, 2,
                                      core::ComplaintCategory::Attitude, "R7KX-4M9Q-P2HD",
                                      core::ComplaintFindings{"未按约上门", "上门前电话确认"}}};
    AssigneeStats engineer{"eng07", 3, 2, 1, 2.0 / 3.0, 1, 0, 5400, {}};
    engineer.satisfaction = stats.satisfaction;
    stats.by_assignee = {engineer};
    RoundTrip(stats);
    stats.first_response_seconds.buckets.pop_back(); // one count per bound plus "longer": anything else is refused
    CHECK_FALSE(ParseWire<StatsResponse>(ToWire(stats)).Ok());
}

TEST_CASE("unknown fields are ignored", "[wire]") {
    auto parsed = ParseWire<LookupRequest>(
        R"({"service_number":"R7KX-4M9Q-P2HC","phone_last4":"8000","client":"kiosk","extra":{"a":[1,2]}})");
    REQUIRE(parsed.Ok());
    CHECK(parsed.Value().phone_last4 == "8000");
}

TEST_CASE("a missing required field is named, with its path", "[wire]") {
    auto missing = ParseWire<LookupRequest>(R"({"service_number":"R7KX-4M9Q-P2HC"})");
    REQUIRE_FALSE(missing.Ok());
    CHECK(missing.GetError().code == "missing_field");
    CHECK(missing.GetError().field == "phone_last4");
    CHECK_THAT(missing.GetError().message.zh, Catch::Contains("phone_last4"));

    auto nested = ParseWire<CreateTicketRequest>(
        R"({"kind":"repair","customer":{"name":"张三"},"subject":"s","description":"d"})");
    REQUIRE_FALSE(nested.Ok());
    CHECK(nested.GetError().field == "customer.phone");

    auto null_value = ParseWire<MessageRequest>(R"({"text":null})");
    REQUIRE_FALSE(null_value.Ok());
    CHECK(null_value.GetError().code == "missing_field");
}

TEST_CASE("a mistyped field is named, with its path", "[wire]") {
    auto wrong = ParseWire<core::Rating>(R"({"quality":"5","speed":5,"attitude":5,"scope":5,"guarantee":5,"solved":true})");
    REQUIRE_FALSE(wrong.Ok());
    CHECK(wrong.GetError().code == "wrong_type");
    CHECK(wrong.GetError().field == "quality");

    auto fractional = ParseWire<core::Rating>(R"({"quality":4.5,"speed":5,"attitude":5,"scope":5,"guarantee":5,"solved":true})");
    CHECK(fractional.GetError().field == "quality");

    auto enum_value = ParseWire<TransitionRequestWire>(R"({"action":"teleport"})");
    REQUIRE_FALSE(enum_value.Ok());
    CHECK(enum_value.GetError().code == "invalid_value");
    CHECK(enum_value.GetError().field == "action");

    auto in_array = ParseWire<EventsResponse>(
        R"({"events":[{"sequence":1,"at":0,"actor":{"role":"customer"},"type":"created","from_state":"submitted","to_state":"submitted"},{"sequence":"2"}],"last_sequence":2})");
    REQUIRE_FALSE(in_array.Ok());
    CHECK(in_array.GetError().field == "events[1].sequence");

    auto date = ParseWire<WarrantyLookupRequest>(R"({"serial":"SN-123456","purchase_date":"2023-02-30"})");
    CHECK(date.GetError().field == "purchase_date");

    auto too_big = ParseWire<MessageRequest>(R"({"text":"x"})");
    CHECK(too_big.Ok());
    auto overflow = ParseWire<LookupResponse>(R"({"service_number":"x","access_token":"t","token_expires_at":1e300})");
    CHECK(overflow.GetError().field == "token_expires_at");
    auto wanted = ParseWire<ReturnsEligibilityRequest>(R"({"reason":"no_reason","wanted":"paid_repair","delivered_at":0})");
    CHECK(wanted.GetError().field == "wanted");
}

TEST_CASE("bodies that are not JSON objects", "[wire]") {
    CHECK(ParseWire<MessageRequest>("{\"text\":").GetError().code == "bad_json");
    CHECK(ParseWire<MessageRequest>("[1,2]").GetError().code == "not_object");
    CHECK(ParseWire<MessageRequest>("").GetError().code == "bad_json");
}

TEST_CASE("from_json throws WireParseException carrying the field", "[wire]") {
    try {
        (void)Json::parse(R"({"service_number":"x"})").get<LookupRequest>();
        FAIL("expected an exception");
    } catch (const WireParseException& exception) {
        CHECK(exception.Error().field == "phone_last4");
    }
}

TEST_CASE("the error shape", "[wire]") {
    const core::Error error = core::MakeError("invalid_phone", "手机号无效", "Invalid phone", "customer.phone");
    const ErrorBody body = MakeErrorBody(error, Language::ZhCn);
    const Json json_value = Json::parse(ToWire(body));
    CHECK(json_value["error"]["code"].get<std::string>() == "invalid_phone");
    CHECK(json_value["error"]["message"].get<std::string>() == "手机号无效");
    CHECK(json_value["error"]["field"].get<std::string>() == "customer.phone");
    CHECK(json_value["error"]["message_en"].get<std::string>() == "Invalid phone");
    CHECK(RoundTrip(body) == body);
    // The status for each code is the server's business: tests/unit/domain_error_test.cpp.

    const ErrorBody many = MakeErrorBody(core::FieldErrors{error, core::MakeError("required", "必填", "Required", "subject")},
                                         Language::En);
    CHECK(many.message == "Invalid phone");
    CHECK(many.details.size() == 2);
    CHECK(RoundTrip(many) == many);
}

TEST_CASE("enum wire names round-trip for every enumerator", "[wire]") {
    for (int value = 0; value <= static_cast<int>(core::Action::Reprioritize); ++value) {
        const auto action = static_cast<core::Action>(value);
        core::Action parsed{};
        REQUIRE(core::FromString(core::ToString(action), parsed));
        CHECK(parsed == action);
        CHECK_FALSE(core::Label(action).zh.empty());
    }
    for (int value = 0; value <= static_cast<int>(core::TicketState::Rejected); ++value) {
        const auto state = static_cast<core::TicketState>(value);
        core::TicketState parsed{};
        REQUIRE(core::FromString(core::ToString(state), parsed));
        CHECK(parsed == state);
    }
    for (int value = 0; value <= static_cast<int>(core::ReturnsRule::OutOfWarranty); ++value) {
        const auto rule = static_cast<core::ReturnsRule>(value);
        core::ReturnsRule parsed{};
        REQUIRE(core::FromString(core::ToString(rule), parsed));
        CHECK(parsed == rule);
    }
    for (int value = 0; value <= static_cast<int>(core::DeadlineStatus::Stopped); ++value) {
        const auto status = static_cast<core::DeadlineStatus>(value);
        core::DeadlineStatus parsed{};
        REQUIRE(core::FromString(core::ToString(status), parsed));
        CHECK(parsed == status);
    }
    for (int value = 0; value <= static_cast<int>(core::ServiceMode::MailIn); ++value) {
        const auto mode = static_cast<core::ServiceMode>(value);
        core::ServiceMode parsed{};
        REQUIRE(core::FromString(core::ToString(mode), parsed));
        CHECK(parsed == mode);
        CHECK_FALSE(core::Label(mode).en.empty());
    }
    for (int value = 0; value <= static_cast<int>(core::VisitSlot::Evening); ++value) {
        const auto slot = static_cast<core::VisitSlot>(value);
        core::VisitSlot parsed{};
        REQUIRE(core::FromString(core::ToString(slot), parsed));
        CHECK(parsed == slot);
    }
    for (int value = 0; value <= static_cast<int>(core::WorkKind::ServiceReport); ++value) {
        const auto kind = static_cast<core::WorkKind>(value);
        core::WorkKind parsed{};
        REQUIRE(core::FromString(core::ToString(kind), parsed));
        CHECK(parsed == kind);
        CHECK_FALSE(core::Label(kind).en.empty());
    }
    for (int value = 0; value <= static_cast<int>(core::EventType::Work); ++value) {
        const auto type = static_cast<core::EventType>(value);
        core::EventType parsed{};
        REQUIRE(core::FromString(core::ToString(type), parsed));
        CHECK(parsed == type);
        CHECK_FALSE(core::Label(type).zh.empty());
    }
    core::TicketKind kind{};
    CHECK_FALSE(core::FromString("Repair", kind)); // wire names are exact
}

TEST_CASE("channel: round-trips, and a ticket stored before channels existed reads as web", "[wire][channel]") {
    core::Ticket ticket = BusyTicket();
    ticket.details.channel = core::Channel::WalkIn;
    CHECK(RoundTrip(ticket).details.channel == core::Channel::WalkIn);

    Json legacy;
    to_json(legacy, BusyTicket());
    legacy["details"].erase("channel");
    auto parsed = api::FromJson<core::Ticket>(legacy);
    REQUIRE(parsed.Ok());
    CHECK(parsed.Value().details.channel == core::Channel::Web);

    // The created event names whoever registered the ticket.
    const core::Ticket taken = core::CreateTicket(ticket.details, "R7KX-4M9Q-P2HC", 1717376400,
                                                  core::Actor{core::ActorRole::Staff, "desk.wang"});
    REQUIRE(taken.timeline.size() == 1);
    CHECK(taken.timeline[0].actor.role == core::ActorRole::Staff);
    CHECK(taken.timeline[0].actor.id == "desk.wang");
    CHECK(core::CreateTicket(ticket.details, "R7KX-4M9Q-P2HC", 1717376400).timeline[0].actor.role ==
          core::ActorRole::Customer);
}
