// Service worker: the site works offline after the first visit. The build fills in
// PRECACHE, the list of dist/ files (relative to this script), and VERSION, a hash of
// their contents, so each build gets its own cache and old caches are
// dropped on activation. Cache-first for those files (they change only with a new
// build, which brings a new service worker); everything else goes to the network.
'use strict';
var VERSION = '__VERSION__';
var PRECACHE = __PRECACHE__;
var CACHE = 'lm-playground-' + VERSION;
var BASE = self.registration.scope;

self.addEventListener('install', function (ev) {
  ev.waitUntil(
    caches
      .open(CACHE)
      .then(function (c) {
        return c.addAll(PRECACHE.map(function (p) { return new URL(p, BASE).href; }));
      })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener('activate', function (ev) {
  ev.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(
          keys.map(function (k) {
            if (k.indexOf('lm-playground-') === 0 && k !== CACHE) return caches.delete(k);
          })
        );
      })
      .then(function () { return self.clients.claim(); })
  );
});

self.addEventListener('fetch', function (ev) {
  var req = ev.request;
  if (req.method !== 'GET' || req.url.indexOf(BASE) !== 0) return;
  var url = new URL(req.url);
  url.hash = '';
  // index.html and embed.html are requested with queries (?slide=N); cache by path.
  var key = url.origin + url.pathname;
  if (key === BASE) key = BASE + 'index.html';
  ev.respondWith(
    caches.open(CACHE).then(function (c) {
      return c.match(key).then(function (hit) {
        return hit || fetch(req);
      });
    })
  );
});
