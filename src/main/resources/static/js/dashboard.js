// Command-centre dashboard (/dashboard, /dashboard/big): reads its panels from the dashboard API and re-reads them
// whenever the server-sent-event stream says the cases changed (no page reload). Settings and strings come from the
// data-* attributes of #dashboard (the CSP forbids inline scripts).
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root) {
    return;
  }
  var d = root.dataset;
  var big = d.big === 'true';
  var lang = document.documentElement.lang || 'zh-CN';
  var COLOUR = { RED: '#e03131', YELLOW: '#f59f00', GREEN: '#2f9e44' };

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
  function byId(id) { return document.getElementById(id); }
  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': lang }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); });
  }
  function number(n) { return Number(n).toLocaleString(lang); }

  // Horizontal bars in plain HTML: {code, label, count} rows; the longest bar is the largest count.
  function bars(list, rows, idPrefix) {
    list.replaceChildren();
    var max = rows.reduce(function (m, r) { return Math.max(m, r.count); }, 0) || 1;
    if (rows.length === 0) { list.appendChild(node('li', 'cg-panel-note', d.tNone)); }
    rows.forEach(function (r) {
      var li = node('li');
      li.dataset.code = r.code;
      var label = node('span', 'cg-bar-label', r.label);
      label.title = r.label;
      var track = node('span', 'cg-bar-track');
      var fill = node('span', 'cg-bar-fill');
      fill.style.display = 'block';
      fill.style.width = (100 * r.count / max) + '%';
      track.appendChild(fill);
      var count = node('span', 'cg-bar-count', number(r.count));
      if (idPrefix) { count.id = idPrefix + r.code; }
      li.append(label, track, count);
      list.appendChild(li);
    });
  }

  // ECharts when its script loaded, the same bars in HTML otherwise.
  var charts = {};
  function barChart(id, rows, horizontal) {
    var el = byId(id);
    if (typeof echarts === 'undefined') {
      var list = el.querySelector('ul') || el.appendChild(node('ul', 'cg-bars'));
      bars(list, rows);
      return;
    }
    var chart = charts[id] || (charts[id] = echarts.init(el, big ? 'dark' : null, { renderer: 'canvas' }));
    var labels = rows.map(function (r) { return r.label; });
    var values = rows.map(function (r) { return r.count; });
    var category = { type: 'category', data: horizontal ? labels.slice().reverse() : labels,
      axisLabel: { interval: 0, fontSize: big ? 13 : 11, width: horizontal ? 110 : 60, overflow: 'truncate' } };
    var value = { type: 'value', minInterval: 1, splitLine: { lineStyle: { opacity: 0.3 } } };
    chart.setOption({
      backgroundColor: 'transparent', animation: false,
      grid: { left: horizontal ? 120 : 36, right: 24, top: 12, bottom: horizontal ? 20 : 36 },
      tooltip: { trigger: 'axis' },
      xAxis: horizontal ? value : category, yAxis: horizontal ? category : value,
      series: [{ type: 'bar', data: horizontal ? values.slice().reverse() : values, barMaxWidth: 28,
        itemStyle: { color: big ? '#4dabf7' : '#4c6ef5' },
        label: { show: true, position: horizontal ? 'right' : 'top', color: big ? '#e6eefb' : '#212529' } }]
    }, true);
  }
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    if (map) { map.invalidateSize(); }
  });

  function summary() {
    return getJson(d.summaryUrl).then(function (s) {
      byId('kpi-open').textContent = number(s.open);
      byId('kpi-overdue').textContent = number(s.lights.red);
      byId('kpi-yellow').textContent = number(s.lights.yellow);
      byId('kpi-green').textContent = number(s.lights.green);
      byId('kpi-today').textContent = number(s.intake.total);
      root.dataset.open = s.open;
      bars(byId('stage-counts'), s.stages, 'stage-');
      bars(byId('request-counts'), s.pendingRequests, 'request-');
      bars(byId('department-counts'), s.departments.slice(0, 8), 'department-');
      byId('intake-total').textContent = number(s.intake.total);
      barChart('chart-intake', s.intake.channels, false);
      byId('dash-asof').textContent = fmt(d.tUpdated, new Date(s.asOf).toLocaleString(lang));
    });
  }

  function overdue() {
    return getJson(d.overdueUrl + '?limit=' + (big ? 8 : 10)).then(function (o) {
      byId('overdue-total').textContent = number(o.total);
      var body = byId('overdue-list');
      body.replaceChildren();
      o.items.forEach(function (c) {
        var tr = node('tr');
        tr.dataset.caseId = c.id;
        var link = node('a', null, c.caseNo);
        link.href = d.caseUrl + c.id;
        var first = node('td');
        first.appendChild(link);
        var hours = Math.floor(c.overdueMinutes / 60);
        var late = hours >= 1 ? hours + 'h' + (c.overdueMinutes % 60) + 'm' : c.overdueMinutes + 'm';
        tr.append(first, node('td', null, c.className), node('td', null, c.stageLabel),
          node('td', null, c.departmentName || '—'), node('td', 'cg-late', fmt(d.tOverdueBy, late)));
        body.appendChild(tr);
      });
      if (o.items.length === 0) {
        var none = node('td', 'cg-panel-note', d.tNone);
        none.colSpan = 5;
        body.appendChild(node('tr')).appendChild(none);
      }
    });
  }

  function hotspots() {
    return getJson(d.hotspotsUrl + '?days=7&limit=' + (big ? 6 : 8)).then(function (h) {
      bars(byId('hotspot-list'), h.items.map(function (g) {
        return { code: g.gridCode, label: g.gridCode, count: g.count };
      }), 'hotspot-');
    });
  }

  // The evaluation module's department ranking of the month so far; a department links to its evaluation row.
  function ranking() {
    return getJson(d.rankingUrl).then(function (r) {
      var body = byId('ranking-list');
      body.replaceChildren();
      r.entries.slice(0, big ? 8 : 11).forEach(function (e) {
        var tr = node('tr');
        tr.dataset.department = e.departmentCode;
        var name = node('td', null, e.name || e.departmentCode);
        if (e.insufficientSample) { name.appendChild(node('span', 'cg-panel-note', ' (' + d.tRankingFew + ')')); }
        var grade = node('td', 'cg-grade cg-grade-' + (e.grade || 'none'), e.grade || '—');
        tr.append(node('td', null, String(e.rank)), name,
          node('td', null, e.score === null ? '—' : Number(e.score).toFixed(2)), grade);
        body.appendChild(tr);
      });
      if (r.entries.length === 0) {
        var none = node('td', 'cg-panel-note', d.tNone);
        none.colSpan = 4;
        body.appendChild(node('tr')).appendChild(none);
      }
      byId('ranking-asof').textContent = fmt(d.tRankingAsof, new Date(r.asOf).toLocaleString(lang));
    });
  }

  function classes() {
    return getJson(d.classesUrl + '?days=7&limit=8').then(function (c) {
      barChart('chart-classes', c.items.map(function (k) {
        return { code: k.classCode, label: k.className, count: k.count };
      }), true);
    });
  }

  // The map: cells at city zoom (coloured by their worst light), single cases from zoom 16 on.
  var mapEl = byId('dash-map');
  var map = null;
  var layer = null;
  if (typeof L !== 'undefined') {
    map = L.map(mapEl, { minZoom: 9, maxZoom: 19, zoomSnap: 0.5, attributionControl: true })
      .setView([39.917, 116.405], 13);
    map.attributionControl.setPrefix('Leaflet');
    mapEl.classList.toggle('cg-no-tiles', !mapEl.dataset.tileUrl);
    if (mapEl.dataset.tileUrl) {
      L.tileLayer(mapEl.dataset.tileUrl, { maxZoom: 19, attribution: mapEl.dataset.tileAttribution || '' }).addTo(map);
    } else {
      map.attributionControl.addAttribution(d.tNoTiles);
    }
    // the district and its streets as outlines under the cases; the first view fits the district
    map.createPane('divisions').style.zIndex = 350;
    var outline = big ? { district: '#74c0fc', street: '#3b5b85' } : { district: '#0b2e59', street: '#8aa1bd' };
    getJson(d.divisionsUrl).then(function (fc) {
      var shapes = (fc.features || []).filter(function (f) {
        return f.properties.level === 'DISTRICT' || f.properties.level === 'STREET';
      });
      L.geoJSON({ type: 'FeatureCollection', features: shapes }, { pane: 'divisions', interactive: false,
        style: function (f) {
          var district = f.properties.level === 'DISTRICT';
          return { color: district ? outline.district : outline.street, weight: district ? 3 : 1.2,
            fill: district, fillOpacity: big ? 0.08 : 0.04, fillColor: outline.district };
        } }).addTo(map);
      var district = shapes.filter(function (f) { return f.properties.level === 'DISTRICT'; });
      if (district.length) { map.fitBounds(L.geoJSON(district[0]).getBounds(), { padding: [12, 12] }); }
    }).catch(function () { /* the cases still draw without outlines */ });
    layer = L.layerGroup().addTo(map);
    map.on('moveend', function () { mapData(); });
  }

  function drawCells(body) {
    body.cells.forEach(function (c) {
      var size = Math.round(24 + 9 * Math.log10(Math.max(1, c.count)));
      var icon = L.divIcon({ className: 'cg-case-cell cg-' + c.light, html: '<span>' + c.count + '</span>',
        iconSize: [size, size] });
      L.marker([c.lat, c.lon], { icon: icon, keyboard: false, title: fmt(d.tCases, c.count, c.red, c.yellow) })
        .on('click', function () { map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 16)); })
        .addTo(layer);
    });
    byId('dash-map-status').textContent = fmt(d.tCells, number(body.total));
  }

  function drawPoints(body) {
    body.points.forEach(function (p) {
      var box = node('div');
      var link = node('a', 'fw-semibold', p.caseNo);
      link.href = d.caseUrl + p.id;
      box.append(link, node('div', null, p.className), node('div', null, p.statusLabel + ' · ' + d['tLight' + p.light]));
      L.circleMarker([p.lat, p.lon], { radius: 7, weight: 1.5, color: '#fff', fillOpacity: 0.95,
        fillColor: COLOUR[p.light], className: 'cg-case-point' }).bindPopup(box).addTo(layer);
    });
    byId('dash-map-status').textContent = body.truncated ? fmt(d.tPointsMore, body.points.length)
      : fmt(d.tPoints, number(body.total));
  }

  var mapRequest = 0;
  function mapData() {
    if (!map) { return Promise.resolve(); }
    var b = map.getBounds();
    var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) {
      return Math.max(-180, Math.min(180, v)).toFixed(6);
    });
    var zoom = Math.floor(map.getZoom());
    var mine = ++mapRequest;
    return getJson(d.mapUrl + '?zoom=' + zoom + '&bbox=' + bbox.join(',')).then(function (body) {
      if (mine !== mapRequest) { return; }
      layer.clearLayers();
      if (body.mode === 'points') { drawPoints(body); } else { drawCells(body); }
      mapEl.dataset.mode = body.mode;
      mapEl.dataset.total = body.total;
    });
  }

  // One refresh at a time; a change announced during a refresh triggers one more afterwards.
  var refreshing = false;
  var again = false;
  function refresh() {
    if (refreshing) { again = true; return; }
    refreshing = true;
    Promise.all([summary(), mapData(), overdue(), hotspots(), classes(), ranking()]).catch(function () {
      byId('dash-map-status').textContent = d.tFailed;
    }).then(function () {
      refreshing = false;
      root.dataset.refreshed = String(Number(root.dataset.refreshed || '0') + 1);
      if (again) { again = false; refresh(); }
    });
  }

  var live = byId('dash-live');
  function state(s, text) { live.dataset.state = s; live.textContent = text; }
  if (typeof EventSource !== 'undefined') {
    var source = new EventSource(d.streamUrl);
    // "hello" on every (re)connection: what changed while disconnected is read again
    source.addEventListener('hello', function () { state('live', d.tLive); refresh(); });
    source.addEventListener('changed', function () { refresh(); });
    source.onerror = function () { state('offline', d.tOffline); };
  }
  refresh();
}());
