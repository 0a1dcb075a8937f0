// Font loading: the first chunk (UI text + icons, both weights) before the first frame, then the
// rest of GB 2312 in the background, merged into the regular face when it arrives.
#include "js_bridge.h"
#include "web_platform.h"

#include <emscripten.h>
#include <imgui.h>

#include <cstring>

namespace aftercare::web {
namespace {

struct Download {
    WebPlatform* platform;
    std::vector<unsigned char>* target;  // null for the background chunk, which goes straight to ImGui
};

// Merges a font file into the face added last (ImGui merges only into the last one).
void MergeIntoLast(const void* data, int size) {
    ImFontConfig config;
    config.MergeMode = true;
    config.FontDataOwnedByAtlas = false;  // ImGui copies it
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<void*>(data), size, 0.0f, &config);
}

void MergeIntoLast(const std::vector<unsigned char>& data) {
    MergeIntoLast(data.data(), static_cast<int>(data.size()));
}

// Icons are merged into each face, so an icon and text mix in one string.
void MergeIcons(const std::vector<unsigned char>& icons) { MergeIntoLast(icons); }

ImFont* AddFace(const std::vector<unsigned char>& data, const char* name) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    std::strncpy(config.Name, name, sizeof(config.Name) - 1);
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data.data()),
                                                      static_cast<int>(data.size()), 0.0f, &config);
}

// The bold face: bold glyphs first, then the regular ones for characters the bold chunk lacks
// (a vendor's name, a customer's words), so nothing shows as '?' in a heading.
ImFont* AddBoldFace(const FontBlobs& f) {
    ImFont* bold = AddFace(f.bold, "Noto Sans CJK SC Bold");
    MergeIcons(f.icons);
    MergeIntoLast(f.regular);
    return bold;
}

void OnExtraLoaded(void* user, void* data, int size) {
    auto* download = static_cast<Download*>(user);
    WebPlatform& platform = *download->platform;
    delete download;
    // The regular face was added last, so MergeMode extends it. The bold face is then rebuilt
    // last, with the new glyphs as its fallback too.
    portal::FontSet& set = platform.app.theme.fonts;
    MergeIntoLast(data, size);
    ImGui::GetIO().Fonts->RemoveFont(set.bold);
    set.bold = AddBoldFace(platform.fonts);
    MergeIntoLast(data, size);
    platform.RequestFrames();
}

void OnExtraFailed(void* user) {
    // Not fatal: only rare characters are missing; they draw as '?' until the next visit.
    delete static_cast<Download*>(user);
}

void BuildFirstChunk(WebPlatform& platform) {
    FontBlobs& f = platform.fonts;
    portal::FontSet& set = platform.app.theme.fonts;
    set.bold = AddBoldFace(f);
    set.regular = AddFace(f.regular, "Noto Sans CJK SC");
    MergeIcons(f.icons);
    if (!set.regular || !set.bold) {
        aftercare_show_fatal("font");
        return;
    }
    ImGui::GetIO().FontDefault = set.regular;
    platform.RequestFrames();

    emscripten_async_wget_data("fonts/extra-regular.otf", new Download{&platform, nullptr}, OnExtraLoaded,
                               OnExtraFailed);
}

void OnChunkLoaded(void* user, void* data, int size) {
    auto* download = static_cast<Download*>(user);
    const auto* bytes = static_cast<const unsigned char*>(data);
    download->target->assign(bytes, bytes + size);
    WebPlatform& platform = *download->platform;
    delete download;
    if (--platform.fonts.pending == 0 && !platform.fonts.failed) BuildFirstChunk(platform);
}

void OnChunkFailed(void* user) {
    auto* download = static_cast<Download*>(user);
    download->platform->fonts.failed = true;
    delete download;
    aftercare_show_fatal("font");
}

} // namespace

void StartFontDownloads(WebPlatform& platform) {
    FontBlobs& f = platform.fonts;
    const std::pair<const char*, std::vector<unsigned char>*> chunks[] = {
        {"fonts/ui-regular.otf", &f.regular},
        {"fonts/ui-bold.otf", &f.bold},
        {"fonts/icons.ttf", &f.icons},
    };
    f.pending = static_cast<int>(std::size(chunks));
    for (const auto& [url, target] : chunks) {
        emscripten_async_wget_data(url, new Download{&platform, target}, OnChunkLoaded, OnChunkFailed);
    }
}

} // namespace aftercare::web
