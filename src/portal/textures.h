// Images the portal makes at run time (photo previews) as ImGui 1.92 user textures: the renderer
// backend uploads a texture when it is created and frees the GPU copy when it is released, so the
// portal never talks to the graphics API. Released textures are deleted once the backend is done.
#pragma once

#include <imgui.h>

#include <vector>

namespace aftercare::portal {

class TexturePool {
public:
    TexturePool() = default;
    ~TexturePool();
    TexturePool(const TexturePool&) = delete;
    TexturePool& operator=(const TexturePool&) = delete;

    // A square RGBA image (`rgba` holds side² × 4 bytes); null when the data does not fit.
    ImTextureData* CreateRgba(int side, const unsigned char* rgba, std::size_t size);
    // The caller stops drawing `texture`; the pool frees it once the backend has let go.
    void Release(ImTextureData* texture);
    // Deletes released textures the backend has destroyed; call once a frame, before drawing.
    void Collect();

private:
    std::vector<ImTextureData*> live_;
    std::vector<ImTextureData*> released_;
};

} // namespace aftercare::portal
