// Structured complaints and suggestions: what a complaint is about and which ticket it names, the
// findings its answer needs, and a suggestion that has no deadline to miss.
#include "test_support.h"

#include <cctype>
#include <cstdint>

#include "core/complaint.h"
#include "core/service_number.h"
#include "core/sla.h"
#include "core/validation.h"

using namespace aftercare::core;
using aftercare::test::At;
using aftercare::test::Customer;
using aftercare::test::NewTicket;
using aftercare::test::SampleDraft;
using aftercare::test::Staff;

namespace {

const UnixSeconds kCreated = At(2024, 6, 3, 9, 0); // a Monday morning

Ticket Accepted(TicketKind kind) {
    Ticket ticket = NewTicket(kind, Priority::General, kCreated);
    TransitionRequest accept;
    accept.action = Action::Accept;
    accept.actor = Staff();
    auto accepted = Transition(ticket, accept, kCreated + 60, Policy{});
    REQUIRE(accepted.Ok());
    return accepted.Value().ticket;
}

TransitionRequest ResolveWith(std::optional<ComplaintFindings> findings, std::string note = "已致歉") {
    TransitionRequest request;
    request.action = Action::Resolve;
    request.actor = Staff();
    request.note = std::move(note);
    request.findings = std::move(findings);
    return request;
}

} // namespace

TEST_CASE("a complaint draft: category defaults to other, the related number is normalised or named", "[complaint]") {
    TicketDraft draft = SampleDraft(TicketKind::Complaint);
    CHECK(ValidateTicketDraft(draft, kCreated).empty());
    REQUIRE(draft.complaint);
    CHECK(draft.complaint->category == ComplaintCategory::Other);

    // Lower case, spaces and full-width hyphens are a number as the customer copied it.
    const std::uint8_t bytes[kServiceNumberRandomBytes] = {7, 1, 8, 2, 8, 1, 8, 2, 8, 4, 5, 9};
    const std::string number = GenerateServiceNumber(TicketKind::Repair, bytes).Value(); // "RXXX-XXXX-XXXX"
    std::string copied = " " + number + " ";
    for (char& c : copied) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    copied.replace(copied.find('-'), 1, "－"); // a full-width hyphen from an IME
    TicketDraft typed = SampleDraft(TicketKind::Complaint);
    typed.complaint = ComplaintDetails{ComplaintCategory::Late, copied};
    CHECK(ValidateTicketDraft(typed, kCreated).empty());
    CHECK(typed.complaint->related_ticket == number);

    TicketDraft blank = SampleDraft(TicketKind::Complaint);
    blank.complaint = ComplaintDetails{ComplaintCategory::Charges, "   "};
    CHECK(ValidateTicketDraft(blank, kCreated).empty());
    CHECK(blank.complaint->related_ticket.empty());

    TicketDraft wrong = SampleDraft(TicketKind::Complaint);
    std::string off = number;
    off.back() = off.back() == '2' ? '3' : '2'; // the check character no longer fits
    wrong.complaint = ComplaintDetails{ComplaintCategory::Late, off};
    const FieldErrors errors = ValidateTicketDraft(wrong, kCreated);
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().field == "complaint.related_ticket");

    // Complaint details mean nothing on another kind; they are dropped, not stored.
    TicketDraft repair = SampleDraft(TicketKind::Repair);
    repair.complaint = ComplaintDetails{ComplaintCategory::Late, "not a number"};
    CHECK(ValidateTicketDraft(repair, kCreated).empty());
    CHECK_FALSE(repair.complaint);
}

TEST_CASE("a complaint is answered only with its root cause and corrective action", "[complaint]") {
    const Ticket ticket = Accepted(TicketKind::Complaint);
    const UnixSeconds now = kCreated + 3600;

    const auto bare = Transition(ticket, ResolveWith(std::nullopt), now, Policy{});
    REQUIRE_FALSE(bare.Ok());
    CHECK(bare.GetError().field == "findings.root_cause");

    // Every problem at once for the form: blanks and over-long text, each under its field.
    ComplaintFindings findings{" \n", std::string(TextLimits::kNoteMax + 1, 'x')};
    const FieldErrors errors = ValidateComplaintFindings(findings);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].field == "findings.root_cause");
    CHECK(errors[0].code == "required");
    CHECK(errors[1].field == "findings.corrective_action");
    CHECK(errors[1].code == "too_long");

    const ComplaintFindings good{"工程师未提前电话确认", "出发前电话确认到达时间"};
    const auto answered = Transition(ticket, ResolveWith(good), now, Policy{});
    REQUIRE(answered.Ok());
    CHECK(answered.Value().event.findings == good);
    const ComplaintFindings* current = ComplaintFindingsOf(answered.Value().ticket);
    REQUIRE(current != nullptr);
    CHECK(*current == good);

    // A reopen means the answer did not hold: no findings are current until it is answered again.
    TransitionRequest reopen;
    reopen.action = Action::Reopen;
    reopen.actor = Customer();
    reopen.note = "问题仍然存在";
    const auto reopened = Transition(answered.Value().ticket, reopen, now + 60, Policy{});
    REQUIRE(reopened.Ok());
    CHECK(ComplaintFindingsOf(reopened.Value().ticket) == nullptr);
}

TEST_CASE("findings are a complaint's: a consultation resolves without them and stores none", "[complaint]") {
    const Ticket ticket = Accepted(TicketKind::Consultation);
    const auto answered =
        Transition(ticket, ResolveWith(ComplaintFindings{"x", "y"}), kCreated + 3600, Policy{});
    REQUIRE(answered.Ok());
    CHECK_FALSE(answered.Value().event.findings);
}

TEST_CASE("a suggestion has no clock to breach and is closed with what became of it", "[complaint]") {
    const Policy policy;
    const Ticket ticket = NewTicket(TicketKind::Suggestion, Priority::General, kCreated);
    // A month untouched: no deadline is running, none is missed, nothing escalates.
    const SlaStatus status = EvaluateSla(ticket, kCreated + 30 * kSecondsPerDay, policy);
    REQUIRE(status.deadlines.size() == kSlaClockCount);
    for (std::size_t index = 0; index < kSlaClockCount; ++index) {
        CHECK(status.deadlines[index].clock == static_cast<SlaClock>(index));
        CHECK(status.deadlines[index].status == DeadlineStatus::NotApplicable);
    }
    CHECK_FALSE(status.breached);
    CHECK(status.escalation_due == EscalationLevel::None);

    const Ticket accepted = Accepted(TicketKind::Suggestion);
    const auto silent = Transition(accepted, ResolveWith(std::nullopt, ""), kCreated + 3600, policy);
    REQUIRE_FALSE(silent.Ok());
    CHECK(silent.GetError().field == "note");
    CHECK(Transition(accepted, ResolveWith(std::nullopt, "已采纳：下月起周末可预约上门"), kCreated + 3600, policy).Ok());
}
