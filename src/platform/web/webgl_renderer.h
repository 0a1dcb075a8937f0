// Draws ImGui's draw data with WebGL2, in a context the portal owns alone.
//
// Why not ImGui's own OpenGL3 backend: it saves and restores the GL state around every frame
// (about twenty glGet* calls) and checks each shader right after compiling it. In a browser every
// such query waits for the GPU process to catch up — on a phone, for the GPU to finish the
// previous frame — which made each frame, and the shader set-up, a long main-thread task. This
// renderer sets the state it needs each frame and never reads anything back while drawing. Its
// program is used as soon as it is made: the GPU process links it before it runs the draws that
// follow, so the first frame is sent without the main thread waiting, and whether the link
// worked is asked later (ProgramLinked), when the answer no longer costs a wait.
#pragma once

#include <imgui.h>

#include <optional>

namespace aftercare::web {

class WebGlRenderer {
public:
    // Declares the renderer to ImGui (dynamic textures, its name). Needs a current WebGL2 context.
    void Init(int gl_context);
    // GPU objects: made after Init and again after a lost context is restored (every texture then
    // uploads again).
    void CreateDeviceObjects();
    void ForgetDeviceObjects();  // after the context was lost: the objects died with it
    void Render(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);
    // Whether the program linked; std::nullopt while the browser says it is still linking
    // (KHR_parallel_shader_compile). Without that extension the question waits for the link.
    std::optional<bool> ProgramLinked() const;

private:
    void UpdateTexture(ImTextureData* texture);
    void SetUpState(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);

    bool parallel_compile_ = false;  // KHR_parallel_shader_compile: link status without waiting
    unsigned program_ = 0;
    unsigned vertex_array_ = 0;
    unsigned vertex_buffer_ = 0;
    unsigned index_buffer_ = 0;
};

} // namespace aftercare::web
