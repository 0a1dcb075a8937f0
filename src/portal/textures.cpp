// TexturePool; see textures.h. RegisterUserTexture is marked experimental in ImGui 1.92.2; it is
// the supported way for a texture to ride along the renderer's own texture updates.
#include "textures.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

namespace aftercare::portal {
namespace {

void Forget(ImTextureData* texture) {
    if (ImGui::GetCurrentContext() != nullptr) ImGui::UnregisterUserTexture(texture);
    IM_DELETE(texture);
}

} // namespace

TexturePool::~TexturePool() {
    for (ImTextureData* texture : live_) Forget(texture);
    for (ImTextureData* texture : released_) Forget(texture);
}

ImTextureData* TexturePool::CreateRgba(int side, const unsigned char* rgba, std::size_t size) {
    if (side <= 0 || rgba == nullptr || size != static_cast<std::size_t>(side) * side * 4) return nullptr;
    auto* texture = IM_NEW(ImTextureData)();
    texture->Create(ImTextureFormat_RGBA32, side, side);  // status: WantCreate, for the backend
    std::memcpy(texture->GetPixels(), rgba, size);
    texture->UseColors = true;
    ImGui::RegisterUserTexture(texture);
    live_.push_back(texture);
    return texture;
}

void TexturePool::Release(ImTextureData* texture) {
    const auto it = std::find(live_.begin(), live_.end(), texture);
    if (it == live_.end()) return;
    live_.erase(it);
    if (texture->Status == ImTextureStatus_WantCreate) {
        Forget(texture);  // never reached the GPU
        return;
    }
    // The backend destroys a texture that wants it and has been unused for a frame.
    texture->SetStatus(ImTextureStatus_WantDestroy);
    texture->UnusedFrames = 1;
    released_.push_back(texture);
}

void TexturePool::Collect() {
    std::erase_if(released_, [](ImTextureData* texture) {
        if (texture->Status != ImTextureStatus_Destroyed) return false;
        Forget(texture);
        return true;
    });
}

} // namespace aftercare::portal
