// The service flow as the tests expect it, written out from the standard (售后服务流程: 受理 → 派工 →
// 处理 → 解决 → 客户确认 → 关闭, plus cancel, refusal, waiting on the customer and the return
// journey) — deliberately independent of core's TransitionTable(), so a wrong row in the code
// fails the exhaustive test instead of being copied into its expectations.
#pragma once

#include "core/state_machine.h"

#include <optional>
#include <string_view>

namespace aftercare::test {

// Where an allowed action leads.
enum class Target {
    State,   // the spec row's `to`
    Resume,  // back to the state the ticket was in when it started waiting
    Reopen,  // returns/exchanges: item received again; others: the engineer (or the desk) again
    Same,    // escalation and re-triage keep the state
};

struct ExpectedTransition {
    core::TicketState to;
    Target target;
    core::RoleMask roles;
};

// The rule for (kind, state, action) and the roles that may take it; nullopt when no one may.
std::optional<ExpectedTransition> ExpectedFor(core::TicketKind kind, core::TicketState state, core::Action action);

} // namespace aftercare::test
