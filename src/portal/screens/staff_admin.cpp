// Administration; see staff_admin.h.
//
// [SECTION] Staff accounts
// [SECTION] Vendor policy
#include "screens/staff_admin.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "widgets.h"
#include "widgets/dropdown.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"
#include "widgets/tabs.h"

#include "api/policy_json.h"
#include "core/staff_roles.h"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <cmath>

namespace aftercare::portal {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Staff accounts
//-----------------------------------------------------------------------------

void ReloadMembers(AppState& state) { state.staff.members.Reset(); }  // RunConsole loads it again

void FieldErrorsFrom(const ApiError& error, std::map<std::string, std::string>& errors, Language language) {
    if (!error.field.empty()) errors[error.field] = Localized(error.message, language);
}

void RoleChecks(AppState& state, Ui& ui, const char* id, std::set<std::string>& roles) {
    const Theme& theme = ui.theme;
    ImGui::PushID(id);
    const float avail = ImGui::GetContentRegionAvail().x;
    float used = 0.0f;
    for (std::string_view role : core::KnownStaffRoles()) {
        const std::string& label = RoleLabel(state, role);
        PushTextStyle(theme, TextStyle::Body);
        const float w = ImGui::CalcTextSize(label.c_str()).x + theme.Em(2.0f);
        ImGui::PopFont();
        if (used > 0.0f && used + w + theme.Em(1.0f) <= avail) {
            ImGui::SameLine(0.0f, theme.Em(1.0f));
            used += w + theme.Em(1.0f);
        } else {
            used = w;
        }
        bool on = roles.contains(std::string(role));
        const std::string check_id = "role-" + std::string(role);
        if (CheckBox(ui, check_id.c_str(), label, on)) {
            if (on) roles.insert(std::string(role));
            else roles.erase(std::string(role));
        }
    }
    ImGui::PopID();
}

void CreateAccount(AppState& state) {
    AdminState& admin = state.staff.admin;
    StaffAccountForm& form = admin.create;
    form.errors.clear();
    if (form.username.empty()) form.errors["username"] = state.Tr("staff.admin.username_required");
    if (form.display_name.empty()) form.errors["display_name"] = state.Tr("staff.admin.name_required");
    if (form.roles.empty()) form.errors["roles"] = state.Tr("staff.admin.roles_required");
    if (!form.password.empty() && form.password.size() < 10) form.errors["password"] = state.Tr("staff.admin.password_short");
    if (!form.errors.empty()) return;
    api::CreateStaffRequest request{form.username, form.display_name, {form.roles.begin(), form.roles.end()}, form.password};
    admin.busy = true;
    admin.error.reset();
    admin.notice.clear();
    requests::CreateMember(
        state, request,
        [&state](api::StaffAccount account) {
            AdminState& a = state.staff.admin;
            a.busy = false;
            a.create = StaffAccountForm{};
            a.notice = state.strings.Format(state.language, "staff.admin.created", {{"name", account.display_name}});
            ReloadMembers(state);
        },
        [&state](ApiError error) {
            AdminState& a = state.staff.admin;
            a.busy = false;
            a.create.password.clear();
            FieldErrorsFrom(error, a.create.errors, state.language);
            if (error.field.empty()) a.error = error;
        });
}

void SaveAccount(AppState& state, const api::StaffAccount& original, bool active) {
    AdminState& admin = state.staff.admin;
    StaffAccountForm& form = admin.edit;
    form.errors.clear();
    if (form.display_name.empty()) form.errors["display_name"] = state.Tr("staff.admin.name_required");
    if (form.roles.empty()) form.errors["roles"] = state.Tr("staff.admin.roles_required");
    if (!form.password.empty() && form.password.size() < 10) form.errors["password"] = state.Tr("staff.admin.password_short");
    if (!form.errors.empty()) return;
    api::UpdateStaffRequest request;
    if (form.display_name != original.display_name) request.display_name = form.display_name;
    const std::vector<std::string> roles(form.roles.begin(), form.roles.end());
    std::vector<std::string> before = original.roles;
    std::sort(before.begin(), before.end());
    if (roles != before) request.roles = roles;
    if (active != original.active) request.active = active;
    if (!form.password.empty()) request.password = form.password;
    if (form.email != original.email) request.email = form.email;
    if (form.phone != original.phone) request.phone = form.phone;
    const std::string language = form.english ? "en" : "zh-CN";
    if (language != original.language) request.language = language;
    admin.busy = true;
    admin.error.reset();
    requests::UpdateMember(
        state, original.id, request,
        [&state](api::StaffAccount account) {
            AdminState& a = state.staff.admin;
            a.busy = false;
            a.editing.clear();
            a.edit = StaffAccountForm{};
            a.notice = state.strings.Format(state.language, "staff.admin.saved", {{"name", account.display_name}});
            ReloadMembers(state);
        },
        [&state](ApiError error) {
            AdminState& a = state.staff.admin;
            a.busy = false;
            FieldErrorsFrom(error, a.edit.errors, state.language);
            if (error.field.empty()) a.error = error;
        });
}

std::string ErrorOf(const std::map<std::string, std::string>& errors, const char* field) {
    auto it = errors.find(field);
    return it == errors.end() ? std::string() : it->second;
}

void DrawCreate(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    AdminState& admin = state.staff.admin;
    StaffAccountForm& form = admin.create;
    BeginCard(ui, "##create");
    Heading(ui, TextStyle::Title3, state.Tr("staff.admin.create"), 2);
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool pair = avail >= theme.Em(30.0f);
    const float half = pair ? (avail - theme.Em(1.0f)) * 0.5f : avail;
    ImGui::BeginGroup();
    ImGui::PushItemWidth(half);
    if (TextField(ui, "new-username", state.Tr("staff.admin.username"), form.username,
                  {.help = state.Tr("staff.admin.username_help"), .error = ErrorOf(form.errors, "username"),
                   .required = true, .width = half})
            .changed) {
        form.errors.erase("username");
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    if (pair) ImGui::SameLine(0.0f, theme.Em(1.0f));
    ImGui::BeginGroup();
    if (TextField(ui, "new-name", state.Tr("staff.admin.display_name"), form.display_name,
                  {.error = ErrorOf(form.errors, "display_name"), .required = true, .width = half})
            .changed) {
        form.errors.erase("display_name");
    }
    ImGui::EndGroup();
    Paragraph(ui, TextStyle::Small, state.Tr("staff.admin.roles"), theme.palette.text);
    RoleChecks(state, ui, "new-roles", form.roles);
    if (const std::string e = ErrorOf(form.errors, "roles"); !e.empty()) {
        Paragraph(ui, TextStyle::Small, e, theme.palette.danger, Role::Alert);
    }
    if (TextField(ui, "new-password", state.Tr("staff.admin.password"), form.password,
                  {.help = state.Tr("staff.admin.password_help"), .error = ErrorOf(form.errors, "password"),
                   .password = true, .width = half})
            .changed) {
        form.errors.erase("password");
    }
    if (Button(ui, "create", state.Tr("staff.admin.create_submit"), {.enabled = !admin.busy, .icon = ICON_PLUS})) {
        CreateAccount(state);
    }
    EndCard(ui);
}

// Where escalation notices reach a member (e-mail, mobile) and in which language.
void DrawNoticeContacts(AppState& state, Ui& ui, StaffAccountForm& form, float width) {
    Paragraph(ui, TextStyle::Small, state.Tr("staff.admin.notices_help"), ui.theme.palette.text_muted);
    if (TextField(ui, "edit-email", state.Tr("staff.admin.notice_email"), form.email,
                  {.hint = "manager@example.com", .error = ErrorOf(form.errors, "email"), .width = width})
            .changed)
        form.errors.erase("email");
    if (TextField(ui, "edit-phone", state.Tr("staff.admin.notice_phone"), form.phone,
                  {.error = ErrorOf(form.errors, "phone"), .numeric = true, .width = width})
            .changed)
        form.errors.erase("phone");
    const std::vector<std::string> languages = {"中文", "English"};
    int chosen = form.english ? 1 : 0;
    if (Dropdown(ui, "edit-language", state.Tr("staff.admin.notice_language"), languages, chosen,
                 {.label_inside = false}))
        form.english = chosen == 1;
}

void DrawMember(AppState& state, Ui& ui, const api::StaffAccount& member) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    AdminState& admin = state.staff.admin;
    ImGui::PushID(member.id.c_str());
    const bool editing = admin.editing == member.id;
    const std::string name = (member.display_name.empty() ? member.id : member.display_name);
    PushTextStyle(theme, TextStyle::Title3);
    ImGui::TextUnformatted(name.c_str());
    ImGui::PopFont();
    ui.a11y.AddText(Role::Heading, name, 3);
    ImGui::SameLine(0.0f, theme.Em(0.5f));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + theme.Em(0.15f));
    PushTextStyle(theme, TextStyle::Small);
    ImGui::TextColored(p.text_muted, "%s", member.id.c_str());
    ImGui::PopFont();
    ui.a11y.AddText(Role::Text, member.id);
    for (const std::string& role : member.roles) {
        ImGui::SameLine(0.0f, theme.Em(0.4f));
        ColourChip(ui, RoleLabel(state, role), p.brand);
    }
    ImGui::SameLine(0.0f, theme.Em(0.4f));
    ColourChip(ui, state.Tr(member.active ? "staff.admin.active" : "staff.admin.inactive"), member.active ? p.success : p.text_muted);
    if (!editing) {
        ImGui::SameLine(0.0f, theme.Em(0.75f));
        PushTextStyle(theme, TextStyle::Small);
        const std::string label = state.strings.Format(state.language, "staff.admin.edit", {{"name", name}});
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() - theme.Em(0.6f));
        if (Button(ui, "edit", label, {.kind = ButtonKind::Quiet, .enabled = !admin.busy})) {
            admin.editing = member.id;
            admin.edit = StaffAccountForm{};
            admin.edit.display_name = member.display_name;
            admin.edit.roles = {member.roles.begin(), member.roles.end()};
            admin.edit.email = member.email;
            admin.edit.phone = member.phone;
            admin.edit.english = member.language == "en";
        }
        ImGui::PopFont();
    } else {
        StaffAccountForm& form = admin.edit;
        ImGui::Indent(theme.Em(1.0f));
        const float width = std::min(ImGui::GetContentRegionAvail().x, theme.Em(22.0f));
        if (TextField(ui, "edit-name", state.Tr("staff.admin.display_name"), form.display_name,
                      {.error = ErrorOf(form.errors, "display_name"), .width = width})
                .changed) {
            form.errors.erase("display_name");
        }
        Paragraph(ui, TextStyle::Small, state.Tr("staff.admin.roles"), p.text);
        RoleChecks(state, ui, "edit-roles", form.roles);
        if (const std::string e = ErrorOf(form.errors, "roles"); !e.empty()) Paragraph(ui, TextStyle::Small, e, p.danger, Role::Alert);
        if (TextField(ui, "edit-password", state.Tr("staff.admin.new_password"), form.password,
                      {.help = state.Tr("staff.admin.new_password_help"), .error = ErrorOf(form.errors, "password"),
                       .password = true, .width = width})
                .changed) {
            form.errors.erase("password");
        }
        DrawNoticeContacts(state, ui, form, width);
        bool active = member.active;
        if (const std::string e = ErrorOf(form.errors, "active"); !e.empty()) Paragraph(ui, TextStyle::Small, e, p.danger, Role::Alert);
        if (Button(ui, "save", state.Tr("staff.admin.save"), {.enabled = !admin.busy, .icon = ICON_CHECK})) {
            SaveAccount(state, member, active);
        }
        ImGui::SameLine(0.0f, theme.Em(0.5f));
        const bool self = member.id == state.staff.session->member.id;
        if (!self) {
            const char* toggle = member.active ? "staff.admin.deactivate" : "staff.admin.activate";
            if (Button(ui, "toggle-active", state.Tr(toggle), {.kind = ButtonKind::Secondary, .enabled = !admin.busy})) {
                SaveAccount(state, member, !member.active);
            }
            ImGui::SameLine(0.0f, theme.Em(0.5f));
        }
        if (Button(ui, "cancel", state.Tr("staff.admin.cancel"), {.kind = ButtonKind::Quiet})) {
            admin.editing.clear();
            admin.edit = StaffAccountForm{};
        }
        ImGui::Unindent(theme.Em(1.0f));
    }
    ImGui::Separator();
    ImGui::PopID();
}

// Whether a staff notice for these roles would reach no one: no active account holding one of them
// has an e-mail or a mobile (whom the server's notifier writes to: serve/outbound/notifier.cpp).
bool ReachesNoOne(const std::vector<std::string>& roles, const std::vector<api::StaffAccount>& members) {
    return std::none_of(members.begin(), members.end(), [&](const api::StaffAccount& member) {
        return member.active && core::HoldsAnyRole(member.roles, roles) && (!member.email.empty() || !member.phone.empty());
    });
}

// A warning per staff notice that would reach no one: the escalation levels (one line per set of
// roles they notify) and the 重大质量问题 notice to quality management.
void DrawUnreachableNotices(AppState& state, Ui& ui, const std::vector<api::StaffAccount>& members) {
    std::vector<std::pair<std::vector<std::string>, std::string>> levels_by_roles;
    for (const core::EscalationStep& step : state.policy.sla.escalation) {
        if (step.notify_roles.empty() || !ReachesNoOne(step.notify_roles, members)) continue;
        auto same = std::find_if(levels_by_roles.begin(), levels_by_roles.end(),
                                 [&](const auto& entry) { return entry.first == step.notify_roles; });
        if (same == levels_by_roles.end()) same = levels_by_roles.insert(levels_by_roles.end(), {step.notify_roles, {}});
        if (!same->second.empty()) same->second += state.Tr("ticket.sla.list_separator");
        same->second += EscalationLabel(state, step.level);
    }
    std::vector<std::pair<std::vector<std::string>, std::string>> unreachable;
    for (const auto& [roles, levels] : levels_by_roles)
        unreachable.emplace_back(roles, state.strings.Format(state.language, "staff.admin.notice.escalation", {{"levels", levels}}));
    const std::vector<std::string> quality = {std::string(core::kRoleQuality)};
    if (ReachesNoOne(quality, members)) unreachable.emplace_back(quality, state.Tr("staff.admin.notice.quality"));
    for (const auto& [roles, notice] : unreachable) {
        Paragraph(ui, TextStyle::Small,
                  state.strings.Format(state.language, "staff.admin.notices_unreachable",
                                       {{"notice", notice}, {"roles", RoleLabels(state, roles)}}),
                  ui.theme.palette.danger, Role::Alert);
    }
}

void DrawStaffTab(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    DrawCreate(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    BeginCard(ui, "##members");
    Heading(ui, TextStyle::Title3, state.Tr("staff.admin.members"), 2);
    auto& members = state.staff.members;
    if (members.value) {
        DrawUnreachableNotices(state, ui, members.value->members);
        for (const api::StaffAccount& member : members.value->members) DrawMember(state, ui, member);
    } else if (members.IsFailed()) {
        if (ErrorBanner(ui, state.strings, state.language, *members.error, "members-error")) ReloadMembers(state);
    } else {
        LoadingIndicator(ui, state.Tr("staff.admin.loading"));
    }
    EndCard(ui);
}

//-----------------------------------------------------------------------------
// [SECTION] Vendor policy
//-----------------------------------------------------------------------------

// One editable number of the policy: its JSON path (also core::ValidatePolicy's field name), its
// label, and how to read and write it. Rates are edited in percent.
struct PolicyNumber {
    std::string path;
    std::string label_key;
    std::function<std::optional<double>(const core::Policy&)> get; // nullopt: empty (e.g. dispatch at an agreed time)
    std::function<void(core::Policy&, std::optional<double>)> set;
    bool optional = false;
    bool decimal = false;
    const char* empty_help_key = "staff.policy.dispatch_help"; // what an empty optional field means
};

std::vector<PolicyNumber> PolicyNumbers(const core::Policy& policy) {
    std::vector<PolicyNumber> numbers;
    auto int_field = [&numbers](std::string path, std::string label, auto member) {
        numbers.push_back({std::move(path), std::move(label),
                           [member](const core::Policy& p) {
                               core::Policy copy = p;  // the accessor hands out a reference to write through
                               return std::optional<double>(member(copy));
                           },
                           [member](core::Policy& p, std::optional<double> v) { member(p) = static_cast<int>(v.value_or(0)); }});
    };
    // A number that may be left empty: "no limit" / "no deadline" (std::nullopt, JSON null).
    auto optional_int_field = [&numbers](std::string path, std::string label, const char* empty_help_key, auto member) {
        numbers.push_back({std::move(path), std::move(label),
                           [member](const core::Policy& p) {
                               core::Policy copy = p;
                               const std::optional<int>& value = member(copy);
                               return value ? std::optional<double>(*value) : std::nullopt;
                           },
                           [member](core::Policy& p, std::optional<double> v) {
                               member(p) = v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
                           },
                           true, false, empty_help_key});
    };
    const std::pair<const char*, core::PrioritySla core::SlaPolicy::*> priorities[] = {
        {"urgent", &core::SlaPolicy::urgent}, {"serious", &core::SlaPolicy::serious}, {"general", &core::SlaPolicy::general}};
    for (const auto& entry : priorities) {
        const auto which = entry.second;
        const std::string prefix = std::string("sla.") + entry.first;
        int_field(prefix + ".first_response_minutes", "staff.policy.first_response",
                  [which](core::Policy& p) -> int& { return (p.sla.*which).first_response_minutes; });
        numbers.push_back({prefix + ".dispatch_minutes", "staff.policy.dispatch",
                           [which](const core::Policy& p) {
                               const auto& d = (p.sla.*which).dispatch_minutes;
                               return d ? std::optional<double>(*d) : std::nullopt;
                           },
                           [which](core::Policy& p, std::optional<double> v) {
                               (p.sla.*which).dispatch_minutes =
                                   v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
                           },
                           true});
        int_field(prefix + ".resolution_minutes", "staff.policy.resolution",
                  [which](core::Policy& p) -> int& { return (p.sla.*which).resolution_minutes; });
    }
    for (size_t i = 0; i < policy.sla.escalation.size(); ++i) {
        int_field("sla.escalation[" + std::to_string(i) + "].overdue_percent",
                  i == 0 ? "staff.policy.escalation_1" : "staff.policy.escalation_2",
                  [i](core::Policy& p) -> int& { return p.sla.escalation[i].overdue_percent; });
    }
    int_field("sla.complaint_answer_working_days", "staff.policy.complaint_days",
              [](core::Policy& p) -> int& { return p.sla.complaint_answer_working_days; });
    int_field("sla.consultation_answer_hours", "staff.policy.consultation_hours",
              [](core::Policy& p) -> int& { return p.sla.consultation_answer_hours; });
    int_field("sla.average_resolution_hours", "staff.policy.average_resolution_hours",
              [](core::Policy& p) -> int& { return p.sla.average_resolution_hours; });
    optional_int_field("sla.returns_resolution_hours", "staff.policy.returns_hours", "staff.policy.no_deadline_help",
                       [](core::Policy& p) -> std::optional<int>& { return p.sla.returns_resolution_hours; });
    int_field("warranty.months", "staff.policy.warranty_months", [](core::Policy& p) -> int& { return p.warranty.months; });
    int_field("warranty.spare_part_in_stock_hours", "staff.policy.part_in_stock",
              [](core::Policy& p) -> int& { return p.warranty.spare_part_in_stock_hours; });
    int_field("warranty.spare_part_ship_hours", "staff.policy.part_ship",
              [](core::Policy& p) -> int& { return p.warranty.spare_part_ship_hours; });
    int_field(/*not a key*/"returns.no_reason_days", "staff.policy.no_reason_days",
              [](core::Policy& p) -> int& { return p.returns.no_reason_days; });
    optional_int_field(/*not a key*/"returns.dead_on_arrival_days", "staff.policy.doa_days", "staff.policy.no_limit_help",
                       [](core::Policy& p) -> std::optional<int>& { return p.returns.dead_on_arrival_days; });
    optional_int_field(/*not a key*/"returns.wrong_item_days", "staff.policy.wrong_item_days", "staff.policy.no_limit_help",
                       [](core::Policy& p) -> std::optional<int>& { return p.returns.wrong_item_days; });
    int_field("tickets.reopen_window_days", "staff.policy.reopen_days",
              [](core::Policy& p) -> int& { return p.tickets.reopen_window_days; });
    int_field("tickets.repeat_repair_days", "staff.policy.repeat_repair_days",
              [](core::Policy& p) -> int& { return p.tickets.repeat_repair_days; });
    int_field(/*not a key*/"followup.after_days", "followup.policy.after_days",
              [](core::Policy& p) -> int& { return p.followup.after_days; });
    int_field("tickets.customer_access_days_after_close", "staff.policy.access_days",
              [](core::Policy& p) -> int& { return p.tickets.customer_access_days_after_close; });
    int_field("satisfaction.satisfied_min_stars", "staff.policy.min_stars",
              [](core::Policy& p) -> int& { return p.satisfaction.satisfied_min_stars; });
    numbers.push_back({"satisfaction.target_rate", "staff.policy.target",
                       [](const core::Policy& p) { return std::optional<double>(p.satisfaction.target_rate * 100.0); },
                       [](core::Policy& p, std::optional<double> v) { p.satisfaction.target_rate = v.value_or(0) / 100.0; },
                       false, true});
    return numbers;
}

// The one text field of the policy form: the service hotline, empty = none.
constexpr const char* kHotlinePath = /*not a key*/"contact.hotline";

std::string NumberText(std::optional<double> value, bool decimal) {
    if (!value) return {};
    if (!decimal || std::fabs(*value - std::round(*value)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(*value)));
    return FormatOneDecimal(*value);
}

void FillForm(AppState& state, const core::Policy& policy) {
    PolicyForm& form = state.staff.admin.policy_form;
    form = PolicyForm{};
    for (const PolicyNumber& number : PolicyNumbers(policy)) {
        form.fields[number.path] = NumberText(number.get(policy), number.decimal);
    }
    form.fields[kHotlinePath] = policy.contact.hotline;
}

void LoadPolicy(AppState& state) {
    AdminState& admin = state.staff.admin;
    admin.policy.StartLoading();
    requests::LoadStaffPolicy(
        state,
        [&state](core::Policy policy) {
            FillForm(state, policy);
            state.staff.admin.policy.Succeed(std::move(policy));
        },
        [&state](ApiError error) {
            state.staff.admin.policy.Fail(error);
        });
}

// The error for a field: its own, or one about its whole step ("sla.escalation[1]").
std::string PolicyError(const PolicyForm& form, const std::string& path) {
    for (const auto& [field, message] : form.errors) {
        if (field == path || (path.rfind(field, 0) == 0 && path.size() > field.size() && path[field.size()] == '.')) {
            return message;
        }
    }
    return {};
}

void SavePolicy(AppState& state) {
    AdminState& admin = state.staff.admin;
    PolicyForm& form = admin.policy_form;
    form.errors.clear();
    core::Policy edited = *admin.policy.value;
    for (const PolicyNumber& number : PolicyNumbers(edited)) {
        const std::string& text = form.fields[number.path];
        if (text.empty()) {
            if (number.optional) number.set(edited, std::nullopt);
            else form.errors[number.path] = state.Tr("staff.policy.required");
            continue;
        }
        // Digits, one sign and one point only: strtod alone would also take "1e9", "inf" or " 5".
        const bool plain = text.find_first_not_of("0123456789.-") == std::string::npos;
        char* end = nullptr;
        const double value = plain ? std::strtod(text.c_str(), &end) : 0.0;
        const bool parsed = plain && end == text.c_str() + text.size() && std::isfinite(value);
        const bool whole = std::fabs(value - std::round(value)) < 1e-9;
        if (!parsed || (!number.decimal && !whole)) {
            form.errors[number.path] = state.Tr(number.decimal ? "staff.policy.not_number" : "staff.policy.not_integer");
            continue;
        }
        number.set(edited, value);
    }
    const std::string& hotline = form.fields[kHotlinePath];
    const auto first = hotline.find_first_not_of(" \t");
    edited.contact.hotline = first == std::string::npos ? std::string()
                                                        : hotline.substr(first, hotline.find_last_not_of(" \t") - first + 1);
    // The same validation the server runs, so every problem shows at once, next to its field.
    for (const core::Error& error : core::ValidatePolicy(edited)) {
        form.errors.emplace(error.field, Localized(error.message, state.language));
    }
    if (!form.errors.empty()) return;
    admin.busy = true;
    admin.error.reset();
    admin.notice.clear();
    requests::SavePolicy(
        state, edited,
        [&state](core::Policy saved) {
            AdminState& a = state.staff.admin;
            a.busy = false;
            FillForm(state, saved);
            a.notice = state.strings.Format(state.language, "staff.policy.saved", {{"version", std::to_string(saved.version)}});
            state.policy = saved;
            state.staff.policy.Succeed({});
            a.policy.Succeed(std::move(saved));
        },
        [&state](ApiError error) {
            AdminState& a = state.staff.admin;
            a.busy = false;
            if (!error.field.empty()) a.policy_form.errors[error.field] = Localized(error.message, state.language);
            else a.error = error;
        });
}

// The hotline, under its own heading: shown to customers only when set (home page, texts).
void DrawHotlineField(AppState& state, Ui& ui, float width) {
    PolicyForm& form = state.staff.admin.policy_form;
    ImGui::Dummy(ImVec2(0, ui.theme.Em(0.25f)));
    Heading(ui, TextStyle::Title3, state.Tr("staff.policy.group.contact"), 3);
    const TextFieldResult edit = TextField(ui, kHotlinePath, state.Tr("staff.policy.hotline"), form.fields[kHotlinePath],
                                           {.help = state.Tr("staff.policy.hotline_help"),
                                            .error = PolicyError(form, kHotlinePath), .width = width});
    if (edit.changed) {
        form.dirty = true;
        form.errors.erase(kHotlinePath);
    }
}

void DrawPolicyTab(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    AdminState& admin = state.staff.admin;
    if (admin.policy.IsIdle()) LoadPolicy(state);
    if (!admin.policy.value) {
        if (admin.policy.IsFailed()) {
            if (ErrorBanner(ui, state.strings, state.language, *admin.policy.error, "policy-error")) LoadPolicy(state);
        } else {
            LoadingIndicator(ui, state.Tr("staff.admin.loading"));
        }
        return;
    }
    const core::Policy& policy = *admin.policy.value;
    PolicyForm& form = admin.policy_form;
    const std::vector<PolicyNumber> numbers = PolicyNumbers(policy);
    struct Group {
        const char* title_key;
        const char* prefix;
    };
    const Group groups[] = {{"staff.policy.group.urgent", "sla.urgent."},
                            {"staff.policy.group.serious", "sla.serious."},
                            {"staff.policy.group.general", "sla.general."},
                            {"staff.policy.group.escalation", "sla.escalation"},
                            {"staff.policy.group.answers", "sla.c"},
                            {"staff.policy.group.answers", "sla.returns"},
                            {"staff.policy.group.answers", "sla.average"},
                            {"staff.policy.group.warranty", "warranty."},
                            {"staff.policy.group.returns", "returns."},
                            {"staff.policy.group.tickets", "tickets."},
                            {"staff.policy.group.satisfaction", "satisfaction."}};
    BeginCard(ui, "##policy");
    Heading(ui, TextStyle::Title3, state.Tr("staff.policy.title"), 2);
    Paragraph(ui, TextStyle::Small,
              state.strings.Format(state.language, "staff.policy.subtitle", {{"version", std::to_string(policy.version)}}),
              p.text_muted);
    const float avail = ImGui::GetContentRegionAvail().x;
    const int per_row = avail >= theme.Em(48.0f) ? 3 : avail >= theme.Em(30.0f) ? 2 : 1;
    const float gap = theme.Em(1.0f);
    const float width = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    // A grid placed by hand: SameLine would line a field's label up with the previous field's
    // text baseline, which sits lower inside its frame.
    const char* shown_title = nullptr;
    int in_row = 0;
    const float left = ImGui::GetCursorScreenPos().x;
    float row_top = 0.0f, row_bottom = 0.0f;
    auto end_row = [&] {
        if (in_row > 0) ImGui::SetCursorScreenPos(ImVec2(left, row_bottom));
        in_row = 0;
    };
    for (const Group& group : groups) {
        for (const PolicyNumber& number : numbers) {
            if (number.path.rfind(group.prefix, 0) != 0) continue;
            if (shown_title != group.title_key) {
                end_row();
                if (shown_title) ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
                Heading(ui, TextStyle::Title3, state.Tr(group.title_key), 3);
                shown_title = group.title_key;
            }
            if (in_row == per_row) end_row();
            if (in_row == 0) row_top = row_bottom = ImGui::GetCursorScreenPos().y;
            ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(in_row) * (width + gap), row_top));
            ++in_row;
            ImGui::BeginGroup();
            const std::string help = number.optional ? state.Tr(number.empty_help_key) : std::string();
            const TextFieldResult edit =
                TextField(ui, number.path.c_str(), state.Tr(number.label_key), form.fields[number.path],
                          {.help = help, .error = PolicyError(form, number.path), .numeric = true, .width = width});
            if (edit.changed) {
                form.dirty = true;
                form.errors.erase(number.path);
            }
            ImGui::EndGroup();
            row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y + ImGui::GetStyle().ItemSpacing.y);
        }
    }
    end_row();
    DrawHotlineField(state, ui, width);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    if (!form.errors.empty()) Paragraph(ui, TextStyle::Small, state.Tr("staff.policy.fix_errors"), p.danger, Role::Alert);
    if (Button(ui, "policy-save", state.Tr("staff.policy.save"), {.enabled = !admin.busy, .icon = ICON_CHECK})) {
        SavePolicy(state);
    }
    ImGui::SameLine(0.0f, theme.Em(0.5f));
    if (Button(ui, "policy-reset", state.Tr("staff.policy.reset"), {.kind = ButtonKind::Quiet, .enabled = form.dirty})) {
        FillForm(state, policy);
    }
    Paragraph(ui, TextStyle::Caption, state.Tr("staff.policy.applies_now"), p.text_muted);
    EndCard(ui);
}

} // namespace

void DrawStaffAdmin(AppState& state, Ui& ui) {
    if (!BeginConsoleScreen(state, ui, Screen::StaffAdmin)) return;
    const Theme& theme = ui.theme;
    AdminState& admin = state.staff.admin;
    const core::StaffPermissions& permissions = state.staff.session->permissions;
    if (!permissions.manage_staff && !permissions.edit_policy) {
        EmptyState(ui, ICON_LOCK, state.Tr("staff.admin.forbidden"));
        return;
    }
    Heading(ui, TextStyle::Title2, state.Tr("staff.admin.title"), 1);
    std::vector<std::string> tabs;
    std::vector<std::string> names;
    if (permissions.manage_staff) {
        tabs.push_back(state.Tr("staff.admin.tab.staff"));
        names.push_back("staff");
    }
    if (permissions.edit_policy) {
        tabs.push_back(state.Tr("staff.admin.tab.policy"));
        names.push_back("policy");
    }
    if (permissions.manage_staff) {
        tabs.push_back(state.Tr("staff.admin.tab.data"));
        names.push_back("data");
        tabs.push_back(state.Tr("staff.admin.tab.outbound"));
        names.push_back("outbound");
    }
    const std::string wanted = QueryValue(state.route.query, "tab");
    int current = 0;
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == wanted) current = static_cast<int>(i);
    const int chosen = TabBar(ui, "admin-tabs", tabs, current);
    if (chosen >= 0 && chosen != current) {
        Navigate(state, Route{Screen::StaffAdmin, {}, "tab=" + names[static_cast<size_t>(chosen)]});
        admin.notice.clear();
        admin.error.reset();
        admin.data.created_key.reset();  // a key's secret is shown once, not kept around
    }
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    if (!admin.notice.empty()) Paragraph(ui, TextStyle::Small, admin.notice, theme.palette.success, Role::Status);
    if (admin.error) {
        if (ErrorBanner(ui, state.strings, state.language, *admin.error, "admin-error")) admin.error.reset();
    }
    const std::string& tab = names[static_cast<size_t>(current)];
    if (tab == "staff") DrawStaffTab(state, ui);
    else if (tab == "data") DrawVendorDataTab(state, ui);
    else if (tab == "outbound") DrawOutboundTab(state, ui);
    else DrawPolicyTab(state, ui);
}

} // namespace aftercare::portal
