// Emscripten JS library: the portal's side of embedding (web/embed.js is the vendor page's side).
// When the portal runs in an iframe started by embed.js (?embed=1), it talks to its parent page
// with postMessage: only to the parent's origin, and only listening to it. The parent's origin is
// the one the browser let frame us, which the server's CSP frame-ancestors allowlist decides.
mergeInto(LibraryManager.library, {
  $AftercareEmbed__deps: ['$AftercareStrings'],
  $AftercareEmbed: {
    parentOrigin: null,
    lastHeight: 0,
    parentOriginOf: function () {
      if (window.parent === window) return null;
      if (location.ancestorOrigins && location.ancestorOrigins.length > 0) return location.ancestorOrigins[0];
      try { return document.referrer ? new URL(document.referrer).origin : null; } catch (e) { return null; }
    },
  },

  // Returns the embedding parameters as malloc'd JSON ("" when the portal is not embedded).
  aftercare_embed_init__deps: ['$AftercareEmbed'],
  aftercare_embed_init: function (platform) {
    var params = new URLSearchParams(location.search);
    if (params.get('embed') !== '1') return AftercareStrings.toHeap('');
    var origin = AftercareEmbed.parentOriginOf();
    AftercareEmbed.parentOrigin = origin;
    document.documentElement.classList.add('aftercare-embedded');
    if (origin) {
      window.addEventListener('message', function (event) {
        if (event.origin !== origin || event.source !== window.parent) return;  // nobody else
        var message = event.data;
        if (!message || (message.type !== 'aftercare:open' && message.type !== 'aftercare:prefill')) return;
        var ptr = AftercareStrings.toHeap(JSON.stringify(message));
        Module['_aftercare_embed_command'](platform, ptr);
      });
    }
    var config = {
      lang: params.get('lang') || '',
      brand: params.get('brand') || '',
      vendor: params.get('vendor') || '',
      serial: params.get('serial') || '',
      product: params.get('product') || '',
      order: params.get('order') || '',
      messaging: !!origin,
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
