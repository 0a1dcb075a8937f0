// Status stepper; see status_stepper.h.
#include "widgets/status_stepper.h"

#include "icons.h"
#include "widgets/tone.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace aftercare::portal {
namespace {

constexpr float kDiscEm = 1.75f;       // marker diameter
constexpr float kHaloEm = 0.3f;        // ring around the current marker
constexpr float kLabelGapEm = 0.5f;    // marker to label
constexpr float kMinStepEm = 3.2f;     // narrower than this per step: the compact layout

Tone ToneOf(StepState state) {
    switch (state) {
    case StepState::Done:
    case StepState::Current: return Tone::Brand;
    case StepState::Waiting: return Tone::Warning;
    case StepState::Stopped: return Tone::Danger;
    case StepState::Upcoming: return Tone::Neutral;
    }
    return Tone::Neutral;
}

bool Reached(StepState state) { return state != StepState::Upcoming; }

// One marker: a filled disc with a check, the step number or a cross; upcoming steps are hollow.
void DrawMarker(const Theme& theme, ImDrawList* draw, ImVec2 centre, int number, StepState state) {
    const Palette& p = theme.palette;
    const float r = theme.Em(kDiscEm) * 0.5f;
    const ImVec4 colour = ToneColour(p, ToneOf(state));
    if (state == StepState::Current || state == StepState::Waiting) {
        draw->AddCircleFilled(centre, r + theme.Em(kHaloEm), ToU32(ToneTint(p, ToneOf(state), 0.18f)));
    }
    if (state == StepState::Upcoming) {
        draw->AddCircleFilled(centre, r, ToU32(p.surface));
        draw->AddCircle(centre, r - 0.75f, ToU32(p.border), 0, 1.5f);
    } else {
        draw->AddCircleFilled(centre, r, ToU32(colour));
    }
    std::string glyph;
    TextStyle style = TextStyle::Small;
    if (state == StepState::Done) {
        glyph = ICON_CHECK;
    } else if (state == StepState::Stopped) {
        glyph = ICON_TIMES;
    } else {
        glyph = std::to_string(number);
    }
    ImGui::PushFont(theme.fonts.bold ? theme.fonts.bold : theme.fonts.regular, theme.FontPx(style));
    const ImVec2 size = ImGui::CalcTextSize(glyph.c_str());
    draw->AddText(ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f),
                  state == StepState::Upcoming ? ToU32(p.text_muted) : IM_COL32_WHITE, glyph.c_str());
    ImGui::PopFont();
}

ImU32 LabelColour(const Palette& p, StepState state) {
    switch (state) {
    case StepState::Current: return ToU32(p.brand);
    case StepState::Waiting: return ToU32(p.warning);
    case StepState::Stopped: return ToU32(p.danger);
    case StepState::Done: return ToU32(p.text);
    case StepState::Upcoming: return ToU32(p.text_muted);
    }
    return ToU32(p.text);
}

bool Emphasised(StepState state) {
    return state == StepState::Current || state == StepState::Waiting || state == StepState::Stopped;
}

void PushLabelFont(const Theme& theme, StepState state) {
    ImFont* font = Emphasised(state) && theme.fonts.bold ? theme.fonts.bold : theme.fonts.regular;
    ImGui::PushFont(font, theme.FontPx(TextStyle::Small));
}

// Horizontal when each label, wrapped to its column, takes at most two lines and no word has to
// be cut (ImGui would break a word that is wider than the column: "Submitte/d").
bool FitsHorizontally(const Theme& theme, std::span<const StepperStep> steps, float step_width) {
    if (step_width < theme.Em(kMinStepEm)) return false;
    const float wrap = step_width - theme.Em(0.4f);
    for (const StepperStep& step : steps) {
        PushLabelFont(theme, step.state);
        const ImVec2 wrapped = ImGui::CalcTextSize(step.label.c_str(), nullptr, false, wrap);
        const float line = ImGui::GetFontSize();
        bool words_fit = true;
        std::string_view rest = step.label;
        while (!rest.empty() && words_fit) {
            const size_t space = rest.find(' ');
            const std::string_view word = rest.substr(0, space);
            words_fit = ImGui::CalcTextSize(word.data(), word.data() + word.size()).x <= wrap;
            rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        }
        ImGui::PopFont();
        if (!words_fit || wrapped.y > line * 2.5f) return false;
    }
    return true;
}

void DrawHorizontal(Ui& ui, std::span<const StepperStep> steps, float width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float step_width = width / static_cast<float>(steps.size());
    const float disc = theme.Em(kDiscEm);
    const float halo = theme.Em(kHaloEm);
    const float label_top = halo + disc + theme.Em(kLabelGapEm);
    const float line_h = theme.FontPx(TextStyle::Small) * 1.25f;
    const float height = label_top + line_h * 2.0f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float cy = origin.y + halo + disc * 0.5f;

    // Connectors first, so the markers sit on top of them.
    for (size_t i = 0; i + 1 < steps.size(); ++i) {
        const float x0 = origin.x + step_width * (static_cast<float>(i) + 0.5f) + disc * 0.5f + theme.Em(0.35f);
        const float x1 = origin.x + step_width * (static_cast<float>(i) + 1.5f) - disc * 0.5f - theme.Em(0.35f);
        if (x1 <= x0) continue;
        const bool done = Reached(steps[i + 1].state);
        draw->AddLine(ImVec2(x0, cy), ImVec2(x1, cy), ToU32(done ? p.brand : p.border), theme.Em(0.14f));
    }
    for (size_t i = 0; i < steps.size(); ++i) {
        const StepperStep& step = steps[i];
        const float cx = origin.x + step_width * (static_cast<float>(i) + 0.5f);
        DrawMarker(theme, draw, ImVec2(cx, cy), static_cast<int>(i) + 1, step.state);

        // The label, centred under the marker, wrapped line by line within the column.
        PushLabelFont(theme, step.state);
        const float wrap = step_width - theme.Em(0.4f);
        const char* text = step.label.c_str();
        const char* end = text + step.label.size();
        float y = origin.y + label_top;
        ImFont* font = ImGui::GetFont();
        while (text < end) {
            const char* line_end = font->CalcWordWrapPosition(ImGui::GetFontSize(), text, end, wrap);
            if (line_end == text) line_end = text + 1;
            const ImVec2 size = ImGui::CalcTextSize(text, line_end);
            draw->AddText(ImVec2(cx - size.x * 0.5f, y), LabelColour(p, step.state), text, line_end);
            y += line_h;
            text = line_end;
            while (text < end && *text == ' ') ++text;
        }
        ImGui::PopFont();

        // Each step is its own mirrored text over its column, in order.
        ImGui::SetCursorScreenPos(ImVec2(cx - step_width * 0.5f, origin.y));
        ImGui::Dummy(ImVec2(step_width, height));
        ui.a11y.AddText(Role::Text, step.accessible_name);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
}

// Too narrow for every label (phones, long English labels): the markers in a row, and only the
// step where it stands named, under its marker (kept inside the stepper's width).
void DrawCompact(Ui& ui, std::span<const StepperStep> steps, float width) {
    const Theme& theme = ui.theme;
    const Palette& p = theme.palette;
    const float step_width = width / static_cast<float>(steps.size());
    const float disc = theme.Em(kDiscEm);
    const float halo = theme.Em(kHaloEm);
    const float label_top = halo * 2.0f + disc + theme.Em(kLabelGapEm);
    const float height = label_top + theme.FontPx(TextStyle::Body) * 1.3f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float cy = origin.y + halo + disc * 0.5f;

    size_t named = 0;  // the step that is not simply done: current, waiting or stopped; else the last
    for (size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].state != StepState::Upcoming) named = i;
    }
    for (size_t i = 0; i + 1 < steps.size(); ++i) {
        const float x0 = origin.x + step_width * (static_cast<float>(i) + 0.5f) + disc * 0.5f + theme.Em(0.2f);
        const float x1 = origin.x + step_width * (static_cast<float>(i) + 1.5f) - disc * 0.5f - theme.Em(0.2f);
        if (x1 <= x0) continue;
        draw->AddLine(ImVec2(x0, cy), ImVec2(x1, cy), ToU32(Reached(steps[i + 1].state) ? p.brand : p.border),
                      theme.Em(0.14f));
    }
    for (size_t i = 0; i < steps.size(); ++i) {
        const float cx = origin.x + step_width * (static_cast<float>(i) + 0.5f);
        DrawMarker(theme, draw, ImVec2(cx, cy), static_cast<int>(i) + 1, steps[i].state);
        ImGui::SetCursorScreenPos(ImVec2(cx - step_width * 0.5f, origin.y));
        ImGui::Dummy(ImVec2(step_width, height));
        ui.a11y.AddText(Role::Text, steps[i].accessible_name);
    }
    const StepperStep& step = steps[named];
    ImGui::PushFont(theme.fonts.bold ? theme.fonts.bold : theme.fonts.regular, theme.FontPx(TextStyle::Body));
    const ImVec2 size = ImGui::CalcTextSize(step.label.c_str());
    const float centre = origin.x + step_width * (static_cast<float>(named) + 0.5f);
    const float x = std::clamp(centre - size.x * 0.5f, origin.x, std::max(origin.x, origin.x + width - size.x));
    draw->AddText(ImVec2(x, origin.y + label_top), LabelColour(p, step.state == StepState::Done ? StepState::Current
                                                                                                 : step.state),
                  step.label.c_str());
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
}

} // namespace

void StatusStepper(Ui& ui, const char* id, std::span<const StepperStep> steps) {
    if (steps.empty()) return;
    ImGui::PushID(id);
    const float width = ImGui::GetContentRegionAvail().x;
    if (FitsHorizontally(ui.theme, steps, width / static_cast<float>(steps.size()))) {
        DrawHorizontal(ui, steps, width);
    } else {
        DrawCompact(ui, steps, width);
    }
    ImGui::PopID();
}

} // namespace aftercare::portal
