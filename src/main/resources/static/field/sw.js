// CityGrid field app service worker (scope /field/). It keeps the app shell and the reference data the app reads
// (classes, my supervision grids, their boundaries) so that the app starts and reports without a network; the
// reports themselves wait in IndexedDB (see app.js), not here. Everything is network-first: online, the user always
// gets the current page and data; offline, the last good copy.
'use strict';
var CACHE = 'citygrid-field-v1';
var SHELL = [
  '/field/',
  '/field/app.js',
  '/field/field.css',
  '/field/icon.svg',
  '/field/manifest.webmanifest',
  '/webjars/bootstrap/dist/css/bootstrap.min.css',
  '/webjars/leaflet/dist/leaflet.css',
  '/webjars/leaflet/dist/leaflet.js'
];
// Reference data worth having offline (GET only); personal task lists and cases are never cached.
var DATA = [/^\/api\/v1\/catalog\/classes/, /^\/api\/v1\/geo\/supervision-grids$/, /^\/api\/v1\/geo\/divisions\/geojson/,
  /^\/webjars\/leaflet\/dist\/images\//];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // credentials: the shell is only served to the signed-in supervisor
    return Promise.all(SHELL.map(function (url) {
      return fetch(new Request(url, { credentials: 'same-origin', cache: 'reload' })).then(function (response) {
        if (response.ok && !response.redirected) {
          return cache.put(url, response);
        }
      }).catch(function () { /* cached on first use instead */ });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function cacheable(url) {
  if (url.origin !== self.location.origin) {
    return false;
  }
  if (SHELL.indexOf(url.pathname) >= 0 || url.pathname === '/field') {
    return true;
  }
  return DATA.some(function (re) { return re.test(url.pathname); });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') {
    return; // reports, photos and actions go to the network as they are
  }
  var url = new URL(request.url);
  var key = url.pathname === '/field' || (request.mode === 'navigate' && url.pathname === '/field/')
    ? '/field/' : request.url;
  if (!cacheable(url)) {
    return;
  }
  event.respondWith(fetch(request).then(function (response) {
    // a redirect to the sign-in page is not the app: never keep it
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { return cache.put(key, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(key).then(function (hit) {
      return hit || Response.error();
    });
  }));
});
