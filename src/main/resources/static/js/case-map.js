// Case maps (no tiles needed): the case page's map (#case-map: the case point, its unit grid outline and nearby
// open cases) and the operator's queue map (#queue-map: one marker per row of #queue-table, coloured by its
// traffic light; a click opens the case). Data comes from data-* attributes and the JSON APIs (the CSP forbids
// inline scripts).
(function () {
  'use strict';
  if (typeof L === 'undefined') {
    return;
  }
  var LIGHT = { GREEN: '#2f9e44', YELLOW: '#f08c00', RED: '#e03131' };
  var pageLang = document.documentElement.lang || 'zh-CN';

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json, application/geo+json', 'Accept-Language': pageLang },
      credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function baseMap(el) {
    var map = L.map(el, { minZoom: 9, maxZoom: 19, zoomSnap: 0.25 });
    map.attributionControl.setPrefix('Leaflet');
    if (el.dataset.tileUrl) {
      L.tileLayer(el.dataset.tileUrl, { maxZoom: 19, attribution: el.dataset.tileAttribution || '' }).addTo(map);
    } else {
      el.classList.add('cg-no-tiles');
    }
    return map;
  }

  function caseMarker(lat, lon, light, radius) {
    return L.circleMarker([lat, lon], { radius: radius, color: '#1d2b3a', weight: 1.5,
      fillColor: LIGHT[light] || '#868e96', fillOpacity: 0.9 });
  }

  function open(id) {
    window.location.href = (document.body.dataset.contextPath || '') + '/cases/' + id;
  }

  // metres between two WGS84 points (haversine)
  function distance(lat1, lon1, lat2, lon2) {
    var r = Math.PI / 180;
    var a = Math.pow(Math.sin((lat2 - lat1) * r / 2), 2)
      + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.pow(Math.sin((lon2 - lon1) * r / 2), 2);
    return 12742000 * Math.asin(Math.sqrt(a));
  }

  function casePage(el) {
    var d = el.dataset;
    var lat = parseFloat(d.lat);
    var lon = parseFloat(d.lon);
    var radius = parseInt(d.nearbyMeters || '1000', 10);
    var map = baseMap(el).setView([lat, lon], 17);
    var nearby = L.layerGroup().addTo(map);
    var here = caseMarker(lat, lon, d.light, 9).addTo(map).bindTooltip(d.caseNo, { permanent: false });
    here.setStyle({ color: '#0b2e59', weight: 3 });
    el.dataset.markers = '1';
    var pad = 0.002;
    getJson(d.gridsUrl + '&bbox=' + [lon - pad, lat - pad, lon + pad, lat + pad].join(',')).then(function (fc) {
      if (!fc || !fc.features) { return; }
      var own = fc.features.filter(function (f) { return f.properties.code === d.gridCode; });
      if (own.length) {
        var layer = L.geoJSON(own, { interactive: false,
          style: { color: '#e8590c', weight: 3, fillColor: '#ffa94d', fillOpacity: 0.2 } }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [30, 30], maxZoom: 18 });
        el.dataset.gridDrawn = d.gridCode;
      }
    });
    if (!d.nearbyUrl) { return; }
    getJson(d.nearbyUrl).then(function (page) {
      var items = page && (page.items || page.content) || [];
      var shown = 0;
      items.forEach(function (c) {
        if (String(c.id) === d.caseId || c.lat == null || distance(lat, lon, c.lat, c.lon) > radius) { return; }
        caseMarker(c.lat, c.lon, c.light, 6).addTo(nearby)
          .bindTooltip(c.caseNo + ' · ' + (c.statusLabel || c.status))
          .on('click', function () { open(c.id); });
        shown++;
      });
      el.dataset.nearby = String(shown);
    });
  }

  function queueMap(el) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('#queue-table tr[data-lat]'));
    var map = baseMap(el);
    var points = [];
    var markers = [];
    rows.forEach(function (tr) {
      var lat = parseFloat(tr.dataset.lat);
      var lon = parseFloat(tr.dataset.lon);
      if (isNaN(lat) || isNaN(lon)) { return; }
      var m = caseMarker(lat, lon, tr.dataset.light, 8)
        .bindTooltip(tr.dataset.caseNo + ' · ' + (tr.dataset.statusLabel || ''))
        .on('click', function () { open(tr.dataset.caseId); });
      markers.push({ marker: m, id: tr.dataset.caseId });
      points.push([lat, lon]);
    });
    if (points.length) {
      map.fitBounds(points, { padding: [30, 30], maxZoom: 17 });
    } else {
      map.setView([39.917, 116.405], 13);
    }
    // markers are drawn once the map has a view; each carries its case id for tests and assistive tools
    markers.forEach(function (x) {
      x.marker.addTo(map);
      x.marker.getElement().setAttribute('data-case-marker', x.id);
    });
    el.dataset.markers = String(points.length);
  }

  var c = document.getElementById('case-map');
  if (c) { casePage(c); }
  var q = document.getElementById('queue-map');
  if (q) { queueMap(q); }
})();
