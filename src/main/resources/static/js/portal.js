// Public portal (/public/**): the report form's map, location button, class search and duplicate hint, and the
// public map. Everything comes from data-* attributes (the CSP forbids inline scripts); text is set as text, never HTML.
(function () {
  'use strict';
  var CENTER = [39.917, 116.405];

  function fmt(text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return String(text).replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }

  function baseMap(el, zoom) {
    var d = el.dataset;
    var map = L.map(el, { minZoom: 9, maxZoom: 19 }).setView(CENTER, zoom);
    map.attributionControl.setPrefix('Leaflet');
    if (d.tileUrl) {
      L.tileLayer(d.tileUrl, { maxZoom: 19, attribution: d.tileAttribution || '' }).addTo(map);
    } else {
      map.attributionControl.addAttribution(d.tNoTiles || '');
    }
    outline(map, d.outlineUrl);
    return map;
  }

  // Without a tile background the district's and streets' boundaries are what a citizen finds the place by.
  function outline(map, url) {
    if (!url) { return; }
    fetch(url, { headers: { Accept: 'application/geo+json' } }).then(function (r) {
      return r.ok ? r.json() : Promise.reject(r.status);
    }).then(function (fc) {
      var shapes = (fc.features || []).filter(function (f) {
        return f.properties.level === 'DISTRICT' || f.properties.level === 'STREET';
      });
      L.geoJSON({ type: 'FeatureCollection', features: shapes }, {
        interactive: false,
        style: function (f) {
          var district = f.properties.level === 'DISTRICT';
          return { color: '#1c4e80', weight: district ? 2 : 1, opacity: district ? 0.9 : 0.5, fill: false };
        }
      }).addTo(map);
    }).catch(function () { /* the map still works without the outlines */ });
  }

  function reportForm() {
    var el = document.getElementById('portal-map');
    if (!el || typeof L === 'undefined') {
      return;
    }
    var d = el.dataset;
    var lon = document.getElementById('lon');
    var lat = document.getElementById('lat');
    var where = document.getElementById('portal-where');
    var map = baseMap(el, 14);
    var marker = null;

    function changed() {
      document.body.dispatchEvent(new Event('cg-where-what'));
    }
    function place(latlng, pan) {
      lon.value = latlng.lng.toFixed(6);
      lat.value = latlng.lat.toFixed(6);
      if (marker) {
        marker.setLatLng(latlng);
      } else {
        marker = L.marker(latlng, { draggable: true }).addTo(map);
        marker.on('dragend', function () { place(marker.getLatLng(), false); });
      }
      if (pan) {
        map.setView(latlng, Math.max(map.getZoom(), 17));
      }
      where.textContent = fmt(d.tChosen, lon.value, lat.value);
      changed();
    }
    if (lon.value && lat.value && !isNaN(parseFloat(lon.value)) && !isNaN(parseFloat(lat.value))) {
      place(L.latLng(parseFloat(lat.value), parseFloat(lon.value)), true);
    }
    map.on('click', function (e) { place(e.latlng, false); });

    document.getElementById('portal-locate').addEventListener('click', function () {
      if (!navigator.geolocation) {
        where.textContent = d.tLocateFailed;
        return;
      }
      where.textContent = d.tLocating;
      navigator.geolocation.getCurrentPosition(function (pos) {
        place(L.latLng(pos.coords.latitude, pos.coords.longitude), true);
      }, function () {
        where.textContent = d.tLocateFailed;
      }, { enableHighAccuracy: true, timeout: 15000 });
    });

    var select = document.getElementById('classRef');
    select.addEventListener('change', changed);
    var search = document.getElementById('class-search');
    search.addEventListener('input', function () {
      var q = search.value.trim().toLowerCase();
      var first = null;
      Array.prototype.forEach.call(select.options, function (o) {
        var show = !o.value || !q || o.text.toLowerCase().indexOf(q) >= 0 || o.value.toLowerCase().indexOf(q) >= 0;
        o.hidden = !show;
        if (show && o.value && !first) { first = o; }
      });
      if (q && first && (select.selectedIndex <= 0 || select.options[select.selectedIndex].hidden)) {
        select.value = first.value;
        changed();
      }
    });

    // The duplicate hint: htmx asks the server when the class or the point changes.
    var nearby = document.getElementById('nearby');
    document.body.addEventListener('cg-where-what', function () {
      if (!select.value || !lon.value || !lat.value || typeof htmx === 'undefined') {
        return;
      }
      htmx.ajax('GET', nearby.closest('form').action.replace(/\/report$/, '/nearby'), {
        target: '#nearby', swap: 'outerHTML', values: { classRef: select.value, lon: lon.value, lat: lat.value }
      });
    });
  }

  function publicMap() {
    var el = document.getElementById('public-map');
    if (!el || typeof L === 'undefined') {
      return;
    }
    var d = el.dataset;
    var map = baseMap(el, 13);
    fetch(d.url, { headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' },
      credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (fc) {
      if (!fc) {
        return;
      }
      var layer = L.geoJSON(fc, {
        pointToLayer: function (f, latlng) {
          var open = f.properties.status === 'open';
          return L.circleMarker(latlng, { radius: 7, weight: 1, color: '#333', fillOpacity: 0.8,
            fillColor: open ? '#d62728' : '#2ca02c' });
        },
        onEachFeature: function (f, l) {
          var box = document.createElement('div');
          var name = document.createElement('strong');
          name.textContent = f.properties.className;
          var state = document.createElement('div');
          state.textContent = f.properties.statusLabel;
          box.appendChild(name);
          box.appendChild(state);
          l.bindPopup(box);
        }
      }).addTo(map);
      document.getElementById('public-map-count').textContent = fmt(d.tCount, fc.features.length);
      if (fc.features.length) {
        map.fitBounds(layer.getBounds().pad(0.1), { maxZoom: 16 });
      }
    });
  }

  reportForm();
  publicMap();
}());
