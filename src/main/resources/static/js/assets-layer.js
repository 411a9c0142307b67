// Components layer of the map (/map), from the assets module: server-side clusters at low zoom, single components
// with a popup when zoomed in. Settings and strings come from #cg-assets-layer's data-* attributes; the map itself
// from #cg-map (map.js puts the Leaflet map and its layer control there).
(function () {
  'use strict';
  var el = document.getElementById('cg-map');
  var cfg = document.getElementById('cg-assets-layer');
  if (!el || !cfg || !el.cgMap || typeof L === 'undefined') {
    return;
  }
  var map = el.cgMap;
  var d = cfg.dataset;
  var ITEM_MIN_ZOOM = parseInt(d.itemMinZoom || '17', 10);
  var MAX_ITEMS = 500;
  var STATE_COLOUR = { INTACT: '#2f9e44', DAMAGED: '#e8590c', MISSING: '#c92a2a', OCCUPIED: '#7048e8' };
  var status = document.getElementById('map-assets-status');
  var syntheticNote = document.getElementById('map-assets-synthetic');

  function fmt(text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return String(text).replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }
  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined && text !== null) { n.textContent = text; }
    return n;
  }

  map.createPane('assets').style.zIndex = 460;
  var layer = L.layerGroup().addTo(map);
  if (el.cgLayers) { el.cgLayers.addOverlay(layer, d.tLayer); }

  function popup(c) {
    var box = node('div', 'cg-asset-popup');
    box.appendChild(node('div', 'fw-semibold', c.className + (c.name && c.name !== c.className ? ' · ' + c.name : '')));
    var dl = node('dl', 'row small mb-0');
    [[d.tId, c.id, 'font-monospace'], [d.tClass, c.classCode + ' ' + c.className],
      [d.tState, c.stateLabel], [d.tOwner, c.ownerDepartmentName || c.ownerDepartmentCode || d.tNone],
      [d.tMaintainer, c.maintainerDepartmentName || c.maintainerDepartmentCode || d.tNone]].forEach(function (row) {
      dl.appendChild(node('dt', 'col-5 text-muted fw-normal', row[0]));
      dl.appendChild(node('dd', 'col-7 mb-0 ' + (row[2] || ''), row[1]));
    });
    box.appendChild(dl);
    if (c.synthetic) { box.appendChild(node('span', 'badge text-bg-warning', d.tSynthetic)); }
    return box;
  }

  function drawItems(page) {
    var synthetic = false;
    page.items.forEach(function (c) {
      synthetic = synthetic || c.synthetic;
      L.circleMarker([c.lat, c.lon], { pane: 'assets', radius: 5, weight: 1, color: '#fff', fillOpacity: 0.9,
        fillColor: STATE_COLOUR[c.state] || '#495057', bubblingMouseEvents: false, className: 'cg-asset' })
        .bindPopup(popup(c)).addTo(layer);
    });
    status.textContent = page.total > page.items.length ? fmt(d.tItemsMore, page.items.length)
      : fmt(d.tItems, page.total);
    syntheticNote.hidden = !synthetic;
  }

  function drawClusters(body) {
    var synthetic = 0;
    body.clusters.forEach(function (c) {
      synthetic += c.synthetic;
      var size = Math.round(22 + 8 * Math.log10(Math.max(1, c.count)));
      var icon = L.divIcon({ className: 'cg-asset-cluster', html: '<span>' + c.count + '</span>',
        iconSize: [size, size] });
      // Not interactive: a click on a cluster still reaches the map's "where is this?" lookup.
      L.marker([c.lat, c.lon], { pane: 'assets', icon: icon, keyboard: false, interactive: false }).addTo(layer);
    });
    status.textContent = fmt(d.tClusters, body.total, ITEM_MIN_ZOOM);
    syntheticNote.hidden = synthetic === 0;
  }

  var request = null;
  function load() {
    if (request) { request.abort(); }
    if (!map.hasLayer(layer)) { status.textContent = ''; return; }
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(6); });
    var z = Math.floor(map.getZoom());
    var items = z >= ITEM_MIN_ZOOM;
    var url = items ? d.componentsUrl + '?size=' + MAX_ITEMS + '&bbox=' + bbox.join(',')
      : d.clustersUrl + '?zoom=' + z + '&bbox=' + bbox.join(',');
    request = new AbortController();
    // The API follows Accept-Language, the page the user's choice: ask in the page's language.
    fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' },
      credentials: 'same-origin', signal: request.signal })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (body) {
        request = null;
        layer.clearLayers();
        if (items) { drawItems(body); } else { drawClusters(body); }
        el.dataset.assets = items ? 'items' : 'clusters';
      })
      .catch(function (e) {
        if (!e || e.name !== 'AbortError') { status.textContent = d.tFailed; }
      });
  }

  map.on('moveend', load);
  map.on('overlayadd overlayremove', function (e) { if (e.layer === layer) { load(); } });
  load();
}());
