// Each frame ImGui draws, written as one block of bytes for shell/renderer.js, which draws it with
// WebGL2: in a worker that owns the canvas (OffscreenCanvas) where the browser can hand it one, in
// the page otherwise.
//
// Why the drawing leaves the wasm: making a WebGL context, compiling its shaders and every call
// that waits for the GPU ran on the page's main thread, and on a phone (or SwiftShader here) that was
// the longest task of a first visit, hundreds of milliseconds in which the page could not answer a
// tap (issue 22). In a worker none of it blocks the page; the page's share of a frame is ImGui's
// layout and a copy of its vertices.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace aftercare::web {

// The block, in 32-bit little-endian words (floats as their bits). shell/renderer.js reads it; keep
// the two in step (kFrameFormat says which layout this is).
//
//   header   format, framebuffer width, height, clear colour r g b, projection (left, top,
//            2 / width, -2 / height in display units), texture change count, draw list count
//   texture  kind (kTextureCreate / Update / Destroy), id, x, y, width, height, then, for an update
//            only, width × height RGBA texels (one word each, rows packed). A texture is created
//            all zeros; its filled rows follow as an update.
//   list     vertex count, index count, command count, the vertices (x, y, u, v, RGBA: 5 words
//            each), the 16-bit indices (two per word, the last word padded), the commands (scissor
//            x, y, width, height in framebuffer pixels from the bottom-left corner, texture id,
//            index count, first index: 7 words each)
inline constexpr std::uint32_t kFrameFormat = 2;
enum TextureChange : std::uint32_t { kTextureCreate = 1, kTextureUpdate = 2, kTextureDestroy = 3 };

class FrameEncoder {
public:
    // Declares the renderer to ImGui: textures that grow and change (the atlas fills as text appears).
    void Init();
    // The frame's draw data and ImGui's texture changes since the last frame. Once encoded the
    // changes are the renderer's: ImGui is told they are done.
    const std::vector<std::uint32_t>& Encode(ImDrawData* draw_data, int framebuffer_width, int framebuffer_height,
                                             const ImVec4& clear_colour);
    // The renderer lost its GPU context and made a new one: every texture still in use is sent
    // whole with the next frame.
    void ResendTextures();

private:
    void EncodeTexture(ImTextureData* texture);
    void EncodeList(const ImDrawList& list, const ImVec2& clip_offset, const ImVec2& clip_scale, int framebuffer_height);
    void PutFloat(float value);

    std::vector<std::uint32_t> words_;
    std::uint32_t next_texture_id_ = 1;
};

} // namespace aftercare::web
