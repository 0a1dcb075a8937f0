// Host::PickFiles on the browser: web/files.js opens the file dialog and hands each chosen file's
// bytes (and image preview) to aftercare_file_picked, then calls aftercare_files_done; the batch
// reaches the portal at the start of the next frame, like a network answer.
#include "js_bridge.h"
#include "web_platform.h"

#include <emscripten.h>

#include <utility>

namespace aftercare::web {

void WebPlatform::PickFiles(const portal::FilePickOptions& options,
                            std::function<void(std::vector<portal::PickedFile>)> done) {
    picks.active_id = picks.next_id++;
    picks.done = std::move(done);
    picks.arriving.clear();
    picks.ready = false;
    aftercare_pick_files(this, picks.active_id, options.accept.c_str(), static_cast<double>(options.max_bytes),
                         options.thumbnail_px);
}

void WebPlatform::DeliverPickedFiles() {
    if (!picks.ready) return;
    picks.ready = false;
    picks.active_id = 0;
    auto done = std::exchange(picks.done, nullptr);
    auto files = std::exchange(picks.arriving, {});
    if (done) done(std::move(files));
}

} // namespace aftercare::web

using aftercare::web::WebPlatform;

extern "C" {

// Everything is copied: web/files.js frees its buffers as soon as this returns.
EMSCRIPTEN_KEEPALIVE void aftercare_file_picked(WebPlatform* platform, unsigned pick_id, const char* name,
                                                const char* content_type, double size_bytes, const char* bytes,
                                                int bytes_length, const unsigned char* thumbnail, int thumbnail_px) {
    if (pick_id != platform->picks.active_id) return;  // a pick that was replaced meanwhile
    aftercare::portal::PickedFile file;
    file.name = name;
    file.content_type = content_type;
    file.size_bytes = static_cast<std::int64_t>(size_bytes);
    if (bytes != nullptr && bytes_length > 0) file.bytes.assign(bytes, static_cast<size_t>(bytes_length));
    if (thumbnail != nullptr && thumbnail_px > 0) {
        file.thumbnail_px = thumbnail_px;
        file.thumbnail_rgba.assign(thumbnail, thumbnail + static_cast<size_t>(thumbnail_px) * thumbnail_px * 4);
    }
    platform->picks.arriving.push_back(std::move(file));
}

EMSCRIPTEN_KEEPALIVE void aftercare_files_done(WebPlatform* platform, unsigned pick_id) {
    if (pick_id != platform->picks.active_id) return;
    platform->picks.ready = true;
    platform->RequestFrames();
}

} // extern "C"
