// Emscripten JS library: kiosk mode (shell/kiosk.html declares <html data-mode="kiosk">).
// A shared touch screen in a shop: no context menu, no text selection, no leaving the portal by
// Back; the network coming back is reported so the outbox sends at once; a printable receipt
// (#receipt, shown only by the print stylesheet in kiosk.css); and a reset that forgets the
// customer: storage, the mirror's DOM fields, the receipt.
mergeInto(LibraryManager.library, {
  $AftercareKiosk__deps: ['$AftercareStrings', '$AftercarePrint'],
  $AftercareKiosk: {
    FLOOR: 'aftercare-kiosk-floor',

    // Everything a customer could have left behind in the page itself.
    wipeStorage: function () {
      try {
        var keys = [];
        for (var i = 0; i < localStorage.length; i++) {
          var key = localStorage.key(i);
          if (key && key.indexOf('aftercare.') === 0) keys.push(key);
        }
        keys.forEach(function (key) { localStorage.removeItem(key); });
        sessionStorage.clear();
      } catch (e) { /* storage disabled: nothing stored either */ }
    },


    // Builds the receipt with DOM calls only (no markup from strings): every text is the customer's
    // or the server's and must never become HTML.
    fillReceipt: function (r) {
      var receipt = document.getElementById('receipt');
      if (!receipt) {
        receipt = AftercarePrint.element('section');
        receipt.id = 'receipt';
        document.body.appendChild(receipt);
      }
      receipt.replaceChildren();
      receipt.setAttribute('lang', r.lang);
      receipt.setAttribute('aria-hidden', 'true');  // paper only; the screen shows the same in the portal
      var header = AftercarePrint.element('header', 'receipt-header');
      header.appendChild(AftercarePrint.element('div', 'receipt-vendor', r.vendor));
      header.appendChild(AftercarePrint.element('h1', 'receipt-title', r.title));
      receipt.appendChild(header);
      receipt.appendChild(AftercarePrint.element('div', 'receipt-label', r.numberLabel));
      receipt.appendChild(AftercarePrint.element('div', 'receipt-number', r.serviceNumber));
      receipt.appendChild(AftercarePrint.element('p', 'receipt-promise', r.promise));

      if (r.qrSize > 0) {
        var qr = AftercarePrint.element('div', 'receipt-qr');
        qr.appendChild(AftercarePrint.qrSvg('receipt-qr-code', r.qrSize, r.qrPath, r.scanHint, r.trackingUrl));
        qr.appendChild(AftercarePrint.element('p', 'receipt-scan', r.scanHint));
        receipt.appendChild(qr);
      }

      var meta = AftercarePrint.element('dl', 'receipt-meta');
      meta.appendChild(AftercarePrint.element('dt', '', r.createdLabel));
      meta.appendChild(AftercarePrint.element('dd', '', r.created));
      receipt.appendChild(meta);
      receipt.appendChild(AftercarePrint.element('p', 'receipt-footer', r.footer));
    },
  },

  aftercare_kiosk_init__deps: ['$AftercareKiosk'],
  aftercare_kiosk_init: function (platform) {
    if (document.documentElement.getAttribute('data-mode') !== 'kiosk') return 0;
    var self = AftercareKiosk;
    // Whatever an earlier session (or a crash) left in storage goes before anyone sees the page.
    self.wipeStorage();

    ['contextmenu', 'dragstart'].forEach(function (type) {
      document.addEventListener(type, function (event) { event.preventDefault(); });
    });
    document.addEventListener('selectstart', function (event) {
      var target = event.target;
      if (!(target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA'))) event.preventDefault();
    });

    // Back can never leave the portal: a "floor" entry sits under the page, and arriving on it
    // goes forward again before anyone (the router included) reacts. Routes replace the top entry
    // (WebPlatform::SetRoute), so the floor is always one step back.
    history.replaceState({ aftercareKiosk: self.FLOOR }, '', location.href);
    history.pushState({ aftercareKiosk: 'top' }, '', location.href);
    function onFloor(event) {
      if (!history.state || history.state.aftercareKiosk !== self.FLOOR) return;
      event.stopImmediatePropagation();
      if (event.type === 'popstate') history.go(1);
    }
    // Registered before the router's listeners (aftercare_route_init runs later), so they win.
    window.addEventListener('popstate', onFloor);
    window.addEventListener('hashchange', onFloor);

    window.addEventListener('online', function () { Module['_aftercare_network_online'](platform); });
    return 1;
  },

  aftercare_kiosk_print_receipt__deps: ['$AftercareKiosk'],
  aftercare_kiosk_print_receipt: function (json) {
    AftercareKiosk.fillReceipt(JSON.parse(UTF8ToString(json)));
    // After this task: the new receipt is laid out before the print dialog takes its snapshot.
    setTimeout(function () { window.print(); }, 0);
  },

  aftercare_kiosk_forget__deps: ['$AftercareKiosk', '$AftercareA11y'],
  aftercare_kiosk_forget: function () {
    AftercareKiosk.wipeStorage();
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    // Every mirror element goes, text fields with their values; the next frame builds fresh ones.
    AftercareA11y.clear();
    var receipt = document.getElementById('receipt');
    if (receipt) receipt.replaceChildren();
    var selection = window.getSelection && window.getSelection();
    if (selection) selection.removeAllRanges();
  },

  aftercare_page_origin__deps: ['$AftercareStrings'],
  aftercare_page_origin: function () {
    return AftercareStrings.toHeap(location.origin);
  },
});
