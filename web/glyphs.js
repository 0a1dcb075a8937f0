// Emscripten JS library (linked with --js-library): the portal's text drawn by the browser's own
// text engine. src/platform/web/browser_glyphs.cpp is a Dear ImGui font loader that asks for one
// glyph at a time; each is drawn here with fillText on a 2D canvas, in the font stack a Chinese web
// page uses, and copied into the wasm heap for ImGui's atlas. So the portal draws every character the
// browser draws in an HTML page (rare 生僻字 beyond the BMP, emoji) without downloading a CJK font.
mergeInto(LibraryManager.library, {
  // Runs when aftercare.js is evaluated, while the wasm still downloads and compiles.
  $AftercareGlyphs__postset: 'AftercareGlyphs.start();',
  $AftercareGlyphs: {
    // The page's font stack (--aftercare-fonts in shell/portal.css); each character falls through
    // it to the first font that has it, as in HTML.
    stack: function () {
      var css = getComputedStyle(document.documentElement).getPropertyValue('--aftercare-fonts').trim();
      return css.replace(/\s+/g, ' ') || 'sans-serif';
    },
    // Families loaded from the portal's own font subsets, put first in the stack when a kiosk whose
    // OS has no CJK font asks for them (?fonts=bundled).
    bundled: [
      { family: 'Aftercare UI', url: 'fonts/ui-regular.otf', weight: '400' },
      { family: 'Aftercare UI', url: 'fonts/ui-bold.otf', weight: '600' },
      { family: 'Aftercare Extra', url: 'fonts/extra-regular.otf', weight: '400' },
    ],
    families: '',
    canvas: null,
    ctx: null,
    font: '',
    // Per font string: a fingerprint of the box the browser draws for a character no font has.
    missingPrint: {},
    // Every character drawn so far: { tofu, colored, ink, micros } — read by tests and scripts/bench-web
    // as window.aftercareGlyphs. (Made by start: a library object's fields are copied as literals.)
    drawn: null,

    // The CSS font of a weight at a size in device pixels, in the stack.
    cssFont: function (weight, pixelSize) {
      return weight + ' ' + pixelSize + 'px ' + AftercareGlyphs.families;
    },

    usesBundledFonts: function () {
      return new URLSearchParams(location.search).get('fonts') === 'bundled';
    },

    context: function (width, height) {
      var g = AftercareGlyphs;
      if (!g.ctx) {
        g.canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(128, 128) : document.createElement('canvas');
        g.ctx = g.canvas.getContext('2d', { willReadFrequently: true });
      }
      if (g.canvas.width < width || g.canvas.height < height) {
        // Resizing resets the context's state: it is set again below.
        g.canvas.width = Math.max(g.canvas.width, width);
        g.canvas.height = Math.max(g.canvas.height, height);
        g.font = '';
      }
      return g.ctx;
    },

    setFont: function (ctx, font) {
      var g = AftercareGlyphs;
      if (g.font === font) return;
      ctx.font = font;
      ctx.fillStyle = '#fff';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      // Han characters take their Simplified Chinese forms whatever the interface language.
      if ('lang' in ctx) ctx.lang = 'zh-CN';
      g.font = font;
    },

    // Per font string: the box every Han ideograph of that font is given (ideographBox).
    ideographBoxes: {},

    // The CJK Unified Ideographs block (U+4E00–U+9FFF): most of a Chinese screen's characters.
    isIdeograph: function (codepoint) {
      return codepoint >= 0x4E00 && codepoint <= 0x9FFF;
    },

    // Chinese fonts draw every ideograph of this block on one full-width em square, so ideographs
    // are not measured one by one: each takes the advance of a reference ideograph and a box around
    // its square, wide enough for any ideograph's ink. Measuring was a third of the main-thread
    // time of a new screen of Chinese text on a phone (issue 22); a slightly larger box costs only
    // atlas space. tests/browser/text.test.mjs checks the box against the ink of every ideograph
    // in the installed fonts.
    ideographBox: function (font) {
      var g = AftercareGlyphs;
      var box = g.ideographBoxes[font];
      if (box) return box;
      var ref = g.measure('\u56FD', font);  // 国: its ink fills the square
      var em = ref.advance;
      // Across: the whole square, and a little for the few that overhang it (劊, 爎). Up and down:
      // 国's ink, and room for the ideographs that reach further (七 above it, 万 below).
      var across = Math.ceil(em * 0.04), upDown = Math.ceil(em * 0.08);
      box = g.ideographBoxes[font] = {
        advance: ref.advance,
        x0: Math.min(ref.x0, -1) - across, y0: ref.y0 - upDown,
        x1: Math.max(ref.x1, Math.ceil(em) + 1) + across, y1: ref.y1 + upDown,
      };
      return box;
    },

    // The advance and the box to reserve for one code point: ideographs share one (ideographBox),
    // anything else is measured.
    box: function (codepoint, font) {
      var g = AftercareGlyphs;
      return g.isIdeograph(codepoint) ? g.ideographBox(font) : g.measure(String.fromCodePoint(codepoint), font);
    },

    // The advance and ink box of one character (measureText: no pixels yet).
    measure: function (text, font) {
      var g = AftercareGlyphs;
      var ctx = g.context(1, 1);
      g.setFont(ctx, font);
      var m = ctx.measureText(text);
      var box = { advance: m.width, x0: 0, y0: 0, x1: 0, y1: 0 };
      if (m.actualBoundingBoxLeft + m.actualBoundingBoxRight <= 0 ||
          m.actualBoundingBoxAscent + m.actualBoundingBoxDescent <= 0) return box;  // no ink: a space
      box.x0 = Math.floor(-m.actualBoundingBoxLeft) - 1;
      box.y0 = Math.floor(-m.actualBoundingBoxAscent) - 1;
      box.x1 = Math.ceil(m.actualBoundingBoxRight) + 1;
      box.y1 = Math.ceil(m.actualBoundingBoxDescent) + 1;
      return box;
    },

    // The box's pixels (RGBA) into box.pixels: the text drawn with fillText, its alphabetic origin
    // at (-x0, -y0).
    paint: function (text, font, box) {
      var g = AftercareGlyphs;
      var width = box.x1 - box.x0, height = box.y1 - box.y0;
      var ctx = g.context(width, height);
      g.setFont(ctx, font);
      ctx.clearRect(0, 0, width, height);
      ctx.fillText(text, -box.x0, -box.y0);
      box.pixels = ctx.getImageData(0, 0, width, height).data;
      return box.pixels;
    },

    // measure and paint at once: the missing-glyph reference of missingFingerprint.
    raster: function (text, font) {
      var g = AftercareGlyphs;
      var box = g.measure(text, font);
      if (box.x1 > box.x0) g.paint(text, font, box);
      return box;
    },

    // Settles once the fonts are loaded and warm (start).
    started: null,

    // Starts the fonts as soon as this script runs, so that their cost overlaps the wasm's download
    // and compilation instead of delaying the first frame: with ?fonts=bundled the portal's own
    // subsets load first (a kiosk's OS may have no CJK font); then a few characters are drawn in
    // both weights, because the first character drawn in a face loads the font files and sets up
    // the canvas (~80 ms on a desktop, several times that on a phone), in short tasks (warmUp).
    start: function () {
      var g = AftercareGlyphs;
      g.drawn = window.aftercareGlyphs = new Map();
      // For tests: the box reserved for a code point against the one the browser measures.
      window.aftercareGlyphBoxes = {
        font: g.cssFont,
        reserved: function (codepoint, font) { return g.box(codepoint, font); },
        measured: function (codepoint, font) { return g.measure(String.fromCodePoint(codepoint), font); },
      };
      g.started = g.stylesLoaded().then(function () {
        var stack = g.stack();
        g.families = stack;
        if (!g.usesBundledFonts() || typeof FontFace !== 'function') return;
        var loads = g.bundled.map(function (face) {
          var font = new FontFace(face.family, 'url(' + face.url + ')', { weight: face.weight });
          document.fonts.add(font);
          return font.load();
        });
        // A face that fails to load leaves the system stack to draw: better than no portal at all.
        return Promise.allSettled(loads).then(function () { g.families = '"Aftercare UI", "Aftercare Extra", ' + stack; });
      }).then(function () {
        return g.warmUp('400');
      }).then(function () {
        return g.warmUp('600');
      });
    },

    // The page's stylesheets, which hold the font stack: this script runs as soon as it arrives
    // (async), which can be before they have loaded.
    stylesLoaded: function () {
      var links = document.querySelectorAll('link[rel="stylesheet"]');
      return Promise.all(Array.prototype.map.call(links, function (link) {
        if (link.sheet) return null;
        return new Promise(function (resolve) {
          link.addEventListener('load', resolve);
          link.addEventListener('error', resolve);
        });
      }));
    },

    // Draws a Latin letter and an ideograph in a weight once, so that the fonts they need are loaded;
    // settles after. Each step is a task of its own: the canvas's first drawing, the Latin font and
    // the CJK font (found by fallback through the stack) each take 10–60 ms at Lighthouse's 4× CPU
    // slowdown, and in one task they were among the longest of a start (issue 22).
    warmUp: function (weight) {
      var g = AftercareGlyphs;
      var font = g.cssFont(weight, 16);
      var steps = [function () { g.raster('A', font); }, function () { g.raster('\u56FD', font); }];
      if (!g.ctx) {
        steps.unshift(function () {
          var ctx = g.context(1, 1);
          ctx.fillRect(0, 0, 1, 1);
          ctx.getImageData(0, 0, 1, 1);
        });
      }
      return steps.reduce(function (done, step) {
        return done.then(function () {
          return new Promise(function (resolve) {
            setTimeout(function () {
              step();
              resolve();
            }, 0);
          });
        });
      }, Promise.resolve());
    },

    fingerprint: function (box) {
      if (!box.pixels) return 'empty';
      var hash = 2166136261;
      for (var i = 3; i < box.pixels.length; i += 4) hash = Math.imul(hash ^ box.pixels[i], 16777619);
      return (box.x1 - box.x0) + 'x' + (box.y1 - box.y0) + ':' + (hash >>> 0);
    },

    // The missing-glyph box the browser draws in this font: the pixels of a code point no font has.
    missingFingerprint: function (font) {
      var g = AftercareGlyphs;
      if (!(font in g.missingPrint)) g.missingPrint[font] = g.fingerprint(g.raster('\u{10FFFD}', font));
      return g.missingPrint[font];
    },
  },

  // Calls aftercare_glyphs_ready(platform) on a later task once the fonts have started (start).
  aftercare_glyphs_init__deps: ['$AftercareGlyphs'],
  aftercare_glyphs_init: function (platform) {
    AftercareGlyphs.started.then(function () {
      setTimeout(function () { Module['_aftercare_glyphs_ready'](platform); }, 0);
    });
  },

  // The stack's line box, per pixel of em: out[0] ascent, out[1] descent (fontBoundingBox, the
  // first font's line metrics, as a browser lays out a line of it). ImGui's font size is this line's
  // height, as with its own rasterizer, so a line mixing fonts (Latin, Han, emoji) shares one
  // baseline and the portal's type scale is the one it was designed with.
  aftercare_glyphs_line_metrics__deps: ['$AftercareGlyphs'],
  aftercare_glyphs_line_metrics: function (out) {
    var g = AftercareGlyphs;
    var ctx = g.context(1, 1);
    g.setFont(ctx, '400 100px ' + g.families);
    var m = ctx.measureText('国M');
    var ascent = m.fontBoundingBoxAscent / 100, descent = m.fontBoundingBoxDescent / 100;
    // Without line metrics (an old browser) or with absurd ones: Noto Sans CJK's.
    if (!(ascent > 0.5 && ascent < 2 && descent >= 0 && descent < 1)) { ascent = 1.16; descent = 0.288; }
    HEAPF32[out >> 2] = ascent;
    HEAPF32[(out >> 2) + 1] = descent;
  },

  aftercare_glyphs_measure__deps: ['$AftercareGlyphs'],
  aftercare_glyphs_measure: function (codepoint, weight, pixelSize, box) {
    var g = AftercareGlyphs;
    var r = g.box(codepoint, g.cssFont(weight, pixelSize));
    var f = box >> 2;
    HEAPF32[f] = r.advance;
    HEAPF32[f + 1] = r.x0;
    HEAPF32[f + 2] = r.y0;
    HEAPF32[f + 3] = r.x1 - r.x0;
    HEAPF32[f + 4] = r.y1 - r.y0;
  },

  // A Latin letter and the reference ideograph: the fonts that draw them are set up, and the box
  // every ideograph of this font gets is known (ideographBox).
  aftercare_glyphs_prepare__deps: ['$AftercareGlyphs'],
  aftercare_glyphs_prepare: function (weight, pixelSize) {
    var g = AftercareGlyphs;
    var font = g.cssFont(weight, pixelSize);
    setTimeout(function () {
      g.measure('A', font);
      g.ideographBox(font);
    }, 0);
  },

  aftercare_glyphs_paint__deps: ['$AftercareGlyphs'],
  aftercare_glyphs_paint: function (codepoint, weight, pixelSize, x0, y0, width, height, out, capacity) {
    var g = AftercareGlyphs;
    var started = performance.now();
    var font = g.cssFont(weight, pixelSize);
    var box = { x0: x0, y0: y0, x1: x0 + width, y1: y0 + height };
    var px = g.paint(String.fromCodePoint(codepoint), font, box);
    var count = width * height, colored = false, ink = 0, i;
    for (i = 0; i < count; i++) {
      var a = px[i * 4 + 3];
      ink += a;
      // Text is drawn in white: any clearly coloured pixel means the font brought its own colours.
      if (a > 64 && Math.min(px[i * 4], px[i * 4 + 1], px[i * 4 + 2]) < 200) colored = true;
    }
    var needed = colored ? count * 4 : count;
    if (needed > capacity) return -needed;
    if (colored) {
      HEAPU8.set(px, out);
    } else {
      for (i = 0; i < count; i++) HEAPU8[out + i] = px[i * 4 + 3];
    }
    var micros = Math.round((performance.now() - started) * 1000);
    // Whether the browser drew its missing-glyph box is asked by tests only, so it is found out when
    // asked: drawing the reference box makes the browser search every installed font (~10 ms a size).
    var print = g.fingerprint(box);
    g.drawn.set(codepoint, {
      get tofu() { return print === g.missingFingerprint(font); },
      colored: colored, ink: ink, micros: micros,
    });
    return needed;
  },
});
