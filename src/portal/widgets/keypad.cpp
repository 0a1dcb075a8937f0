// The kiosk keypad; see keypad.h.
#include "widgets/keypad.h"

#include "icons.h"
#include "widgets.h"

#include "core/service_number.h"

#include <algorithm>
#include <string_view>

namespace aftercare::portal {
namespace {

constexpr std::string_view kAlphaRows[] = {"1234567890", "QWERTYUIOP", "ASDFGHJKL-", "ZXCVBNM"};

size_t MaxLength(KeypadKind kind) {
    switch (kind) {
    case KeypadKind::Phone: return 20;
    case KeypadKind::Digits: return 16;
    case KeypadKind::ServiceNumber: return core::kServiceNumberLength + 2;  // with the two hyphens
    case KeypadKind::Serial: return 32;
    case KeypadKind::OrderNumber: return 40;
    case KeypadKind::None: break;
    }
    return 64;
}

bool KeyAllowed(KeypadKind kind, char key) {
    const bool digit = key >= '0' && key <= '9';
    const bool letter = key >= 'A' && key <= 'Z';
    switch (kind) {
    case KeypadKind::Phone: return digit || key == '+';
    case KeypadKind::Digits: return digit;
    case KeypadKind::ServiceNumber: return core::kServiceNumberAlphabet.find(key) != std::string_view::npos;
    case KeypadKind::Serial:
    case KeypadKind::OrderNumber: return digit || letter || key == '-';
    case KeypadKind::None: break;
    }
    return false;
}

// One large key. The font is pushed by the caller; ids are unique within the field's ID scope.
bool Key(Ui& ui, const char* id, std::string_view label, float width, bool enabled, ButtonKind kind,
         const char* icon = nullptr) {
    return Button(ui, id, label, {.kind = kind, .width = width, .enabled = enabled, .icon = icon});
}

} // namespace

bool ApplyKeypadKey(KeypadKind kind, std::string& value, char key) {
    if (!KeyAllowed(kind, key) || value.size() >= MaxLength(kind)) return false;
    if (key == '+' && !value.empty()) return false;
    if (kind == KeypadKind::ServiceNumber) {
        // Grouped as the number is printed: a hyphen before the 5th and the 9th symbol.
        const size_t symbols = static_cast<size_t>(std::count_if(value.begin(), value.end(), [](char c) { return c != '-'; }));
        if (symbols >= core::kServiceNumberLength) return false;
        if ((symbols == 4 || symbols == 8) && (value.empty() || value.back() != '-')) value += '-';
    }
    value += key;
    return true;
}

KeypadFieldResult KeypadFieldBox(Ui& ui, const char* hint, std::string& value, bool invalid, float width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    KeypadFieldResult result;
    // The same id an InputText would have, so the mirror and TextField agree on it.
    result.field_id = ImGui::GetID("##field");
    if (auto edit = ui.a11y.TakeEdit(result.field_id)) {
        // A physical keyboard (or a test's fill) typed into the DOM field: take the text as is.
        result.changed = value != edit->text;
        value = std::move(edit->text);
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float height = theme.Em(1.0f) + ImGui::GetStyle().FramePadding.y * 2.0f + theme.Em(0.4f);
    ImGui::InvisibleButton("##field", ImVec2(width, height));
    // Opens on a tap, or when keyboard focus arrives (Tab, a screen reader); Done closes it even
    // though the DOM field keeps focus.
    const bool focus_arrived = ui.a11y.HasDomFocus(result.field_id) && ui.keypad->focus_seen != result.field_id;
    if (ImGui::IsItemClicked() || focus_arrived) ui.keypad->open_for = result.field_id;
    result.submitted = ui.a11y.TakeActivation(result.field_id);
    result.open = ui.keypad->open_for == result.field_id;
    if (result.open) ui.keypad->drawn = true;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    const float rounding = ImGui::GetStyle().FrameRounding;
    draw->AddRectFilled(pos, max, ToU32(p.surface), rounding);
    const ImVec4 border = invalid ? p.danger : result.open ? p.brand : p.border;
    draw->AddRect(pos, max, ToU32(border), rounding, 0, result.open || invalid ? 2.0f : 1.0f);
    // The value larger than body text (read back from arm's length), in the regular face: the bold
    // one carries only the portal's own words.
    ImGui::PushFont(theme.fonts.regular, theme.FontPx(TextStyle::Title2));
    const float text_x = pos.x + ImGui::GetStyle().FramePadding.x;
    const float text_y = pos.y + (height - ImGui::GetFontSize()) * 0.5f;
    if (value.empty()) {
        if (hint != nullptr && *hint != '\0') draw->AddText(ImVec2(text_x, text_y), ToU32(p.text_muted), hint);
    } else {
        draw->AddText(ImVec2(text_x, text_y), ToU32(p.text), value.c_str());
    }
    if (result.open) {
        // A steady caret after the text: the keys add at the end (no blinking, no idle redraws).
        const float caret_x = text_x + (value.empty() ? 0.0f : ImGui::CalcTextSize(value.c_str()).x + 2.0f);
        draw->AddLine(ImVec2(caret_x, text_y), ImVec2(caret_x, text_y + ImGui::GetFontSize()), ToU32(p.brand), 2.0f);
    }
    ImGui::PopFont();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return result;
}

KeypadResult DrawKeypad(Ui& ui, KeypadKind kind, std::string& value) {
    const Theme& theme = ui.theme;
    const KeypadState::Words& words = ui.keypad->words;
    KeypadResult result;
    const float gap = theme.Em(0.5f);
    const float key_h = theme.Em(2.75f);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float left = ImGui::GetCursorPosX();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    PushTextStyle(theme, TextStyle::Title2);

    auto key = [&](char symbol, float width) {
        const char label[2] = {symbol, '\0'};
        const char id[] = {'k', 'e', 'y', '-', symbol, '\0'};
        // A key that cannot apply now looks it: '+' after the first digit, anything when full.
        const bool usable = KeyAllowed(kind, symbol) && (symbol != '+' || value.empty()) && value.size() < MaxLength(kind);
        if (Key(ui, id, label, width, usable, ButtonKind::Secondary)) {
            result.changed |= ApplyKeypadKey(kind, value, symbol);
        }
    };
    auto backspace = [&](float width) {
        if (Key(ui, "key-back", words.backspace, width, !value.empty(), ButtonKind::Secondary, ICON_LONG_ARROW_LEFT)) {
            value.pop_back();
            // Whole groups read better: a trailing hyphen goes with the symbol before it.
            if (kind == KeypadKind::ServiceNumber && !value.empty() && value.back() == '-') value.pop_back();
            result.changed = true;
        }
    };

    float row_width = 0.0f, x0 = left;
    if (kind == KeypadKind::Phone || kind == KeypadKind::Digits) {
        // A telephone keypad: 1 2 3 / 4 5 6 / 7 8 9 / + 0 backspace.
        const float key_w = std::min((avail - gap * 2.0f) / 3.0f, theme.Em(7.0f));
        row_width = key_w * 3.0f + gap * 2.0f;
        x0 = left + (avail - row_width) * 0.5f;
        constexpr std::string_view kGrid = "123456789+0";
        for (size_t i = 0; i < kGrid.size(); ++i) {
            if (i % 3 == 0) ImGui::SetCursorPosX(x0);
            else ImGui::SameLine();
            if (kGrid[i] == '+' && kind != KeypadKind::Phone) ImGui::Dummy(ImVec2(key_w, key_h));
            else key(kGrid[i], key_w);
        }
        ImGui::SameLine();
        backspace(key_w);
    } else {
        // A keyboard's rows (customers know QWERTY from pinyin input); symbols a kind does not
        // use stay in place, disabled, so the layout never shifts.
        const float key_w = std::min((avail - gap * 9.0f) / 10.0f, theme.Em(4.5f));
        row_width = key_w * 10.0f + gap * 9.0f;
        x0 = left + (avail - row_width) * 0.5f;
        for (size_t row = 0; row < std::size(kAlphaRows); ++row) {
            const std::string_view keys = kAlphaRows[row];
            const bool last = row + 1 == std::size(kAlphaRows);
            const float units = static_cast<float>(keys.size() + (last ? 2 : 0));
            ImGui::SetCursorPosX(x0 + (row_width - (key_w * units + gap * (units - 1.0f))) * 0.5f);
            for (size_t i = 0; i < keys.size(); ++i) {
                if (i > 0) ImGui::SameLine();
                key(keys[i], key_w);
            }
            if (last) {
                ImGui::SameLine();
                backspace(key_w * 2.0f + gap);
            }
        }
    }
    ImGui::PopFont();

    // Clear and Done under the keys, Done the widest: it is what most taps end with.
    PushTextStyle(theme, TextStyle::Title3);
    ImGui::SetCursorPosX(x0);
    const float clear_w = (row_width - gap) * 0.35f;
    if (Key(ui, "key-clear", words.clear, clear_w, !value.empty(), ButtonKind::Secondary)) {
        result.changed |= !value.empty();
        value.clear();
    }
    ImGui::SameLine();
    if (Key(ui, "key-done", words.done, row_width - gap - clear_w, true, ButtonKind::Primary, ICON_CHECK)) {
        result.done = true;
    }
    ImGui::PopFont();
    ImGui::PopStyleVar();
    return result;
}

} // namespace aftercare::portal
