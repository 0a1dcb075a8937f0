// WebGlRenderer; see webgl_renderer.h. The protocol for ImGui 1.92's textures (create, update
// rectangles, destroy) follows imgui_impl_opengl3.cpp; the state handling is the reason this exists.
#include "webgl_renderer.h"

#include <emscripten/html5_webgl.h>
#include <GLES3/gl3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace aftercare::web {
namespace {

constexpr GLenum kCompletionStatus = 0x91B1;  // COMPLETION_STATUS_KHR (KHR_parallel_shader_compile)

// Attribute locations are fixed in the shader, so nothing is looked up after linking. The
// projection is a constant attribute (an array left disabled, set with glVertexAttrib4f) rather
// than a uniform: a uniform's location must be asked for, and asking waits for the link.
enum Attribute : GLuint { kPosition = 0, kUv = 1, kColor = 2, kViewport = 3 };

constexpr const char* kVertexShader = R"(#version 300 es
layout(location = 0) in vec2 Position;
layout(location = 1) in vec2 UV;
layout(location = 2) in vec4 Color;
layout(location = 3) in vec4 Viewport;  // left, top, 2 / width, -2 / height (display coordinates)
out vec2 Frag_UV;
out vec4 Frag_Color;
void main() {
    Frag_UV = UV;
    Frag_Color = Color;
    gl_Position = vec4((Position - Viewport.xy) * Viewport.zw + vec2(-1.0, 1.0), 0.0, 1.0);
}
)";

constexpr const char* kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D Texture;  // texture unit 0, a sampler's default: never set
in vec2 Frag_UV;
in vec4 Frag_Color;
layout(location = 0) out vec4 Out_Color;
void main() {
    Out_Color = Frag_Color * texture(Texture, Frag_UV);
}
)";

GLuint Compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}

void DestroyTexture(ImTextureData* texture) {
    const auto id = static_cast<GLuint>(static_cast<std::intptr_t>(texture->TexID));
    glDeleteTextures(1, &id);
    texture->SetTexID(ImTextureID_Invalid);
    texture->SetStatus(ImTextureStatus_Destroyed);
}

} // namespace

void WebGlRenderer::Init(int gl_context) {
    parallel_compile_ = emscripten_webgl_enable_extension(gl_context, "KHR_parallel_shader_compile") == EM_TRUE;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "aftercare_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;  // the font atlas grows as text appears
    // WebGL2 guarantees 2048; the browser's real limit would have to be asked for (a wait), and the
    // atlas of one portal session stays far below it.
    ImGui::GetPlatformIO().Renderer_TextureMaxWidth = ImGui::GetPlatformIO().Renderer_TextureMaxHeight = 2048;
}

void WebGlRenderer::CreateDeviceObjects() {
    const GLuint vertex = Compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fragment = Compile(GL_FRAGMENT_SHADER, kFragmentShader);
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    // Flagged for deletion; they live as long as the program they are attached to.
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    link_checked_ = link_failed_ = false;

    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glGenVertexArrays(1, &vertex_array_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);  // part of the vertex array's state
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
}

void WebGlRenderer::ForgetDeviceObjects() {
    program_ = vertex_array_ = vertex_buffer_ = index_buffer_ = 0;
    for (ImTextureData* texture : ImGui::GetPlatformIO().Textures) {
        if (texture->Status == ImTextureStatus_Destroyed) continue;
        // The GPU copy is gone: a texture still wanted is uploaded whole on the next frame, one on its
        // way out is done with.
        texture->SetTexID(ImTextureID_Invalid);
        texture->SetStatus(texture->Status == ImTextureStatus_WantDestroy ? ImTextureStatus_Destroyed
                                                                          : ImTextureStatus_WantCreate);
    }
}

RenderOutcome WebGlRenderer::ProgramState() {
    if (!link_checked_) {
        GLint done = GL_TRUE;
        if (parallel_compile_) glGetProgramiv(program_, kCompletionStatus, &done);  // answers at once
        if (done != GL_TRUE) return RenderOutcome::kCompiling;
        // Without the extension this waits once for the link; with it, the link is already done.
        GLint linked = GL_FALSE;
        glGetProgramiv(program_, GL_LINK_STATUS, &linked);
        link_checked_ = true;
        link_failed_ = linked != GL_TRUE;
        if (link_failed_) std::fprintf(stderr, "aftercare: the WebGL program did not link\n");
    }
    return link_failed_ ? RenderOutcome::kBroken : RenderOutcome::kDrawn;
}

void WebGlRenderer::UpdateTexture(ImTextureData* texture) {
    if (texture->Status == ImTextureStatus_WantCreate) {
        GLuint id = 0;
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        // Bilinear: ImGui draws its anti-aliased lines from the atlas.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, texture->Width, texture->Height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     texture->GetPixels());
        texture->SetTexID(static_cast<ImTextureID>(id));
        texture->SetStatus(ImTextureStatus_OK);
    } else if (texture->Status == ImTextureStatus_WantUpdates) {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(static_cast<std::intptr_t>(texture->TexID)));
        // Each new rectangle (glyphs this frame) straight from the CPU copy: rows are texture-wide.
        glPixelStorei(GL_UNPACK_ROW_LENGTH, texture->Width);
        for (const ImTextureRect& r : texture->Updates) {
            glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_RGBA, GL_UNSIGNED_BYTE,
                            texture->GetPixelsAt(r.x, r.y));
        }
        glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
        texture->SetStatus(ImTextureStatus_OK);
    } else if (texture->Status == ImTextureStatus_WantDestroy && texture->UnusedFrames > 0) {
        DestroyTexture(texture);
    }
}

void WebGlRenderer::SetUpState(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height) {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertex_array_);
    const ImVec2 pos = draw_data->DisplayPos;
    const ImVec2 size = draw_data->DisplaySize;
    glVertexAttrib4f(kViewport, pos.x, pos.y, 2.0f / size.x, -2.0f / size.y);
}

RenderOutcome WebGlRenderer::Render(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height) {
    // Textures upload whether or not the program is ready: ImGui expects them handled this frame.
    if (draw_data->Textures != nullptr) {
        for (ImTextureData* texture : *draw_data->Textures) {
            if (texture->Status != ImTextureStatus_OK) UpdateTexture(texture);
        }
    }
    if (const RenderOutcome state = ProgramState(); state != RenderOutcome::kDrawn) return state;
    if (framebuffer_width <= 0 || framebuffer_height <= 0) return RenderOutcome::kDrawn;  // nothing to see
    SetUpState(draw_data, framebuffer_width, framebuffer_height);

    // Each WebGL call costs a trip through the browser's bindings: consecutive commands mostly share
    // their clip rectangle and texture, so those are set only when they change.
    GLint scissor[4] = {-1, -1, -1, -1};
    ImTextureID bound_texture = ImTextureID_Invalid;
    const ImVec2 clip_offset = draw_data->DisplayPos;
    const ImVec2 clip_scale = draw_data->FramebufferScale;
    constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (const ImDrawList* list : draw_data->CmdLists) {
        // Orphaned each time (glBufferData, not glBufferSubData): the GPU may still read the last ones.
        glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& command : list->CmdBuffer) {
            if (command.UserCallback != nullptr) {
                if (command.UserCallback == ImDrawCallback_ResetRenderState) {
                    SetUpState(draw_data, framebuffer_width, framebuffer_height);
                } else {
                    command.UserCallback(list, &command);
                }
                std::fill(scissor, scissor + 4, -1);  // the callback may have changed either
                bound_texture = ImTextureID_Invalid;
                continue;
            }
            const float x0 = (command.ClipRect.x - clip_offset.x) * clip_scale.x;
            const float y0 = (command.ClipRect.y - clip_offset.y) * clip_scale.y;
            const float x1 = (command.ClipRect.z - clip_offset.x) * clip_scale.x;
            const float y1 = (command.ClipRect.w - clip_offset.y) * clip_scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            // GL's scissor box counts from the bottom-left corner.
            const GLint box[4] = {static_cast<GLint>(x0), static_cast<GLint>(framebuffer_height - y1),
                                  static_cast<GLint>(x1 - x0), static_cast<GLint>(y1 - y0)};
            if (!std::equal(box, box + 4, scissor)) {
                glScissor(box[0], box[1], box[2], box[3]);
                std::copy(box, box + 4, scissor);
            }
            if (command.GetTexID() != bound_texture) {
                bound_texture = command.GetTexID();
                glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(static_cast<std::intptr_t>(bound_texture)));
            }
            // No vertex offsets (the flag is not set): ImGui then starts a new list instead.
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), kIndexType,
                           reinterpret_cast<const void*>(command.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);  // the next frame's clear covers the whole canvas
    glBindVertexArray(0);
    return RenderOutcome::kDrawn;
}

} // namespace aftercare::web
