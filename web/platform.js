// Emscripten JS library (linked with --js-library): the DOM side of src/platform/web.
// Only what the canvas cannot do itself lives here; every function is declared in js_bridge.h.
mergeInto(LibraryManager.library, {
  aftercare_set_title: function (title) {
    document.title = UTF8ToString(title);
  },

  aftercare_set_lang: function (tag) {
    document.documentElement.lang = UTF8ToString(tag);
  },

  aftercare_set_cursor: function (cursor) {
    var canvas = document.getElementById('canvas');
    if (canvas) canvas.style.cursor = UTF8ToString(cursor);
  },

  aftercare_app_ready: function () {
    document.documentElement.classList.add('aftercare-ready');
    var loading = document.getElementById('loading');
    if (loading) loading.remove();
    window.dispatchEvent(new CustomEvent('aftercare-ready'));
  },

  aftercare_show_fatal: function (reason) {
    var why = UTF8ToString(reason);
    var loading = document.getElementById('loading');
    if (loading) loading.setAttribute('data-failed', why);
    console.warn('Aftercare could not start: ' + why);
  },
});
