// Who is calling: established by the HTTP layer from a bearer credential, read by services to decide
// what the caller may do. Plain data, so services can take it without knowing about HTTP.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace aftercare::serve {

struct Principal {
    enum class Kind { Anonymous, Customer, Staff, Integration };
    Kind kind = Kind::Anonymous;
    std::int64_t ticket_id = 0;              // Customer: the one ticket the token is scoped to
    std::string service_number;              // Customer: that ticket's compact service number
    std::int64_t staff_id = 0;               // Staff
    std::string staff_username;              // Staff
    std::vector<std::string> staff_roles;    // Staff: "admin", "engineer", ...
    std::int64_t api_key_id = 0;             // Integration: the vendor system's API key
    std::string api_key_name;                // Integration
    std::vector<std::string> api_key_scopes; // Integration: "products", "orders", "parts"
};

} // namespace aftercare::serve
