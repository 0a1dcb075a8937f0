// Emscripten JS library (linked with --js-library): the DOM side of src/platform/web.
// Only what the canvas cannot do itself lives here; every function is declared in js_bridge.h.
mergeInto(LibraryManager.library, {
  $AftercareStrings__deps: ['malloc'],
  $AftercareStrings: {
    // A malloc'd UTF-8 copy of a JS string; the C++ side frees it.
    toHeap: function (text) {
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return ptr;
    },
  },

  aftercare_set_title: function (title) {
    document.title = UTF8ToString(title);
  },

  aftercare_set_lang: function (tag) {
    document.documentElement.lang = UTF8ToString(tag);
  },

  // On the root element: the pointer is usually over a mirror element (web/a11y.js), which inherits it.
  aftercare_set_cursor: function (cursor) {
    document.documentElement.style.cursor = UTF8ToString(cursor);
  },

  // Frames go to shell/renderer.js (started by shell/portal.js before the wasm), which draws them in
  // a worker or in the page and reports back. For tests and benchmarks: window.aftercareFrames
  // counts the frames drawn (their WebGL calls made, as a program drawing on the main thread counts
  // them), a plain counter that tells an idle page (no frames) from a busy one, and
  // window.aftercareFrameDrawnAt says when the last of them was drawn (ms from the page's time
  // origin: a worker's report reaches a busy main thread later than that);
  // window.aftercareFramesInFlight those handed over and not yet on the screen (or dropped);
  // aftercareGlyphsPending: the last frame drawn still showed characters whose pixels were not
  // painted yet. A benchmark that creates window.aftercareFrameTimes gets each frame's main-thread
  // milliseconds (layout and encoding), and window.aftercareRenderTimes the renderer's.
  aftercare_render_init__deps: ['$AftercareFatal'],
  aftercare_render_init: function (platform) {
    var shown = false;
    Module.aftercareRenderer.listen(function (report) {
      if (report.drawn) {
        window.aftercareGlyphsPending = report.glyphsPending;
        window.aftercareFramebuffer = { width: report.width, height: report.height };
        if (window.aftercareRenderTimes) window.aftercareRenderTimes.push(report.renderMs);
        window.aftercareFrameDrawnAt = report.drawnAt - performance.timeOrigin;
        window.aftercareFrames = (window.aftercareFrames || 0) + 1;
      } else if (report.shown || report.dropped) {
        window.aftercareFramesInFlight -= 1;
        if (report.shown && !shown) {
          shown = true;
          // The HTML loading state stays until the canvas shows the portal.
          document.documentElement.classList.add('aftercare-ready');
          var loading = document.getElementById('loading');
          if (loading) loading.remove();
          window.dispatchEvent(new CustomEvent('aftercare-ready'));
        }
      } else if (report.lost) {  // the states: RendererState in src/platform/web/main.cpp
        Module['_aftercare_renderer_changed'](platform, 1);
      } else if (report.restored) {
        Module['_aftercare_renderer_changed'](platform, 0);
      } else if (report.failed) {
        Module['_aftercare_renderer_changed'](platform, 2);
        AftercareFatal(report.failed);
      }
    });
  },

  aftercare_render_frame: function (words, byteLength, glyphsPending, cpuMs) {
    if (window.aftercareFrameTimes) window.aftercareFrameTimes.push(cpuMs);
    window.aftercareFramesInFlight = (window.aftercareFramesInFlight || 0) + 1;
    Module.aftercareRenderer.frame(HEAPU8.slice(words, words + byteLength).buffer, glyphsPending !== 0);
  },

  // The loading state turns into a readable error (shell/portal.css shows it by data-failed).
  $AftercareFatal: function (why) {
    var loading = document.getElementById('loading');
    if (loading) loading.setAttribute('data-failed', why);
    console.warn('Aftercare could not start: ' + why);
  },

  aftercare_show_fatal__deps: ['$AftercareFatal'],
  aftercare_show_fatal: function (reason) {
    AftercareFatal(UTF8ToString(reason));
  },

  // --- HTTP: fetch, answered through aftercare_fetch_done on a later task ---
  aftercare_fetch__deps: ['malloc', 'free'],
  aftercare_fetch: function (platform, requestId, method, url, headers, headerCount, bodyPtr, bodyLength) {
    // [name, value] pairs: fetch() checks them, and refuses a value it cannot send (a line break in
    // it, say) as it refuses an unreachable server, with a rejected promise.
    var pairs = [];
    for (var i = 0, at = headers >> 2; i < headerCount; i++, at += 2) {
      pairs.push([UTF8ToString(HEAPU32[at]), UTF8ToString(HEAPU32[at + 1])]);
    }
    var init = {
      method: UTF8ToString(method),
      headers: pairs,
      credentials: 'same-origin',
      cache: 'no-store',
    };
    if (bodyLength > 0) init.body = HEAPU8.slice(bodyPtr, bodyPtr + bodyLength);
    var controller = new AbortController();
    init.signal = controller.signal;
    var timer = setTimeout(function () { controller.abort(); }, 30000);
    fetch(UTF8ToString(url), init)
      .then(function (response) {
        return response.arrayBuffer().then(function (buffer) {
          return { status: response.status, buffer: buffer, retryAfter: parseInt(response.headers.get('Retry-After'), 10) || 0 };
        });
      })
      .catch(function () { return { status: 0, buffer: new ArrayBuffer(0), retryAfter: 0 }; })
      .then(function (result) {
        clearTimeout(timer);
        var bytes = new Uint8Array(result.buffer);
        var ptr = _malloc(bytes.length + 1);
        HEAPU8.set(bytes, ptr);
        HEAPU8[ptr + bytes.length] = 0;
        Module['_aftercare_fetch_done'](platform, requestId, result.status, ptr, bytes.length, result.retryAfter);
        _free(ptr);
      });
  },

  // --- Routing: the hash is the route; back/forward and pasted links come back as route changes ---
  aftercare_route_init__deps: ['$AftercareStrings'],
  aftercare_route_init: function (platform) {
    var last = location.hash;
    function changed() {
      if (location.hash === last) return;
      last = location.hash;
      var ptr = AftercareStrings.toHeap(last);
      Module['_aftercare_route_changed'](platform, ptr);
    }
    window.addEventListener('hashchange', changed);
    window.addEventListener('popstate', changed);
    window.__aftercareSetLastHash = function (hash) { last = hash; };
    return AftercareStrings.toHeap(location.hash);
  },

  aftercare_set_route: function (hash, replace) {
    var h = UTF8ToString(hash);
    if (location.hash === h || (h === '#/' && location.hash === '')) return;
    if (replace) history.replaceState(null, '', h); else history.pushState(null, '', h);
    if (window.__aftercareSetLastHash) window.__aftercareSetLastHash(location.hash);
  },

  aftercare_replace_page: function (relativeUrl) {
    location.replace(UTF8ToString(relativeUrl));
  },

  // Small stored values (drafts, ticket tokens): web/storage.js.

  // --- Clipboard: the async API where allowed (secure contexts), else the legacy copy command ---
  // A download from bytes the portal holds (an export fetched with the staff session's token, which
  // a plain link could not carry): a Blob behind a temporary <a download>.
  aftercare_save_file: function (fileName, mimeType, bytes, length) {
    var blob = new Blob([HEAPU8.slice(bytes, bytes + length)], { type: UTF8ToString(mimeType) });
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(fileName);
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },

  aftercare_copy_text: function (text) {
    var value = UTF8ToString(text);
    function legacy() {
      var area = document.createElement('textarea');
      area.value = value;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
      area.remove();
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(value).catch(legacy);
    else legacy();
  },

  aftercare_random_bytes: function (ptr, length) {
    crypto.getRandomValues(HEAPU8.subarray(ptr, ptr + length));
  },

  aftercare_utc_offset_minutes: function () {
    return -new Date().getTimezoneOffset();
  },
});
