// The comparison point for the web benchmarks: a plain Dear ImGui program as people write it for
// the web (emscripten's GLFW, ImGui's OpenGL3 backend, the stock loop that draws every frame),
// showing a 1,000-row list with the list clipper. Built with the portal's compiler flags.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <emscripten.h>
#include <imgui.h>

#include <cstdio>

namespace {

GLFWwindow* g_window = nullptr;  // the stock example keeps it global; so does this stand-in
bool g_first_frame = true;

void Frame() {
    const double frame_start_ms = emscripten_get_now();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Tickets", nullptr, ImGuiWindowFlags_NoDecoration);
    if (ImGui::BeginTable("list", 4, ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Service number");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("Priority");
        ImGui::TableSetupColumn("Subject");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(1000);
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::Text("R%04d-TEST-%04d", row, row * 7 % 10000);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row % 3 == 0 ? "submitted" : row % 3 == 1 ? "assigned" : "resolved");
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row % 5 == 0 ? "urgent" : "general");
                ImGui::TableNextColumn();
                ImGui::Text("Ticket %d: the device does not start", row);
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();

    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(g_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.96f, 0.97f, 0.98f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // The same frame accounting as the portal's (web/platform.js aftercare_frame_drawn).
    EM_ASM({
        window.aftercareFrames = (window.aftercareFrames || 0) + 1;
        if (window.aftercareFrameTimes) window.aftercareFrameTimes.push($0);
    }, emscripten_get_now() - frame_start_ms);
    if (g_first_frame) {
        g_first_frame = false;
        EM_ASM({ window.dispatchEvent(new CustomEvent('aftercare-ready')); document.documentElement.classList.add('aftercare-ready'); });
    }
}

} // namespace

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    g_window = glfwCreateWindow(1280, 800, "Plain ImGui", nullptr, nullptr);
    if (g_window == nullptr) return 1;
    glfwMakeContextCurrent(g_window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplGlfw_InstallEmscriptenCallbacks(g_window, "#canvas");
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(Frame, 0, false);
    return 0;
}
