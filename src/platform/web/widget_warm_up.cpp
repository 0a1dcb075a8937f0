#include "widget_warm_up.h"

#include "web_platform.h"

#include <emscripten.h>
#include <imgui.h>

namespace aftercare::web {
namespace {

void LayOutEachWidget(const portal::Theme& theme) {
    constexpr ImU32 kInk = IM_COL32(0, 0, 0, 255);
    constexpr ImGuiWindowFlags kOutOfSight =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoNav |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
    ImGui::SetNextWindowPos(ImVec2(-10000.0f, -10000.0f));
    ImGui::SetNextWindowSize(ImVec2(320.0f, 320.0f));
    ImGui::Begin("##widget warm-up", nullptr, kOutOfSight);
    for (const portal::TextStyle style : portal::kTextStyles) {
        ImGui::PushFont(theme.Font(style), theme.FontPx(style));
        ImGui::PushID(static_cast<int>(style));
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4.0f, 4.0f));
        ImGui::PushStyleColor(ImGuiCol_Text, kInk);

        ImGui::BeginGroup();
        ImGui::TextUnformatted("Aa 0");
        ImGui::SameLine();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::CalcTextSize("Aa").x);
        ImGui::TextUnformatted("Aa 01 Aa 23");
        ImGui::PopTextWrapPos();
        ImGui::TextColored(ImVec4(0, 0, 0, 1), "Aa");
        (void)ImGui::GetContentRegionAvail();
        ImGui::Dummy(ImVec2(1.0f, 1.0f));
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::EndGroup();

        ImGui::InvisibleButton("button", ImVec2(10.0f, 10.0f));
        (void)ImGui::IsItemHovered();
        (void)ImGui::IsItemActive();
        ImGui::Button("Aa");
        ImGui::Selectable("Aa");
        char text[8] = "Aa";
        ImGui::SetNextItemWidth(100.0f);
        ImGui::InputTextWithHint("##line", "Aa", text, sizeof text);
        ImGui::InputTextMultiline("##lines", text, sizeof text, ImVec2(100.0f, 40.0f));
        ImGui::BeginDisabled();
        ImGui::Button("0");
        ImGui::EndDisabled();

        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 corner(at.x + 20.0f, at.y + 20.0f);
        ImDrawList& draw = *ImGui::GetWindowDrawList();
        draw.PushClipRect(at, ImVec2(at.x + 40.0f, at.y + 40.0f), true);
        draw.AddRectFilled(at, corner, kInk, 6.0f);
        draw.AddRect(at, corner, kInk, 6.0f, 0, 1.5f);
        draw.AddLine(at, corner, kInk, 1.0f);
        draw.AddCircleFilled(at, 4.0f, kInk);
        draw.AddCircle(at, 4.0f, kInk, 0, 1.5f);
        draw.PathArcTo(at, 8.0f, 0.0f, 3.0f);
        draw.PathStroke(kInk, 0, 2.0f);
        draw.AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, kInk, "Aa");
        draw.PopClipRect();
        ImGui::Dummy(ImVec2(40.0f, 40.0f));

        ImGui::BeginChild("child", ImVec2(60.0f, 60.0f));
        ImGui::TextUnformatted("Aa");
        ImGui::EndChild();

        ImGui::PopStyleColor();
        ImGui::PopStyleVar();
        ImGui::PopID();
        ImGui::PopFont();
    }
    ImGui::End();
}

// The widgets, in a frame of their own; then the first real frame may come.
void LayOutWidgets(void* user) {
    WebPlatform& platform = *static_cast<WebPlatform*>(user);
    ImGui::NewFrame();
    LayOutEachWidget(platform.app.theme);
    ImGui::EndFrame();
    platform.widget_code_warm = true;
    platform.RequestFrames();
}

// An empty frame first: ImGui's frame code alone (NewFrame, EndFrame and what they call) was about
// half of a single warm-up task, so the two halves are two tasks.
void RunEmptyFrame(void* user) {
    // The display's density first, or fonts would be baked at a density no screen uses.
    static_cast<WebPlatform*>(user)->SyncCanvasSize();
    ImGui::NewFrame();
    ImGui::EndFrame();
    emscripten_async_call(LayOutWidgets, user, 0);
}

} // namespace

void WarmUpWidgetCodeThenDraw(WebPlatform& platform) {
    // Tasks, not display frames: they need not wait for the display's next frame.
    emscripten_async_call(RunEmptyFrame, &platform, 0);
}

} // namespace aftercare::web
