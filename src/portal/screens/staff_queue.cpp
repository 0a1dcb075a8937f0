// The work queue; see staff_queue.h.
//
// [SECTION] Route query <-> filter
// [SECTION] Pages from the server
// [SECTION] Filter bar
// [SECTION] Table
#include "screens/staff_queue.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "net/staff_requests.h"
#include "time_format.h"
#include "widgets.h"
#include "widgets/dropdown.h"
#include "widgets/feedback.h"
#include "widgets/status_chip.h"

#include "core/service_number.h"
#include "core/sla.h"

#include <imgui_internal.h>  // ImGuiListClipper bounds, the table's inner window

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <limits>

namespace aftercare::portal {
namespace {

constexpr int kPageSize = 100;     // rows per request: a screenful and then some
constexpr int kKeepPages = 4;      // pages kept beyond the visible ones (scrolling back is instant)
constexpr float kRowHeightEm = 3.1f;

//-----------------------------------------------------------------------------
// [SECTION] Route query <-> filter
//-----------------------------------------------------------------------------

template <class E> void ReadEnum(const std::string& query, const char* name, std::optional<E>& out) {
    E value{};
    const std::string text = QueryValue(query, name);
    if (!text.empty() && core::FromString(text, value)) out = value;
}

} // namespace

std::string QueueQueryString(const api::QueueFilter& filter) {
    std::string query;
    auto add = [&query](const char* name, std::string_view value) {
        if (!query.empty()) query += '&';
        query += name;
        query += '=';
        query += EncodeQueryValue(value);
    };
    if (filter.state) add("state", core::ToString(*filter.state));
    if (filter.kind) add("kind", core::ToString(*filter.kind));
    if (filter.priority) add("priority", core::ToString(*filter.priority));
    if (!filter.sla.empty()) add("sla", filter.sla);
    if (!filter.assignee.empty()) add("assignee", filter.assignee);
    if (filter.unassigned) add("unassigned", "1");
    if (filter.sort != "sla") add("sort", filter.sort);
    if (filter.descending) add("dir", "desc");
    return query;
}

api::QueueFilter QueueFilterFromQuery(const std::string& query) {
    api::QueueFilter filter;
    ReadEnum(query, "state", filter.state);
    ReadEnum(query, "kind", filter.kind);
    ReadEnum(query, "priority", filter.priority);
    const std::string sla = QueryValue(query, "sla");
    if (sla == api::kSlaFilterBreached || sla == api::kSlaFilterSoon || sla == api::kSlaFilterOnTrack) filter.sla = sla;
    filter.assignee = QueryValue(query, "assignee");
    filter.unassigned = QueryValue(query, "unassigned") == "1";
    const std::string sort = QueryValue(query, "sort");
    if (api::IsQueueSortColumn(sort)) filter.sort = sort;
    filter.descending = QueryValue(query, "dir") == "desc";
    return filter;
}

namespace {

void ApplyFilter(AppState& state, const api::QueueFilter& filter) {
    Navigate(state, Route{Screen::StaffQueue, {}, QueueQueryString(filter)});
}

//-----------------------------------------------------------------------------
// [SECTION] Pages from the server
//-----------------------------------------------------------------------------

void RequestPage(AppState& state, Ui& ui, int page) {
    QueueState& queue = state.staff.queue;
    QueuePage& entry = queue.pages[page];
    if (entry.loading) return;
    entry.loading = true;
    const int generation = queue.generation;
    Host& host = ui.host;
    requests::LoadQueue(
        state, Query::Encoded(QueueQueryString(queue.filter)).Add("offset", page * kPageSize).Add("limit", kPageSize),
        [&state, &host, generation, page](api::QueueResponse answer) {
            QueueState& q = state.staff.queue;
            if (q.generation != generation) return;
            QueuePage& p = q.pages[page];
            p.loading = false;
            p.loaded = true;
            p.generation = generation;
            p.version = answer.version;
            p.received_at = host.NowUnixSeconds();
            p.items = std::move(answer.items);
            q.total = answer.total;
            q.error.reset();
        },
        [&state, generation, page](ApiError error) {
            QueueState& q = state.staff.queue;
            if (q.generation != generation) return;
            q.pages[page].loading = false;
            q.error = std::move(error);
        });
}

// The rows the table will draw are the ones just drawn (scrolling moves a few rows a frame).
// Pages under them are fetched when missing or older than the change feed; far pages are dropped.
void SyncPages(AppState& state, Ui& ui) {
    QueueState& queue = state.staff.queue;
    const std::int64_t live = state.staff.feed.version;
    if (queue.total < 0) {
        if (!queue.pages[0].loading && !queue.error) RequestPage(state, ui, 0);
        return;
    }
    const int first = std::max(0, queue.first_visible) / kPageSize;
    const int last = std::max(0, queue.last_visible) / kPageSize;
    for (int page = first; page <= last; ++page) {
        if (static_cast<std::int64_t>(page) * kPageSize >= std::max<std::int64_t>(queue.total, 1)) break;
        auto it = queue.pages.find(page);
        const bool missing = it == queue.pages.end() || (!it->second.loaded && !it->second.loading);
        const bool outdated = it != queue.pages.end() && it->second.loaded && it->second.version < live;
        if ((missing && !queue.error) || (outdated && !it->second.loading)) RequestPage(state, ui, page);
    }
    std::erase_if(queue.pages, [&](const auto& entry) {
        return !entry.second.loading && (entry.first < first - kKeepPages || entry.first > last + kKeepPages);
    });
}

struct Row {
    const api::QueueItem* item = nullptr;
    double received_at = 0;
};

Row RowAt(const QueueState& queue, int index) {
    auto it = queue.pages.find(index / kPageSize);
    if (it == queue.pages.end() || !it->second.loaded) return {};
    const auto slot = static_cast<size_t>(index % kPageSize);
    if (slot >= it->second.items.size()) return {};
    return Row{&it->second.items[slot], it->second.received_at};
}

//-----------------------------------------------------------------------------
// [SECTION] Filter bar
//-----------------------------------------------------------------------------

const std::string& StaffStateLabel(const AppState& state, core::TicketState value) {
    return StateLabel(state, value, core::Audience::Staff);
}
const std::string& StaffKindLabel(const AppState& state, core::TicketKind value) {
    return KindLabel(state, value, core::Audience::Staff);
}

// "All" plus every value of an enum, and the index of the current choice.
template <class E, size_t N>
bool EnumDropdown(AppState& state, Ui& ui, const char* id, const char* label_key, const std::array<E, N>& values,
                  std::optional<E>& current, const std::string& (*label)(const AppState&, E)) {
    std::vector<std::string> options{state.Tr("staff.filter.all")};
    int selected = 0;
    for (size_t i = 0; i < N; ++i) {
        options.push_back(label(state, values[i]));
        if (current == values[i]) selected = static_cast<int>(i) + 1;
    }
    if (!Dropdown(ui, id, state.Tr(label_key), options, selected)) return false;
    current = selected == 0 ? std::nullopt : std::optional<E>(values[static_cast<size_t>(selected - 1)]);
    return true;
}

void DrawFilters(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    QueueState& queue = state.staff.queue;
    api::QueueFilter filter = queue.filter;
    bool changed = false;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = theme.Em(0.5f);
    float used = 0.0f;
    // Flows like inline content: the next control wraps when it would not fit.
    auto next = [&](float width) {
        if (used > 0.0f && used + gap + width <= avail) {
            ImGui::SameLine(0.0f, gap);
            used += gap + width;
        } else {
            used = width;
        }
    };
    auto width_of = [&](const std::string& label, std::span<const std::string> options) {
        PushTextStyle(theme, TextStyle::Small);
        float longest = 0.0f;
        for (const auto& o : options) longest = std::max(longest, ImGui::CalcTextSize(o.c_str()).x);
        const float w = ImGui::CalcTextSize((label + "：").c_str()).x + longest + theme.Em(3.0f);
        ImGui::PopFont();
        return w;
    };

    static constexpr std::array kStates = {
        core::TicketState::Submitted,       core::TicketState::Accepted,     core::TicketState::Assigned,
        core::TicketState::InProgress,      core::TicketState::WaitingCustomer, core::TicketState::AwaitingItem,
        core::TicketState::ItemReceived,    core::TicketState::Resolved,     core::TicketState::Confirmed,
        core::TicketState::Closed,          core::TicketState::Cancelled,    core::TicketState::Rejected};
    static constexpr std::array kKinds = {core::TicketKind::Repair, core::TicketKind::Return, core::TicketKind::Exchange,
                                          core::TicketKind::Complaint, core::TicketKind::Consultation,
                                          core::TicketKind::Suggestion};
    static constexpr std::array kPriorities = {core::Priority::Urgent, core::Priority::Serious, core::Priority::General};

    {
        std::vector<std::string> widest{state.Tr("staff.filter.all")};
        for (auto s : kStates) widest.push_back(StateLabel(state, s, core::Audience::Staff));
        next(width_of(state.Tr("staff.column.state"), widest));
        changed |= EnumDropdown(state, ui, "filter-state", "staff.column.state", kStates, filter.state, &StaffStateLabel);
    }
    {
        std::vector<std::string> widest{state.Tr("staff.filter.all")};
        for (auto k : kKinds) widest.push_back(KindLabel(state, k, core::Audience::Staff));
        next(width_of(state.Tr("staff.column.kind"), widest));
        changed |= EnumDropdown(state, ui, "filter-kind", "staff.column.kind", kKinds, filter.kind, &StaffKindLabel);
    }
    {
        std::vector<std::string> widest{state.Tr("staff.filter.all")};
        for (auto k : kPriorities) widest.push_back(PriorityLabel(state, k));
        next(width_of(state.Tr("staff.column.priority"), widest));
        changed |= EnumDropdown(state, ui, "filter-priority", "staff.column.priority", kPriorities, filter.priority,
                                &PriorityLabel);
    }
    {
        const std::array<std::string_view, 4> values = {"", api::kSlaFilterBreached, api::kSlaFilterSoon,
                                                         api::kSlaFilterOnTrack};
        std::vector<std::string> options = {state.Tr("staff.filter.all"), state.Tr("staff.sla.breached"),
                                            state.Tr("staff.sla.soon"), state.Tr("staff.sla.on_track")};
        int selected = 0;
        for (size_t i = 0; i < values.size(); ++i)
            if (filter.sla == values[i]) selected = static_cast<int>(i);
        next(width_of(state.Tr("staff.column.sla"), options));
        if (Dropdown(ui, "filter-sla", state.Tr("staff.column.sla"), options, selected)) {
            filter.sla = std::string(values[static_cast<size_t>(selected)]);
            changed = true;
        }
    }
    {
        // Everyone: all (for an agent: own and unassigned), mine, unassigned; supervisors: anyone.
        const StaffSession& session = *state.staff.session;
        std::vector<std::string> options = {state.Tr("staff.filter.all"), state.Tr("staff.filter.mine"),
                                            state.Tr("staff.filter.unassigned")};
        std::vector<std::string> usernames = {"", session.member.id, ""};
        if (session.permissions.all_tickets && state.staff.members.IsLoaded()) {
            for (const api::StaffAccount& m : state.staff.members.value->members) {
                if (m.id == session.member.id || !m.active) continue;
                options.push_back(m.display_name.empty() ? m.id : m.display_name);
                usernames.push_back(m.id);
            }
        }
        int selected = 0;
        if (filter.unassigned) selected = 2;
        else if (!filter.assignee.empty()) {
            for (size_t i = 1; i < usernames.size(); ++i)
                if (i != 2 && usernames[i] == filter.assignee) selected = static_cast<int>(i);
        }
        next(width_of(state.Tr("staff.column.assignee"), options));
        if (Dropdown(ui, "filter-assignee", state.Tr("staff.column.assignee"), options, selected)) {
            filter.unassigned = selected == 2;
            filter.assignee = selected == 2 ? std::string() : usernames[static_cast<size_t>(selected)];
            changed = true;
        }
    }
    const bool any = filter.state || filter.kind || filter.priority || !filter.sla.empty() || !filter.assignee.empty() ||
                     filter.unassigned;
    if (any) {
        const std::string& label = state.Tr("staff.filter.clear");
        PushTextStyle(theme, TextStyle::Small);
        const float w = ImGui::CalcTextSize(label.c_str()).x + theme.Em(3.0f);
        next(w);
        if (Button(ui, "filter-clear", label, {.kind = ButtonKind::Quiet, .width = w, .icon = ICON_TIMES})) {
            api::QueueFilter cleared;
            cleared.sort = filter.sort;
            cleared.descending = filter.descending;
            filter = cleared;
            changed = true;
        }
        ImGui::PopFont();
    }
    if (changed) ApplyFilter(state, filter);
}

// The count with the live indicator on the left, "open a ticket by number" on the right.
void DrawSummary(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    QueueState& queue = state.staff.queue;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float field_w = std::min(avail, theme.Em(18.0f));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float field_h = ImGui::GetFrameHeight();
    const bool one_line = avail > field_w + theme.Em(18.0f);

    std::string count;
    if (queue.total >= 0) {
        count = state.strings.Format(state.language, "staff.queue.count", {{"count", FormatCount(queue.total)}});
    } else {
        count = state.Tr("staff.queue.loading");
    }
    PushTextStyle(theme, TextStyle::Small);
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + (field_h - ImGui::GetFontSize()) * 0.5f));
    ImGui::TextUnformatted(count.c_str());
    ui.a11y.AddText(Role::Status, count);
    ImGui::SameLine(0.0f, theme.Em(1.0f));
    const bool live = state.staff.feed.healthy;
    ImGui::TextColored(live ? p.success : p.text_muted, "%s", "\u25CF");
    ImGui::SameLine(0.0f, theme.Em(0.3f));
    const std::string& live_text = state.Tr(live ? "staff.live.on" : "staff.live.off");
    ImGui::TextColored(p.text_muted, "%s", live_text.c_str());
    ui.a11y.AddText(Role::Text, live_text);
    ImGui::PopFont();

    ImGui::SetCursorScreenPos(one_line ? ImVec2(start.x + avail - field_w, start.y)
                                       : ImVec2(start.x, start.y + field_h + theme.Em(0.5f)));
    ImGui::BeginGroup();
    const std::string hint = std::string(ICON_SEARCH) + "  " + state.Tr("staff.queue.jump.hint");
    const TextFieldResult jump =
        TextField(ui, "jump", state.Tr("staff.queue.jump"), queue.jump,
                  {.hint = hint.c_str(), .error = queue.jump_error, .hide_label = true, .width = field_w});
    ImGui::EndGroup();
    if (jump.changed) queue.jump_error.clear();
    if (jump.submitted) {
        auto parsed = core::ParseServiceNumber(queue.jump);
        if (parsed) {
            Navigate(state, Route{Screen::StaffTicket, parsed.Value().display});
            queue.jump.clear();
        } else {
            queue.jump_error = state.Tr("staff.queue.jump.invalid");
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Table
//-----------------------------------------------------------------------------

enum class Column { Number, Subject, Kind, Priority, State, Assignee, Sla, Escalation, Created, Count };

struct ColumnSpec {
    const char* label_key;
    const char* sort;        // the server's sort column, or nullptr
    float width_em;          // fixed width; 0 = stretch
    bool wide_only;          // hidden on narrow screens
};

constexpr ColumnSpec kColumns[] = {
    {"staff.column.number", "number", 10.5f, false},
    {"staff.column.subject", nullptr, 0.0f, false},
    {"staff.column.kind", "kind", 4.5f, true},
    {"staff.column.priority", "priority", 5.0f, true},
    {"staff.column.state", "state", 7.5f, false},
    {"staff.column.assignee", "assignee", 6.0f, true},
    {"staff.column.sla", "sla", 8.5f, false},
    {"staff.column.escalation", nullptr, 6.0f, true},
    {"staff.column.created", "created", 7.0f, true},
};
static_assert(std::size(kColumns) == static_cast<size_t>(Column::Count));

// A phone has room for three columns: the number with the subject under it, the state, the SLA.
// The subject column folds into the number's; the wide-only columns go.
bool ShownWhenNarrow(int column) { return !kColumns[column].wide_only && column != static_cast<int>(Column::Subject); }
constexpr float kNarrowChipColumnEm = 6.5f;  // state and SLA on a phone

// Text vertically centred in the current cell of a row `height` tall.
void CellText(const char* text, const ImVec4& colour, float row_top, float height) {
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, row_top + (height - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

// Row chips are said by the row's description; a separate text element would only cover it.
constexpr ChipStyle kRowChip{.mirror = ChipMirror::None, .compact = true};

void CellChip(Ui& ui, std::string_view text, const ImVec4& colour, float row_top, float height) {
    const ImVec2 size = ColourChipSize(ui, text, kRowChip);
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, row_top + (height - size.y) * 0.5f));
    ColourChip(ui, text, colour, kRowChip);  // the row's description says it
}

void DrawHeader(AppState& state, Ui& ui, float height, bool narrow) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    QueueState& queue = state.staff.queue;
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, height);
    ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ToU32(p.background));
    PushTextStyle(theme, TextStyle::Small);
    for (int c = 0; c < static_cast<int>(Column::Count); ++c) {
        const ColumnSpec& spec = kColumns[c];
        if (narrow && !ShownWhenNarrow(c)) continue;
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float width = ImGui::GetContentRegionAvail().x;
        const std::string& label = state.Tr(spec.label_key);
        const bool sorted = spec.sort && queue.filter.sort == spec.sort;
        ImGui::PushID(c);
        bool pressed = false;
        ImGuiID item = 0;
        if (spec.sort) {
            pressed = ImGui::InvisibleButton("##sort", ImVec2(std::max(width, 1.0f), height));
            item = ImGui::GetItemID();
            pressed |= ui.a11y.TakeActivation(item);
            if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        } else {
            ImGui::Dummy(ImVec2(std::max(width, 1.0f), height));
        }
        ImGui::PopID();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const float y = pos.y + (height - ImGui::GetFontSize()) * 0.5f;
        draw->AddText(ImVec2(pos.x, y), ToU32(sorted ? p.brand : p.text_muted), label.c_str());
        if (sorted) {
            const float x = pos.x + ImGui::CalcTextSize(label.c_str()).x + theme.Em(0.35f);
            draw->AddText(ImVec2(x, y), ToU32(p.brand), queue.filter.descending ? ICON_SORT_DOWN : ICON_SORT_UP);
        }
        if (spec.sort) {
            DrawFocusRing(ui, item);
            const std::string name =
                sorted ? label + " " + state.Tr(queue.filter.descending ? "staff.sort.descending" : "staff.sort.ascending")
                       : label;
            ui.a11y.AddLastItem(Role::Button, name, sorted ? A11yFlags_Selected : A11yFlags_None, {},
                                state.Tr("staff.sort.hint"));
        } else {
            ui.a11y.AddText(Role::Text, label);
        }
        if (pressed) {
            api::QueueFilter filter = queue.filter;
            // A click on the sorted column flips it; another column starts ascending.
            filter.descending = sorted ? !filter.descending : false;
            filter.sort = spec.sort;
            ApplyFilter(state, filter);
        }
    }
    ImGui::PopFont();
}

// Placeholder bars while a page is on its way: the row keeps its height, nothing jumps.
void SkeletonRow(Ui& ui, float row_top, float height, bool narrow) {
    const Theme& theme = ui.theme;
    for (int c = 0; c < static_cast<int>(Column::Count); ++c) {
        if (narrow && !ShownWhenNarrow(c)) continue;
        if (!ImGui::TableSetColumnIndex(c)) continue;
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x * (c == 1 ? 0.7f : 0.6f);
        const float bar_h = theme.Em(0.7f);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, row_top + (height - bar_h) * 0.5f),
                                                  ImVec2(pos.x + w, row_top + (height + bar_h) * 0.5f),
                                                  ToU32(theme.palette.background), bar_h * 0.5f);
    }
}

struct SlaCell {
    std::string text;
    std::string caption;
    ImVec4 colour;
    core::SlaUrgency urgency = core::SlaUrgency::None;
    bool ticking = false;
};

SlaCell SlaCellFor(const AppState& state, const api::QueueItem& item, double elapsed) {
    const Palette& p = state.theme.palette;
    const core::SlaOutlook outlook = core::Outlook(item.sla.status, static_cast<std::int64_t>(elapsed));
    SlaCell cell;
    cell.urgency = outlook.urgency;
    cell.colour = UrgencyColour(p, outlook.urgency);
    if (outlook.clock) {
        cell.ticking = true;
        cell.caption = ClockLabel(state, *outlook.clock);
        if (outlook.remaining_seconds < 0) {
            cell.text = state.strings.Format(state.language, "staff.sla.overdue_by",
                                             {{"time", FormatCountdownClock(state.language, -outlook.remaining_seconds)}});
        } else {
            cell.text = FormatCountdownClock(state.language, outlook.remaining_seconds);
        }
    } else if (item.sla.status.paused) {
        cell.text = state.Tr("staff.sla.paused");
        cell.colour = p.text_muted;
    } else if (item.sla.status.breached) {
        cell.text = state.Tr("staff.sla.was_late");
    } else {
        cell.text = "—";
        cell.colour = p.text_muted;
    }
    return cell;
}

void DrawRow(AppState& state, Ui& ui, const api::QueueItem& item, double received_at, float height, bool narrow,
             const ImRect& visible, bool& ticking) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const double elapsed = ui.host.NowUnixSeconds() - received_at;
    const SlaCell sla = SlaCellFor(state, item, elapsed);
    ticking |= sla.ticking;
    if (sla.urgency == core::SlaUrgency::Breached || sla.urgency == core::SlaUrgency::Soon) {
        const ImVec4 tint = sla.urgency == core::SlaUrgency::Breached ? p.danger : p.warning;
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ToU32(ImVec4(tint.x, tint.y, tint.z, 0.06f)));
    }

    ImGui::TableSetColumnIndex(0);
    const ImVec2 first_cell = ImGui::GetCursorScreenPos();
    const float row_top = first_cell.y;
    ImGui::PushID(item.service_number.c_str());
    bool open = ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns,
                                  ImVec2(0.0f, height));
    const ImGuiID row_id = ImGui::GetItemID();
    // A finger that dragged the list is scrolling it, not opening the row it started on.
    const ImGuiIO& io = ImGui::GetIO();
    if (open && io.MouseSource == ImGuiMouseSource_TouchScreen &&
        io.MouseDragMaxDistanceSqr[0] > theme.Em(0.5f) * theme.Em(0.5f)) {
        open = false;
    }
    open |= ui.a11y.TakeActivation(row_id);
    std::string description = item.subject + " · " + StateLabel(state, item.state, core::Audience::Staff) + " · " +
                              PriorityLabel(state, item.priority) + " · " + sla.text;
    if (item.escalation != core::EscalationLevel::None) description += " · " + EscalationLabel(state, item.escalation);
    if (item.channel != core::Channel::Web) description += " · " + ChannelLabel(state, item.channel);
    ui.a11y.AddLastItem(Role::Row, item.service_number, A11yFlags_None, {}, description);
    // Exactly the row: the selectable's hit box also takes half the spacing around it.
    ui.a11y.ClipLast(ImVec2(visible.Min.x, std::max(visible.Min.y, row_top)),
                     ImVec2(visible.Max.x, std::min(visible.Max.y, row_top + height)));
    if (ui.a11y.HasDomFocus(row_id)) {
        // Keyboard focus on a row half out of view brings it in.
        if (row_top < visible.Min.y || row_top + height > visible.Max.y) ImGui::SetScrollHereY(0.5f);
    }
    if (ui.a11y.HasVisibleDomFocus(row_id)) {
        ImGui::GetWindowDrawList()->AddRect(ImVec2(visible.Min.x + 1, row_top + 1),
                                            ImVec2(visible.Max.x - 1, row_top + height - 1), ToU32(p.brand),
                                            theme.Em(0.3f), 0, 2.0f);
    }
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (open) Navigate(state, Route{Screen::StaffTicket, item.service_number});

    PushTextStyle(theme, TextStyle::Small);
    if (narrow) {
        // The number over the subject, clipped to the cell (the subject column is folded in here).
        const float line = ImGui::GetFontSize();
        const float gap = theme.Em(0.2f);
        const float top = row_top + (height - line * 2.0f - gap) * 0.5f;
        const float w = ImGui::GetContentRegionAvail().x;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->PushClipRect(ImVec2(first_cell.x, row_top), ImVec2(first_cell.x + w, row_top + height), true);
        draw->AddText(ImVec2(first_cell.x, top), ToU32(p.brand), item.service_number.c_str());
        draw->AddText(ImVec2(first_cell.x, top + line + gap), ToU32(p.text), item.subject.c_str());
        draw->PopClipRect();
    } else {
        ImGui::GetWindowDrawList()->AddText(ImVec2(first_cell.x, row_top + (height - ImGui::GetFontSize()) * 0.5f),
                                            ToU32(p.brand), item.service_number.c_str());
    }

    // Subject over the customer's name (typed by the customer: regular face).
    if (!narrow && ImGui::TableSetColumnIndex(static_cast<int>(Column::Subject))) {
        const float line = ImGui::GetFontSize();
        const float gap = theme.Em(0.2f);
        const float top = row_top + (height - line * 2.0f - gap) * 0.5f;
        const ImVec2 cell = ImGui::GetCursorScreenPos();
        const float w = ImGui::GetContentRegionAvail().x;
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->PushClipRect(ImVec2(cell.x, row_top), ImVec2(cell.x + w, row_top + height), true);
        draw->AddText(ImVec2(cell.x, top), ToU32(p.text), item.subject.c_str());
        std::string who = item.customer_name;
        if (narrow) who += " · " + KindLabel(state, item.kind, core::Audience::Staff) + " · " + PriorityLabel(state, item.priority);
        if (item.channel != core::Channel::Web) who += " · " + ChannelLabel(state, item.channel);
        draw->AddText(ImVec2(cell.x, top + line + gap), ToU32(p.text_muted), who.c_str());
        draw->PopClipRect();
    }
    if (!narrow && ImGui::TableSetColumnIndex(static_cast<int>(Column::Kind))) {
        CellText(KindLabel(state, item.kind, core::Audience::Staff).c_str(), p.text, row_top, height);
    }
    if (!narrow && ImGui::TableSetColumnIndex(static_cast<int>(Column::Priority))) {
        CellChip(ui, PriorityLabel(state, item.priority), PriorityColour(p, item.priority), row_top, height);
    }
    if (ImGui::TableSetColumnIndex(static_cast<int>(Column::State))) {
        CellChip(ui, StateLabel(state, item.state, core::Audience::Staff), StateColour(p, item.state), row_top, height);
    }
    if (!narrow && ImGui::TableSetColumnIndex(static_cast<int>(Column::Assignee))) {
        if (item.assignee.empty()) CellText(state.Tr("staff.unassigned").c_str(), p.text_muted, row_top, height);
        else CellText(StaffName(state, item.assignee).c_str(), p.text, row_top, height);
    }
    if (ImGui::TableSetColumnIndex(static_cast<int>(Column::Sla))) {
        const float line = ImGui::GetFontSize();
        const ImVec2 cell = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        if (sla.caption.empty()) {
            draw->AddText(ImVec2(cell.x, row_top + (height - line) * 0.5f), ToU32(sla.colour), sla.text.c_str());
        } else {
            const float top = row_top + (height - line * 2.0f - theme.Em(0.2f)) * 0.5f;
            draw->AddText(ImVec2(cell.x, top), ToU32(sla.colour), sla.text.c_str());
            draw->AddText(ImVec2(cell.x, top + line + theme.Em(0.2f)), ToU32(p.text_muted), sla.caption.c_str());
        }
    }
    if (!narrow && ImGui::TableSetColumnIndex(static_cast<int>(Column::Escalation))) {
        if (item.escalation != core::EscalationLevel::None) {
            CellChip(ui, EscalationLabel(state, item.escalation), EscalationColour(p, item.escalation), row_top, height);
        }
    }
    if (!narrow && ImGui::TableSetColumnIndex(static_cast<int>(Column::Created))) {
        CellText(FormatShortDateTime(item.created_at, ui.host.UtcOffsetMinutes()).c_str(), p.text_muted, row_top,
                 height);
    }
    ImGui::PopFont();
    ImGui::PopID();
}

void DrawTable(AppState& state, Ui& ui) {
    const Theme& theme = ui.theme;
    QueueState& queue = state.staff.queue;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool narrow = avail < theme.Em(52.0f);
    const float row_h = theme.Em(kRowHeightEm);
    const float header_h = theme.Em(2.4f);

    // Desktop: the table fills the rest of the viewport and scrolls itself under a fixed header.
    // Narrow screens: the rows scroll with the page (native touch scrolling), no inner scroller.
    ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    ImVec2 outer(0.0f, 0.0f);
    if (!narrow) {
        const ImGuiViewport* viewport = ImGui::GetMainViewport();
        const float bottom = viewport->WorkPos.y + viewport->WorkSize.y - theme.Em(1.25f);
        outer.y = std::max(bottom - ImGui::GetCursorScreenPos().y, theme.Em(18.0f));
        flags |= ImGuiTableFlags_ScrollY;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(theme.Em(0.5f), 0.0f));
    ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, theme.palette.border);
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, theme.palette.border);
    ImGui::PushStyleColor(ImGuiCol_TableRowBg, theme.palette.surface);
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, theme.palette.brand_soft);
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, theme.palette.brand_soft);
    if (ImGui::BeginTable("##queue", static_cast<int>(Column::Count), flags, outer)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (int c = 0; c < static_cast<int>(Column::Count); ++c) {
            const ColumnSpec& spec = kColumns[c];
            ImGuiTableColumnFlags column_flags = spec.width_em > 0.0f ? ImGuiTableColumnFlags_WidthFixed
                                                                      : ImGuiTableColumnFlags_WidthStretch;
            float width_em = spec.width_em;
            if (narrow) {
                if (!ShownWhenNarrow(c)) column_flags |= ImGuiTableColumnFlags_Disabled;
                if (c == static_cast<int>(Column::Number)) column_flags = ImGuiTableColumnFlags_WidthStretch;
                if (c == static_cast<int>(Column::State) || c == static_cast<int>(Column::Sla)) width_em = kNarrowChipColumnEm;
            }
            ImGui::TableSetupColumn(state.Tr(spec.label_key).c_str(), column_flags,
                                    column_flags & ImGuiTableColumnFlags_WidthStretch ? 0.0f : theme.Em(width_em));
        }
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ToU32(theme.palette.surface));
        DrawHeader(state, ui, header_h, narrow);

        // What is visible of the table body, for the rows' mirror elements (the table's own clip
        // rectangle: the window's is the current column's while cells are drawn).
        // Scrolling with the page (narrow), a row's height is never cut: only its width is.
        ImRect visible = ImGui::GetCurrentTable()->InnerClipRect;
        if (narrow) {
            visible.Min.y = -FLT_MAX;
            visible.Max.y = FLT_MAX;
        } else {
            visible.Min.y += header_h;
        }

        bool ticking = false;
        int first = std::numeric_limits<int>::max();
        int last = -1;
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(std::max<std::int64_t>(queue.total, 0)), row_h);
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                first = std::min(first, row);
                last = std::max(last, row);
                ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
                const Row found = RowAt(queue, row);
                if (found.item) {
                    DrawRow(state, ui, *found.item, found.received_at, row_h, narrow, visible, ticking);
                } else {
                    ImGui::TableSetColumnIndex(0);
                    SkeletonRow(ui, ImGui::GetCursorScreenPos().y, row_h, narrow);
                }
            }
        }
        if (last >= 0) {
            queue.first_visible = first;
            queue.last_visible = last;
        }
        // Touch: dragging the table body scrolls it (the page's native scrolling is not here).
        const ImGuiIO& io = ImGui::GetIO();
        if (!narrow && io.MouseSource == ImGuiMouseSource_TouchScreen && ImGui::IsWindowHovered() &&
            ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
            ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        }
        ImGui::EndTable();
        // Countdowns tick once a second while any is on screen.
        if (ticking) ui.host.RequestRedrawAfter(1.0);
    }
    ImGui::PopStyleColor(5);
    ImGui::PopStyleVar();
}

} // namespace

void DrawStaffQueue(AppState& state, Ui& ui) {
    if (!BeginConsoleScreen(state, ui, Screen::StaffQueue)) return;
    QueueState& queue = state.staff.queue;
    const Theme& theme = ui.theme;

    // The address bar leads: a link, back/forward or a filter change all arrive as the route query.
    if (state.route.query != queue.applied_query || queue.generation == 0) {
        queue.applied_query = state.route.query;
        queue.filter = QueueFilterFromQuery(state.route.query);
        ++queue.generation;
        queue.pages.clear();
        queue.total = -1;
        queue.error.reset();
        queue.first_visible = queue.last_visible = 0;
    }

    DrawFilters(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    DrawSummary(state, ui);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));

    if (queue.error && queue.total < 0) {
        if (ErrorBanner(ui, state.strings, state.language, *queue.error, "queue-error")) {
            queue.error.reset();
            queue.pages.clear();
        }
    } else if (queue.total == 0) {
        ImGui::Dummy(ImVec2(0, theme.Em(2.0f)));
        EmptyState(ui, ICON_INBOX, state.Tr("staff.queue.empty"));
    } else if (queue.total < 0) {
        LoadingIndicator(ui, state.Tr("staff.queue.loading"));
    } else {
        if (queue.error) {
            if (ErrorBanner(ui, state.strings, state.language, *queue.error, "queue-error")) queue.error.reset();
        }
        DrawTable(state, ui);
    }
    SyncPages(state, ui);
}

} // namespace aftercare::portal
