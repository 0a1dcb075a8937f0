// Staff use cases: accounts (create-admin), login, the work queue, statistics.
#pragma once

#include <optional>
#include <string>

#include "api/staff_wire.h"
#include "api/wire_reader.h"
#include "services/services.hpp"

namespace aftercare::serve::staff {

// For `aftercare-server create-admin` and the demo seed. An empty password creates an account
// that cannot log in (demo engineers exist to be assigned, not to be logged into).
// Returns false when the username is taken.
bool CreateAccount(Store& store, const std::string& username, const std::string& display_name,
                   const std::vector<std::string>& roles, const std::string& password, std::int64_t now);

// Minimum password length for staff accounts.
constexpr std::size_t kMinPasswordLength = 10;

api::StaffLoginResponse Login(Services& services, const api::StaffLoginRequest& request);

api::QueueResponse Queue(Services& services, const api::QueueFilter& filter);

// `from`/`to` are Unix seconds over ticket creation time.
api::Json Stats(Services& services, std::int64_t from, std::int64_t to);

// The assignee must be a staff account; then core decides whether Assign is legal now.
api::TicketView Assign(Services& services, std::int64_t ticket_id, const core::Actor& actor,
                       const api::AssignRequest& request);

}  // namespace aftercare::serve::staff
