// CityGrid map (/map): division boundaries, unit grids of the visible area and the "where is this?" lookup.
// Everything the page needs comes from data-* attributes of #cg-map (the CSP forbids inline scripts).
(function () {
  'use strict';
  var el = document.getElementById('cg-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var d = el.dataset;
  var GRID_MIN_ZOOM = parseInt(d.gridMinZoom || '15', 10);
  var COMMUNITY_MIN_ZOOM = 13;
  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

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
  // The API answers in Accept-Language unless the user chose a language (cookie); ask in the page's language
  var pageLang = document.documentElement.lang || 'zh-CN';
  function getJson(url, signal) {
    return fetch(url, { headers: { Accept: 'application/json, application/geo+json, application/problem+json',
      'Accept-Language': pageLang },
      credentials: 'same-origin', signal: signal }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (body) {
        return { ok: r.ok, status: r.status, body: body };
      });
    });
  }

  var map = L.map(el, { zoomControl: true, preferCanvas: false, minZoom: 9, maxZoom: 19, zoomSnap: 0.25 })
    .setView([39.917, 116.405], 12);
  map.attributionControl.setPrefix('Leaflet');
  el.classList.toggle('cg-no-tiles', !d.tileUrl);
  if (d.tileUrl) {
    L.tileLayer(d.tileUrl, { maxZoom: 19, attribution: d.tileAttribution || '' }).addTo(map);
  } else {
    map.attributionControl.addAttribution(d.tNoTiles);
  }
  map.createPane('grids').style.zIndex = 435;
  map.createPane('communities').style.zIndex = 420;
  map.createPane('streets').style.zIndex = 430;
  map.createPane('district').style.zIndex = 440;
  map.createPane('selection').style.zIndex = 450;

  var names = {};          // division code -> {name, level, synthetic}
  var supervision = {};    // supervision grid code -> {name, supervisor}
  var streetColour = {};   // street code -> colour (by supervision grid when assigned)
  var status = document.getElementById('map-status');

  var districtLayer = L.geoJSON(null, { pane: 'district', interactive: false,
    style: { color: '#0b2e59', weight: 3.5, fill: false } });
  var streetLayer = L.geoJSON(null, { pane: 'streets',
    style: function (f) {
      return { color: '#35506f', weight: 2, fillColor: streetColour[f.properties.code] || '#6c8ebf',
        fillOpacity: 0.16, dashArray: null };
    },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(f.properties.name, { className: 'cg-label', sticky: true });
    } });
  var communityLayer = L.geoJSON(null, { pane: 'communities', interactive: false,
    style: { color: '#52637a', weight: 1, dashArray: '4 3', fill: false } });
  var gridLayer = L.geoJSON(null, { pane: 'grids',
    style: { color: '#7a8899', weight: 0.6, fillColor: '#ffffff', fillOpacity: 0.05 },
    onEachFeature: function (f, layer) {
      layer.bindTooltip(f.properties.code, { className: 'cg-grid-tip', sticky: true, direction: 'top' });
      layer.on('mouseover', function () { layer.setStyle({ weight: 2, color: '#0b4f8a', fillOpacity: 0.2 }); });
      layer.on('mouseout', function () { gridLayer.resetStyle(layer); });
    } });
  var selectionLayer = L.geoJSON(null, { pane: 'selection', interactive: false,
    style: { color: '#e8590c', weight: 3, fillColor: '#ffa94d', fillOpacity: 0.35 } });
  var marker = null;
  var streetLabels = L.layerGroup();

  districtLayer.addTo(map);
  streetLayer.addTo(map);
  communityLayer.addTo(map);
  gridLayer.addTo(map);
  selectionLayer.addTo(map);
  streetLabels.addTo(map);

  var overlays = {};
  overlays[d.tLayerStreets] = streetLayer;
  overlays[d.tLayerCommunities] = communityLayer;
  overlays[d.tLayerGrids] = gridLayer;
  var layerControl = L.control.layers(null, overlays, { collapsed: true, position: 'topright' }).addTo(map);
  // Other modules draw their own layers from separate scripts (e.g. assets-layer.js): they find these here.
  el.cgMap = map;
  el.cgLayers = layerControl;
  L.control.scale({ imperial: false }).addTo(map);

  // Legend
  var legend = L.control({ position: 'bottomright' });
  legend.onAdd = function () {
    var box = node('div', 'cg-legend');
    box.appendChild(node('div', 'cg-legend-title', d.tLegend));
    [['cg-sw-district', d.tLegendDistrict], ['cg-sw-street', d.tLegendStreet],
      ['cg-sw-community', d.tLegendCommunity], ['cg-sw-grid', d.tLegendGrid],
      ['cg-sw-selected', d.tLegendSelected]].forEach(function (item) {
      var row = node('div', 'cg-legend-row');
      row.appendChild(node('span', 'cg-swatch ' + item[0]));
      row.appendChild(node('span', null, item[1]));
      box.appendChild(row);
    });
    var sv = node('div', 'cg-legend-supervision');
    sv.id = 'cg-legend-supervision';
    box.appendChild(sv);
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  legend.addTo(map);

  function fillSupervisionLegend() {
    var box = document.getElementById('cg-legend-supervision');
    if (!box) { return; }
    box.textContent = '';
    var codes = Object.keys(supervision).sort();
    if (!codes.length) { return; }
    box.appendChild(node('div', 'cg-legend-title mt-1', d.tSupervision));
    codes.forEach(function (code, i) {
      var row = node('div', 'cg-legend-row');
      var sw = node('span', 'cg-swatch');
      sw.style.background = PALETTE[i % PALETTE.length];
      sw.style.opacity = '0.55';
      row.appendChild(sw);
      var s = supervision[code];
      row.appendChild(node('span', null, s.name + (s.supervisor ? ' · ' + s.supervisor : '')));
      box.appendChild(row);
    });
  }

  function updateZoomState() {
    var z = map.getZoom();
    el.dataset.zoom = String(z);
    if (z >= COMMUNITY_MIN_ZOOM) {
      if (!map.hasLayer(communityLayer) && communityLayer.options.wanted !== false) { map.addLayer(communityLayer); }
    }
    el.classList.toggle('cg-city-zoom', z < COMMUNITY_MIN_ZOOM);
    el.classList.toggle('cg-labels-hidden', z >= GRID_MIN_ZOOM + 1);
  }

  // Unit grids of the visible area, only when zoomed in enough
  var gridRequest = null;
  function loadGrids() {
    var z = map.getZoom();
    if (gridRequest) { gridRequest.abort(); gridRequest = null; }
    if (z < GRID_MIN_ZOOM) {
      gridLayer.clearLayers();
      status.textContent = fmt(d.tZoom, GRID_MIN_ZOOM, Math.round(z * 10) / 10);
      return;
    }
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(6); });
    gridRequest = new AbortController();
    getJson(d.gridsUrl + '?format=geojson&bbox=' + bbox.join(','), gridRequest.signal).then(function (res) {
      gridRequest = null;
      gridLayer.clearLayers();
      if (!res.ok || !res.body || !res.body.features) {
        status.textContent = d.tGridsFailed + (res.body && res.body.detail ? ': ' + res.body.detail : '');
        return;
      }
      gridLayer.addData(res.body);
      status.textContent = fmt(d.tGrids, res.body.features.length);
    }).catch(function (e) {
      if (e.name !== 'AbortError') { status.textContent = d.tGridsFailed; }
    });
  }

  // ref: {code, name} from the reverse lookup; the synthetic flag comes from the division layer
  function divisionLine(dl, label, ref) {
    dl.appendChild(node('dt', 'col-5 text-muted fw-normal', label));
    var dd = node('dd', 'col-7 mb-1');
    if (!ref) {
      dd.textContent = d.tNone;
    } else {
      var info = names[ref.code];
      dd.appendChild(node('span', 'fw-semibold', ref.name || (info ? info.name : ref.code)));
      if (info && info.synthetic) {
        dd.appendChild(node('span', 'badge text-bg-warning ms-1 cg-badge-synthetic', d.tSynthetic));
      }
      dd.appendChild(node('div', 'font-monospace small text-muted', ref.code));
    }
    dl.appendChild(dd);
  }

  var lookupResult = document.getElementById('map-lookup-result');
  var lookupHint = document.getElementById('map-lookup-hint');
  function show(content) {
    lookupHint.hidden = true;
    lookupResult.hidden = false;
    lookupResult.textContent = '';
    lookupResult.appendChild(content);
  }

  function supervisionLine(dl, code) {
    dl.appendChild(node('dt', 'col-5 text-muted fw-normal', d.tSupervision));
    var sv = node('dd', 'col-7 mb-1');
    var s = code && supervision[code];
    if (!code) {
      sv.textContent = d.tNone;
    } else {
      sv.appendChild(node('span', 'fw-semibold', s ? s.name : code));
      sv.appendChild(node('div', 'font-monospace small text-muted', code));
      if (s && s.supervisor) {
        sv.appendChild(node('div', 'small', d.tSupervisor + ': ' + s.supervisor));
      }
    }
    dl.appendChild(sv);
  }

  // "Where is this?": the reverse lookup's label, then the chain grid → community → street → district → supervision
  function locate(latlng) {
    var lon = latlng.lng.toFixed(7);
    var lat = latlng.lat.toFixed(7);
    if (marker) { marker.setLatLng(latlng); } else {
      marker = L.circleMarker(latlng, { pane: 'selection', radius: 6, color: '#fff', weight: 2,
        fillColor: '#e8590c', fillOpacity: 1, interactive: false }).addTo(map);
    }
    selectionLayer.clearLayers();
    show(node('div', 'text-muted small', d.tLoading));
    getJson(d.reverseUrl + '?lon=' + lon + '&lat=' + lat).then(function (res) {
      var box = node('div');
      var point = node('div', 'small text-muted mb-2', d.tPoint + ': ' + lon + ', ' + lat);
      if (res.status === 404) {
        box.appendChild(node('div', 'alert alert-secondary py-2 small mb-2', d.tOutside));
        box.appendChild(point);
        show(box);
        return;
      }
      if (!res.ok || !res.body) {
        box.appendChild(node('div', 'alert alert-danger py-2 small mb-2',
          (res.body && res.body.detail) || d.tFailed));
        show(box);
        return;
      }
      var g = res.body;
      var label = node('div', 'fw-semibold mb-2', g.label);
      label.id = 'map-lookup-label';
      box.appendChild(label);
      box.appendChild(node('div', 'text-muted small', d.tGrid));
      var code = node('div', 'cg-grid-code font-monospace', g.gridCode);
      code.id = 'map-grid-code';
      box.appendChild(code);
      var dl = node('dl', 'row small mb-2 cg-chain');
      divisionLine(dl, d.tCommunity, g.community);
      divisionLine(dl, d.tStreet, g.street);
      divisionLine(dl, d.tDistrict, g.district);
      supervisionLine(dl, g.supervisionGridCode);
      if (g.nearestAddress) {
        dl.appendChild(node('dt', 'col-5 text-muted fw-normal', d.tNearest));
        dl.appendChild(node('dd', 'col-7 mb-1', g.nearestAddress.name + ' (' +
          Math.round(g.nearestAddress.distanceMeters) + ' m)'));
      }
      box.appendChild(dl);
      box.appendChild(point);
      show(box);
      var popup = node('div');
      popup.appendChild(node('div', 'font-monospace fw-semibold', g.gridCode));
      popup.appendChild(node('div', 'small', g.label));
      L.popup({ closeButton: true, autoPan: false }).setLatLng(latlng).setContent(popup).openOn(map);
      getJson(d.gridsUrl + '?format=geojson&bbox=' + [lon, lat, lon, lat].join(',')).then(function (r) {
        if (r.ok && r.body && r.body.features) {
          selectionLayer.clearLayers();
          selectionLayer.addData(r.body.features.filter(function (f) { return f.properties.code === g.gridCode; }));
        }
      });
    }).catch(function () {
      show(node('div', 'alert alert-danger py-2 small', d.tFailed));
    });
  }

  // Address search: geocode, fly to the best candidate and look it up; the others are listed to pick from
  var searchForm = document.getElementById('map-search-form');
  var searchStatus = document.getElementById('map-search-status');
  var searchResults = document.getElementById('map-search-results');
  var KIND_LABELS = { ADDRESS: d.tKindAddress, COMMUNITY: d.tKindCommunity, STREET: d.tKindStreet,
    DISTRICT: d.tKindDistrict };
  function goTo(c) {
    var latlng = L.latLng(c.lat, c.lon);
    map.flyTo(latlng, Math.max(map.getZoom(), c.kind === 'STREET' || c.kind === 'DISTRICT' ? 14 : 16),
      { duration: 0.6 });
    locate(latlng);
  }
  function candidateItem(c, i) {
    var li = node('li', 'mb-1');
    var b = node('button', 'btn btn-link btn-sm p-0 text-start cg-candidate' + (i === 0 ? ' fw-semibold' : ''));
    b.type = 'button';
    b.appendChild(node('span', null, c.name));
    b.appendChild(node('span', 'badge text-bg-light ms-1', KIND_LABELS[c.kind] || c.kind));
    b.addEventListener('click', function () { goTo(c); });
    li.appendChild(b);
    li.appendChild(node('div', 'font-monospace text-muted', (c.gridCode || c.code || '') + ' · ' + c.score));
    return li;
  }
  if (searchForm) {
    searchForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var q = document.getElementById('map-search-q').value;
      searchResults.textContent = '';
      searchStatus.textContent = d.tLoading;
      getJson(d.geocodeUrl + '?limit=8&q=' + encodeURIComponent(q)).then(function (res) {
        if (!res.ok || !Array.isArray(res.body)) {
          searchStatus.textContent = fmt(d.tSearchFailed, (res.body && res.body.detail) || res.status);
          return;
        }
        searchStatus.textContent = res.body.length ? '' : d.tSearchNone;
        res.body.forEach(function (c, i) { searchResults.appendChild(candidateItem(c, i)); });
        if (res.body.length) { goTo(res.body[0]); }
      }).catch(function () { searchStatus.textContent = fmt(d.tSearchFailed, ''); });
    });
  }

  map.on('click', function (e) { locate(e.latlng); });
  map.on('moveend', loadGrids);
  map.on('zoomend', updateZoomState);
  map.on('overlayremove', function (e) { if (e.layer === communityLayer) { communityLayer.options.wanted = false; } });
  map.on('overlayadd', function (e) { if (e.layer === communityLayer) { communityLayer.options.wanted = true; } });

  Promise.all([getJson(d.divisionsUrl), getJson(d.supervisionUrl)]).then(function (results) {
    var divisions = results[0].ok && results[0].body ? results[0].body.features : [];
    (results[1].ok && Array.isArray(results[1].body) ? results[1].body : []).forEach(function (s, i) {
      supervision[s.code] = { name: s.name, supervisor: s.supervisor };
      (s.divisionCodes || []).forEach(function (code) { streetColour[code] = PALETTE[i % PALETTE.length]; });
    });
    var streets = divisions.filter(function (f) { return f.properties.level === 'STREET'; });
    streets.forEach(function (f, i) {
      if (!streetColour[f.properties.code]) { streetColour[f.properties.code] = PALETTE[i % PALETTE.length]; }
    });
    divisions.forEach(function (f) {
      var p = f.properties;
      names[p.code] = { name: p.name, level: p.level, synthetic: p.synthetic };
      if (p.level === 'DISTRICT') { districtLayer.addData(f); }
      if (p.level === 'COMMUNITY') { communityLayer.addData(f); }
    });
    streetLayer.addData(streets);
    streetLayer.eachLayer(function (layer) {
      var c = layer.getBounds().getCenter();
      var label = node('span', 'cg-street-name', layer.feature.properties.name);
      L.marker(c, { interactive: false, keyboard: false,
        icon: L.divIcon({ className: 'cg-street-anchor', html: label, iconSize: null }) }).addTo(streetLabels);
    });
    fillSupervisionLegend();
    var bounds = districtLayer.getLayers().length ? districtLayer.getBounds() : streetLayer.getBounds();
    // No animation: the first view is where the page starts, and data-ready must mean the map has settled (an
    // animated zoom still running would end later and move the map back over a view set in between).
    if (bounds.isValid()) { map.fitBounds(bounds, { padding: [10, 10], animate: false }); }
    updateZoomState();
    loadGrids();
    el.dataset.ready = 'true';
  });
}());
