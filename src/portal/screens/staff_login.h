// Staff login (#/staff/login?next=...): username and password for a bearer session that lives in
// AppState only (never in storage); after login the console opens where the link pointed.
#pragma once

#include "net/remote.h"

#include <optional>
#include <string>

namespace aftercare::portal {

struct AppState;
struct Ui;

struct StaffLoginState {
    std::string username;
    std::string password;
    std::string username_error;
    std::string password_error;
    bool busy = false;
    std::optional<ApiError> error;
};

void DrawStaffLogin(AppState& state, Ui& ui);

} // namespace aftercare::portal
