// Draws ImGui's draw data with WebGL2, in a context the portal owns alone.
//
// Why not ImGui's own OpenGL3 backend: it saves and restores the GL state around every frame
// (about twenty glGet* calls) and checks each shader right after compiling it. In a browser every
// such query waits for the GPU process to catch up — on a phone, for the GPU to finish the
// previous frame — which made each frame, and the shader set-up, a long main-thread task. This
// renderer sets the state it needs each frame, never reads anything back while drawing, and does
// not use its program before the browser says the link is done (KHR_parallel_shader_compile):
// using it earlier waits for the GPU process to compile.
#pragma once

#include <imgui.h>

namespace aftercare::web {

enum class RenderOutcome {
    kDrawn,
    kCompiling,  // the shaders are still compiling: nothing drawn, ask again next frame
    kBroken,     // the program failed to link: nothing will ever be drawn
};

class WebGlRenderer {
public:
    // Declares the renderer to ImGui (dynamic textures, its name). Needs a current WebGL2 context.
    void Init(int gl_context);
    // GPU objects: made after Init and again after a lost context is restored (every texture then
    // uploads again).
    void CreateDeviceObjects();
    void ForgetDeviceObjects();  // after the context was lost: the objects died with it
    RenderOutcome Render(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);

private:
    RenderOutcome ProgramState();  // never waits where the browser can say "not yet"
    void UpdateTexture(ImTextureData* texture);
    void SetUpState(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height);

    bool parallel_compile_ = false;  // KHR_parallel_shader_compile: link status without waiting
    bool link_checked_ = false;
    bool link_failed_ = false;
    unsigned program_ = 0;
    unsigned vertex_array_ = 0;
    unsigned vertex_buffer_ = 0;
    unsigned index_buffer_ = 0;
};

} // namespace aftercare::web
