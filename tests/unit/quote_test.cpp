// Charges, quotes and the service report (core/quote.h, core/service_report.h, core::ChargeFor):
// the standard's cost-only default, customer-caused damage, money in fen with checked arithmetic,
// the customer's acceptance before paid work, and the report a repair needs before Resolve.
#include "test_support.h"

#include "core/quote.h"
#include "core/service_report.h"
#include "core/warranty.h"
#include "core/work_log.h"

using namespace aftercare::test;

namespace {

const UnixSeconds kCreated = At(2026, 6, 3, 9, 0);

WarrantyQuery BoughtOn(CivilDate purchase) { return WarrantyQuery{purchase, {2026, 6, 3}, {}, {}, false}; }
const WarrantyQuery kInWarranty = BoughtOn({2025, 1, 10});
const WarrantyQuery kExpired = BoughtOn({2020, 1, 10});

PartUsed Board(int quantity = 1, Fen unit = 15000) {
    return PartUsed{"MB-2040", "主板", "", true, quantity, unit};
}

Ticket Working(ServiceMode mode = ServiceMode::DropOff) {
    TicketDraft draft = SampleDraft(TicketKind::Repair);
    draft.repair = RepairDetails{mode, std::nullopt, "no_power", ""};
    Ticket ticket = CreateTicket(draft, "R7KX-4M9Q-P2HC", kCreated);
    ticket = Apply(ticket, Action::Accept, Staff("desk"), kCreated + 60);
    ticket = Apply(ticket, Action::Assign, Staff("desk"), kCreated + 120, Policy{}, "", "eng01");
    return Apply(ticket, Action::Start, Staff(), kCreated + 180);
}

ServiceReport Report(std::vector<PartUsed> parts, FaultCause cause = FaultCause::ProductDefect) {
    return ServiceReport{"主板电容鼓包", cause, "更换主板，试机正常", std::move(parts), 45, RepairOutcome::Repaired, {}};
}

Result<Applied> Quoted(const Ticket& ticket, std::vector<PartUsed> parts, std::optional<WarrantyQuery> warranty,
                      bool customer_caused = false, const Policy& policy = Policy{}) {
    WorkEntry entry;
    entry.kind = WorkKind::Quote;
    entry.quote = aftercare::core::Quote{std::move(parts), customer_caused, {}};
    entry.warranty = warranty;
    return RecordWork(ticket, Staff(), entry, kCreated + 600, policy);
}

Result<Applied> Reported(const Ticket& ticket, ServiceReport report, std::optional<WarrantyQuery> warranty,
                         const Policy& policy = Policy{}) {
    WorkEntry entry;
    entry.kind = WorkKind::ServiceReport;
    entry.report = std::move(report);
    entry.warranty = warranty;
    return RecordWork(ticket, Staff(), entry, kCreated + 900, policy);
}

Ticket Answered(const Ticket& ticket, bool accept) {
    auto answered = AnswerQuote(ticket, accept, kCreated + 700);
    REQUIRE(answered.Ok());
    return answered.Value().ticket;
}

} // namespace

TEST_CASE("charges: free in warranty, parts at cost only out of warranty by default", "[quote][money]") {
    const Policy policy;
    const std::vector<PartUsed> parts{Board(2), PartUsed{"FAN-7", "风扇", "", false, 1, 2550}};

    auto free = ChargeFor(kInWarranty, parts, true, false, policy);
    REQUIRE(free.Ok());
    CHECK(free.Value().free);
    CHECK(free.Value().total_fen == 0);

    auto paid = ChargeFor(kExpired, parts, true, false, policy);
    REQUIRE(paid.Ok());
    CHECK(paid.Value().parts_fen == 2 * 15000 + 2550);
    CHECK(paid.Value().labour_fen == 0);   // §13.4: 免收服务及人工费用
    CHECK(paid.Value().on_site_fen == 0);
    CHECK(paid.Value().total_fen == 32550);
    CHECK(paid.Value().basis.zh.find("只收成本费") != std::string::npos);

    Policy charges_labour;
    charges_labour.warranty.out_of_warranty_labour_free = false;
    auto with_labour = ChargeFor(kExpired, parts, true, false, charges_labour);
    REQUIRE(with_labour.Ok());
    CHECK(with_labour.Value().total_fen == 32550 + charges_labour.warranty.labour_fee_fen +
                                               charges_labour.warranty.on_site_fee_fen);
    auto in_shop = ChargeFor(kExpired, parts, false, false, charges_labour);
    CHECK(in_shop.Value().on_site_fen == 0);
}

TEST_CASE("charges: customer-caused damage is paid even in warranty, unknown coverage is not assumed free",
          "[quote][money]") {
    const Policy policy;
    auto caused = ChargeFor(kInWarranty, {Board()}, false, true, policy);
    REQUIRE(caused.Ok());
    CHECK_FALSE(caused.Value().free);
    CHECK(caused.Value().total_fen == 15000);
    CHECK(caused.Value().basis.zh.find("人为损坏") != std::string::npos);

    auto unknown = ChargeFor(std::nullopt, {Board()}, false, false, policy);
    REQUIRE(unknown.Ok());
    CHECK(unknown.Value().total_fen == 15000);
    CHECK(unknown.Value().basis.en.find("No purchase date") != std::string::npos);

    // Nothing used, nothing charged, covered or not.
    CHECK(ChargeFor(kExpired, {}, false, false, policy).Value().total_fen == 0);
}

TEST_CASE("charges: quantities times costs are checked, never wrap or pass the ceiling", "[quote][money]") {
    const Policy policy;
    CHECK(PartsCostFen({Board(kMaxPartQuantity, kMaxAmountFen)}).GetError().code == "out_of_range");
    CHECK(PartsCostFen({Board(1, kMaxAmountFen), Board(1, 1)}).GetError().code == "out_of_range");
    CHECK(PartsCostFen({Board(1, kMaxAmountFen)}).Value() == kMaxAmountFen);
    PartUsed wraps = Board(2, std::numeric_limits<Fen>::max());
    CHECK(PartsCostFen({wraps}).GetError().code == "out_of_range");
    CHECK(ChargeFor(kExpired, {wraps}, false, false, policy).GetError().code == "out_of_range");
}

TEST_CASE("parts and report fields: every problem named by its field", "[quote]") {
    std::vector<PartUsed> parts{PartUsed{"", "主板", "", true, 0, -1}, PartUsed{"MB-1", "", "sn 1", true, 1, 100},
                                PartUsed{"MB-2", "", "ab-123456", true, 1, 100}};
    const FieldErrors errors = ValidatePartsUsed(parts);
    std::vector<std::string> fields;
    for (const Error& error : errors) fields.push_back(error.field);
    CHECK(fields == std::vector<std::string>{"parts.0.part_number", "parts.0.quantity", "parts.0.unit_cost_fen",
                                             "parts.1.new_serial"});
    CHECK(parts[2].new_serial == "AB-123456"); // normalised in place

    std::vector<PartUsed> too_many(kMaxPartsUsed + 1, Board());
    CHECK(ValidatePartsUsed(too_many).front().code == "too_many");

    ServiceReport report = Report({});
    report.diagnosis = " ";
    report.actions.clear();
    report.labour_minutes = -5;
    fields.clear();
    for (const Error& error : ValidateServiceReport(report)) fields.push_back(error.field);
    CHECK(fields == std::vector<std::string>{"diagnosis", "actions", "labour_minutes"});
}

TEST_CASE("a repair is resolved only with its service report, and a reopened one needs a new one", "[quote]") {
    const Ticket working = Working();
    TransitionRequest resolve;
    resolve.action = Action::Resolve;
    resolve.actor = Staff();
    resolve.note = "已修复";
    CHECK(Transition(working, resolve, kCreated + 1000, Policy{}).GetError().code == "report_required");

    auto reported = Reported(working, Report({}), kInWarranty);
    REQUIRE(reported.Ok());
    const TimelineEvent* report = CurrentServiceReport(reported.Value().ticket);
    REQUIRE(report);
    CHECK(report->work->report->charges.free);
    CHECK(report->work->report->labour_minutes == 45);
    auto resolved = Transition(reported.Value().ticket, resolve, kCreated + 1000, Policy{});
    REQUIRE(resolved.Ok());

    Ticket reopened = Apply(resolved.Value().ticket, Action::Reopen, Customer(), kCreated + 2000);
    reopened = Apply(reopened, Action::Start, Staff(), kCreated + 2100);
    CHECK_FALSE(CurrentServiceReport(reopened));
    CHECK(Transition(reopened, resolve, kCreated + 3000, Policy{}).GetError().code == "report_required");

    // Consultations and complaints are answered, not repaired: no report.
    Ticket consultation = NewTicket(TicketKind::Consultation, Priority::General, kCreated);
    consultation = Apply(consultation, Action::Accept, Staff("desk"), kCreated + 60);
    CHECK(Transition(consultation, resolve, kCreated + 100, Policy{}).Ok());
}

TEST_CASE("paid work needs the customer's accepted quote that covers it", "[quote]") {
    const Ticket working = Working();
    CHECK(Quoted(working, {Board()}, kInWarranty).GetError().code == "not_needed");
    CHECK(Reported(working, Report({Board()}), kExpired).GetError().code == "quote_required");

    auto quoted = Quoted(working, {Board(2)}, kExpired);
    REQUIRE(quoted.Ok());
    const QuoteStatus pending = LatestQuote(quoted.Value().ticket);
    REQUIRE(pending.Pending());
    CHECK(pending.quote->work->quote->charges.total_fen == 30000);
    CHECK(Reported(quoted.Value().ticket, Report({Board()}), kExpired).GetError().code == "quote_required");

    // Only the customer answers, once.
    WorkEntry staff_accepts;
    staff_accepts.kind = WorkKind::QuoteAccepted;
    CHECK(RecordWork(quoted.Value().ticket, Staff(), staff_accepts, kCreated + 650, Policy{}).GetError().code ==
          "forbidden_actor");
    const Ticket accepted = Answered(quoted.Value().ticket, true);
    CHECK(LatestQuote(accepted).Accepted());
    CHECK(LatestQuote(accepted).answer->actor.role == ActorRole::Customer);
    CHECK(AnswerQuote(accepted, false, kCreated + 800).GetError().code == "already_done");

    // Within the accepted total; more needs a new quote.
    CHECK(Reported(accepted, Report({Board(3)}), kExpired).GetError().code == "quote_required");
    auto reported = Reported(accepted, Report({Board(2)}), kExpired);
    REQUIRE(reported.Ok());
    CHECK(CurrentServiceReport(reported.Value().ticket)->work->report->charges.total_fen == 30000);

    // A new quote replaces the accepted one until it is answered.
    auto requoted = Quoted(accepted, {Board(3)}, kExpired);
    REQUIRE(requoted.Ok());
    CHECK(LatestQuote(requoted.Value().ticket).Pending());
    CHECK(Reported(requoted.Value().ticket, Report({Board(2)}), kExpired).GetError().code == "quote_required");
}

TEST_CASE("a declined quote: the inspection is reported free, paid parts are refused", "[quote]") {
    const Ticket working = Working();
    CHECK(AnswerQuote(working, true, kCreated + 300).GetError().code == "not_found");
    auto quoted = Quoted(working, {Board()}, kInWarranty, /*customer_caused=*/true);
    REQUIRE(quoted.Ok());
    const Ticket declined = Answered(quoted.Value().ticket, false);
    CHECK(LatestQuote(declined).Declined());

    CHECK(Reported(declined, Report({Board()}, FaultCause::CustomerCaused), kInWarranty).GetError().code ==
          "quote_required");
    Policy charges_labour;
    charges_labour.warranty.out_of_warranty_labour_free = false;
    ServiceReport inspection = Report({}, FaultCause::CustomerCaused);
    inspection.outcome = RepairOutcome::NotRepairable;
    auto reported = Reported(declined, inspection, kInWarranty, charges_labour);
    REQUIRE(reported.Ok());
    const ChargeEstimate& charges = CurrentServiceReport(reported.Value().ticket)->work->report->charges;
    CHECK(charges.free);
    CHECK(charges.total_fen == 0);
}
