// Functions implemented in web/platform.js (linked with --js-library): the few things that need
// the DOM rather than the canvas.
#pragma once

extern "C" {
void aftercare_set_title(const char* title);
void aftercare_set_lang(const char* bcp47_tag);
void aftercare_set_cursor(const char* css_cursor);
void aftercare_app_ready();          // removes the HTML loading state
void aftercare_show_fatal(const char* message);  // replaces the loading state with an error
}
