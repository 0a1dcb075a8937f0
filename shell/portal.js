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
  window.addEventListener('error', function (event) {
    if (event.target && event.target.tagName === 'SCRIPT') fail('script');
  }, true);
})();
