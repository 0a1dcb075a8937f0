// FrameEncoder; see frame_encoder.h. ImGui 1.92's texture protocol (create, update rectangles,
// destroy once unused) follows imgui_impl_opengl3.cpp.
#include "frame_encoder.h"

#include <algorithm>
#include <cstring>

namespace aftercare::web {
namespace {

static_assert(sizeof(ImDrawIdx) == 2, "the frame carries 16-bit indices");
static_assert(sizeof(ImDrawVert) == 5 * sizeof(std::uint32_t), "a vertex is five words: x, y, u, v, RGBA");

constexpr std::size_t kHeaderWords = 12;
constexpr std::size_t kTextureCountAt = kHeaderWords - 2;
constexpr std::size_t kListCountAt = kHeaderWords - 1;

std::uint32_t TextureId(ImTextureID id) { return static_cast<std::uint32_t>(id); }

// Rows below the last one holding a non-zero texel: a texture ImGui makes is all zeros (as one
// WebGL makes from no data), and the atlas fills from the top, so a grown atlas is mostly empty.
int FilledRows(ImTextureData& texture) {  // not const: ImGui's GetPixels is not
    const std::size_t row_words = static_cast<std::size_t>(texture.Width);
    const auto* texels = reinterpret_cast<const std::uint32_t*>(texture.GetPixels());
    for (int row = texture.Height; row > 0; --row) {
        const std::uint32_t* begin = texels + (row - 1) * row_words;
        if (std::any_of(begin, begin + row_words, [](std::uint32_t texel) { return texel != 0; })) return row;
    }
    return 0;
}

} // namespace

void FrameEncoder::Init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "aftercare_webgl2 (shell/renderer.js)";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    // WebGL2 guarantees 2048; the browser's real limit lives in the renderer's context, and the
    // atlas of one portal session stays far below it.
    ImGui::GetPlatformIO().Renderer_TextureMaxWidth = ImGui::GetPlatformIO().Renderer_TextureMaxHeight = 2048;
}

void FrameEncoder::PutFloat(float value) {
    std::uint32_t bits = 0;  // std::bit_cast: not in Debian's Emscripten's libc++
    std::memcpy(&bits, &value, sizeof bits);
    words_.push_back(bits);
}

void FrameEncoder::EncodeTexture(ImTextureData* texture) {
    IM_ASSERT(texture->Format == ImTextureFormat_RGBA32);
    const auto put_change = [&](TextureChange kind, int x, int y, int w, int h) {
        words_.insert(words_.end(), {kind, TextureId(texture->TexID), static_cast<std::uint32_t>(x),
                                     static_cast<std::uint32_t>(y), static_cast<std::uint32_t>(w),
                                     static_cast<std::uint32_t>(h)});
        ++words_[kTextureCountAt];
        if (kind != kTextureUpdate) return;
        // Appended row by row: resizing first would zero every word before it is overwritten.
        for (int row = 0; row < h; ++row) {
            const auto* texels = reinterpret_cast<const std::uint32_t*>(texture->GetPixelsAt(x, y + row));
            words_.insert(words_.end(), texels, texels + w);
        }
    };
    if (texture->Status == ImTextureStatus_WantCreate) {
        texture->SetTexID(static_cast<ImTextureID>(next_texture_id_++));
        put_change(kTextureCreate, 0, 0, texture->Width, texture->Height);
        if (const int rows = FilledRows(*texture); rows > 0) put_change(kTextureUpdate, 0, 0, texture->Width, rows);
        texture->SetStatus(ImTextureStatus_OK);
    } else if (texture->Status == ImTextureStatus_WantUpdates) {
        for (const ImTextureRect& r : texture->Updates) put_change(kTextureUpdate, r.x, r.y, r.w, r.h);
        texture->SetStatus(ImTextureStatus_OK);
    } else if (texture->Status == ImTextureStatus_WantDestroy && texture->UnusedFrames > 0) {
        put_change(kTextureDestroy, 0, 0, 0, 0);
        texture->SetTexID(ImTextureID_Invalid);
        texture->SetStatus(ImTextureStatus_Destroyed);
    }
}

void FrameEncoder::EncodeList(const ImDrawList& list, const ImVec2& clip_offset, const ImVec2& clip_scale,
                              int framebuffer_height) {
    const std::size_t counts_at = words_.size();
    words_.insert(words_.end(), {static_cast<std::uint32_t>(list.VtxBuffer.Size),
                                 static_cast<std::uint32_t>(list.IdxBuffer.Size), 0});
    std::size_t at = words_.size();
    words_.resize(at + list.VtxBuffer.Size * 5 + (list.IdxBuffer.Size + 1) / 2);
    std::memcpy(&words_[at], list.VtxBuffer.Data, list.VtxBuffer.Size * sizeof(ImDrawVert));
    at += list.VtxBuffer.Size * 5;
    std::memcpy(&words_[at], list.IdxBuffer.Data, list.IdxBuffer.Size * sizeof(ImDrawIdx));
    for (const ImDrawCmd& command : list.CmdBuffer) {
        // The portal adds no callbacks; ImGui's ResetRenderState needs nothing (the renderer sets
        // its whole state once per frame).
        IM_ASSERT(command.UserCallback == nullptr || command.UserCallback == ImDrawCallback_ResetRenderState);
        if (command.UserCallback != nullptr) continue;
        const float x0 = (command.ClipRect.x - clip_offset.x) * clip_scale.x;
        const float y0 = (command.ClipRect.y - clip_offset.y) * clip_scale.y;
        const float x1 = (command.ClipRect.z - clip_offset.x) * clip_scale.x;
        const float y1 = (command.ClipRect.w - clip_offset.y) * clip_scale.y;
        if (x1 <= x0 || y1 <= y0 || command.ElemCount == 0) continue;
        // GL's scissor box counts from the bottom-left corner. No vertex offsets: the flag is not
        // set, so ImGui starts a new list instead.
        words_.insert(words_.end(), {static_cast<std::uint32_t>(static_cast<std::int32_t>(x0)),
                                     static_cast<std::uint32_t>(static_cast<std::int32_t>(framebuffer_height - y1)),
                                     static_cast<std::uint32_t>(static_cast<std::int32_t>(x1 - x0)),
                                     static_cast<std::uint32_t>(static_cast<std::int32_t>(y1 - y0)),
                                     TextureId(command.GetTexID()), command.ElemCount, command.IdxOffset});
        ++words_[counts_at + 2];
    }
}

const std::vector<std::uint32_t>& FrameEncoder::Encode(ImDrawData* draw_data, int framebuffer_width,
                                                       int framebuffer_height, const ImVec4& clear_colour) {
    words_.clear();
    words_.insert(words_.end(), {kFrameFormat, static_cast<std::uint32_t>(framebuffer_width),
                                 static_cast<std::uint32_t>(framebuffer_height)});
    PutFloat(clear_colour.x);
    PutFloat(clear_colour.y);
    PutFloat(clear_colour.z);
    const ImVec2 pos = draw_data->DisplayPos;
    const ImVec2 size = draw_data->DisplaySize;
    PutFloat(pos.x);
    PutFloat(pos.y);
    PutFloat(size.x > 0 ? 2.0f / size.x : 0.0f);
    PutFloat(size.y > 0 ? -2.0f / size.y : 0.0f);
    words_.insert(words_.end(), {0, 0});  // texture changes, draw lists: counted as they are written
    IM_ASSERT(words_.size() == kHeaderWords);

    // Textures change whether or not anything is drawn: ImGui expects them handled this frame.
    if (draw_data->Textures != nullptr) {
        for (ImTextureData* texture : *draw_data->Textures) EncodeTexture(texture);
    }
    if (framebuffer_width <= 0 || framebuffer_height <= 0) return words_;  // nothing to see
    for (const ImDrawList* list : draw_data->CmdLists) {
        EncodeList(*list, draw_data->DisplayPos, draw_data->FramebufferScale, framebuffer_height);
        ++words_[kListCountAt];
    }
    return words_;
}

void FrameEncoder::ResendTextures() {
    for (ImTextureData* texture : ImGui::GetPlatformIO().Textures) {
        if (texture->Status == ImTextureStatus_Destroyed) continue;
        // The GPU copy is gone: a texture still wanted is sent whole with the next frame, one on its
        // way out is done with.
        texture->SetTexID(ImTextureID_Invalid);
        texture->SetStatus(texture->Status == ImTextureStatus_WantDestroy ? ImTextureStatus_Destroyed
                                                                          : ImTextureStatus_WantCreate);
    }
}

} // namespace aftercare::web
