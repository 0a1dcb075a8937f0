/*
 * Aftercare embed: one <script> tag on a vendor's page creates the portal in an iframe.
 *
 *   <div id="support"></div>
 *   <script src="https://portal.example/embed.js" async
 *           data-target="#support"            (where to put it; default: right after the script)
 *           data-lang="zh-CN" | "en"
 *           data-brand-color="#E60012"        (the vendor's colour: buttons, links, focus)
 *           data-vendor-name="某某电器售后"
 *           data-screen="repair" | "track" | "returns" | "rate" | "complain" | "faq"
 *           data-serial="KF200-2401-0123" data-product="KF-200" data-order="DD-20261001"></script>
 *
 * The iframe grows to its content (no inner scrollbar). Messages, both ways, are checked against
 * the portal's origin here and against the page's origin in the portal (the portal's server only
 * lets allowlisted origins frame it: Content-Security-Policy frame-ancestors, from --embed-origins).
 * The portal takes the name, colour and prefill only inside such a frame: the same URL opened on
 * its own, or framed by a page that is not allowed, shows the plain portal.
 *
 * Events from the portal are dispatched on the container element and on window.AftercareEmbed:
 *   'aftercare:ready'          {}
 *   'aftercare:ticket-created' { serviceNumber, kind }
 *   'aftercare:ticket-resolved'{ serviceNumber }
 *   'aftercare:rated'          { serviceNumber }
 *   'aftercare:navigated'      { route }
 * Commands to the portal:
 *   AftercareEmbed.open('track', { number: 'R7KX-4M9Q-P2HC' })
 *   AftercareEmbed.prefill({ serial: '...', order: '...', product: '...' })
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var portalOrigin = new URL(script.src, location.href).origin;
  var data = script.dataset;

  var params = new URLSearchParams();
  params.set('embed', '1');
  if (data.lang) params.set('lang', data.lang);
  if (data.brandColor) params.set('brand', data.brandColor);
  if (data.vendorName) params.set('vendor', data.vendorName);
  ['serial', 'product', 'order'].forEach(function (key) { if (data[key]) params.set(key, data[key]); });
  var hash = data.screen ? '#/' + encodeURIComponent(data.screen) : '#/';

  var frame = document.createElement('iframe');
  frame.src = portalOrigin + '/?' + params.toString() + hash;
  frame.title = data.vendorName ? data.vendorName : 'After-sales service';
  frame.setAttribute('allow', 'clipboard-write');
  // The portal checks who framed it before taking the vendor's name and colour; where the browser
  // has no location.ancestorOrigins (Firefox) it reads the referrer, so send at least the origin
  // even from a page whose own policy is no-referrer.
  frame.referrerPolicy = 'origin';
  frame.style.cssText = 'display:block;width:100%;height:640px;border:0;overflow:hidden;';
  frame.setAttribute('scrolling', 'no');

  var container = data.target ? document.querySelector(data.target) : null;
  if (container) {
    container.appendChild(frame);
  } else {
    container = document.createElement('div');
    script.parentNode.insertBefore(container, script.nextSibling);
    container.appendChild(frame);
  }

  var listeners = {};
  function emit(name, detail) {
    container.dispatchEvent(new CustomEvent(name, { detail: detail, bubbles: true }));
    (listeners[name] || []).forEach(function (listener) { listener(detail); });
  }

  window.addEventListener('message', function (event) {
    // Only the portal's own iframe, from the portal's origin, is listened to.
    if (event.origin !== portalOrigin || event.source !== frame.contentWindow) return;
    var message = event.data;
    if (!message || typeof message.type !== 'string') return;
    if (message.type === 'aftercare:resize' && typeof message.height === 'number') {
      frame.style.height = Math.max(200, Math.ceil(message.height)) + 'px';
    } else if (message.type.indexOf('aftercare:') === 0) {
      emit(message.type, message.detail || {});
    }
  });

  function send(message) {
    frame.contentWindow.postMessage(message, portalOrigin);
  }

  window.AftercareEmbed = {
    frame: frame,
    open: function (screen, options) { send({ type: 'aftercare:open', screen: screen, params: options || {} }); },
    prefill: function (fields) { send({ type: 'aftercare:prefill', fields: fields || {} }); },
    on: function (name, listener) { (listeners[name] = listeners[name] || []).push(listener); },
  };
})();
