// Configures the emscripten Module before aftercare.js loads: where the canvas is, and what to do
// when the wasm cannot start (the loading state turns into a readable error instead of spinning).
(function () {
  'use strict';
  function fail(reason) {
    var loading = document.getElementById('loading');
    if (loading) loading.setAttribute('data-failed', String(reason));
  }
  window.Module = {
    canvas: document.getElementById('canvas'),
    print: function (text) { console.log(text); },
    printErr: function (text) { console.warn(text); },
    onAbort: fail,
  };
  // The WebGL context is made here, once the loading state has been painted, while the wasm is still
  // downloading: making one takes the browser hundreds of milliseconds on a phone (it may start its
  // GPU process), which then no longer waits in the portal's first task. The wasm's own
  // getContext (src/platform/web/main.cpp, CreateGlContext) gets this same context back, so the
  // attributes and the drawing-buffer size are the ones it asks for.
  function prepareWebGl() {
    var canvas = window.Module.canvas;
    var ratio = window.devicePixelRatio || 1;
    var box = canvas.getBoundingClientRect();
    canvas.width = Math.round(box.width * ratio);
    canvas.height = Math.round(box.height * ratio);
    canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false });
  }
  requestAnimationFrame(function () { setTimeout(prepareWebGl, 0); });
  window.addEventListener('error', function (event) {
    if (event.target && event.target.tagName === 'SCRIPT') fail('script');
  }, true);
})();
