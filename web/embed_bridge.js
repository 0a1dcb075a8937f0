// Emscripten JS library: the portal's side of embedding (web/embed.js is the vendor page's side).
// When the portal runs in an iframe started by embed.js (?embed=1), it takes the vendor's name,
// colour and prefill, and talks to its parent page with postMessage: only to the parent's origin,
// and only listening to it.
//
// All of that only inside a frame whose every ancestor is allowed: the portal's own origin or one of
// the server's --embed-origins (GET /api/v1/embed-origins, the list the CSP frame-ancestors header
// also carries). The browser's frame-ancestors check already refuses other framers; this check means
// that the same URL opened on its own (a link in a phishing mail, say) is the plain portal, never a
// page dressed up as some vendor's.
mergeInto(LibraryManager.library, {
  $AftercareEmbed__deps: ['$AftercareStrings'],
  // Runs when aftercare.js loads, before main(): main() waits (a run dependency) for the allowlist.
  $AftercareEmbed__postset: 'AftercareEmbed.loadAllowlist();',
  $AftercareEmbed: {
    allowed: null,  // origins the server allows to frame the portal, normalised; null: not fetched
    parentOrigin: null,
    lastHeight: 0,
    requested: function () {
      return new URLSearchParams(location.search).get('embed') === '1';
    },
    framed: function () {
      try { return window.self !== window.top; } catch (e) { return true; }
    },
    loadAllowlist: function () {
      if (!AftercareEmbed.requested() || !AftercareEmbed.framed()) return;
      var dependency = 'aftercare-embed-origins';
      addRunDependency(dependency);
      var done = function (origins) {
        AftercareEmbed.allowed = [];
        (origins || []).forEach(function (origin) {
          // "HTTPS://A.example:443" and "https://a.example" are one origin to the browser.
          try { AftercareEmbed.allowed.push(new URL(origin).origin); } catch (e) { /* not an origin */ }
        });
        removeRunDependency(dependency);
      };
      // Unanswered or failed: no vendor is allowed (only the portal's own pages may frame it).
      fetch('/api/v1/embed-origins', { credentials: 'omit', cache: 'no-store' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (body) { done(body && Array.isArray(body.origins) ? body.origins : []); },
              function () { done([]); });
    },
    // The origins of the pages framing this one, nearest first; null when they cannot be known
    // (no location.ancestorOrigins, as in Firefox, and no referrer).
    ancestors: function () {
      if (location.ancestorOrigins) return Array.prototype.slice.call(location.ancestorOrigins);
      try { return document.referrer ? [new URL(document.referrer).origin] : null; } catch (e) { return null; }
    },
    // The parent's origin when the portal is framed and every framer is allowed; otherwise null.
    allowedParentOrigin: function () {
      if (!AftercareEmbed.framed()) return null;
      var chain = AftercareEmbed.ancestors();
      if (!chain || chain.length === 0) return null;
      var allowed = (AftercareEmbed.allowed || []).concat([location.origin]);
      for (var i = 0; i < chain.length; i++) {
        if (allowed.indexOf(chain[i]) < 0) return null;
      }
      return chain[0];
    },
  },

  // Returns the embedding parameters as malloc'd JSON ("" when the portal is not embedded: no
  // ?embed=1, not in a frame, or framed by a page that is not allowed).
  aftercare_embed_init__deps: ['$AftercareEmbed'],
  aftercare_embed_init: function (platform) {
    var params = new URLSearchParams(location.search);
    if (params.get('embed') !== '1') return AftercareStrings.toHeap('');
    var origin = AftercareEmbed.allowedParentOrigin();
    if (!origin) return AftercareStrings.toHeap('');
    AftercareEmbed.parentOrigin = origin;
    document.documentElement.classList.add('aftercare-embedded');
    window.addEventListener('message', function (event) {
      if (event.origin !== origin || event.source !== window.parent) return;  // nobody else
      var message = event.data;
      if (!message || (message.type !== 'aftercare:open' && message.type !== 'aftercare:prefill')) return;
      var ptr = AftercareStrings.toHeap(JSON.stringify(message));
      Module['_aftercare_embed_command'](platform, ptr);
    });
    var config = {
      lang: params.get('lang') || '',
      brand: params.get('brand') || '',
      vendor: params.get('vendor') || '',
      serial: params.get('serial') || '',
      product: params.get('product') || '',
      order: params.get('order') || '',
    };
    return AftercareStrings.toHeap(JSON.stringify(config));
  },

  // Sends {type, detail} to the parent page (no-op when not embedded).
  aftercare_embed_post__deps: ['$AftercareEmbed'],
  aftercare_embed_post: function (json) {
    if (!AftercareEmbed.parentOrigin) return;
    window.parent.postMessage(JSON.parse(UTF8ToString(json)), AftercareEmbed.parentOrigin);
  },

  aftercare_embed_report_height__deps: ['$AftercareEmbed'],
  aftercare_embed_report_height: function (height) {
    if (!AftercareEmbed.parentOrigin || Math.abs(height - AftercareEmbed.lastHeight) < 1) return;
    AftercareEmbed.lastHeight = height;
    window.parent.postMessage({ type: 'aftercare:resize', height: height }, AftercareEmbed.parentOrigin);
  },
});
