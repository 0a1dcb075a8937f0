// The staff console's state, held in AppState::staff: the signed-in session (kept in memory only,
// never in storage), the change feed, the staff directory and one state per console screen.
// Signing out replaces it with a fresh StaffState, so nothing of a session outlives it.
#pragma once

#include "net/remote.h"
#include "screens/staff_admin.h"
#include "screens/staff_followups.h"
#include "screens/staff_intake.h"
#include "screens/staff_jobs.h"
#include "screens/staff_login.h"
#include "screens/staff_queue.h"
#include "screens/staff_sla.h"
#include "screens/staff_stats.h"
#include "screens/staff_ticket.h"

#include "api/staff_wire.h"
#include "core/policy.h"
#include "core/staff_roles.h"

#include <cstdint>
#include <optional>
#include <string>

namespace aftercare::portal {

struct StaffSession {
    std::string token;            // bearer token from POST /staff/login
    api::StaffMember member;
    core::StaffPermissions permissions;
    std::int64_t expires_at = 0;
};

// "Any ticket changed": a long-poll on /staff/changes; screens compare the version they show.
struct ChangeFeed {
    std::int64_t version = -1;    // last seen; -1 before the first answer
    bool waiting = false;
    bool healthy = false;         // the last poll answered (the "live" indicator)
    double sent_at = 0;           // when the poll in flight went out
    int failures = 0;             // failed, refused or unheld polls in a row
    double retry_at = 0;          // the next poll goes no sooner (net/poll_pacing.h)
};

struct StaffState {
    std::optional<StaffSession> session;
    std::string notice_key;       // why the login screen shows (signed out, session expired)
    ChangeFeed feed;
    Remote<api::StaffListResponse> members;
    RemoteStatus policy;          // the console's load of the vendor's policy (held in AppState::policy)
    StaffLoginState login;
    QueueState queue;
    WorkspaceState ticket;
    SlaBoardState sla;
    StatsState stats;
    AdminState admin;
    JobsState jobs;
    IntakeState intake;
    FollowUpsState followups;
};

} // namespace aftercare::portal
