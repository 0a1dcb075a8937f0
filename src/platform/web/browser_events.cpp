// Entry points the JS libraries call when the browser answers: a fetch completed, the address bar
// changed, the network came back, the embedding page sent a command. Each hands the event to the
// portal at once (between frames) and asks for a frame to show what it changed.
#include "web_platform.h"

#include <emscripten.h>

#include <cstdlib>

using aftercare::web::WebPlatform;

extern "C" {

EMSCRIPTEN_KEEPALIVE void aftercare_fetch_done(WebPlatform* platform, unsigned request_id, int status,
                                               const char* body, int body_length, int retry_after_seconds) {
    aftercare::portal::HttpResponse response;
    response.status = status;
    response.body.assign(body, static_cast<size_t>(body_length));
    response.retry_after_seconds = retry_after_seconds;
    platform->http.Complete(request_id, std::move(response));
    platform->RequestFrames();
}

EMSCRIPTEN_KEEPALIVE void aftercare_route_changed(WebPlatform* platform, char* hash) {
    aftercare::portal::OnAddressChanged(platform->app, hash);
    std::free(hash);
    platform->RequestFrames();
}

EMSCRIPTEN_KEEPALIVE void aftercare_network_online(WebPlatform* platform) {
    aftercare::portal::OnNetworkOnline(platform->app);
    platform->RequestFrames();
}

EMSCRIPTEN_KEEPALIVE void aftercare_embed_command(WebPlatform* platform, char* message_json) {
    aftercare::portal::HandleEmbedCommand(platform->app, message_json);
    std::free(message_json);
    platform->RequestFrames();
}

} // extern "C"
