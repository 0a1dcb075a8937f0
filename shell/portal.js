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
    // With a setStatus, Emscripten starts the program (static constructors, then main) in a task of
    // its own once the wasm is instantiated (run() in its src/shell.js): the browser finishing the
    // compilation and the portal starting are two tasks instead of one long one on a phone (issue
    // 22). Its "Running..." is not shown: the loading state already says what happens.
    setStatus: function () {},
  };
  // The renderer (shell/renderer.js, loaded just before this) starts now, while the wasm downloads:
  // in a worker, making its WebGL context and compiling its shaders takes nothing from this thread.
  // The drawing buffer gets its size first (CSS size × devicePixelRatio, as main.cpp keeps it), so
  // the first frame does not reallocate it.
  var canvas = window.Module.canvas;
  var ratio = window.devicePixelRatio || 1;
  var box = canvas.getBoundingClientRect();
  canvas.width = Math.round(box.width * ratio);
  canvas.height = Math.round(box.height * ratio);
  if (window.AftercareRenderer) window.Module.aftercareRenderer = window.AftercareRenderer.start(canvas);
  else fail('script');  // renderer.js did not load
  window.addEventListener('error', function (event) {
    if (event.target && event.target.tagName === 'SCRIPT') fail('script');
  }, true);
})();
