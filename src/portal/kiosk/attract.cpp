// The kiosk attract screen; see attract.h.
#include "kiosk/attract.h"

#include "app.h"
#include "icons.h"
#include "widgets.h"

#include <algorithm>
#include <string>

namespace aftercare::portal {
namespace {

struct AttractAction {
    const char* id;
    const char* icon;
    const char* title_key;  // the home screen's words, so the two never disagree
    const char* hint_key;
};

constexpr AttractAction kActions[] = {
    {"repair", ICON_WRENCH, "home.action.repair", "home.action.repair.hint"},
    {"track", ICON_SEARCH, "home.action.track", "home.action.track.hint"},
    {"returns", ICON_EXCHANGE, "home.action.returns", "home.action.returns.hint"},
    {"rate", ICON_STAR, "home.action.rate", "home.action.rate.hint"},
    {"complain", ICON_COMMENT, "home.action.complain", "home.action.complain.hint"},
};

// Where an action leads in a kiosk: repairs take the one-question-per-screen flow; the others go
// to their screen when the portal has one (an unknown path lands on the home screen).
Route ActionRoute(const char* id) {
    if (std::string_view(id) == "repair") return Route{Screen::KioskRepair, {}, {}};
    return ParseRoute(std::string("#/") + id);
}

void StartSession(AppState& state, Ui& ui, Route route) {
    state.kiosk.attract = false;
    NoteKioskActivity(state, ui.host.NowUnixSeconds());
    Navigate(state, std::move(route));
    ui.host.RequestRedrawAfter(0.0);
}

// A tile: a white card with a tinted icon disc over the title; one tap target.
bool Tile(Ui& ui, const AttractAction& action, const std::string& title, const std::string& hint, ImVec2 size) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(action.id, size);
    const ImGuiID id = ImGui::GetItemID();
    pressed |= ui.a11y.TakeActivation(id);
    const bool held = ImGui::IsItemActive();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float rounding = theme.Em(1.0f);
    draw->AddRectFilled(ImVec2(pos.x, pos.y + 4.0f), ImVec2(max.x, max.y + 4.0f), IM_COL32(8, 30, 90, 40), rounding);
    draw->AddRectFilled(pos, max, ToU32(held ? p.brand_soft : p.surface), rounding);

    const float disc = std::min(size.y * 0.42f, theme.Em(4.0f));
    const ImVec2 disc_centre(pos.x + size.x * 0.5f, pos.y + size.y * 0.36f);
    draw->AddCircleFilled(disc_centre, disc * 0.5f, ToU32(p.brand_soft), 48);
    PushTextStyle(theme, TextStyle::Display);
    const ImVec2 icon_size = ImGui::CalcTextSize(action.icon);
    draw->AddText(ImVec2(disc_centre.x - icon_size.x * 0.5f, disc_centre.y - icon_size.y * 0.5f), ToU32(p.brand),
                  action.icon);
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Title2);
    const ImVec2 title_size = ImGui::CalcTextSize(title.c_str());
    const float title_y = disc_centre.y + disc * 0.5f + theme.Em(0.7f);
    draw->AddText(ImVec2(pos.x + (size.x - title_size.x) * 0.5f, title_y), ToU32(p.text), title.c_str());
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Small);
    const ImVec2 hint_size = ImGui::CalcTextSize(hint.c_str());
    if (hint_size.x < size.x - theme.Em(1.0f)) {
        draw->AddText(ImVec2(pos.x + (size.x - hint_size.x) * 0.5f, title_y + title_size.y + theme.Em(0.35f)),
                      ToU32(p.text_muted), hint.c_str());
    }
    ImGui::PopFont();
    DrawFocusRing(ui, id);
    ui.a11y.AddLastItem(Role::Button, title, A11yFlags_None, {}, hint);
    return pressed;
}

void CentredText(ImDrawList* draw, const Theme& theme, TextStyle style, float centre_x, float y, ImU32 colour,
                 const std::string& text) {
    PushTextStyle(theme, style);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddText(ImVec2(centre_x - size.x * 0.5f, y), colour, text.c_str());
    ImGui::PopFont();
}

} // namespace

void DrawAttract(AppState& state, Ui& ui) {
    const Theme& theme = state.theme;
    const Palette& p = theme.palette;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 origin = viewport->WorkPos, size = viewport->WorkSize;
    const float centre_x = origin.x + size.x * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();

    // The brand colour, darkening towards the bottom, behind everything.
    const ImU32 top = ToU32(p.brand), bottom = ToU32(p.brand_active);
    draw->AddRectFilledMultiColor(origin, ImVec2(origin.x + size.x, origin.y + size.y), top, top, bottom, bottom);

    // A touch anywhere starts; the tiles drawn over it take their own touches first.
    ImGui::SetCursorScreenPos(origin);
    ImGui::SetNextItemAllowOverlap();
    if (ImGui::InvisibleButton("##attract-anywhere", size)) StartSession(state, ui, Route{});

    // Brand mark and name, top left.
    const float margin = theme.Em(2.0f);
    const float mark = theme.Em(2.6f);
    const ImVec2 mark_min(origin.x + margin, origin.y + margin);
    draw->AddRectFilled(mark_min, ImVec2(mark_min.x + mark, mark_min.y + mark), IM_COL32_WHITE, theme.Em(0.6f));
    PushTextStyle(theme, TextStyle::Title2);
    const ImVec2 shield = ImGui::CalcTextSize(ICON_SHIELD);
    draw->AddText(ImVec2(mark_min.x + (mark - shield.x) * 0.5f, mark_min.y + (mark - shield.y) * 0.5f), ToU32(p.brand),
                  ICON_SHIELD);
    const std::string& vendor = state.embed.vendor_name.empty() ? state.Tr("app.vendor_name") : state.embed.vendor_name;
    draw->AddText(ImVec2(mark_min.x + mark + theme.Em(0.8f), mark_min.y + (mark - ImGui::GetFontSize()) * 0.5f),
                  IM_COL32_WHITE, vendor.c_str());
    ImGui::PopFont();

    // The greeting in both languages: whoever walks up can read it.
    const bool portrait = size.y > size.x;
    float y = origin.y + size.y * (portrait ? 0.16f : 0.13f);
    CentredText(draw, theme, TextStyle::Display, centre_x, y, IM_COL32_WHITE,
                state.strings.Get(Language::ZhCN, "kiosk.attract.greeting"));
    y += theme.FontPx(TextStyle::Display) * 1.1f + theme.Em(0.4f);
    CentredText(draw, theme, TextStyle::Title2, centre_x, y, IM_COL32(255, 255, 255, 215),
                state.strings.Get(Language::En, "kiosk.attract.greeting"));
    y += theme.FontPx(TextStyle::Title2) + theme.Em(0.6f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
    ImGui::Dummy(ImVec2(1, 1));
    ui.a11y.AddText(Role::Heading, state.Tr("kiosk.attract.greeting"), 1);

    // The five actions: one row in landscape, 2 + 2 + 1 (the last one wide) in portrait.
    const float gap = theme.Em(1.25f);
    const float grid_w = std::min(size.x - margin * 2.0f, portrait ? theme.Em(40.0f) : theme.Em(72.0f));
    const int columns = portrait ? 2 : 5;
    const float tile_w = (grid_w - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const float tile_h = portrait ? theme.Em(11.0f) : theme.Em(12.0f);
    const float rows = portrait ? 3.0f : 1.0f;
    const float grid_h = tile_h * rows + gap * (rows - 1.0f);
    const float grid_top = std::max(y + theme.Em(2.0f), origin.y + (size.y - grid_h) * 0.5f + theme.Em(1.0f));
    const float grid_left = centre_x - grid_w * 0.5f;
    for (size_t i = 0; i < std::size(kActions); ++i) {
        const int column = static_cast<int>(i) % columns, row = static_cast<int>(i) / columns;
        const bool last_alone = portrait && i + 1 == std::size(kActions);
        const ImVec2 tile_size(last_alone ? grid_w : tile_w, tile_h);
        ImGui::SetCursorScreenPos(ImVec2(grid_left + static_cast<float>(column) * (tile_w + gap),
                                         grid_top + static_cast<float>(row) * (tile_h + gap)));
        const AttractAction& action = kActions[i];
        if (Tile(ui, action, state.Tr(action.title_key), state.Tr(action.hint_key), tile_size)) {
            StartSession(state, ui, ActionRoute(action.id));
        }
    }

    // "Touch to start", a white pill near the bottom: the one button a screen reader needs.
    const std::string start = state.strings.Get(Language::ZhCN, "kiosk.attract.start") + "  ·  " +
                              state.strings.Get(Language::En, "kiosk.attract.start");
    PushTextStyle(theme, TextStyle::Title2);
    const std::string label = std::string(ICON_HAND_POINTER) + "  " + start;
    const ImVec2 label_size = ImGui::CalcTextSize(label.c_str());
    const ImVec2 pill(label_size.x + theme.Em(3.0f), label_size.y + theme.Em(1.6f));
    const ImVec2 pill_min(centre_x - pill.x * 0.5f,
                          std::max(grid_top + grid_h + theme.Em(2.0f), origin.y + size.y - margin - pill.y - theme.Em(1.5f)));
    ImGui::SetCursorScreenPos(pill_min);
    bool pressed = ImGui::InvisibleButton("attract-start", pill);
    const ImGuiID pill_id = ImGui::GetItemID();
    pressed |= ui.a11y.TakeActivation(pill_id);
    draw->AddRectFilled(pill_min, ImVec2(pill_min.x + pill.x, pill_min.y + pill.y), IM_COL32(255, 255, 255, 40),
                        pill.y * 0.5f);
    draw->AddRect(pill_min, ImVec2(pill_min.x + pill.x, pill_min.y + pill.y), IM_COL32(255, 255, 255, 160),
                  pill.y * 0.5f, 0, 2.0f);
    draw->AddText(ImVec2(centre_x - label_size.x * 0.5f, pill_min.y + (pill.y - label_size.y) * 0.5f), IM_COL32_WHITE,
                  label.c_str());
    ImGui::PopFont();
    DrawFocusRing(ui, pill_id);
    ui.a11y.AddLastItem(Role::Button, start);
    if (pressed) StartSession(state, ui, Route{});

    // Privacy, said once, small: what the kiosk does with what people type.
    const std::string privacy = state.strings.Format(
        state.language, "kiosk.attract.privacy", {{"seconds", std::to_string(state.policy.kiosk.idle_reset_seconds)}});
    PushTextStyle(theme, TextStyle::Small);
    const float privacy_y = std::min(pill_min.y + pill.y + theme.Em(1.0f), origin.y + size.y - theme.Em(2.0f));
    ImGui::PopFont();
    CentredText(draw, theme, TextStyle::Small, centre_x, privacy_y, IM_COL32(255, 255, 255, 190), privacy);
}

} // namespace aftercare::portal
