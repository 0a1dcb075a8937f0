// Functions implemented in web/platform.js (linked with --js-library): the few things that need
// the DOM rather than the canvas.
#pragma once

extern "C" {
void aftercare_set_title(const char* title);
void aftercare_set_lang(const char* bcp47_tag);
void aftercare_set_cursor(const char* css_cursor);
void aftercare_show_fatal(const char* message);  // replaces the loading state with an error

// shell/renderer.js, through web/platform.js. init: its reports reach aftercare_renderer_changed
// (platform, RendererState), and the first frame it shows removes the HTML loading state. frame:
// hands over one encoded frame (frame_encoder.h; copied, so the words may change right after) with
// whether it still lacks glyph pixels and its main-thread milliseconds (for benchmarks).
void aftercare_render_init(void* platform);
void aftercare_render_frame(const void* words, int byte_length, int glyphs_pending, double cpu_ms);

// HTTP: answered later through aftercare_fetch_done(platform, request_id, ...). `headers` holds
// `header_count` pairs of C strings, a name then its value.
void aftercare_fetch(void* platform, unsigned request_id, const char* method, const char* url,
                     const char* const* headers, int header_count, const void* body, int body_length);

// Routing: returns the current hash (malloc'd; free it) and reports changes through
// aftercare_route_changed(platform, hash).
char* aftercare_route_init(void* platform);
void aftercare_set_route(const char* hash, int replace);
void aftercare_replace_page(const char* relative_url);

// localStorage; get returns a malloc'd string or null.
char* aftercare_storage_get(const char* key);
void aftercare_storage_set(const char* key, const char* value);
void aftercare_storage_remove(const char* key);

// web/embed_bridge.js: embedding parameters as malloc'd JSON ("" when not embedded); commands from
// the embedding page come back through aftercare_embed_command(platform, json).
char* aftercare_embed_init(void* platform);
void aftercare_embed_post(const char* message_json);
void aftercare_embed_report_height(double css_pixels);

void aftercare_copy_text(const char* text);
void aftercare_save_file(const char* file_name, const char* mime_type, const void* bytes, int length);
void aftercare_random_bytes(void* buffer, int length);  // crypto.getRandomValues
int aftercare_utc_offset_minutes();

// web/files.js: opens the file dialog; the files come back through aftercare_file_picked (one call
// per file) and aftercare_files_done(platform, pick_id) (see file_picker.cpp).
void aftercare_pick_files(void* platform, unsigned pick_id, const char* accept, double max_bytes, int thumbnail_px);
// web/kiosk.js: kiosk mode. init returns 1 on shell/kiosk.html (<html data-mode="kiosk">) and then
// turns off what a shared screen must not offer (context menu, selection, leaving by Back), and
// reports the network coming back through aftercare_network_online(platform).
int aftercare_kiosk_init(void* platform);
void aftercare_kiosk_print_receipt(const char* receipt_json);  // fills #receipt, window.print()
void aftercare_print_report(const char* report_json);          // fills #print-report, window.print()
void aftercare_kiosk_forget();  // storage, the mirror's DOM fields, the receipt
char* aftercare_page_origin();  // location.origin, malloc'd

// web/glyphs.js: text drawn by the browser (browser_glyphs.cpp). init loads the bundled CJK subsets
// first when the page asks for them (?fonts=bundled), then calls aftercare_glyphs_ready(platform).
// line_metrics: the font stack's ascent and descent per pixel of em. measure: one character at
// pixel_size device pixels of em; box receives 5 floats (advance, ink box x0 and y0 from the
// baseline origin, width, height; 0 × 0 for a glyph without ink). paint: that box's pixels into out
// (alpha bytes, or RGBA for a glyph with its own colours, e.g. emoji); returns the bytes written
// (width × height × 4 means coloured), or minus the bytes needed when capacity is short. prepare:
// sets the browser's font of that weight and size up, in a task of its own (PrepareBrowserFont).
void aftercare_glyphs_init(void* platform);
void aftercare_glyphs_line_metrics(float* ascent_and_descent);
void aftercare_glyphs_measure(unsigned codepoint, int css_weight, float pixel_size, float* box);
void aftercare_glyphs_prepare(int css_weight, float pixel_size);
int aftercare_glyphs_paint(unsigned codepoint, int css_weight, float pixel_size, int x0, int y0, int width, int height,
                           unsigned char* out, int capacity);

// web/a11y.js: the ARIA mirror of the canvas (see src/portal/a11y.h).
void aftercare_a11y_init(void* platform);       // creates the mirror layers; events come back below
void aftercare_a11y_publish(const char* tree);  // reconciles the DOM with a serialized A11yTree
int aftercare_a11y_text_focused();              // 1 when a mirrored text field has DOM focus
}
