// The portal's widgets: ImGui drawing in the Aftercare theme, each describing itself to the
// accessibility mirror. Screens use these, never raw ImGui widgets, so that every control is
// reachable by keyboard, screen reader and the browser tests.
#pragma once

#include "a11y.h"
#include "host.h"
#include "theme.h"
#include "widgets/keypad.h"

#include <string>
#include <string_view>
#include <vector>

namespace aftercare::portal {

// A region whose content is narrower than the window (a card, the centred screen column).
struct ContentRegion {
    ImVec2 origin;
    float width = 0;
    float saved_work_max_x = 0, saved_content_max_x = 0;
    ImGuiID height_key = 0;  // cards remember last frame's height to draw their background first
};

// What every widget needs: the look, the mirror, and the host (clock, redraw timers).
// Built by the app once per frame.
struct Ui {
    const Theme& theme;
    A11yTree& a11y;
    Host& host;
    std::vector<ContentRegion> regions{};  // open BeginColumn/BeginCard, innermost last
    KeypadState* keypad = nullptr;         // kiosk mode only: fields with a keypad kind use it
};

// A large tappable card with a coloured icon disc, a title and a one-line hint.
// Returns true when activated (click, tap, or Enter/Space on its mirrored element).
bool ActionCard(Ui& ui, const char* id, const char* icon, std::string_view title, std::string_view hint,
                float width);

enum class ButtonKind { Primary, Secondary, Quiet };

struct ButtonOptions {
    ButtonKind kind = ButtonKind::Primary;
    float width = 0.0f;          // 0: fit the label
    bool enabled = true;
    const char* icon = nullptr;  // drawn before the label, not part of the accessible name
    std::string_view accessible_name{};  // when the visible label alone is ambiguous ("Edit" → "Edit contact")
};

// A button with a visible label; `id` keeps its identity when the label is translated.
bool Button(Ui& ui, const char* id, std::string_view label, const ButtonOptions& options = {});

struct TextFieldOptions {
    const char* hint = nullptr;      // placeholder shown while empty
    std::string_view help{};         // a line under the field
    std::string_view error{};        // shown under the field in red; marks it invalid
    bool required = false;
    bool multiline = false;
    bool numeric = false;            // phone, numbers: numeric keypad on touch devices
    // Kiosk mode: the on-screen keypad (widgets/keypad.h) instead of the system keyboard.
    // Elsewhere it only implies `numeric` for Phone and Digits. Set it on every phone, service
    // number, serial and order number field.
    KeypadKind keypad = KeypadKind::None;
    bool password = false;
    bool hide_label = false;         // no visible label (a search box with a hint); still its accessible name
    float width = 0.0f;              // 0: the full available width
    float height_em = 5.0f;          // multiline only
};

struct TextFieldResult {
    bool changed = false;
    bool submitted = false;  // Enter in a single-line field
    bool focused = false;    // the field has the keyboard (its DOM element has focus, or its keypad is open)
};

// A labelled text field. Editing happens in its mirrored DOM <input> (IME, paste, phone keyboards)
// and arrives here as whole-text edits; ImGui draws it.
TextFieldResult TextField(Ui& ui, const char* id, std::string_view label, std::string& value,
                          const TextFieldOptions& options = {});

// Text in a style, wrapped to the available width, mirrored as a heading (level > 0) or text.
void Heading(Ui& ui, TextStyle style, std::string_view text, int level);
void Paragraph(Ui& ui, TextStyle style, std::string_view text, const ImVec4& colour, Role role = Role::Text);

// A rounded card filling the available width. Always pair with EndCard().
// Cards are not child windows: ImGui skips the items of a child window scrolled out of sight,
// and every item must stay in the accessibility mirror (screen readers read the whole page).
struct CardStyle {
    ImVec4 fill{1, 1, 1, 1};
    ImVec4 border{0, 0, 0, 0};  // transparent: the palette's border colour
};
void BeginCard(Ui& ui, const char* id, const CardStyle& style = {});
void EndCard(Ui& ui);

// Lays out what follows in a column `width` wide starting `x` from the window's left edge
// (widgets' full width and text wrapping follow it). Pair with EndColumn().
void BeginColumn(Ui& ui, float x, float width);
void EndColumn(Ui& ui);

// A focus ring around the last item, drawn when the DOM has keyboard focus on it.
void DrawFocusRing(Ui& ui, ImGuiID id);

} // namespace aftercare::portal
