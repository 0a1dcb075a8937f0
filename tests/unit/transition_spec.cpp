// The expected service flow as a table in words, parsed once. See transition_spec.h for why it
// is written here instead of taken from core.
#include "transition_spec.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace aftercare::test {
namespace {

using core::Action;
using core::ActorRole;
using core::TicketKind;
using core::TicketState;

// One line a rule: from, action, to ("resume", "reopen", "same" or a state), who, which kinds.
// who: customer | staff | system, joined by '+'. kinds: all | repair | returns (return, exchange)
// | answers (complaint, consultation, suggestion), joined by '+'.
constexpr const char* kFlow[] = {
    // 受理 (registration) or refusal; the customer may still withdraw.
    "submitted         accept          accepted          staff           all",
    "submitted         reject          rejected          staff           all",
    "submitted         cancel          cancelled         customer        all",
    "submitted         reschedule      submitted         staff           repair",
    // 派工 (dispatch); complaints and consultations are answered without an engineer.
    "accepted          assign          assigned          staff           all",
    "accepted          start           in_progress       staff           answers",
    "accepted          resolve         resolved          staff           answers",
    "accepted          approve         awaiting_item     staff           returns",
    "accepted          request_info    waiting_customer  staff           all",
    "accepted          reject          rejected          staff           all",
    "accepted          cancel          cancelled         customer        all",
    "accepted          reschedule      accepted          staff           repair",
    // Once dispatched the customer can no longer cancel; a return may still be refused.
    "assigned          assign          assigned          staff           all",
    "assigned          start           in_progress       staff           repair+answers",
    "assigned          resolve         resolved          staff           answers",
    "assigned          approve         awaiting_item     staff           returns",
    "assigned          request_info    waiting_customer  staff           all",
    "assigned          reject          rejected          staff           returns",
    "assigned          reschedule      assigned          staff           repair",
    // 处理 (work): hand over to another engineer, ask the customer, or resolve.
    "in_progress       assign          assigned          staff           repair+answers",
    "in_progress       request_info    waiting_customer  staff           repair+answers",
    "in_progress       resolve         resolved          staff           repair+answers",
    "in_progress       reschedule      in_progress       staff           repair",
    // Waiting on the customer: their reply or staff resume it where it was.
    "waiting_customer  customer_reply  resume            customer        all",
    "waiting_customer  resume          resume            staff           all",
    "waiting_customer  cancel          cancelled         customer        all",
    // The return journey: the item comes back, is inspected, then refunded/replaced or refused.
    "awaiting_item     receive_item    item_received     staff           returns",
    "awaiting_item     cancel          cancelled         customer        returns",
    "item_received     resolve         resolved          staff           returns",
    "item_received     request_info    waiting_customer  staff           returns",
    "item_received     reject          rejected          staff           returns",
    // 客户确认 (confirmation) or reopening within the window; then 关闭 (closed).
    "resolved          confirm         confirmed         customer        all",
    "resolved          reopen          reopen            customer        all",
    "resolved          close           closed            system          all",
    "confirmed         reopen          reopen            customer        all",
    "confirmed         close           closed            staff+system    all",
};

// While any clock can still run, a missed deadline escalates (system, or staff by hand) and staff
// may re-triage the priority.
constexpr TicketState kClockStates[] = {TicketState::Submitted,       TicketState::Accepted,
                                        TicketState::Assigned,        TicketState::InProgress,
                                        TicketState::WaitingCustomer, TicketState::AwaitingItem,
                                        TicketState::ItemReceived};

struct Row {
    TicketState from;
    Action action;
    TicketState to;
    Target target;
    core::RoleMask roles;
    core::KindMask kinds;
};

std::vector<std::string> Split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, separator);) parts.push_back(part);
    return parts;
}

core::RoleMask ParseRoles(const std::string& text) {
    core::RoleMask mask = 0;
    for (const std::string& word : Split(text, '+')) {
        ActorRole role{};
        REQUIRE(core::FromString(word, role));
        mask |= core::RoleBit(role);
    }
    return mask;
}

core::KindMask ParseKinds(const std::string& text) {
    core::KindMask mask = 0;
    for (const std::string& word : Split(text, '+')) {
        if (word == "all") mask |= core::kAllKinds;
        else if (word == "repair") mask |= core::KindBit(TicketKind::Repair);
        else if (word == "returns") mask |= core::KindBit(TicketKind::Return) | core::KindBit(TicketKind::Exchange);
        else if (word == "answers")
            mask |= core::KindBit(TicketKind::Complaint) | core::KindBit(TicketKind::Consultation) |
                    core::KindBit(TicketKind::Suggestion);
        else FAIL("unknown kind group in the flow table: " << word);
    }
    return mask;
}

std::vector<Row> ParseFlow() {
    std::vector<Row> rows;
    for (const char* line : kFlow) {
        std::istringstream words(line);
        std::string from, action, to, who, kinds;
        words >> from >> action >> to >> who >> kinds;
        Row row{};
        REQUIRE(core::FromString(from, row.from));
        REQUIRE(core::FromString(action, row.action));
        row.target = to == "resume" ? Target::Resume : to == "reopen" ? Target::Reopen : Target::State;
        row.to = row.from;
        if (row.target == Target::State) REQUIRE(core::FromString(to, row.to));
        row.roles = ParseRoles(who);
        row.kinds = ParseKinds(kinds);
        rows.push_back(row);
    }
    for (TicketState state : kClockStates) {
        const auto staff = core::RoleBit(ActorRole::Staff);
        rows.push_back({state, Action::Escalate, state, Target::Same, staff | core::RoleBit(ActorRole::System),
                        core::kAllKinds});
        rows.push_back({state, Action::Reprioritize, state, Target::Same, staff, core::kAllKinds});
    }
    return rows;
}

const std::vector<Row>& Flow() {
    static const std::vector<Row> rows = ParseFlow();
    return rows;
}

} // namespace

std::optional<ExpectedTransition> ExpectedFor(TicketKind kind, TicketState state, Action action) {
    for (const Row& row : Flow()) {
        if (row.from == state && row.action == action && (row.kinds & core::KindBit(kind)))
            return ExpectedTransition{row.to, row.target, row.roles};
    }
    return std::nullopt;
}

} // namespace aftercare::test
