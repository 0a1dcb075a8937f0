// Staff login; see staff_login.h.
#include "screens/staff_login.h"

#include "app.h"
#include "console/console.h"
#include "icons.h"
#include "net/staff_requests.h"
#include "widgets.h"
#include "widgets/feedback.h"

#include "core/staff_roles.h"

#include <algorithm>

namespace aftercare::portal {
namespace {

constexpr float kCardWidthEm = 26.0f;

void SignIn(AppState& state) {
    StaffLoginState& login = state.staff.login;
    login.username_error.clear();
    login.password_error.clear();
    login.error.reset();
    if (login.username.empty()) login.username_error = state.Tr("staff.login.username_required");
    if (login.password.empty()) login.password_error = state.Tr("staff.login.password_required");
    if (!login.username_error.empty() || !login.password_error.empty()) return;
    login.busy = true;
    const api::StaffLoginRequest request{login.username, login.password};
    requests::LogIn(
        state.api, request,
        [&state](api::StaffLoginResponse answer) {
            StaffLoginState& l = state.staff.login;
            l.busy = false;
            StaffSession session;
            session.token = std::move(answer.access_token);
            session.permissions = core::PermissionsFor(answer.staff.roles);
            session.member = std::move(answer.staff);
            session.expires_at = answer.token_expires_at;
            // A fresh console for this session; the password is not kept anywhere.
            state.staff = StaffState{};
            state.staff.session = std::move(session);
            const std::string next = QueryValue(state.route.query, "next");
            Route target = next.empty() ? Route{Screen::StaffQueue} : ParseRoute(next);
            if (!IsConsoleScreen(target.screen) || target.screen == Screen::StaffLogin) target = Route{Screen::StaffQueue};
            Navigate(state, target);
        },
        [&state](ApiError error) {
            StaffLoginState& l = state.staff.login;
            l.busy = false;
            l.password.clear();
            l.error = std::move(error);
        });
}

} // namespace

void DrawStaffLogin(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    StaffLoginState& login = state.staff.login;
    if (SignedIn(state)) {
        // Already signed in (back button to the login page): go to the console, unless the
        // sign-in that just finished already chose where.
        if (!state.navigate_to) Navigate(state, Route{Screen::StaffQueue});
        return;
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = std::min(avail, theme.Em(kCardWidthEm));
    ImGui::Dummy(ImVec2(0, theme.Em(avail > theme.Em(40.0f) ? 3.0f : 0.5f)));
    BeginColumn(ui, ImGui::GetCursorPosX() + (avail - width) * 0.5f, width);
    BeginCard(ui, "##login");
    PushTextStyle(theme, TextStyle::Title1);
    ImGui::TextColored(p.brand, "%s", ICON_LOCK);
    ImGui::PopFont();
    Heading(ui, TextStyle::Title2, state.Tr("staff.login.title"), 1);
    Paragraph(ui, TextStyle::Small, state.Tr("staff.login.subtitle"), p.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (!state.staff.notice_key.empty()) {
        Paragraph(ui, TextStyle::Small, state.Tr(state.staff.notice_key), p.warning, Role::Status);
    }
    const TextFieldResult user = TextField(ui, "username", state.Tr("staff.login.username"), login.username,
                                           {.error = login.username_error, .required = true});
    const TextFieldResult pass = TextField(ui, "password", state.Tr("staff.login.password"), login.password,
                                           {.error = login.password_error, .required = true, .password = true});
    if (user.changed) login.username_error.clear();
    if (pass.changed) login.password_error.clear();
    if (login.error) ErrorBanner(ui, state.strings, state.language, *login.error, "login-error");
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    const std::string& label = state.Tr(login.busy ? "staff.login.busy" : "staff.login.submit");
    const bool go = Button(ui, "sign-in", label, {.width = ImGui::GetContentRegionAvail().x, .enabled = !login.busy});
    if ((go || user.submitted || pass.submitted) && !login.busy) SignIn(state);
    Paragraph(ui, TextStyle::Caption, state.Tr("staff.login.help"), p.text_muted);
    EndCard(ui);
    EndColumn(ui);
}

} // namespace aftercare::portal
