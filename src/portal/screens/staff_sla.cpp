// The SLA board; see staff_sla.h.
//
// [SECTION] Data
// [SECTION] Tiles and escalation rules
// [SECTION] Board rows
#include "screens/staff_sla.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"

#include "core/sla.h"

#include <algorithm>
#include <array>

namespace aftercare::portal {
namespace {

constexpr int kBoardLimit = 200;  // the most urgent; the queue has the rest
constexpr std::array<std::string_view, 3> kBuckets = {api::kSlaFilterBreached, api::kSlaFilterSoon,
                                                      api::kSlaFilterOnTrack};

//-----------------------------------------------------------------------------
// [SECTION] Data
//-----------------------------------------------------------------------------

void LoadBoard(AppState& state, Ui& ui) {
    SlaBoardState& sla = state.staff.sla;
    sla.board.StartLoading();
    const int generation = sla.generation;
    Query filter = Query().Add("sort", "sla").Add("limit", kBoardLimit);
    if (!sla.sla.empty()) filter.Add("sla", sla.sla);
    Host& host = ui.host;
    requests::LoadQueue(
        state, std::move(filter),
        [&state, &host, generation](api::QueueResponse answer) {
            SlaBoardState& s = state.staff.sla;
            if (s.generation != generation) return;
            s.version = answer.version;
            s.received_at = host.NowUnixSeconds();
            s.board.Succeed(std::move(answer));
        },
        [&state, generation](ApiError error) {
            SlaBoardState& s = state.staff.sla;
            if (s.generation == generation) s.board.Fail(std::move(error));
        });
}

// The three bucket totals come from the queue's count (limit 1: only `total` matters).
void LoadCounts(AppState& state) {
    SlaBoardState& sla = state.staff.sla;
    sla.counts_version = state.staff.feed.version;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        requests::LoadQueue(
            state, Query().Add("limit", 1).Add("sla", kBuckets[i]),
            [&state, i](api::QueueResponse answer) { state.staff.sla.counts[i] = answer.total; }, [](ApiError) {});
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Tiles and escalation rules
//-----------------------------------------------------------------------------

bool Tile(Ui& ui, const char* id, const std::string& label, std::int64_t count, const ImVec4& colour,
          bool selected, float width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float height = theme.Em(5.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id, ImVec2(width, height));
    const ImGuiID item = ImGui::GetItemID();
    pressed |= ui.a11y.TakeActivation(item);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    const float r = theme.Em(0.75f);
    draw->AddRectFilled(pos, max, ToU32(selected ? ImVec4(colour.x, colour.y, colour.z, 0.08f) : p.surface), r);
    draw->AddRect(pos, max, ToU32(selected || hovered ? colour : p.border), r, 0, selected ? 2.0f : 1.0f);
    draw->AddRectFilled(ImVec2(pos.x, pos.y + r), ImVec2(pos.x + theme.Em(0.3f), max.y - r), ToU32(colour), 2.0f);
    PushTextStyle(theme, TextStyle::Small);
    draw->AddText(ImVec2(pos.x + theme.Em(1.0f), pos.y + theme.Em(0.8f)), ToU32(p.text_muted), label.c_str());
    ImGui::PopFont();
    const std::string number = count < 0 ? "—" : FormatCount(count);
    PushTextStyle(theme, TextStyle::Display);
    draw->AddText(ImVec2(pos.x + theme.Em(1.0f), pos.y + theme.Em(2.0f)), ToU32(colour), number.c_str());
    ImGui::PopFont();
    DrawFocusRing(ui, item);
    ui.a11y.AddLastItem(Role::Button, label, selected ? A11yFlags_Selected : A11yFlags_None, {}, number);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return pressed;
}

void DrawTiles(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    SlaBoardState& sla = state.staff.sla;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.75f);
    const int per_row = avail >= theme.Em(40.0f) ? 3 : 1;
    const float width = (avail - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row);
    const std::string labels[] = {state.Tr("staff.sla.breached"), state.Tr("staff.sla.tile.soon"),
                                  state.Tr("staff.sla.on_track")};
    const ImVec4 colours[] = {p.danger, p.warning, p.success};
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (i % static_cast<size_t>(per_row) != 0) ImGui::SameLine(0.0f, gap);
        const bool selected = sla.sla == kBuckets[i];
        const std::string id = "tile-" + std::string(kBuckets[i]);
        if (Tile(ui, id.c_str(), labels[i], sla.counts[i], colours[i], selected, width)) {
            // A second press on the chosen bucket shows every ticket again.
            const std::string next = selected ? std::string() : "sla=" + std::string(kBuckets[i]);
            Navigate(state, Route{Screen::StaffSla, {}, next});
        }
    }
}

// Who is told at each level: the policy's steps, with the staff who hold those roles.
void DrawEscalationRules(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    BeginCard(ui, "##rules");
    Heading(ui, TextStyle::Title3, state.Tr("staff.sla.rules.title"), 2);
    int level = 0;
    for (const core::EscalationStep& step : state.policy.sla.escalation) {
        ++level;
        const std::string when = step.overdue_percent == 0
                                     ? state.Tr("staff.sla.rules.at_breach")
                                     : state.strings.Format(state.language, "staff.sla.rules.after",
                                                            {{"percent", std::to_string(step.overdue_percent)}});
        const std::string title = state.strings.Format(state.language, "staff.sla.rules.level",
                                                       {{"n", std::to_string(level)},
                                                        {"level", EscalationLabel(state, step.level)}});
        ColourChip(ui, title, EscalationColour(p, step.level), {.icon = ICON_LEVEL_UP});
        Paragraph(ui, TextStyle::Small, when, p.text);
        std::string who;
        for (const std::string& role : step.notify_roles) {
            std::string names;
            if (state.staff.members.IsLoaded()) {
                for (const api::StaffAccount& m : state.staff.members.value->members) {
                    if (!m.active || std::find(m.roles.begin(), m.roles.end(), role) == m.roles.end()) continue;
                    if (!names.empty()) names += state.language == Language::ZhCN ? "、" : ", ";
                    names += m.display_name.empty() ? m.id : m.display_name;
                }
            }
            if (!who.empty()) who += state.language == Language::ZhCN ? "；" : "; ";
            who += RoleLabel(state, role) + (names.empty() ? "" : "（" + names + "）");
        }
        Paragraph(ui, TextStyle::Small, state.strings.Format(state.language, "staff.timeline.notified", {{"roles", who}}),
                  p.text_muted);
        ImGui::Dummy(ImVec2(0, theme.Em(0.2f)));
    }
    Paragraph(ui, TextStyle::Caption, state.Tr("staff.sla.rules.soon_window"), p.text_muted);
    EndCard(ui);
}

//-----------------------------------------------------------------------------
// [SECTION] Board rows
//-----------------------------------------------------------------------------

void DrawBoardRow(AppState& state, Ui& ui, const api::QueueItem& item, double elapsed) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const core::SlaOutlook outlook = core::Outlook(item.sla.status, static_cast<std::int64_t>(elapsed));
    const ImVec4 colour = UrgencyColour(p, outlook.urgency);
    const float width = ImGui::GetContentRegionAvail().x;
    const bool narrow = width < theme.Em(40.0f);
    const float height = theme.Em(narrow ? 5.6f : 4.0f);
    ImGui::PushID(item.service_number.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool open = ImGui::InvisibleButton("##row", ImVec2(width, height));
    const ImGuiID id = ImGui::GetItemID();
    open |= ui.a11y.TakeActivation(id);
    const bool hovered = ImGui::IsItemHovered();

    std::string countdown;
    if (outlook.clock) {
        countdown = outlook.remaining_seconds >= 0
                        ? FormatCountdownClock(state.language, outlook.remaining_seconds)
                        : state.strings.Format(state.language, "staff.sla.overdue_by",
                                               {{"time", FormatCountdownClock(state.language, -outlook.remaining_seconds)}});
    } else {
        countdown = item.sla.status.paused ? state.Tr("staff.sla.paused") : state.Tr("staff.sla.none");
    }
    const std::string description = item.subject + " · " + UrgencyLabel(state, outlook.urgency) + " · " + countdown;
    ui.a11y.AddLastItem(Role::Row, item.service_number, A11yFlags_None, {}, description);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    const float r = theme.Em(0.6f);
    const bool alarming = outlook.urgency == core::SlaUrgency::Breached || outlook.urgency == core::SlaUrgency::Soon;
    draw->AddRectFilled(pos, max, ToU32(alarming ? ImVec4(colour.x, colour.y, colour.z, 0.07f) : p.surface), r);
    draw->AddRect(pos, max, ToU32(hovered ? p.brand_hover : p.border), r);
    draw->AddRectFilled(ImVec2(pos.x, pos.y), ImVec2(pos.x + theme.Em(0.3f), max.y), ToU32(colour), r,
                        ImDrawFlags_RoundCornersLeft);
    DrawFocusRing(ui, id);

    const float pad = theme.Em(1.0f);
    const float inner = width - pad * 2.0f;
    // Columns: who/what | countdown | progress | escalation (stacked on a phone).
    const float col1 = narrow ? inner : inner * 0.38f;
    const float col2 = narrow ? inner * 0.5f : inner * 0.2f;
    const float col3 = narrow ? inner * 0.5f : inner * 0.2f;
    const float x1 = pos.x + pad;
    const float x2 = narrow ? x1 : x1 + col1 + theme.Em(0.5f);
    const float x3 = x2 + col2 + theme.Em(0.5f);
    const float x4 = x3 + col3 + theme.Em(0.5f);
    const float line_y = narrow ? pos.y + theme.Em(3.0f) : pos.y + theme.Em(0.75f);

    PushTextStyle(theme, TextStyle::Small);
    draw->PushClipRect(ImVec2(x1, pos.y), ImVec2(x1 + col1, max.y), true);
    draw->AddText(ImVec2(x1, pos.y + theme.Em(0.75f)), ToU32(p.brand), item.service_number.c_str());
    const std::string who = item.subject + " · " + (item.assignee.empty() ? state.Tr("staff.unassigned") : StaffName(state, item.assignee));
    draw->AddText(ImVec2(x1, pos.y + theme.Em(2.1f)), ToU32(p.text), who.c_str());
    draw->PopClipRect();

    // The countdown, big, with the clock it belongs to.
    PushTextStyle(theme, TextStyle::Title3);
    draw->AddText(ImVec2(x2, line_y), ToU32(colour), countdown.c_str());
    ImGui::PopFont();
    if (outlook.clock) {
        draw->AddText(ImVec2(x2, line_y + theme.Em(1.45f)), ToU32(p.text_muted), ClockLabel(state, *outlook.clock).c_str());
    }

    // How much of the clock's allowance is used.
    if (outlook.clock) {
        const core::Deadline& d = item.sla.status.Get(*outlook.clock);
        if (d.allowance_seconds > 0) {
            const float used = 1.0f - static_cast<float>(outlook.remaining_seconds) / static_cast<float>(d.allowance_seconds);
            const float bar_y = line_y + theme.Em(0.55f);
            const float bar_h = theme.Em(0.45f);
            draw->AddRectFilled(ImVec2(x3, bar_y), ImVec2(x3 + col3, bar_y + bar_h), ToU32(p.background), bar_h);
            draw->AddRectFilled(ImVec2(x3, bar_y), ImVec2(x3 + col3 * std::clamp(used, 0.02f, 1.0f), bar_y + bar_h),
                                ToU32(colour), bar_h);
            const std::string share = FormatPercent(std::clamp(used, 0.0f, 9.99f));
            draw->AddText(ImVec2(x3, bar_y + bar_h + theme.Em(0.3f)), ToU32(p.text_muted),
                          state.strings.Format(state.language, "staff.sla.used", {{"share", share}}).c_str());
        }
    }

    // Escalation: the level reached, or the one a breach calls for.
    if (!narrow) {
        if (item.escalation != core::EscalationLevel::None) {
            const std::string level = EscalationLabel(state, item.escalation);
            const ImVec4 ec = EscalationColour(p, item.escalation);
            const ImVec2 ts = ImGui::CalcTextSize(level.c_str());
            draw->AddRectFilled(ImVec2(x4, line_y), ImVec2(x4 + ts.x + theme.Em(1.0f), line_y + ts.y + theme.Em(0.4f)),
                                ToU32(ImVec4(ec.x, ec.y, ec.z, 0.12f)), theme.Em(0.6f));
            draw->AddText(ImVec2(x4 + theme.Em(0.5f), line_y + theme.Em(0.2f)), ToU32(ec), level.c_str());
        } else if (item.sla.status.escalation_due != core::EscalationLevel::None) {
            draw->AddText(ImVec2(x4, line_y), ToU32(p.danger),
                          state.strings.Format(state.language, "staff.sla.escalating",
                                               {{"level", EscalationLabel(state, item.sla.status.escalation_due)}})
                              .c_str());
        } else {
            draw->AddText(ImVec2(x4, line_y), ToU32(p.text_muted), EscalationLabel(state, core::EscalationLevel::None).c_str());
        }
        draw->AddText(ImVec2(x4, line_y + theme.Em(1.45f)), ToU32(p.text_muted),
                      (PriorityLabel(state, item.priority) + " · " + KindLabel(state, item.kind, core::Audience::Staff)).c_str());
    }
    ImGui::PopFont();
    if (open) Navigate(state, Route{Screen::StaffTicket, item.service_number});
    ImGui::PopID();
    ImGui::Dummy(ImVec2(0, theme.Em(0.1f)));
}

} // namespace

void DrawStaffSla(AppState& state, Ui& ui) {
    if (!BeginConsoleScreen(state, ui, Screen::StaffSla)) return;
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    SlaBoardState& sla = state.staff.sla;

    if (state.route.query != sla.applied_query || sla.generation == 0) {
        sla.applied_query = state.route.query;
        const std::string wanted = QueryValue(state.route.query, "sla");
        sla.sla = std::find(kBuckets.begin(), kBuckets.end(), wanted) != kBuckets.end() ? wanted : std::string();
        ++sla.generation;
        sla.board.Reset();
    }
    const std::int64_t live = state.staff.feed.version;
    if (sla.board.IsIdle() || (sla.board.IsLoaded() && sla.version < live)) LoadBoard(state, ui);
    if (sla.counts_version < live || sla.counts_version < 0) LoadCounts(state);

    Heading(ui, TextStyle::Title2, state.Tr("staff.sla.title"), 1);
    Paragraph(ui, TextStyle::Small, state.Tr("staff.sla.subtitle"), p.text_muted);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawTiles(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));

    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side = avail >= theme.Em(60.0f);
    const float gap = theme.Em(1.0f);
    const float side_w = side ? theme.Em(19.0f) : avail;
    const float main_w = side ? avail - side_w - gap : avail;

    const float left = ImGui::GetCursorPosX();
    BeginColumn(ui, left, main_w);
    if (sla.board.value) {
        const auto& items = sla.board.value->items;
        const double elapsed = ui.host.NowUnixSeconds() - sla.received_at;
        if (items.empty()) {
            EmptyState(ui, ICON_CHECK, state.Tr("staff.sla.empty"));
        } else {
            for (const api::QueueItem& item : items) DrawBoardRow(state, ui, item, elapsed);
            if (sla.board.value->total > static_cast<std::int64_t>(items.size())) {
                Paragraph(ui, TextStyle::Small,
                          state.strings.Format(state.language, "staff.sla.more",
                                               {{"shown", std::to_string(items.size())},
                                                {"total", FormatCount(sla.board.value->total)}}),
                          p.text_muted);
            }
            ui.host.RequestRedrawAfter(1.0);  // the countdowns
        }
    } else if (sla.board.IsFailed()) {
        if (ErrorBanner(ui, state.strings, state.language, *sla.board.error, "sla-error")) LoadBoard(state, ui);
    } else {
        LoadingIndicator(ui, state.Tr("staff.queue.loading"));
    }
    EndColumn(ui);
    if (side) ImGui::SameLine(0.0f, gap);
    else ImGui::Dummy(ImVec2(0, theme.Em(0.5f)));
    BeginColumn(ui, side ? left + main_w + gap : left, side_w);
    DrawEscalationRules(state, ui);
    EndColumn(ui);
}

} // namespace aftercare::portal
