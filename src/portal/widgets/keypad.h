// The kiosk's on-screen keypad: large keys drawn under the field being filled, for what kiosk
// customers type most (phone, service number, serial, order number). Each key is a mirrored
// button, so screen readers and tests press it like a person. Free text keeps the system keyboard.
#pragma once

#include <imgui.h>

#include <string>

namespace aftercare::portal {

struct Ui;

// Which keys a field needs. None: the system keyboard (and IME) as usual.
enum class KeypadKind {
    None,
    Phone,          // digits, and '+' first for an international number
    Digits,         // digits only (the phone's last four digits)
    ServiceNumber,  // core::kServiceNumberAlphabet (no 0/O/1/I/L), grouped "R7KX-4M9Q-P2HC" as typed
    Serial,         // A-Z, 0-9 and '-' (product serials use 0 and 1)
    OrderNumber,    // A-Z, 0-9 and '-'
};

// Which field the keypad is open for. Lives in the app (one keypad on screen at a time); the
// widgets reach it through Ui::keypad, which is null outside kiosk mode.
struct KeypadState {
    ImGuiID open_for = 0;
    bool drawn = false;  // set by the open field each frame; a field no longer drawn closes it
    ImGuiID focus_seen = 0;  // the DOM focus at the end of the last frame: focus arriving opens the keypad
    struct Words {
        std::string backspace, clear, done;  // in the UI language, set by the app each frame
    } words;
};

struct KeypadResult {
    bool changed = false;
    bool done = false;  // the Done key: like Enter on a keyboard
};

// Applies one key to `value` under the kind's rules (allowed symbols, '+' only first, grouping,
// maximum length); returns whether the value changed. Exposed for the keys and for tests.
bool ApplyKeypadKey(KeypadKind kind, std::string& value, char key);

// The kiosk rendering of a keypad TextField: a large box showing the value (no ImGui text
// editing; the DOM <input> under it gets inputmode="none", so no system keyboard), and the keypad
// under it while it is open. Called by TextField between its label and its help line.
struct KeypadFieldResult {
    ImGuiID field_id = 0;
    bool changed = false;
    bool submitted = false;
    bool open = false;
};
KeypadFieldResult KeypadFieldBox(Ui& ui, const char* hint, std::string& value, bool invalid, float width);
KeypadResult DrawKeypad(Ui& ui, KeypadKind kind, std::string& value);

} // namespace aftercare::portal
