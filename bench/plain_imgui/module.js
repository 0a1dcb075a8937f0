// The emscripten Module for the plain example: its canvas, sized to the window like the portal's.
window.Module = { canvas: document.getElementById('canvas') };
