// WebPlatform's Host side and the on-demand frame scheduler; see web_platform.h.
#include "web_platform.h"

#include "js_bridge.h"

#include <emscripten.h>
#include <emscripten/eventloop.h>

namespace aftercare::web {

void WebPlatform::SetDocumentTitle(const std::string& title) { aftercare_set_title(title.c_str()); }

void WebPlatform::SetDocumentLanguage(const char* bcp47_tag) { aftercare_set_lang(bcp47_tag); }

double WebPlatform::NowUnixSeconds() const { return emscripten_date_now() / 1000.0; }

void WebPlatform::RequestFrames(int count) {
    if (scheduler.frames_owed < count) scheduler.frames_owed = count;
    if (scheduler.loop_paused) {
        scheduler.loop_paused = false;
        emscripten_resume_main_loop();
    }
}

void WebPlatform::RequestRedrawAfter(double seconds) {
    const double due = emscripten_get_now() + seconds * 1000.0;
    // Keep only the earliest wake-up: a later one will be asked for again by the frame it causes.
    if (scheduler.timer_id != 0 && scheduler.timer_due_ms <= due) return;
    if (scheduler.timer_id != 0) emscripten_clear_timeout(scheduler.timer_id);
    scheduler.timer_due_ms = due;
    scheduler.timer_id = emscripten_set_timeout(
        [](void* user) {
            auto* self = static_cast<WebPlatform*>(user);
            self->scheduler.timer_id = 0;
            self->scheduler.timer_due_ms = 0;
            self->RequestFrames(1);
        },
        seconds * 1000.0, this);
}

} // namespace aftercare::web
