// The portal's widgets; see widgets.h.
#include "widgets.h"

#include <imgui_internal.h>

#include <algorithm>

namespace aftercare::portal {
namespace {

// ImGui labels need a NUL-terminated "visible###id" string.
std::string LabelWithId(std::string_view label, const char* id) {
    std::string out(label);
    out += "###";
    out += id;
    return out;
}

struct TextCallbackContext {
    std::string* value;
    std::optional<A11yEdit> edit;
};

// Keeps the std::string in step with ImGui's buffer, and applies an edit made in the DOM field
// (text and selection) while ImGui has the field active.
int TextCallback(ImGuiInputTextCallbackData* data) {
    auto* context = static_cast<TextCallbackContext*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        context->value->resize(static_cast<size_t>(data->BufTextLen));
        data->Buf = context->value->data();
    } else if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && context->edit) {
        const A11yEdit& edit = *context->edit;
        if (std::string_view(data->Buf, static_cast<size_t>(data->BufTextLen)) != edit.text) {
            data->DeleteChars(0, data->BufTextLen);
            data->InsertChars(0, edit.text.data(), edit.text.data() + edit.text.size());
        }
        data->SelectionStart = std::clamp(edit.selection_start, 0, data->BufTextLen);
        data->SelectionEnd = std::clamp(edit.selection_end, 0, data->BufTextLen);
        data->CursorPos = data->SelectionEnd;
        context->edit.reset();
    }
    return 0;
}

// The ImGui text field: its text is edited in the mirrored DOM <input>, applied here.
void DrawEditableField(Ui& ui, ImGuiID field_id, std::string& value, const TextFieldOptions& options, bool invalid,
                       float width, TextFieldResult& result) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    // Keyboard focus lives in the DOM; when it lands on this field, ImGui edits it too, and when it
    // has moved on (Tab, a tap on another field or button), ImGui lets go. ImGui never keeps a field
    // the DOM has left: its stale "focused" would pull the DOM focus back, and two fields would
    // trade focus frame after frame.
    const bool dom_focused = ui.a11y.HasDomFocus(field_id);
    if (!dom_focused && ImGui::GetActiveID() == field_id) ImGui::ClearActiveID();
    const bool was_active = ImGui::GetActiveID() == field_id;
    TextCallbackContext context{&value, ui.a11y.TakeEdit(field_id)};
    if (context.edit && !was_active) {
        // Not being edited in ImGui (e.g. the DOM field kept focus after Enter): take the text as is.
        result.changed = value != context.edit->text;
        value = std::move(context.edit->text);
        context.edit.reset();
    }
    // ...once no other item is held: a press still in progress on a button or chip completes first.
    if (dom_focused && !was_active && ImGui::GetActiveID() == 0) ImGui::SetKeyboardFocusHere();

    ImGui::PushStyleColor(ImGuiCol_Border, invalid ? p.danger : p.border);
    ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways;
    if (options.password) flags |= ImGuiInputTextFlags_Password;
    bool edited = false;
    if (options.multiline) {
        edited = ImGui::InputTextMultiline("##field", value.data(), value.capacity() + 1,
                                           ImVec2(width, theme.Em(options.height_em)), flags, TextCallback, &context);
    } else {
        ImGui::SetNextItemWidth(width);
        edited = ImGui::InputTextWithHint("##field", options.hint ? options.hint : "", value.data(),
                                          value.capacity() + 1, flags, TextCallback, &context);
    }
    ImGui::PopStyleColor();
    result.changed |= edited;
    const bool active = ImGui::IsItemActive();
    if (context.edit) {
        // ImGui let go of the field in this very frame (a click elsewhere) before its callback took
        // the DOM's edit. Take it now: otherwise it is lost, and a form submitted by that same
        // click would read the text from before the edit.
        if (active) {
            ui.a11y.OnDomEdit(std::move(*context.edit));  // still editing: the next frame's callback
        } else {
            result.changed |= value != context.edit->text;
            value = std::move(context.edit->text);
        }
    }
    if (active) {
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                            ToU32(invalid ? p.danger : p.brand), ImGui::GetStyle().FrameRounding, 0,
                                            2.0f);
    }
    result.submitted = !options.multiline && ui.a11y.TakeActivation(field_id);
}

} // namespace

void DrawFocusRing(Ui& ui, ImGuiID id) {
    if (!ui.a11y.HasVisibleDomFocus(id)) return;
    const float inset = 1.0f;  // inside the item: a parent's clip rect must not cut the ring
    ImGui::GetWindowDrawList()->AddRect(
        ImVec2(ImGui::GetItemRectMin().x + inset, ImGui::GetItemRectMin().y + inset),
        ImVec2(ImGui::GetItemRectMax().x - inset, ImGui::GetItemRectMax().y - inset), ToU32(ui.theme.palette.brand),
        ui.theme.Em(0.6f), 0, 2.0f);
}

bool ActionCard(Ui& ui, const char* id, const char* icon, std::string_view title, std::string_view hint,
                float width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float pad = theme.Em(1.0f);
    const float disc = theme.Em(2.75f);
    const float height = disc + pad * 2.0f;

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id, ImVec2(width, height));
    const ImGuiID item_id = ImGui::GetItemID();
    pressed |= ui.a11y.TakeActivation(item_id);
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    const ImVec2 max(pos.x + width, pos.y + height);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = theme.Em(0.75f);
    // A soft shadow, then the card; hover lifts the border to the brand colour.
    draw->AddRectFilled(ImVec2(pos.x, pos.y + 2.0f), ImVec2(max.x, max.y + 2.0f), IM_COL32(29, 33, 41, 14),
                        rounding);
    draw->AddRectFilled(pos, max, ToU32(held ? p.brand_soft : p.surface), rounding);
    draw->AddRect(pos, max, ToU32(hovered ? p.brand_hover : p.border), rounding, 0, hovered ? 1.5f : 1.0f);

    const ImVec2 disc_centre(pos.x + pad + disc * 0.5f, pos.y + height * 0.5f);
    draw->AddCircleFilled(disc_centre, disc * 0.5f, ToU32(p.brand_soft));
    PushTextStyle(theme, TextStyle::Title2);
    const ImVec2 icon_size = ImGui::CalcTextSize(icon);
    draw->AddText(ImVec2(disc_centre.x - icon_size.x * 0.5f, disc_centre.y - icon_size.y * 0.5f), ToU32(p.brand),
                  icon);
    ImGui::PopFont();

    const float text_x = pos.x + pad * 2.0f + disc;
    const float text_width = max.x - pad - text_x;
    PushTextStyle(theme, TextStyle::Title3);
    const float title_h = ImGui::GetFontSize();
    const float hint_h = theme.FontPx(TextStyle::Small);
    const float text_top = pos.y + (height - title_h - hint_h - theme.Em(0.3f)) * 0.5f;
    draw->PushClipRect(ImVec2(text_x, pos.y), ImVec2(text_x + text_width, max.y), true);
    draw->AddText(ImVec2(text_x, text_top), ToU32(p.text), title.data(), title.data() + title.size());
    ImGui::PopFont();
    PushTextStyle(theme, TextStyle::Small);
    draw->AddText(ImVec2(text_x, text_top + title_h + theme.Em(0.3f)), ToU32(p.text_muted), hint.data(),
                  hint.data() + hint.size());
    ImGui::PopFont();
    draw->PopClipRect();

    DrawFocusRing(ui, item_id);
    ui.a11y.AddLastItem(Role::Button, title, A11yFlags_None, {}, hint);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (pressed) ui.host.RequestRedrawAfter(0.0);  // what the press changed is drawn (see Button)
    return pressed;
}

bool Button(Ui& ui, const char* id, std::string_view label, const ButtonOptions& options) {
    const Palette& p = ui.theme.palette;
    switch (options.kind) {
    case ButtonKind::Primary:
        ImGui::PushStyleColor(ImGuiCol_Button, p.brand);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.brand_hover);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.brand_active);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        ImGui::PushStyleColor(ImGuiCol_Border, p.brand);
        break;
    case ButtonKind::Secondary:
        ImGui::PushStyleColor(ImGuiCol_Button, p.surface);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.brand_soft);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.brand_soft);
        ImGui::PushStyleColor(ImGuiCol_Text, p.text);
        ImGui::PushStyleColor(ImGuiCol_Border, p.border);
        break;
    case ButtonKind::Quiet:
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.brand_soft);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.brand_soft);
        ImGui::PushStyleColor(ImGuiCol_Text, p.brand);
        ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0, 0, 0, 0));
        break;
    }
    const bool enabled = options.enabled;
    const std::string shown = options.icon ? std::string(options.icon) + "  " + std::string(label) : std::string(label);
    const std::string imgui_label = LabelWithId(shown, id);
    const float height = ui.theme.Em(2.75f);
    const float width =
        options.width > 0.0f ? options.width : ImGui::CalcTextSize(shown.c_str()).x + ui.theme.Em(2.5f);
    ImGui::BeginDisabled(!enabled);
    bool pressed = ImGui::Button(imgui_label.c_str(), ImVec2(width, height));
    ImGui::EndDisabled();
    ImGui::PopStyleColor(5);
    const ImGuiID item_id = ImGui::GetItemID();
    pressed = enabled && (pressed || ui.a11y.TakeActivation(item_id));
    DrawFocusRing(ui, item_id);
    ui.a11y.AddLastItem(Role::Button, options.accessible_name.empty() ? label : options.accessible_name,
                        enabled ? A11yFlags_None : A11yFlags_Disabled);
    if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    // The press is seen late in a frame whose earlier items (and the mirror) show the old state;
    // on-demand drawing must come back once to show what it changed (a tap brings no further events).
    if (pressed) ui.host.RequestRedrawAfter(0.0);
    return pressed;
}

TextFieldResult TextField(Ui& ui, const char* id, std::string_view label, std::string& value,
                          const TextFieldOptions& options) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    TextFieldResult result;
    ImGui::PushID(id);

    // The label above the field, with a red asterisk when required.
    if (!options.hide_label) {
        PushTextStyle(theme, TextStyle::Small);
        ImGui::PushStyleColor(ImGuiCol_Text, p.text);
        ImGui::TextUnformatted(label.data(), label.data() + label.size());
        ImGui::PopStyleColor();
        if (options.required) {
            ImGui::SameLine(0, theme.Em(0.2f));
            ImGui::TextColored(p.danger, "*");
        }
        ImGui::PopFont();
    }

    const bool invalid = !options.error.empty();
    const float width = options.width > 0.0f ? options.width : ImGui::GetContentRegionAvail().x;
    const bool use_keypad = ui.keypad != nullptr && options.keypad != KeypadKind::None && !options.multiline;
    ImGuiID field_id = 0;
    bool active = false;
    if (use_keypad) {
        const KeypadFieldResult box = KeypadFieldBox(ui, options.hint, value, invalid, width);
        field_id = box.field_id;
        result.changed |= box.changed;
        result.submitted = box.submitted;
        active = box.open;
    } else {
        field_id = ImGui::GetID("##field");
        // A field typed with the system keyboard closes the kiosk keypad that was open elsewhere.
        if (ui.keypad != nullptr && ui.a11y.HasDomFocus(field_id)) ui.keypad->open_for = 0;
        DrawEditableField(ui, field_id, value, options, invalid, width, result);
        active = ImGui::IsItemActive() && ui.a11y.HasDomFocus(field_id);
    }
    result.focused = use_keypad ? active : ui.a11y.HasDomFocus(field_id);
    // A keypad field does not pull DOM focus back while its keys are pressed: keyboard and screen
    // reader users move through the keys themselves.
    A11yFlags a11y_flags = active && !use_keypad ? A11yFlags_Focused : A11yFlags_None;
    if (invalid) a11y_flags |= A11yFlags_Invalid;
    if (options.required) a11y_flags |= A11yFlags_Required;
    if (options.numeric || options.keypad == KeypadKind::Phone || options.keypad == KeypadKind::Digits) {
        a11y_flags |= A11yFlags_Numeric;
    }
    if (use_keypad) a11y_flags |= A11yFlags_Keypad;
    if (options.password) a11y_flags |= A11yFlags_Password;
    ui.a11y.AddLastItem(field_id, options.multiline ? Role::TextArea : Role::TextBox, label, a11y_flags, value,
                        invalid ? options.error : options.help);

    if (invalid) {
        Paragraph(ui, TextStyle::Small, options.error, p.danger, Role::Alert);
    } else if (!options.help.empty()) {
        Paragraph(ui, TextStyle::Small, options.help, p.text_muted);
    }
    if (use_keypad && active) {
        ImGui::Dummy(ImVec2(0, theme.Em(0.25f)));
        const KeypadResult keys = DrawKeypad(ui, options.keypad, value);
        result.changed |= keys.changed;
        if (keys.done) {
            ui.keypad->open_for = 0;
            result.submitted = true;
        }
    }
    if (result.changed || result.submitted) ui.host.RequestRedrawAfter(0.0);
    ImGui::PopID();
    return result;
}

void Heading(Ui& ui, TextStyle style, std::string_view text, int level) {
    PushTextStyle(ui.theme, style);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ui.a11y.AddText(Role::Heading, text, level);
}

void Paragraph(Ui& ui, TextStyle style, std::string_view text, const ImVec4& colour, Role role) {
    PushTextStyle(ui.theme, style);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ui.a11y.AddText(role, text);
}

namespace {

// Narrows the current window's work and content rectangles to [x, x + width): GetContentRegionAvail()
// and text wrapping then stop at the region's right edge, as they would in a table cell.
void PushRegion(Ui& ui, ImVec2 origin, float width, float right_edge, ImGuiID height_key) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ui.regions.push_back({origin, width, window->WorkRect.Max.x, window->ContentRegionRect.Max.x, height_key});
    window->WorkRect.Max.x = right_edge;
    window->ContentRegionRect.Max.x = right_edge;
}

ContentRegion PopRegion(Ui& ui) {
    ContentRegion region = ui.regions.back();
    ui.regions.pop_back();
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    window->WorkRect.Max.x = region.saved_work_max_x;
    window->ContentRegionRect.Max.x = region.saved_content_max_x;
    return region;
}

} // namespace

void BeginColumn(Ui& ui, float x, float width) {
    ImGui::SetCursorPosX(x);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    PushRegion(ui, origin, width, origin.x + width, 0);
    ImGui::BeginGroup();  // lines inside start at the column's left edge
}

void EndColumn(Ui& ui) {
    ImGui::EndGroup();
    PopRegion(ui);
}

void BeginCard(Ui& ui, const char* id, const CardStyle& style) {
    const Theme& theme = ui.theme;
    ImGui::PushID(id);
    const ImGuiID height_key = ImGui::GetID("##card-height");
    const float height = ImGui::GetStateStorage()->GetFloat(height_key, 0.0f);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 padding(theme.Em(1.25f), theme.Em(1.0f));

    // The background goes first, sized from last frame (a card's height settles within a frame).
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(origin.x + width, origin.y + height);
    const float rounding = theme.Em(0.75f);
    draw->AddRectFilled(origin, max, ToU32(style.fill), rounding);
    draw->AddRect(origin, max, ToU32(style.border.w > 0 ? style.border : theme.palette.border), rounding);

    PushRegion(ui, origin, width, origin.x + width - padding.x, height_key);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + padding.x, origin.y + padding.y));
    ImGui::BeginGroup();
}

void EndCard(Ui& ui) {
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + ui.theme.Em(1.0f);
    const ContentRegion region = PopRegion(ui);
    const float height = bottom - region.origin.y;
    ImGuiStorage* storage = ImGui::GetStateStorage();
    if (storage->GetFloat(region.height_key, 0.0f) != height) {
        storage->SetFloat(region.height_key, height);
        ui.host.RequestRedrawAfter(0.0);  // draw again with the background at its new size
    }
    // The whole card is one item for the layout around it.
    ImGui::SetCursorScreenPos(region.origin);
    ImGui::Dummy(ImVec2(region.width, height));
    ImGui::PopID();
}

} // namespace aftercare::portal
