// Draws the portal frame: the top bar, the current screen in a centred column, then applies the
// navigation the screen asked for. See app.h.
#include "app.h"

#include "console/console.h"
#include "icons.h"
#include "kiosk/attract.h"
#include "net/vendor_policy.h"
#include "widgets.h"

#include <imgui_internal.h>  // the window list, for LayoutSignature()
#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace aftercare::portal {
namespace {

constexpr float kContentMaxWidthEm = 60.0f;
constexpr float kConsoleMaxWidthEm = 100.0f;  // the staff console is desktop-first and table-heavy

void DrawTopBar(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const float height = theme.Em(3.5f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), ToU32(p.surface));
    draw->AddLine(ImVec2(origin.x, origin.y + height - 1.0f), ImVec2(origin.x + width, origin.y + height - 1.0f),
                  ToU32(p.border));

    // Brand mark: a filled rounded square with the shield icon, then the vendor name.
    const float mark = theme.Em(2.0f);
    const ImVec2 mark_min(origin.x + theme.Em(1.25f), origin.y + (height - mark) * 0.5f);
    draw->AddRectFilled(mark_min, ImVec2(mark_min.x + mark, mark_min.y + mark), ToU32(p.brand), theme.Em(0.5f));
    PushTextStyle(theme, TextStyle::Title3);
    const ImVec2 icon_size = ImGui::CalcTextSize(ICON_SHIELD);
    draw->AddText(ImVec2(mark_min.x + (mark - icon_size.x) * 0.5f, mark_min.y + (mark - icon_size.y) * 0.5f),
                  IM_COL32_WHITE, ICON_SHIELD);
    const std::string& name = state.embed.vendor_name.empty() ? state.Tr("app.vendor_name") : state.embed.vendor_name;
    const std::string& subtitle = state.Tr(IsConsoleScreen(state.route.screen) ? "staff.console.title" : "app.title");
    const float name_y = origin.y + (height - ImGui::GetFontSize()) * 0.5f;
    draw->AddText(ImVec2(mark_min.x + mark + theme.Em(0.6f), name_y), ToU32(p.text), name.c_str());
    const float name_w = ImGui::CalcTextSize(name.c_str()).x;
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Small);
    const bool narrow = width < theme.Em(28.0f);
    if (!narrow) {
        draw->AddText(ImVec2(mark_min.x + mark + theme.Em(1.2f) + name_w, name_y + theme.Em(0.15f)),
                      ToU32(p.text_muted), subtitle.c_str());
    }
    ImGui::PopFont();

    // Language switch on the right: it names the other language in that language.
    const std::string& label = state.Tr("app.language_switch");
    PushTextStyle(theme, TextStyle::Small);
    const float button_w = ImGui::CalcTextSize(label.c_str()).x + theme.Em(3.5f);
    const float button_y = origin.y + (height - theme.Em(2.75f)) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - button_w - theme.Em(1.25f), button_y));
    if (Button(ui, "language", label, {.kind = ButtonKind::Secondary, .width = button_w, .icon = ICON_GLOBE})) {
        state.language = state.language == Language::ZhCN ? Language::En : Language::ZhCN;
    }
    if (state.kiosk.enabled) {
        // A kiosk customer who is done clears their session at once rather than waiting for the timer.
        const std::string& end = state.Tr("kiosk.end");
        const float end_w = ImGui::CalcTextSize(end.c_str()).x + theme.Em(3.5f);
        ImGui::SetCursorScreenPos(
            ImVec2(origin.x + width - button_w - end_w - theme.Em(2.0f), button_y));
        if (Button(ui, "kiosk-end", end, {.kind = ButtonKind::Secondary, .width = end_w, .icon = ICON_UNDO})) {
            state.kiosk.reset_requested = true;
            ui.host.RequestRedrawAfter(0.0);
        }
    }
    ImGui::PopFont();

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

void DrawScreen(AppState& state, Ui& ui) {
    switch (state.route.screen) {
    case Screen::Home: DrawHome(state, ui); break;
    case Screen::Faq: DrawFaq(state, ui); break;
    case Screen::Track: DrawTrack(state, ui); break;
    case Screen::Returns: DrawReturns(state, ui); break;
    case Screen::Rate: DrawRate(state, ui); break;
    case Screen::Complaint: DrawComplaint(state, ui); break;
    case Screen::Consultation: DrawConsultation(state, ui); break;
    case Screen::KioskRepair: DrawKioskRepair(state, ui); break;
    case Screen::Repair: DrawRepair(state, ui); break;
    case Screen::StaffLogin:
    case Screen::StaffQueue:
    case Screen::StaffTicket:
    case Screen::StaffSla:
    case Screen::StaffStats:
    case Screen::StaffAdmin:
    case Screen::StaffJobs:
    case Screen::StaffIntake:
    case Screen::StaffFollowUps: DrawConsoleScreen(state, ui); break;
    }
}

ImU32 LayoutSignature() {
    ImU32 hash = 0;
    for (const ImGuiWindow* window : GImGui->Windows) {
        if (!window->Active) continue;
        const float rect[4] = {window->Pos.x, window->Pos.y, window->Size.x, window->Size.y};
        hash = ImHashData(rect, sizeof rect, hash);
    }
    return hash;
}

// A keyboard focus or activation in flight (a DOM field focused a frame ago becomes ImGui's active
// item over the next frames, and meanwhile keeps mouse hover off): the frame is not final.
bool NavigationPending() {
    const ImGuiContext& g = *GImGui;
    return g.NavMoveSubmitted || g.NavMoveScoringItems || g.NavMoveForwardToNextFrame || g.NavInitRequest ||
           g.NavNextActivateId != 0 || g.NavActivateId != 0;
}

void SetKeypadWords(AppState& state) {
    KeypadState::Words& words = state.kiosk.keypad.words;
    words.backspace = state.Tr("kiosk.keypad.backspace");
    words.clear = state.Tr("kiosk.keypad.clear");
    words.done = state.Tr("kiosk.keypad.done");
}

void SyncHost(AppState& state, Host& host) {
    // ImGui sizes auto-resizing children (cards, columns) from their previous frame's content and
    // hit-tests windows by those sizes, so nested ones settle one level per frame, and a scroll
    // asked for by the DOM moves the windows a frame later, and a focused field takes a few frames to
    // become ImGui's active item. Draw again until nothing moves:
    // otherwise a click arriving before the next input lands on a stale window and is lost, and the
    // bottom of a card that just grew stays clipped.
    const ImU32 layout = LayoutSignature();
    const bool settled =
        layout == state.layout_signature && !state.a11y.ScrollAppliedThisFrame() && !NavigationPending();
    state.layout_signature = layout;
    state.a11y.SetLayoutSettled(settled);
    if (!settled) host.RequestRedrawAfter(0.0);

    const std::string& vendor = state.embed.vendor_name.empty() ? state.Tr("app.vendor_name") : state.embed.vendor_name;
    const std::string title = state.Tr(ScreenTitleKey(state.route.screen)) + " · " + vendor;
    if (title != state.shown_title) {
        host.SetDocumentTitle(title);
        host.SetDocumentLanguage(LanguageTag(state.language));
        state.api.SetLanguageTag(LanguageTag(state.language));
        state.shown_title = title;
    }
    std::string tree = state.a11y.Serialize();
    if (tree != state.shown_a11y) {
        host.PublishAccessibilityTree(tree);
        state.shown_a11y = std::move(tree);
        // Something moved or changed size. Auto-sized children measure their content a frame
        // late (a card inside the column inside the screen: several frames), so draw until the
        // layout holds still; otherwise the drawing and the mirror can stop half-way, and a click
        // lands where an element was rather than where it is.
        host.RequestRedrawAfter(0.0);
    }
}

} // namespace

void DrawApp(AppState& state, Host& host) {
    EnsureVendorPolicy(state);  // SLA promises and the kiosk's idle timeout come from the vendor
    BeginKioskFrame(state, host);  // may reset the whole session: nothing may hold onto state before it
    state.a11y.BeginFrame();
    state.textures.Collect();
    Ui ui{state.theme, state.a11y, host};
    if (state.kiosk.enabled) {
        ui.keypad = &state.kiosk.keypad;
        state.kiosk.keypad.drawn = false;
        SetKeypadWords(state);
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##portal", nullptr, flags);
    ImGui::PopStyleVar();
    PushTextStyle(state.theme, TextStyle::Body);

    if (state.kiosk.enabled && state.kiosk.attract) {
        DrawAttract(state, ui);
    } else {
        DrawTopBar(state, ui);
        // The console's session and change feed run whatever console screen is shown.
        if (IsConsoleScreen(state.route.screen)) RunConsole(state, ui);

        // The screen scrolls below the bar, in a centred column no wider than is comfortable to read.
        // Its scroll position is shared with the mirror's native scroll container (touch inertia,
        // wheel, scrollIntoView), so ImGui draws no scrollbar of its own.
        const Theme& theme = state.theme;
        // A new screen (or wizard step) starts at its top, like a new page would; a changed query
        // (a search being refined) keeps the place.
        if (state.route.screen != state.drawn_route.screen || state.route.param != state.drawn_route.param) {
            state.a11y.ScrollTo(0.0f);  // in this frame, so the new screen is never drawn at the old place
            state.drawn_route = state.route;
        }
        if (auto scroll = state.a11y.TakePendingScroll()) ImGui::SetNextWindowScroll(ImVec2(-1.0f, *scroll));
        ImGui::BeginChild("##screen", ImVec2(0, 0), ImGuiChildFlags_None,
                          ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
        state.a11y.BeginScrollRegion();
        const float avail = ImGui::GetContentRegionAvail().x;
        const float margin = theme.Em(1.0f);
        const float max_width = IsConsoleScreen(state.route.screen) ? kConsoleMaxWidthEm : kContentMaxWidthEm;
        const float column = std::min(avail - margin * 2.0f, theme.Em(max_width));
        const float left = (avail - column) * 0.5f;
        ImGui::SetCursorPosY(theme.Em(1.0f));
        BeginColumn(ui, left, column);
        DrawScreen(state, ui);
        EndColumn(ui);
        ImGui::Dummy(ImVec2(0, theme.Em(2.0f)));
        state.a11y.EndScrollRegion();
        // Embedded, the vendor's page gives the iframe the whole height: no scrolling inside it.
        const float content_height = ImGui::GetCursorPosY();
        ImGui::EndChild();
        if (state.embed.embedded) host.ReportContentHeight(ImGui::GetItemRectMin().y + content_height);
    }

    ImGui::PopFont();
    ImGui::End();

    if (state.kiosk.enabled) {
        KeypadState& keypad = state.kiosk.keypad;
        if (!keypad.drawn) keypad.open_for = 0;  // its field is gone (another step, another screen)
        keypad.focus_seen = state.a11y.DomFocus();
        DrawIdleWarning(state, ui);
    }

    if (state.navigate_to) {
        state.route = *std::exchange(state.navigate_to, std::nullopt);
        host.SetRoute(FormatRoute(state.route), std::exchange(state.navigate_replaces, false));
        host.RequestRedrawAfter(0.0);  // the new screen is drawn now, not at the next input
        if (state.embed.embedded) {
            NotifyEmbedder(host, "aftercare:navigated", nlohmann::json{{"route", FormatRoute(state.route)}}.dump());
        }
    }
    SyncHost(state, host);
}

void Navigate(AppState& state, Route route) {
    state.navigate_to = std::move(route);
    state.navigate_replaces = false;
}

void NavigateReplacing(AppState& state, Route route) {
    state.navigate_to = std::move(route);
    state.navigate_replaces = true;
}

void OnAddressChanged(AppState& state, const std::string& hash) {
    state.route = ParseRoute(hash);
    state.navigate_to.reset();
    state.navigate_replaces = false;
}

} // namespace aftercare::portal
