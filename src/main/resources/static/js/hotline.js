// Hotline console: the map that shows and corrects the call's point, and the preview's buttons (a geocoded place
// moves the point, a suggested class fills the class field). The server decides everything else.
(function () {
  var el = document.getElementById('hotline-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  var lon = document.getElementById('call-lon');
  var lat = document.getElementById('call-lat');
  var map = L.map(el, { minZoom: 9, maxZoom: 19 }).setView([39.917, 116.405], 13);
  if (el.dataset.tileUrl) {
    L.tileLayer(el.dataset.tileUrl, { maxZoom: 19 }).addTo(map);
  }
  var marker = null;
  var grids = L.geoJSON(null, { style: { color: '#0d6efd', weight: 1, fillOpacity: 0.05 } }).addTo(map);

  function showGrids(x, y) {
    var d = 0.004;
    var url = el.dataset.gridsUrl + '?format=geojson&bbox=' + [x - d, y - d, x + d, y + d].join(',');
    fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (g) {
      grids.clearLayers();
      if (g) {
        grids.addData(g);
      }
    }).catch(function () { grids.clearLayers(); });
  }

  function place(x, y, keep) {
    if (!keep) {
      lon.value = x.toFixed(7);
      lat.value = y.toFixed(7);
    }
    if (marker) {
      marker.setLatLng([y, x]);
    } else {
      marker = L.marker([y, x], { draggable: true }).addTo(map);
      marker.on('dragend', function () {
        var p = marker.getLatLng();
        place(p.lng, p.lat);
        refresh();
      });
    }
    map.setView([y, x], Math.max(map.getZoom(), 16));
    showGrids(x, y);
  }

  function refresh() {
    var check = document.getElementById('call-check');
    if (check && window.htmx) {
      htmx.trigger(check, 'click');
    }
  }

  map.on('click', function (e) {
    place(e.latlng.lng, e.latlng.lat);
    refresh();
  });
  if (lon.value && lat.value) {
    place(parseFloat(lon.value), parseFloat(lat.value), true);
  }

  document.addEventListener('click', function (e) {
    var p = e.target.closest('[data-place-lon]');
    if (p) {
      place(parseFloat(p.dataset.placeLon), parseFloat(p.dataset.placeLat));
      refresh();
      return;
    }
    var c = e.target.closest('[data-class-ref]');
    if (c) {
      document.getElementById('call-class').value = c.dataset.classRef;
      refresh();
    }
  });

  // a point found from the address is shown and kept, so that what is saved is what the map shows
  document.body.addEventListener('htmx:afterSwap', function (e) {
    var g = document.getElementById('preview-grid');
    if (g && g.dataset.geocoded === 'true') {
      place(parseFloat(g.dataset.lon), parseFloat(g.dataset.lat));
    }
  });
  document.getElementById('call-class').addEventListener('change', refresh);
  // a new address is looked up again: the old point no longer applies
  document.getElementById('call-address').addEventListener('input', function () {
    lon.value = '';
    lat.value = '';
  });
})();
