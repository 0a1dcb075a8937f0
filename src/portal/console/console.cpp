// The staff console's frame; see console.h.
#include "console/console.h"

#include "app.h"
#include "icons.h"
#include "labels.h"
#include "net/poll_pacing.h"
#include "net/staff_requests.h"
#include "screens/staff_admin.h"
#include "screens/staff_followups.h"
#include "screens/staff_intake.h"
#include "screens/staff_login.h"
#include "screens/staff_queue.h"
#include "screens/staff_sla.h"
#include "screens/staff_stats.h"
#include "screens/staff_ticket.h"
#include "widgets.h"
#include "widgets/status_chip.h"
#include "widgets/tabs.h"

#include "api/policy_json.h"

#include <array>

namespace aftercare::portal {
namespace {

constexpr int kFeedWaitSeconds = 25;

void PollChanges(AppState& state, Ui& ui) {
    ChangeFeed& feed = state.staff.feed;
    if (feed.waiting || ui.host.NowUnixSeconds() < feed.retry_at) return;
    feed.waiting = true;
    feed.sent_at = ui.host.NowUnixSeconds();
    Host& host = ui.host;
    // The first call answers at once with the current version; then each call waits for a change.
    requests::WaitForChanges(
        state, feed.version, kFeedWaitSeconds,
        [&state, &host](api::ChangesResponse answer) {
            ChangeFeed& f = state.staff.feed;
            f.waiting = false;
            f.healthy = true;
            const PollAnswer polled{.ok = true, .news = answer.version != f.version,
                                    .held_seconds = host.NowUnixSeconds() - f.sent_at, .failures = f.failures + 1};
            const double delay = NextPollDelay(polled, host);
            f.failures = delay > 0 ? polled.failures : 0;
            f.retry_at = host.NowUnixSeconds() + delay;
            if (delay > 0) host.RequestRedrawAfter(delay);
            f.version = answer.version;
        },
        [&state, &host](ApiError error) {
            ChangeFeed& f = state.staff.feed;
            f.waiting = false;
            f.healthy = false;
            f.failures += 1;
            const double delay =
                NextPollDelay({.failures = f.failures, .retry_after_seconds = error.retry_after_seconds}, host);
            f.retry_at = host.NowUnixSeconds() + delay;
            host.RequestRedrawAfter(delay);
        });
}

void LoadMembers(AppState& state) {
    auto& members = state.staff.members;
    if (!members.IsIdle()) return;
    members.StartLoading();
    requests::LoadMembers(
        state, [&state](api::StaffListResponse answer) { state.staff.members.Succeed(std::move(answer)); },
        [&state](ApiError error) { state.staff.members.Fail(std::move(error)); });
}

// The vendor's policy as the server has it: deadlines, escalation steps and who they notify.
void LoadPolicy(AppState& state) {
    auto& policy = state.staff.policy;
    if (!policy.IsIdle()) return;
    policy.StartLoading();
    requests::LoadStaffPolicy(
        state,
        [&state](core::Policy answer) {
            state.policy = std::move(answer);
            state.staff.policy.Succeed({});
        },
        [&state](ApiError error) { state.staff.policy.Fail(std::move(error)); });
}

struct Section {
    Screen screen;
    const char* label_key;
};

constexpr Section kSections[] = {
    {Screen::StaffQueue, "staff.nav.queue"},
    {Screen::StaffIntake, "intake.nav"},
    {Screen::StaffFollowUps, "followup.nav"},
    {Screen::StaffJobs, "staff.nav.jobs"},
    {Screen::StaffSla, "staff.nav.sla"},
    {Screen::StaffStats, "staff.nav.stats"},
    {Screen::StaffAdmin, "staff.nav.admin"},
};

void DrawWhoAmI(AppState& state, Ui& ui, float right_edge, float top) {
    const Theme& theme = ui.theme;
    const StaffSession& session = *state.staff.session;
    const std::string& label = state.Tr("staff.nav.sign_out");
    PushTextStyle(theme, TextStyle::Small);
    const float button_w = ImGui::CalcTextSize(label.c_str()).x + theme.Em(3.2f);
    ImGui::SetCursorScreenPos(ImVec2(right_edge - button_w, top));
    if (Button(ui, "sign-out", label, {.kind = ButtonKind::Quiet, .width = button_w, .icon = ICON_SIGN_OUT})) {
        SignOut(state, "staff.login.signed_out");
    }
    // Name and the most senior role, left of the button.
    std::string role_key = "agent";
    if (session.permissions.all_tickets) role_key = "supervisor";
    if (session.permissions.manage_staff) role_key = "admin";
    const std::string& role = RoleLabel(state, role_key);
    const std::string name = session.member.display_name.empty() ? session.member.id : session.member.display_name;
    const ImVec2 chip = ColourChipSize(ui, role);
    const float name_w = ImGui::CalcTextSize(name.c_str()).x;
    const float x = right_edge - button_w - theme.Em(0.75f) - chip.x - theme.Em(0.5f) - name_w;
    const float line_h = theme.Em(2.75f);
    ImGui::SetCursorScreenPos(ImVec2(x, top + (line_h - ImGui::GetFontSize()) * 0.5f));
    ImGui::TextUnformatted(name.c_str());
    ui.a11y.AddText(Role::Text, name);
    ImGui::SetCursorScreenPos(ImVec2(x + name_w + theme.Em(0.5f), top + (line_h - chip.y) * 0.5f));
    ColourChip(ui, role, theme.palette.brand);
    ImGui::PopFont();
}

} // namespace

bool SignedIn(const AppState& state) { return state.staff.session.has_value(); }

bool SameSession(const AppState& state, const std::string& token) {
    return state.staff.session && state.staff.session->token == token;
}

void SignOut(AppState& state, const char* notice_key) {
    // The server forgets the token too, so a copy of it (another tab, a shared machine's memory)
    // opens nothing afterwards. After a 401 it is already forgotten; the call then changes nothing.
    if (state.staff.session) requests::LogOut(state.api, state.staff.session->token);
    state.staff = StaffState{};
    state.staff.notice_key = notice_key;
    if (state.route.screen != Screen::StaffLogin) {
        Navigate(state, Route{Screen::StaffLogin, {}, "next=" + EncodeQueryValue(FormatRoute(state.route))});
    }
}

void OnStaffError(AppState& state, const ApiError& error) {
    if (error.status == 401 && state.staff.session) SignOut(state, "staff.login.expired");
}

void RunConsole(AppState& state, Ui& ui) {
    if (!SignedIn(state)) {
        if (state.route.screen != Screen::StaffLogin && !state.navigate_to) {
            Navigate(state, Route{Screen::StaffLogin, {}, "next=" + EncodeQueryValue(FormatRoute(state.route))});
        }
        return;
    }
    PollChanges(state, ui);
    LoadMembers(state);
    LoadPolicy(state);
}

void DrawConsoleScreen(AppState& state, Ui& ui) {
    switch (state.route.screen) {
    case Screen::StaffLogin: DrawStaffLogin(state, ui); break;
    case Screen::StaffQueue: DrawStaffQueue(state, ui); break;
    case Screen::StaffTicket: DrawStaffTicket(state, ui); break;
    case Screen::StaffSla: DrawStaffSla(state, ui); break;
    case Screen::StaffStats: DrawStaffStats(state, ui); break;
    case Screen::StaffAdmin: DrawStaffAdmin(state, ui); break;
    case Screen::StaffJobs: DrawStaffJobs(state, ui); break;
    case Screen::StaffIntake: DrawStaffIntake(state, ui); break;
    case Screen::StaffFollowUps: DrawStaffFollowUps(state, ui); break;
    default: break;  // not a console screen: app.cpp draws it
    }
}

bool BeginConsoleScreen(AppState& state, Ui& ui, Screen section) {
    if (!SignedIn(state)) return false;
    const Theme& theme = ui.theme;
    const core::StaffPermissions& permissions = state.staff.session->permissions;
    std::vector<std::string> labels;
    std::vector<Screen> screens;
    int current = -1;
    for (const Section& s : kSections) {
        if (s.screen == Screen::StaffAdmin && !permissions.manage_staff && !permissions.edit_policy) continue;
        if (s.screen == section) current = static_cast<int>(labels.size());
        labels.push_back(state.Tr(s.label_key));
        screens.push_back(s.screen);
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < theme.Em(44.0f);
    if (!narrow) {
        DrawWhoAmI(state, ui, origin.x + width, origin.y);
        ImGui::SetCursorScreenPos(origin);
    }
    const int chosen = TabBar(ui, "console-nav", labels, current);
    if (chosen >= 0 && chosen != current) Navigate(state, Route{screens[static_cast<size_t>(chosen)]});
    if (narrow) {
        ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
        const ImVec2 row = ImGui::GetCursorScreenPos();
        DrawWhoAmI(state, ui, row.x + width, row.y);
        ImGui::SetCursorScreenPos(ImVec2(row.x, row.y + theme.Em(2.75f)));
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    return true;
}

const std::string& StaffName(const AppState& state, const std::string& username) {
    if (state.staff.members.IsLoaded()) {
        for (const api::StaffAccount& member : state.staff.members.value->members) {
            if (member.id == username && !member.display_name.empty()) return member.display_name;
        }
    }
    return username;
}

} // namespace aftercare::portal
