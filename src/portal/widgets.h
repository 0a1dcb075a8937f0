// The portal's widgets: ImGui drawing in the Aftercare theme, each describing itself to the
// accessibility mirror. Screens use these, never raw ImGui widgets, so that every control is
// reachable by keyboard, screen reader and the browser tests.
#pragma once

#include "a11y.h"
#include "host.h"
#include "theme.h"

#include <string>
#include <string_view>

namespace aftercare::portal {

// What every widget needs: the look, the mirror, and the host (clock, redraw timers).
// Built by the app once per frame.
struct Ui {
    const Theme& theme;
    A11yTree& a11y;
    Host& host;
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
    std::string_view accessible_name;  // when the visible label alone is ambiguous ("Edit" → "Edit contact")
};

// A button with a visible label; `id` keeps its identity when the label is translated.
bool Button(Ui& ui, const char* id, std::string_view label, const ButtonOptions& options = {});

struct TextFieldOptions {
    const char* hint = nullptr;      // placeholder shown while empty
    std::string_view help;           // a line under the field
    std::string_view error;          // shown under the field in red; marks it invalid
    bool required = false;
    bool multiline = false;
    bool numeric = false;            // phone, numbers: numeric keypad on touch devices
    bool password = false;
    float width = 0.0f;              // 0: the full available width
    float height_em = 5.0f;          // multiline only
};

struct TextFieldResult {
    bool changed = false;
    bool submitted = false;  // Enter in a single-line field
};

// A labelled text field. Editing happens in its mirrored DOM <input> (IME, paste, phone keyboards)
// and arrives here as whole-text edits; ImGui draws it.
TextFieldResult TextField(Ui& ui, const char* id, std::string_view label, std::string& value,
                          const TextFieldOptions& options = {});

// Text in a style, wrapped to the available width, mirrored as a heading (level > 0) or text.
void Heading(Ui& ui, TextStyle style, std::string_view text, int level);
void Paragraph(Ui& ui, TextStyle style, std::string_view text, const ImVec4& colour, Role role = Role::Text);

// A rounded white card filling the available width. Always pair with EndCard().
void BeginCard(Ui& ui, const char* id);
void EndCard();

// A focus ring around the last item, drawn when the DOM has keyboard focus on it.
void DrawFocusRing(Ui& ui, ImGuiID id);

} // namespace aftercare::portal
