// Emscripten JS library: the small values the portal keeps in the browser (Host::LoadLocal/SaveLocal
// outside kiosk mode, which keeps them in memory instead).
//
// Only the ticket access tokens and the list of recently opened tickets outlive the tab
// (localStorage): they hold no name, phone or address, and a token can be revoked on the server
// ("sign out on all devices"). Everything else — the drafts of the forms, which carry names, phone
// numbers, addresses and messages, and a just-submitted ticket's answer — lives in sessionStorage:
// a reload in the same tab keeps it, closing the tab forgets it, and nobody opening the browser
// later finds it.
mergeInto(LibraryManager.library, {
  $AftercareStorage: {
    PREFIX: 'aftercare.',
    migrated: false,

    // Keys (without the prefix) allowed to stay on the device.
    keepsOnDevice: function (key) {
      return key === 'tracking.recent' || key.indexOf('tracking.token.') === 0;
    },

    // Versions before this one kept drafts in localStorage. On first use, each one moves into this
    // tab's sessionStorage (unless the tab already has its own) and leaves localStorage, so nothing
    // personal lingers there.
    migrate: function () {
      var self = AftercareStorage;
      if (self.migrated) return;
      self.migrated = true;
      try {
        var stale = [];
        for (var i = 0; i < localStorage.length; i++) {
          var key = localStorage.key(i);
          if (key && key.indexOf(self.PREFIX) === 0 && !self.keepsOnDevice(key.slice(self.PREFIX.length))) stale.push(key);
        }
        stale.forEach(function (key) {
          try {
            if (sessionStorage.getItem(key) === null) sessionStorage.setItem(key, localStorage.getItem(key));
          } catch (e) { /* sessionStorage full or disabled: the draft is dropped, not left behind */ }
          localStorage.removeItem(key);
        });
      } catch (e) { /* storage disabled: nothing stored either */ }
    },

    area: function (key) {
      AftercareStorage.migrate();
      return AftercareStorage.keepsOnDevice(key) ? window.localStorage : window.sessionStorage;
    },
  },

  // On start, before main(): nothing from an older version is left in localStorage for a moment longer.
  $AftercareStorage__postset: 'AftercareStorage.migrate();',

  // Storage may be unavailable (privacy modes, a sandboxed frame): then nothing is kept.
  aftercare_storage_get__deps: ['$AftercareStrings', '$AftercareStorage'],
  aftercare_storage_get: function (key) {
    try {
      var name = UTF8ToString(key);
      var value = AftercareStorage.area(name).getItem(AftercareStorage.PREFIX + name);
      return value === null ? 0 : AftercareStrings.toHeap(value);
    } catch (e) { return 0; }
  },

  aftercare_storage_set__deps: ['$AftercareStorage'],
  aftercare_storage_set: function (key, value) {
    try {
      var name = UTF8ToString(key);
      AftercareStorage.area(name).setItem(AftercareStorage.PREFIX + name, UTF8ToString(value));
    } catch (e) { /* full or disabled */ }
  },

  aftercare_storage_remove__deps: ['$AftercareStorage'],
  aftercare_storage_remove: function (key) {
    try {
      var name = UTF8ToString(key);
      AftercareStorage.area(name).removeItem(AftercareStorage.PREFIX + name);
    } catch (e) { /* disabled */ }
  },
});
