// Draws the portal's frames with WebGL2. The wasm lays each frame out with ImGui and sends it here as
// one block of words (src/platform/web/frame_encoder.h has the layout; keep the two in step).
//
// Where it draws: in a worker that owns the canvas (transferControlToOffscreen), so that making the
// WebGL context, compiling the shaders and every wait for the GPU happen off the page's main thread.
// On a phone those were the longest task of a first visit (issue 22, docs/benchmarks.md). Where the
// browser cannot hand a worker a WebGL canvas, the same code draws in the page.
//
// This one file is both: loaded by the page (shell/index.html, kiosk.html) it offers
// AftercareRenderer.start(canvas); started as a worker it waits for the canvas.
(function () {
  'use strict';

  var FRAME_FORMAT = 2;
  var TEXTURE_CREATE = 1, TEXTURE_UPDATE = 2, TEXTURE_DESTROY = 3;
  var HEADER_WORDS = 12;
  // Attribute locations are fixed in the shader, so nothing is looked up after linking. The
  // projection is a constant attribute (the array left disabled) rather than a uniform.
  var POSITION = 0, UV = 1, COLOR = 2, VIEWPORT = 3;

  var VERTEX_SHADER = '#version 300 es\n' +
    'layout(location = 0) in vec2 Position;\n' +
    'layout(location = 1) in vec2 UV;\n' +
    'layout(location = 2) in vec4 Color;\n' +
    'layout(location = 3) in vec4 Viewport;  // left, top, 2 / width, -2 / height (display units)\n' +
    'out vec2 Frag_UV;\n' +
    'out vec4 Frag_Color;\n' +
    'void main() {\n' +
    '  Frag_UV = UV;\n' +
    '  Frag_Color = Color;\n' +
    '  gl_Position = vec4((Position - Viewport.xy) * Viewport.zw + vec2(-1.0, 1.0), 0.0, 1.0);\n' +
    '}\n';
  var FRAGMENT_SHADER = '#version 300 es\n' +
    'precision mediump float;\n' +
    'uniform sampler2D Texture;  // texture unit 0, a sampler\'s default: never set\n' +
    'in vec2 Frag_UV;\n' +
    'in vec4 Frag_Color;\n' +
    'layout(location = 0) out vec4 Out_Color;\n' +
    'void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV); }\n';

  // Draws frames into `canvas` (an HTMLCanvasElement or an OffscreenCanvas) and tells `report` what
  // happened to each: { drawn, glyphsPending, width, height, renderMs, drawnAt } once its WebGL calls
  // are made (drawnAt: when, as performance.timeOrigin + performance.now(), one clock for a worker
  // and its page), then { shown } once the screen has taken it; or { dropped } (superseded by a
  // newer frame before it was drawn, or the context is lost). And { lost }, { restored } (every
  // texture must then be sent again), { failed: 'webgl' }. `timing.beforeFrame(fn)` runs fn when the
  // screen can take a frame, `timing.afterCommit(fn)` once the frame just drawn has been taken (see
  // the worker and the page below).
  function createRenderer(canvas, report, timing) {
    // No multisampling: ImGui anti-aliases its own geometry. No extensions: WebGL2 has what it needs.
    var gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, stencil: false });
    if (!gl) {
      report({ failed: 'webgl' });
      return null;
    }
    var program = null, vertexArray = null;
    var linkChecked = false, lost = false, loser = null;
    // Texture changes apply as frames arrive; the newest frame's draw lists are drawn when the screen
    // can take them. Frames that arrive faster than that (a slow GPU) are superseded, not queued.
    var waiting = null, drawScheduled = false;
    var textures = new Map();  // id in the frame -> WebGLTexture

    function compile(type, source) {
      var shader = gl.createShader(type);
      gl.shaderSource(shader, source);
      gl.compileShader(shader);
      return shader;
    }

    // GPU objects: made now and again after a lost context comes back. The link is checked at the
    // first frame, so that the compile runs while the wasm is still on its way.
    function createObjects() {
      var vertex = compile(gl.VERTEX_SHADER, VERTEX_SHADER);
      var fragment = compile(gl.FRAGMENT_SHADER, FRAGMENT_SHADER);
      program = gl.createProgram();
      gl.attachShader(program, vertex);
      gl.attachShader(program, fragment);
      gl.linkProgram(program);
      gl.deleteShader(vertex);  // flagged; they live as long as the program
      gl.deleteShader(fragment);
      linkChecked = false;
      vertexArray = gl.createVertexArray();
      gl.bindVertexArray(vertexArray);
      // Never bound again: each frame's bufferData fills them. The attributes below point into the
      // vertex buffer, and the index buffer's binding is part of the vertex array's state.
      gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, gl.createBuffer());
      gl.enableVertexAttribArray(POSITION);
      gl.enableVertexAttribArray(UV);
      gl.enableVertexAttribArray(COLOR);
      gl.vertexAttribPointer(POSITION, 2, gl.FLOAT, false, 20, 0);
      gl.vertexAttribPointer(UV, 2, gl.FLOAT, false, 20, 8);
      gl.vertexAttribPointer(COLOR, 4, gl.UNSIGNED_BYTE, true, 20, 16);
      gl.bindVertexArray(null);
      textures.clear();
    }

    function changeTexture(kind, id, x, y, width, height, texels) {
      if (kind === TEXTURE_DESTROY) {
        gl.deleteTexture(textures.get(id) || null);
        textures.delete(id);
        return;
      }
      if (kind === TEXTURE_CREATE) {
        var texture = gl.createTexture();
        textures.set(id, texture);
        gl.bindTexture(gl.TEXTURE_2D, texture);
        // Bilinear: ImGui draws its anti-aliased lines from the atlas.
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);  // zeros
      } else if (textures.has(id)) {  // unknown: made before a lost context, sent again whole soon
        gl.bindTexture(gl.TEXTURE_2D, textures.get(id));
        gl.texSubImage2D(gl.TEXTURE_2D, 0, x, y, width, height, gl.RGBA, gl.UNSIGNED_BYTE, texels);
      }
    }

    function setUpState(floats, width, height) {
      gl.viewport(0, 0, width, height);
      gl.clearColor(floats[3], floats[4], floats[5], 1);
      gl.disable(gl.SCISSOR_TEST);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.enable(gl.BLEND);
      gl.blendEquation(gl.FUNC_ADD);
      gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
      gl.disable(gl.CULL_FACE);
      gl.disable(gl.DEPTH_TEST);
      gl.disable(gl.STENCIL_TEST);
      gl.enable(gl.SCISSOR_TEST);
      gl.useProgram(program);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindVertexArray(vertexArray);
      gl.vertexAttrib4f(VIEWPORT, floats[6], floats[7], floats[8], floats[9]);
    }

    // A frame's texture changes; returns where its draw lists start.
    function applyTextureChanges(buffer) {
      var words = new Uint32Array(buffer);
      if (words[0] !== FRAME_FORMAT) throw new Error('renderer.js: frame format ' + words[0]);
      var at = HEADER_WORDS;
      for (var t = words[10]; t > 0; t--) {
        var kind = words[at], w = words[at + 4], h = words[at + 5];
        var texels = kind === TEXTURE_UPDATE ? new Uint8Array(buffer, (at + 6) * 4, w * h * 4) : null;
        changeTexture(kind, words[at + 1], words[at + 2], words[at + 3], w, h, texels);
        at += 6 + (texels ? w * h : 0);
      }
      return at;
    }

    function drawLists(buffer, at) {
      var words = new Uint32Array(buffer);
      var floats = new Float32Array(buffer);
      var width = words[1], height = words[2];
      if (width <= 0 || height <= 0) return;
      // Resizing clears the drawing buffer; it is drawn whole right after.
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      setUpState(floats, width, height);
      var scissor = [-1, -1, -1, -1], bound = -1;
      for (var l = words[11]; l > 0; l--) {
        var vertices = words[at], indices = words[at + 1], commands = words[at + 2];
        at += 3;
        // Orphaned each time (bufferData): the GPU may still be reading the last ones.
        gl.bufferData(gl.ARRAY_BUFFER, new Uint8Array(buffer, at * 4, vertices * 20), gl.STREAM_DRAW);
        at += vertices * 5;
        gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, new Uint8Array(buffer, at * 4, indices * 2), gl.STREAM_DRAW);
        at += (indices + 1) >> 1;
        for (var c = 0; c < commands; c++, at += 7) {
          // Consecutive commands mostly share their clip rectangle and texture: set only on change.
          var x = words[at] | 0, y = words[at + 1] | 0, sw = words[at + 2] | 0, sh = words[at + 3] | 0;
          if (x !== scissor[0] || y !== scissor[1] || sw !== scissor[2] || sh !== scissor[3]) {
            gl.scissor(x, y, sw, sh);
            scissor = [x, y, sw, sh];
          }
          if (words[at + 4] !== bound) {
            bound = words[at + 4];
            gl.bindTexture(gl.TEXTURE_2D, textures.get(bound) || null);
          }
          gl.drawElements(gl.TRIANGLES, words[at + 5], gl.UNSIGNED_SHORT, words[at + 6] * 2);
        }
      }
      gl.bindVertexArray(null);
    }

    function drawWaiting() {
      drawScheduled = false;
      var next = waiting;
      waiting = null;
      if (!next) return;  // dropped when the context was lost
      var start = performance.now();
      drawLists(next.buffer, next.at);
      var end = performance.now();
      report({ drawn: true, glyphsPending: next.glyphsPending, width: canvas.width, height: canvas.height,
               renderMs: next.textureMs + end - start, drawnAt: performance.timeOrigin + end });
      timing.afterCommit(function () { report({ shown: true }); });
    }

    canvas.addEventListener('webglcontextlost', function (event) {
      event.preventDefault();  // lets the browser restore it
      lost = true;
      if (waiting) report({ dropped: true });
      waiting = null;
      report({ lost: true });
    });
    canvas.addEventListener('webglcontextrestored', function () {
      lost = false;
      createObjects();
      report({ restored: true });
    });
    createObjects();

    return {
      frame: function (buffer, glyphsPending) {
        var start = performance.now();
        if (!lost && !linkChecked) {
          linkChecked = true;
          if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
            report({ failed: 'webgl' });
            lost = true;  // nothing will ever be drawn
          }
        }
        if (lost) {
          report({ dropped: true });
          return;
        }
        var at = applyTextureChanges(buffer);
        if (waiting) report({ dropped: true });  // superseded before it was drawn
        waiting = { buffer: buffer, at: at, glyphsPending: glyphsPending, textureMs: performance.now() - start };
        if (!drawScheduled) {
          drawScheduled = true;
          timing.beforeFrame(drawWaiting);
        }
      },
      // For tests: what a GPU reset does (WEBGL_lose_context), and the browser giving it back.
      loseContext: function () {
        loser = gl.getExtension('WEBGL_lose_context');
        if (loser) loser.loseContext();
      },
      restoreContext: function () {
        if (loser) loser.restoreContext();
      },
    };
  }

  // --- In a worker: the page sends { canvas } once, then frames and test requests. ---
  if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
    var renderer = null;
    self.onmessage = function (event) {
      var message = event.data;
      if (message.canvas) {
        // A worker's canvas reaches the screen on its own schedule, after the task that drew it. It
        // draws in its animation frames, and the next one comes once the compositor has taken the
        // frame: only then is it { shown }. Here that came 70-140 ms after drawing the first frame;
        // a screenshot taken on { drawn } at devicePixelRatio 3 missed the last two or three.
        var nextFrame = typeof self.requestAnimationFrame === 'function'
          ? function (then) { self.requestAnimationFrame(then); }
          : function (then) { setTimeout(then, 16); };
        renderer = createRenderer(message.canvas, function (report) { self.postMessage(report); },
                                  { beforeFrame: nextFrame, afterCommit: nextFrame });
      } else if (renderer && message.frame) {
        renderer.frame(message.frame, message.glyphsPending);
      } else if (renderer && message.test) {
        renderer[message.test]();
      }
    };
    return;
  }

  // --- In the page. ---
  var scriptUrl = document.currentScript && document.currentScript.src;
  // Set when a worker could not make a WebGL context (a browser with OffscreenCanvas but no WebGL
  // in it): the page reloads once and draws on its own thread.
  var IN_PAGE_KEY = 'aftercare-render-in-page';

  function inPageWanted() {
    try {
      return sessionStorage.getItem(IN_PAGE_KEY) === '1';
    } catch (e) {
      return false;
    }
  }

  // Starts drawing into `canvas` and returns what the wasm talks to: frame(buffer, glyphsPending)
  // hands a frame over (the buffer is transferred), listen(fn) receives the reports (any sent
  // before anyone listened included), loseContext() / restoreContext() for tests.
  function start(canvas) {
    var listener = null, early = [];
    function report(message) {
      if (listener) listener(message);
      else early.push(message);
    }
    var host = {
      listen: function (fn) {
        listener = fn;
        early.splice(0).forEach(fn);
      },
    };
    var canUseWorker = scriptUrl && typeof Worker === 'function' && typeof canvas.transferControlToOffscreen === 'function' &&
      !inPageWanted();
    if (canUseWorker) {
      var offscreen = canvas.transferControlToOffscreen();
      var worker = new Worker(scriptUrl);
      worker.onmessage = function (event) {
        if (event.data.failed && !inPageWanted()) {
          try {
            sessionStorage.setItem(IN_PAGE_KEY, '1');
            location.reload();
            return;
          } catch (e) { /* no storage: report the failure */ }
        }
        report(event.data);
      };
      worker.onerror = function () { report({ failed: 'webgl' }); };
      worker.postMessage({ canvas: offscreen }, [offscreen]);
      host.frame = function (buffer, glyphsPending) {
        worker.postMessage({ frame: buffer, glyphsPending: glyphsPending }, [buffer]);
      };
      host.loseContext = function () { worker.postMessage({ test: 'loseContext' }); };
      host.restoreContext = function () { worker.postMessage({ test: 'restoreContext' }); };
    } else {
      // The page's own canvas is shown with the page's next frame: drawn at once, in the wasm's.
      var now = function (then) { then(); };
      var renderer = createRenderer(canvas, report, { beforeFrame: now, afterCommit: now });
      host.frame = function (buffer, glyphsPending) { if (renderer) renderer.frame(buffer, glyphsPending); };
      host.loseContext = function () { if (renderer) renderer.loseContext(); };
      host.restoreContext = function () { if (renderer) renderer.restoreContext(); };
    }
    return host;
  }

  window.AftercareRenderer = { start: start };
})();
