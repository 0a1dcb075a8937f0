// The workspace's timeline: every event of the ticket, newest first, with who, when and what
// (transitions with their note, messages, work records, escalations and who was told, ratings).
#include "screens/staff_ticket_parts.h"

#include "app.h"
#include "console/console.h"
#include "console/format.h"
#include "icons.h"
#include "labels.h"
#include "screens/timeline_pages.h"
#include "widgets.h"
#include "widgets/status_chip.h"

#include "core/sla.h"

#include <algorithm>
#include <iterator>

namespace aftercare::portal {
namespace {

struct EventLook {
    const char* icon;
    ImVec4 colour;
    std::string title;
    std::string detail; // a second line in muted text (a part's commitment, who was told)
};

std::string Who(const AppState& state, const core::Actor& actor) {
    switch (actor.role) {
    case core::ActorRole::Customer: return state.Tr("staff.timeline.customer");
    case core::ActorRole::System: return state.Tr("staff.timeline.system");
    case core::ActorRole::Staff: break;
    }
    return StaffName(state, actor.id);
}

// Who was told of an escalation: the roles of the notices the server really sent for it
// (api::EscalationNotice, from the outbox), never the policy's intent.
std::string Notified(const AppState& state, const api::TicketView& ticket, const core::TimelineEvent& event) {
    const core::EscalationStep* step = core::FindEscalationStep(state.policy, event.escalation);
    if (!step || step->notify_roles.empty()) return {};
    for (const api::EscalationNotice& notice : ticket.escalation_notices) {
        if (notice.level != event.escalation || notice.sent_at < event.at) continue;
        return state.strings.Format(state.language, "staff.timeline.notified", {{"roles", RoleLabels(state, notice.roles)}});
    }
    return state.Tr("staff.timeline.not_told");
}

EventLook LookOf(const AppState& state, const api::TicketView& ticket, const core::TimelineEvent& event,
                 int utc_offset) {
    const Palette& p = state.theme.palette;
    const std::string who = Who(state, event.actor);
    EventLook look{ICON_CIRCLE, p.brand, who, {}};
    const Language lang = state.language;
    switch (event.type) {
    case core::EventType::Created:
        look = {ICON_PLUS, p.brand, state.strings.Format(lang, "staff.timeline.created", {{"who", who}}), {}};
        break;
    case core::EventType::Message:
        look = {ICON_COMMENT, event.actor.role == core::ActorRole::Customer ? p.warning : p.brand,
                state.strings.Format(lang, "staff.timeline.message", {{"who", who}}), {}};
        break;
    case core::EventType::Attachment:
        look = {ICON_FILE_TEXT, p.text_muted, state.strings.Format(lang, "staff.timeline.attachment", {{"who", who}}), {}};
        break;
    case core::EventType::Rating:
        // A staff member's rating event is one taken by phone on a follow-up call (core::ChannelOf).
        look = {ICON_STAR, p.warning,
                state.strings.Format(lang, event.actor.role == core::ActorRole::Staff ? "followup.timeline.phone_rating"
                                                                                      : "staff.timeline.rating",
                                     {{"who", who}}),
                {}};
        break;
    case core::EventType::Note:
        look = {ICON_LOCK, p.text_muted, state.strings.Format(lang, "staff.timeline.note", {{"who", who}}),
                state.Tr("staff.timeline.staff_only")};
        break;
    case core::EventType::QualityIncident:
        look = {ICON_WARNING, p.danger, state.strings.Format(lang, "staff.timeline.quality", {{"who", who}}),
                ticket.quality_notice_sent_at
                    ? state.strings.Format(lang, "staff.timeline.quality_told",
                                           {{"time", FormatShortDateTime(*ticket.quality_notice_sent_at, utc_offset)}})
                    : state.Tr("staff.timeline.not_told")};
        break;
    case core::EventType::FollowUp: {
        const bool reached = event.call && event.call->reached;
        look = {ICON_PHONE, reached ? p.success : p.warning,
                state.strings.Format(lang, reached ? "followup.timeline.reached" : "followup.timeline.not_reached",
                                     {{"who", who}}),
                state.Tr("staff.timeline.staff_only")};
        break;
    }
    case core::EventType::Escalation:
        look = {ICON_LEVEL_UP, p.danger,
                state.strings.Format(lang, "staff.timeline.escalated",
                                     {{"who", who}, {"level", EscalationLabel(state, event.escalation)}}),
                Notified(state, ticket, event)};
        break;
    case core::EventType::Work: {
        const core::WorkKind kind = event.work ? event.work->kind : core::WorkKind::Diagnosis;
        look = {ICON_WRENCH, p.success, who + " · " + WorkLabel(state, kind), {}};
        if (event.work && !event.work->part.empty()) {
            look.detail = event.work->part;
            if (event.work->due_at) {
                look.detail += " · " + state.strings.Format(lang, kind == core::WorkKind::PartReserved
                                                                      ? "staff.parts.fit_by"
                                                                      : "staff.parts.ship_by",
                                                            {{"time", FormatShortDateTime(*event.work->due_at, utc_offset)}});
            }
        }
        // The signature's fingerprint: the attachment it names can be checked against it.
        if (event.work && !event.work->signature_sha256.empty())
            look.detail = state.strings.Format(lang, "staff.timeline.signature",
                                               {{"hash", event.work->signature_sha256.substr(0, 16)}});
        break;
    }
    case core::EventType::Transition: {
        const core::Action action = event.action.value_or(core::Action::Accept);
        look = {ICON_CHEVRON_RIGHT, StateColour(p, event.to_state), who + " · " + ActionLabel(state, action), {}};
        if (action == core::Action::Assign && !event.assignee.empty()) {
            look.detail = state.strings.Format(lang, "staff.timeline.assigned_to", {{"name", StaffName(state, event.assignee)}});
        } else if (event.priority) {
            look.detail = state.strings.Format(lang, "staff.timeline.priority_now", {{"priority", PriorityLabel(state, *event.priority)}});
        } else if (event.from_state != event.to_state) {
            look.detail = StateLabel(state, event.from_state, core::Audience::Staff) + " → " + StateLabel(state, event.to_state, core::Audience::Staff);
        }
        break;
    }
    }
    return look;
}

} // namespace

void DrawTimeline(AppState& state, Ui& ui, const api::TicketView& ticket) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const int offset = ui.host.UtcOffsetMinutes();
    BeginCard(ui, "##timeline");
    Heading(ui, TextStyle::Title3, state.Tr("staff.timeline.title"), 2);
    ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
    const float rail_x = ImGui::GetCursorScreenPos().x + theme.Em(0.75f);
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (auto it = ticket.timeline.rbegin(); it != ticket.timeline.rend(); ++it) {
        const core::TimelineEvent& event = *it;
        const EventLook look = LookOf(state, ticket, event, offset);
        ImGui::PushID(event.sequence);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImDrawList* draw = ImGui::GetWindowDrawList();
        // The rail joins this event to the next one down.
        const float dot = theme.Em(0.75f);
        ImGui::SetCursorScreenPos(ImVec2(top.x + theme.Em(2.0f), top.y));
        ImGui::BeginGroup();
        PushTextStyle(theme, TextStyle::Title3);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(look.title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ui.a11y.AddText(Role::Text, look.title);
        const std::string when = FormatDateTime(event.at, offset);
        Paragraph(ui, TextStyle::Caption, when, p.text_muted);
        if (!look.detail.empty()) Paragraph(ui, TextStyle::Small, look.detail, p.text_muted);
        if (!event.note.empty()) {
            // What people typed: the regular face, in a quiet box sized to the wrapped text.
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float pad_x = theme.Em(0.6f), pad_y = theme.Em(0.4f);
            PushTextStyle(theme, TextStyle::Body);
            const float wrap = std::max(theme.Em(4.0f), right - at.x - pad_x * 2.0f);
            const ImVec2 text = ImGui::CalcTextSize(event.note.c_str(), nullptr, false, wrap);
            ImGui::PopFont();
            draw->AddRectFilled(at, ImVec2(right, at.y + text.y + pad_y * 2.0f), ToU32(p.background), theme.Em(0.4f));
            ImGui::SetCursorScreenPos(ImVec2(at.x + pad_x, at.y + pad_y));
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
            PushTextStyle(theme, TextStyle::Body);
            ImGui::TextUnformatted(event.note.c_str());
            ImGui::PopFont();
            ImGui::PopTextWrapPos();
            ui.a11y.AddText(Role::Text, event.note);
            ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + text.y + pad_y * 2.0f));
            ImGui::Dummy(ImVec2(0, 0));
        }
        ImGui::EndGroup();
        const float bottom = ImGui::GetItemRectMax().y;
        const ImVec2 centre(rail_x, top.y + theme.Em(0.6f));
        if (std::next(it) != ticket.timeline.rend()) {
            draw->AddLine(ImVec2(rail_x, centre.y + dot * 0.5f), ImVec2(rail_x, bottom + theme.Em(1.0f)), ToU32(p.border),
                          2.0f);
        }
        draw->AddCircleFilled(centre, dot * 0.5f, ToU32(ImVec4(look.colour.x, look.colour.y, look.colour.z, 0.15f)));
        draw->AddCircleFilled(centre, dot * 0.25f, ToU32(look.colour));
        ImGui::SetCursorScreenPos(ImVec2(top.x, bottom + theme.Em(0.9f)));
        ImGui::Dummy(ImVec2(0, 0));
        ImGui::PopID();
    }
    // Newest first, so older entries load below the button and nothing above it moves.
    WorkspaceState& ws = state.staff.ticket;
    if (DrawShowEarlier(state, ui, ticket, ws.earlier_in_flight, ws.earlier_error)) LoadEarlierEvents(state, ui.host);
    EndCard(ui);
}

} // namespace aftercare::portal
