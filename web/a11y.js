// Emscripten JS library: the ARIA mirror of the canvas (portal side: src/portal/a11y.h).
//
// Every interactive widget and text the portal draws gets a real, transparent DOM element at the
// same place: buttons are <button>, fields are <input>/<textarea>, headings are <h1>-<h6>. So
// screen readers read the portal, Tab moves through it in visual order, the browser's own text
// editing (IME composition, paste, phone keyboards, autofill) works in its fields, and tests can
// use getByRole/getByLabel. The main scroll region is a native scroll container whose position
// is shared with ImGui, which gives touch scrolling with inertia and scrollIntoView for free.
mergeInto(LibraryManager.library, {
  $AftercareA11y: {
    platform: 0,
    fixedLayer: null,
    modalLayer: null,      // holds the open modal dialog, if any (the rest of the page is inert then)
    returnFocus: null,     // what had focus before the dialog opened, focused again when it closes
    scroller: null,
    content: null,
    elements: null,        // "id:role" -> element (created in init: library objects are serialized)
    lastScrollFromWasm: -1,
    lastScrollSent: -1,
    userScrollAt: 0,
    touchMoved: false,
    pointerDown: false,

    ROLES: ['button', 'link', 'textbox', 'textarea', 'checkbox', 'radio', 'heading', 'text', 'status', 'alert', 'img',
            'row', 'tab', 'dialog', 'slider'],
    FLAGS: { checked: 1, disabled: 2, invalid: 4, required: 8, focused: 16, selected: 32, password: 64,
             numeric: 128, inScroll: 256, inModal: 512, keypad: 1024, overlay: 2048, drawing: 4096 },

    init: function (platform) {
      var self = AftercareA11y;
      self.platform = platform;
      self.elements = new Map();
      self.fixedLayer = document.createElement('div');
      self.fixedLayer.id = 'a11y-fixed';
      self.fixedLayer.className = 'a11y-layer';
      self.scroller = document.createElement('div');
      self.scroller.id = 'a11y-scroll';
      self.scroller.className = 'a11y-scroll';
      self.content = document.createElement('div');
      self.content.className = 'a11y-content';
      self.scroller.appendChild(self.content);
      self.modalLayer = document.createElement('div');
      self.modalLayer.id = 'a11y-modal';
      self.modalLayer.className = 'a11y-layer a11y-modal';
      // The fixed layer (top bar, dialogs) comes first in the Tab order, like a page header.
      document.body.appendChild(self.fixedLayer);
      document.body.appendChild(self.scroller);
      document.body.appendChild(self.modalLayer);

      self.scroller.addEventListener('scroll', function () {
        var y = self.scroller.scrollTop;
        if (Math.abs(y - self.lastScrollFromWasm) < 0.5) return;  // our own echo
        self.userScrollAt = performance.now();
        if (self.pointerDown) self.touchMoved = true;
        if (Math.abs(y - self.lastScrollSent) < 0.5) return;  // already sent ahead of a press
        self.lastScrollSent = y;
        Module['_aftercare_dom_scroll'](self.platform, y);
      }, { passive: true });

      document.addEventListener('focusin', function (event) {
        var id = self.idOf(event.target);
        // Whether the browser would show a focus ring here (keyboard, not a click): the portal
        // draws its own ring only then, as :focus-visible does on an ordinary page.
        var visible = event.target.matches && event.target.matches(':focus-visible') ? 1 : 0;
        Module['_aftercare_dom_focus'](self.platform, id, visible);
        if (id && self.isTextField(event.target)) self.sendEdit(event.target);
      });
      document.addEventListener('focusout', function (event) {
        if (!self.idOf(event.relatedTarget)) Module['_aftercare_dom_focus'](self.platform, 0, 0);
      });
      // Keyboard and assistive-technology activation (detail 0); pointer clicks reach ImGui as
      // mouse events at the same place, so they are not counted twice.
      document.addEventListener('click', function (event) {
        var id = self.idOf(event.target);
        if (id && event.detail === 0 && !self.isTextField(event.target)) {
          Module['_aftercare_dom_activate'](self.platform, id);
        }
      });
      document.addEventListener('pointerdown', function () {
        self.pointerDown = true;
        self.touchMoved = false;
        // A scroll made just before this press (scrollIntoView, a script) may not have raised its
        // 'scroll' event yet: tell ImGui first, so the press lands on the layout the user sees.
        var y = self.scroller.scrollTop;
        if (Math.abs(y - self.lastScrollFromWasm) >= 0.5 && Math.abs(y - self.lastScrollSent) >= 0.5) {
          self.lastScrollSent = y;
          Module['_aftercare_dom_scroll'](self.platform, y);
        }
      }, true);
      document.addEventListener('pointerup', function () { self.pointerDown = false; }, true);
      // A tap on a field opens the on-screen keyboard only when focus happens inside the gesture,
      // and the tap's mouse events are cancelled (see input.cpp), so focus it here.
      document.addEventListener('touchend', function (event) {
        var target = event.target;
        if (self.isTextField(target) && !self.touchMoved && document.activeElement !== target) {
          target.focus({ preventScroll: true });
        }
      });
      ['input', 'select', 'keyup', 'mouseup', 'compositionend'].forEach(function (type) {
        document.addEventListener(type, function (event) {
          if (self.isTextField(event.target)) self.sendEdit(event.target);
        });
      });
      document.addEventListener('compositionstart', function (event) { event.target.__composing = true; });
      document.addEventListener('compositionend', function (event) { event.target.__composing = false; });
      // A slider is operated in the DOM, like a native one: arrows step, Home/End jump, a digit
      // picks that value. The new value goes to ImGui as an edit; the page must not scroll.
      document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (!self.isSlider(target) || event.altKey || event.ctrlKey || event.metaKey) return;
        var min = +target.getAttribute('aria-valuemin');
        var max = +target.getAttribute('aria-valuemax');
        var now = +target.getAttribute('aria-valuenow');
        var next = null;
        if (event.key === 'ArrowRight' || event.key === 'ArrowUp') next = now + 1;
        else if (event.key === 'ArrowLeft' || event.key === 'ArrowDown') next = now - 1;
        else if (event.key === 'Home' || event.key === 'PageDown') next = min;
        else if (event.key === 'End' || event.key === 'PageUp') next = max;
        else if (/^[0-9]$/.test(event.key)) next = +event.key;
        if (next === null) return;
        event.preventDefault();
        next = Math.min(Math.max(next, min), max);
        if (next === now) return;
        target.setAttribute('aria-valuenow', String(next));  // a second key press before the frame steps on
        self.sendText(target, String(next));
      });
      document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (!self.isTextField(target) || event.isComposing || target.__composing) return;
        if (event.key === 'Enter' && target.tagName === 'INPUT') {
          Module['_aftercare_dom_activate'](self.platform, self.idOf(target));
        } else if (event.key === 'Escape') {
          target.blur();
        }
      });
    },

    // Removes every mirror element (a kiosk reset: the DOM fields' values go with them).
    clear: function () {
      AftercareA11y.elements.forEach(function (element) { element.remove(); });
      AftercareA11y.elements.clear();
    },

    idOf: function (element) {
      return element && element.dataset && element.dataset.a11yId ? parseInt(element.dataset.a11yId, 16) >>> 0 : 0;
    },

    isTextField: function (element) {
      return !!(element && element.dataset && element.dataset.a11yId &&
                (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA'));
    },

    isSlider: function (element) {
      return !!(element && element.dataset && element.dataset.a11yId && element.getAttribute('role') === 'slider');
    },

    sendText: function (element, value) {
      var sp = stackSave();
      var size = lengthBytesUTF8(value) + 1;
      var text = stackAlloc(size);
      stringToUTF8(value, text, size);
      Module['_aftercare_dom_edit'](AftercareA11y.platform, AftercareA11y.idOf(element), text, 0, 0);
      stackRestore(sp);
    },

    // Sends the field's whole text and selection (as UTF-8 byte offsets) to ImGui.
    sendEdit: function (element) {
      var value = element.value;
      var encoder = new TextEncoder();
      var start = encoder.encode(value.slice(0, element.selectionStart || 0)).length;
      var end = encoder.encode(value.slice(0, element.selectionEnd || 0)).length;
      // Only text the app does not have yet is "in flight": a focus or selection change re-sends the
      // app's own text, and must not hold back a value the app sets meanwhile (the kiosk keypad).
      if (value !== element.__appValue) element.__sentValue = value;
      var sp = stackSave();
      var size = lengthBytesUTF8(value) + 1;
      var text = stackAlloc(size);
      stringToUTF8(value, text, size);
      Module['_aftercare_dom_edit'](AftercareA11y.platform, AftercareA11y.idOf(element), text, start, end);
      stackRestore(sp);
    },

    create: function (role, level) {
      var element;
      switch (role) {
        // Rows and tabs are buttons too: focusable, and Enter/Space activate them.
        case 'button': case 'link': case 'checkbox': case 'radio': case 'row': case 'tab':
          element = document.createElement('button');
          element.type = 'button';
          if (role !== 'button') element.setAttribute('role', role);
          break;
        case 'textbox': element = document.createElement('input'); element.type = 'text'; break;
        case 'textarea': element = document.createElement('textarea'); break;
        case 'heading': element = document.createElement('h' + Math.min(Math.max(level, 1), 6)); break;
        case 'status': case 'alert':
          element = document.createElement('div');
          element.setAttribute('role', role);
          break;
        case 'img': element = document.createElement('div'); element.setAttribute('role', 'img'); break;
        case 'dialog':
          element = document.createElement('div');
          element.setAttribute('role', 'dialog');
          element.setAttribute('aria-modal', 'true');
          element.tabIndex = -1;  // focusable as a whole when it has no control to focus
          break;
        case 'slider':
          element = document.createElement('div');
          element.setAttribute('role', 'slider');
          element.tabIndex = 0;
          break;
        default: element = document.createElement('p');
      }
      element.className = 'a11y-node';
      return element;
    },

    update: function (element, node) {
      var F = AftercareA11y.FLAGS;
      var isField = element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';
      if (node.role === 'dialog') {
        // Its children are the dialog's content: the title is its label, not its text.
        if (element.getAttribute('aria-label') !== node.name) element.setAttribute('aria-label', node.name);
        return;
      }
      if (isField) {
        if (element.getAttribute('aria-label') !== node.name) element.setAttribute('aria-label', node.name);
        var wantType = node.flags & F.password ? 'password' : 'text';
        if (element.tagName === 'INPUT' && element.type !== wantType) element.type = wantType;
        // The kiosk's own keypad types into this field: no system keyboard over it.
        var inputMode = node.flags & F.keypad ? 'none' : node.flags & F.numeric ? 'tel' : null;
        if (inputMode) element.setAttribute('inputmode', inputMode); else element.removeAttribute('inputmode');
        // Never overwrite what the user is typing: only take ImGui's value once it caught up with
        // the last edit we sent, or when the app changed it while the field was not in use.
        var caughtUp = element.__sentValue === undefined || element.__sentValue === node.value;
        if (caughtUp) element.__sentValue = undefined;
        element.__appValue = node.value;
        if (element.value !== node.value && caughtUp && !element.__composing) element.value = node.value;
        if (node.flags & F.focused && document.activeElement !== element) element.focus({ preventScroll: true });
      } else if (node.role === 'img') {
        // An image is named by its label only (the accessible name of role=img never comes from content).
        if (element.getAttribute('aria-label') !== node.name) element.setAttribute('aria-label', node.name);
      } else if (node.role === 'slider') {
        // Named by its label, spoken by its value text; it has no content of its own.
        if (element.getAttribute('aria-label') !== node.name) element.setAttribute('aria-label', node.name);
        element.setAttribute('aria-valuemin', String(node.range.min));
        element.setAttribute('aria-valuemax', String(node.range.max));
        element.setAttribute('aria-valuenow', String(node.range.now));
        element.setAttribute('aria-valuetext', node.value);
      } else {
        if (element.textContent !== node.name) element.textContent = node.name;
        // An image (a chart) takes no name from its content: its words are its label.
        if (node.role === 'img' && element.getAttribute('aria-label') !== node.name) element.setAttribute('aria-label', node.name);
      }
      if (node.description) element.setAttribute('aria-description', node.description);
      else element.removeAttribute('aria-description');
      element.toggleAttribute('disabled', !!(node.flags & F.disabled));
      element.style.zIndex = node.flags & F.overlay ? '1' : '';  // a popup's options over the page's fields
      // A signature pad: a finger moving on it draws, so the page must not take the move as a scroll.
      // touch-action alone still lets Chrome treat the gesture as its own after the first move (the
      // later moves and the end arrive uncancelable, and the portal's end-of-tap handling is then
      // refused), so the pad also holds its touches: the portal still sees them on the document.
      element.style.touchAction = node.flags & F.drawing ? 'none' : '';
      if (node.flags & F.drawing && !element.__holdsTouches) {
        element.__holdsTouches = true;
        var hold = function (event) { if (event.cancelable) event.preventDefault(); };
        element.addEventListener('touchstart', hold, { passive: false });
        element.addEventListener('touchmove', hold, { passive: false });
      }
      if (node.flags & F.invalid) element.setAttribute('aria-invalid', 'true'); else element.removeAttribute('aria-invalid');
      if (node.flags & F.required) element.setAttribute('aria-required', 'true'); else element.removeAttribute('aria-required');
      if (node.role === 'checkbox' || node.role === 'radio') {
        element.setAttribute('aria-checked', node.flags & F.checked ? 'true' : 'false');
      }
      // "Selected" in the attribute each role allows: the current tab, a pressed toggle button (a
      // sorted column, a chosen filter), the current item of a sequence (the wizard's step).
      var selectedAs = node.role === 'tab' ? 'aria-selected' : node.role === 'button' ? 'aria-pressed' : 'aria-current';
      ['aria-selected', 'aria-pressed', 'aria-current'].forEach(function (name) {
        if (name === selectedAs && node.flags & F.selected) element.setAttribute(name, 'true');
        else element.removeAttribute(name);
      });
    },

    // A modal dialog makes the page behind it inert (no Tab, no screen reader browsing, no clicks),
    // takes focus when it opens and gives it back when it closes.
    syncModal: function (dialog, opened) {
      var self = AftercareA11y;
      var open = dialog !== null;
      self.scroller.inert = open;
      self.fixedLayer.inert = open;
      if (open && opened) {
        var first = dialog.querySelector('input, textarea, button:not([disabled])');
        (first || dialog).focus({ preventScroll: true });
      } else if (!open && self.returnFocus) {
        var target = self.returnFocus;
        self.returnFocus = null;
        if (target.isConnected && target !== document.body) target.focus({ preventScroll: true });
      }
    },

    publish: function (serialized) {
      var self = AftercareA11y;
      var records = serialized.split('\x1e');
      var head = records[0].split('\x1f').map(Number);  // S, x, y, w, h, scrollY, contentHeight, settled
      var region = { x: head[1], y: head[2], w: head[3], h: head[4], scrollY: head[5], contentHeight: head[6] };
      var s = self.scroller.style;
      s.left = region.x + 'px'; s.top = region.y + 'px'; s.width = region.w + 'px'; s.height = region.h + 'px';
      self.content.style.height = Math.max(region.contentHeight, region.h) + 'px';
      // Where ImGui's scroll is and whether its layout is final, for automation to wait on before
      // pointing at something (see tests/browser/lib/portal.mjs).
      self.scroller.dataset.scrollY = String(region.scrollY);
      self.scroller.dataset.settled = head[7] === 1 ? '1' : '0';

      // Elements gone from this frame leave first. Removed while the others are placed, a stale one
      // would stand where the next element is expected, and every element after it would be moved;
      // moving an element blurs it, so a field being typed in would lose focus (and what a person
      // or an automation types next) each time a countdown above it ticks.
      var focusedBefore = document.activeElement;
      var fields = records.slice(1).map(function (record) { return record.split('\x1f'); });
      var seen = new Set(fields.map(function (f) { return f[0] + ':' + f[1]; }));
      self.elements.forEach(function (element, key) {
        if (!seen.has(key)) { element.remove(); self.elements.delete(key); }
      });

      var previous = { fixed: null, scroll: null, modal: null };
      var dialog = null, dialogX = 0, dialogY = 0, dialogOpened = false;
      fields.forEach(function (f) {
        var node = {
          key: f[0] + ':' + f[1], id: f[0], role: self.ROLES[+f[1]] || 'text', flags: +f[2],
          x: +f[3], y: +f[4], w: +f[5], h: +f[6], level: +f[7], name: f[8], value: f[9], description: f[10],
          range: f.length > 13 ? { min: +f[11], max: +f[12], now: +f[13] } : { min: 0, max: 0, now: 0 },
        };
        var element = self.elements.get(node.key);
        if (!element) {
          element = self.create(node.role, node.level);
          element.dataset.a11yId = node.id;
          self.elements.set(node.key, element);
          if (node.role === 'dialog') dialogOpened = true;
        }
        var inScroll = (node.flags & self.FLAGS.inScroll) !== 0;
        var inModal = (node.flags & self.FLAGS.inModal) !== 0 && dialog !== null;
        var parent = inModal ? dialog : node.role === 'dialog' ? self.modalLayer : inScroll ? self.content : self.fixedLayer;
        var slot = inModal || node.role === 'dialog' ? 'modal' : inScroll ? 'scroll' : 'fixed';
        var after = node.role === 'dialog' ? null : previous[slot];
        var expectedNext = after ? after.nextSibling : parent.firstChild;
        if (element.parentNode !== parent || element !== expectedNext) parent.insertBefore(element, expectedNext);
        previous[slot] = node.role === 'dialog' ? null : element;
        if (node.role === 'dialog') { dialog = element; dialogX = node.x; dialogY = node.y; }

        var left = inModal ? node.x - dialogX : inScroll ? node.x - region.x : node.x;
        var top = inModal ? node.y - dialogY : inScroll ? node.y - region.y + region.scrollY : node.y;
        // Most elements stand still from one frame to the next (a row keeps its place in the
        // scrolled content while the list scrolls): what did not change is not written again, which
        // keeps a scrolling frame cheap. Fields always update: their value races the user's typing.
        var state = [left, top, f[2], f[5], f[6]].concat(f.slice(7)).join('\x1f');
        if (element.__a11yState === state && !self.isTextField(element)) return;
        element.__a11yState = state;
        var st = element.style;
        st.left = left + 'px'; st.top = top + 'px'; st.width = node.w + 'px'; st.height = node.h + 'px';
        self.update(element, node);
      });
      // What had focus before a dialog opened gets it back when the dialog closes.
      if (dialogOpened) self.returnFocus = focusedBefore;
      self.syncModal(dialog, dialogOpened);

      // Follow ImGui's scroll unless the user is scrolling the container right now.
      if (Math.abs(self.scroller.scrollTop - region.scrollY) > 0.5 && performance.now() - self.userScrollAt > 150) {
        self.lastScrollFromWasm = region.scrollY;
        self.lastScrollSent = -1;
        self.scroller.scrollTop = region.scrollY;
      }
    },
  },

  aftercare_a11y_init__deps: ['$AftercareA11y'],
  aftercare_a11y_init: function (platform) {
    AftercareA11y.init(platform);
  },

  aftercare_a11y_publish__deps: ['$AftercareA11y'],
  aftercare_a11y_publish: function (tree) {
    AftercareA11y.publish(UTF8ToString(tree));
  },

  aftercare_a11y_text_focused__deps: ['$AftercareA11y'],
  aftercare_a11y_text_focused: function () {
    return AftercareA11y.isTextField(document.activeElement) ? 1 : 0;
  },
});
