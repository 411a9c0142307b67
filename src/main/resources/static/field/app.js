// CityGrid field app (/field/). Reports go through an outbox in IndexedDB: online they leave at once, offline they
// wait (with their photo blobs) and leave on the `online` event, on app start and on "send now". Each report carries
// a key made here (crypto.randomUUID) as its Idempotency-Key, so sending it twice (a lost answer, two tabs, an
// `online` event during a send) still makes one case. The CSP forbids inline scripts: the page's texts come from
// the JSON block #field-texts and its settings from data-* attributes.
(function () {
  'use strict';
  var body = document.body;
  var ME = body.dataset.user;
  var T = JSON.parse(document.getElementById('field-texts').textContent || '{}');
  var LANG = document.documentElement.lang || 'zh-CN';
  var RECENT_KEY = 'citygrid.field.recent.' + ME;
  var DB_NAME = 'citygrid-field';
  var STORE = 'outbox';

  function t(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    var text = T[key] !== undefined ? T[key] : key;
    return String(text).replace(/\{(\d+)\}/g, function (m, i) { return args[i] !== undefined ? args[i] : m; });
  }
  function $(id) { return document.getElementById(id); }
  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) { n.className = cls; }
    if (text !== undefined && text !== null) { n.textContent = text; }
    return n;
  }
  function show(el, text) { el.textContent = text; el.hidden = !text; }

  // ------------------------------------------------------------------ HTTP
  var csrf = { header: (document.querySelector('meta[name=_csrf_header]') || {}).content,
    token: (document.querySelector('meta[name=_csrf]') || {}).content };

  function request(method, url, payload, headers) {
    var h = { Accept: 'application/json, application/problem+json', 'Accept-Language': LANG };
    Object.keys(headers || {}).forEach(function (k) { h[k] = headers[k]; });
    if (method !== 'GET' && csrf.header) { h[csrf.header] = csrf.token; }
    var init = { method: method, headers: h, credentials: 'same-origin', redirect: 'manual' };
    if (payload instanceof FormData) {
      init.body = payload;
    } else if (payload !== undefined) {
      h['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    return fetch(url, init).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (b) {
        return { ok: r.ok, status: r.status, body: b };
      });
    });
  }
  function getJson(url) { return request('GET', url); }
  function problemText(res) {
    var b = res.body || {};
    if (b.errors && b.errors.length) {
      return b.errors.map(function (e) { return e.message; }).join(' ');
    }
    return b.detail || b.title || t('error.status', res.status);
  }

  // ------------------------------------------------------------------ online state
  function online() { return navigator.onLine !== false; }
  function renderNet() {
    var net = $('net');
    net.dataset.state = online() ? 'online' : 'offline';
    net.textContent = online() ? t('online') : t('offline');
  }
  window.addEventListener('online', function () { renderNet(); sync(); });
  window.addEventListener('offline', renderNet);

  // ------------------------------------------------------------------ tabs
  document.querySelectorAll('[data-tab]').forEach(function (b) {
    b.addEventListener('click', function () {
      document.querySelectorAll('[data-tab]').forEach(function (x) { x.classList.toggle('active', x === b); });
      document.querySelectorAll('[data-panel]').forEach(function (p) { p.hidden = p.dataset.panel !== b.dataset.tab; });
      if (b.dataset.tab === 'tasks') { loadTasks(false); }
      if (b.dataset.tab === 'outbox') { renderOutbox(); }
    });
  });

  // ------------------------------------------------------------------ map and position
  var map = L.map('field-map', { zoomControl: true, minZoom: 9, maxZoom: 19 }).setView([39.917, 116.405], 15);
  map.attributionControl.setPrefix('Leaflet');
  if (body.dataset.tileUrl) {
    L.tileLayer(body.dataset.tileUrl, { maxZoom: 19, attribution: body.dataset.tileAttribution || '' }).addTo(map);
  }
  var position = null;
  var positionMarker = null;
  var taskLayer = L.layerGroup().addTo(map);

  function setPosition(lat, lon, how) {
    position = { lat: lat, lon: lon, how: how };
    if (!positionMarker) {
      positionMarker = L.circleMarker([lat, lon], { radius: 9, color: '#0b4f8a', fillColor: '#3d8bfd', fillOpacity: .8 })
        .addTo(map);
    } else {
      positionMarker.setLatLng([lat, lon]);
    }
    $('position-text').textContent = t('position.' + how, lat.toFixed(6), lon.toFixed(6));
    $('position-text').dataset.lat = lat;
    $('position-text').dataset.lon = lon;
    loadComponents();
  }
  function locate() {
    if (!navigator.geolocation) {
      $('position-text').textContent = t('position.unavailable');
      return;
    }
    navigator.geolocation.getCurrentPosition(function (p) {
      setPosition(p.coords.latitude, p.coords.longitude, 'gps');
      map.setView([p.coords.latitude, p.coords.longitude], Math.max(map.getZoom(), 17));
    }, function () {
      $('position-text').textContent = t('position.unavailable');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
  }
  $('locate').addEventListener('click', locate);
  $('use-centre').addEventListener('click', function () {
    var c = map.getCenter();
    setPosition(c.lat, c.lng, 'centre');
  });
  map.on('click', function (e) { setPosition(e.latlng.lat, e.latlng.lng, 'pin'); });

  // My supervision grids: the streets/communities they consist of, drawn from the division boundaries.
  function loadGrids() {
    return getJson('/api/v1/geo/supervision-grids').then(function (res) {
      if (!res.ok || !Array.isArray(res.body)) { return; }
      var mine = res.body.filter(function (g) { return g.supervisor === ME; });
      var districts = {};
      mine.forEach(function (g) { (districts[g.districtCode] = districts[g.districtCode] || []).push(g); });
      return Promise.all(Object.keys(districts).map(function (d) {
        return getJson('/api/v1/geo/divisions/geojson?parent=' + encodeURIComponent(d)).then(function (geo) {
          if (!geo.ok || !geo.body) { return null; }
          var codes = {};
          districts[d].forEach(function (g) { g.divisionCodes.forEach(function (c) { codes[c] = g; }); });
          var features = geo.body.features.filter(function (f) { return codes[f.properties.code]; });
          return L.geoJSON({ type: 'FeatureCollection', features: features }, {
            style: { color: '#e8590c', weight: 2, fillOpacity: .06 },
            onEachFeature: function (f, layer) {
              layer.bindTooltip(codes[f.properties.code].name + ' · ' + f.properties.name);
            }
          }).addTo(map);
        });
      })).then(function (layers) {
        var bounds = null;
        layers.forEach(function (l) {
          if (l && l.getLayers().length) { bounds = bounds ? bounds.extend(l.getBounds()) : l.getBounds(); }
        });
        if (bounds && !position) { map.fitBounds(bounds); }
        body.dataset.grids = String(mine.length);
      });
    }).catch(function () { /* offline without a cached copy: the map stays empty */ });
  }

  // ------------------------------------------------------------------ classes
  var classes = [];
  var chosenClass = null;
  var chosenComponent = null;

  function recent() {
    try { return JSON.parse(localStorage.getItem(RECENT_KEY) || '[]'); } catch (e) { return []; }
  }
  function remember(c) {
    var list = recent().filter(function (x) { return !(x.code === c.code && x.kind === c.kind); });
    list.unshift({ code: c.code, kind: c.kind, name: c.name });
    localStorage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, 6)));
  }
  function findClass(kind, code) {
    return classes.filter(function (c) { return c.kind === kind && c.code === code; })[0];
  }
  function className(c) { return LANG.indexOf('en') === 0 && c.nameEn ? c.nameEn : c.name; }
  function renderRecent() {
    var box = $('recent-classes');
    box.textContent = '';
    recent().forEach(function (r) {
      var b = node('button', 'btn btn-sm btn-outline-secondary cg-chip', r.name + ' ' + r.code);
      b.type = 'button';
      b.dataset.code = r.code;
      b.addEventListener('click', function () { choose(findClass(r.kind, r.code) || r); });
      box.appendChild(b);
    });
  }
  function choose(c) {
    chosenClass = c;
    var chosen = $('class-chosen');
    chosen.hidden = false;
    chosen.textContent = t('class.chosen', className(c), c.code, t('kind.' + c.kind));
    chosen.dataset.code = c.code;
    $('class-results').textContent = '';
    $('class-search').value = '';
    renderTemplates();
  }
  function search(q) {
    var box = $('class-results');
    box.textContent = '';
    q = q.trim().toLowerCase();
    if (!q) { return; }
    var hits = classes.filter(function (c) {
      return c.code.indexOf(q) === 0 || (c.name || '').toLowerCase().indexOf(q) >= 0
        || (c.nameEn || '').toLowerCase().indexOf(q) >= 0 || (c.majorName || '').toLowerCase().indexOf(q) >= 0;
    }).slice(0, 30);
    if (!hits.length) {
      box.appendChild(node('div', 'list-group-item text-muted small', classes.length ? t('class.none') : t('class.unloaded')));
    }
    hits.forEach(function (c) {
      var b = node('button', 'list-group-item list-group-item-action');
      b.type = 'button';
      b.dataset.code = c.code;
      b.appendChild(node('span', 'fw-semibold', className(c)));
      b.appendChild(node('span', 'text-muted small ms-2', c.code + ' · ' + (c.majorName || '') + ' · ' + t('kind.' + c.kind)));
      b.addEventListener('click', function () { choose(c); });
      box.appendChild(b);
    });
  }
  $('class-search').addEventListener('input', function (e) { search(e.target.value); });
  function loadClasses() {
    return getJson('/api/v1/catalog/classes').then(function (res) {
      if (res.ok && Array.isArray(res.body)) { classes = res.body; }
    }).catch(function () { /* offline and never loaded: the search says so */ });
  }

  // Description templates: per kind from the bundle, filled with the class's name, plus the class's filing criteria.
  function renderTemplates() {
    var box = $('templates');
    box.textContent = '';
    if (!chosenClass) { return; }
    var texts = String(t('templates.' + chosenClass.kind)).split('|').map(function (x) {
      return x.replace('{0}', className(chosenClass));
    });
    if (chosenClass.filingCriteria) { texts.push(chosenClass.filingCriteria); }
    texts.forEach(function (text) {
      var b = node('button', 'btn btn-sm btn-outline-info cg-chip', text.length > 24 ? text.slice(0, 24) + '…' : text);
      b.type = 'button';
      b.title = text;
      b.addEventListener('click', function () {
        var d = $('description');
        d.value = d.value ? d.value + '；' + text : text;
      });
      box.appendChild(b);
    });
  }

  // ------------------------------------------------------------------ nearby components
  function loadComponents() {
    var box = $('components');
    chosenComponent = null;
    if (!position || !online()) {
      box.textContent = '';
      box.appendChild(node('span', 'text-muted', position ? t('components.offline') : t('components.noposition')));
      return;
    }
    getJson('/api/v1/assets/components/nearest?lon=' + position.lon + '&lat=' + position.lat + '&radius=60&limit=8')
      .then(function (res) {
        box.textContent = '';
        if (!res.ok || !res.body || !res.body.length) {
          box.appendChild(node('span', 'text-muted', t('components.none')));
          return;
        }
        res.body.forEach(function (c) {
          var b = node('button', 'list-group-item list-group-item-action');
          b.type = 'button';
          b.dataset.id = c.id;
          b.textContent = t('components.item', c.className || c.classCode, c.name || c.id,
            Math.round(c.distanceMeters || 0), c.stateLabel || c.state);
          b.addEventListener('click', function () {
            var again = chosenComponent && chosenComponent.id === c.id;
            box.querySelectorAll('.active').forEach(function (x) { x.classList.remove('active'); });
            chosenComponent = again ? null : c;
            if (!again) {
              b.classList.add('active');
              var cls = findClass('COMPONENT', c.classCode);
              if (cls) { choose(cls); }
            }
          });
          box.appendChild(b);
        });
      }).catch(function () {
        box.textContent = '';
        box.appendChild(node('span', 'text-muted', t('components.offline')));
      });
  }

  // ------------------------------------------------------------------ outbox (IndexedDB)
  var dbPromise = null;
  function db() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var open = indexedDB.open(DB_NAME, 1);
        open.onupgradeneeded = function () { open.result.createObjectStore(STORE, { keyPath: 'key' }); };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    return dbPromise;
  }
  function tx(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var transaction = d.transaction(STORE, mode);
        var result = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  function put(item) { return tx('readwrite', function (s) { return s.put(item); }); }
  function remove(key) { return tx('readwrite', function (s) { return s.delete(key); }); }
  function all() {
    return tx('readonly', function (s) { return s.getAll(); }).then(function (items) {
      return (items || []).filter(function (i) { return i.user === ME; })
        .sort(function (a, b) { return a.createdAt < b.createdAt ? -1 : 1; });
    });
  }
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'k-' + Date.now() + '-' + Math.random().toString(36).slice(2);
  }

  // ------------------------------------------------------------------ report form
  $('self-handled').addEventListener('change', function (e) {
    $('after-group').hidden = !e.target.checked;
    $('photos-label').textContent = e.target.checked ? t('photos.before') : t('photos');
  });
  function files(input, prefix) {
    return Array.prototype.slice.call(input.files || []).map(function (f, i) {
      var ext = (f.name.match(/\.[A-Za-z0-9]{1,5}$/) || ['.jpg'])[0].toLowerCase();
      return { name: prefix + '-' + (i + 1) + ext, blob: f, done: false };
    });
  }
  $('report-form').addEventListener('submit', function (e) {
    e.preventDefault();
    show($('report-done'), '');
    var description = $('description').value.trim();
    var selfHandled = $('self-handled').checked;
    var before = files($('photos'), selfHandled ? 'before' : 'photo');
    var after = selfHandled ? files($('after-photos'), 'after') : [];
    var problem = !chosenClass ? t('need.class') : !position ? t('need.position') : !description ? t('need.description')
      : selfHandled && (!before.length || !after.length) ? t('need.before-after') : '';
    show($('report-error'), problem);
    if (problem) { return; }
    var item = {
      key: newKey(),
      user: ME,
      createdAt: new Date().toISOString(),
      report: {
        channel: 'SUPERVISOR', kind: chosenClass.kind, classCode: chosenClass.code, lon: position.lon,
        lat: position.lat, address: $('address').value.trim() || null, description: description,
        selfHandled: selfHandled, componentId: chosenComponent ? chosenComponent.id : null
      },
      photos: before.concat(after),
      caseId: null,
      error: null
    };
    $('submit').disabled = true;
    put(item).then(function () {
      remember(chosenClass);
      renderRecent();
      resetForm();
      show($('report-done'), online() ? t('report.sending') : t('report.queued'));
      return renderOutbox();
    }).then(function () {
      return sync();
    }).catch(function (err) {
      show($('report-error'), t('report.store-failed', err && err.message));
    }).then(function () {
      $('submit').disabled = false;
    });
  });
  function resetForm() {
    $('description').value = '';
    $('address').value = '';
    $('photos').value = '';
    $('after-photos').value = '';
    $('self-handled').checked = false;
    $('after-group').hidden = true;
    $('photos-label').textContent = t('photos');
    document.querySelectorAll('#components .active').forEach(function (x) { x.classList.remove('active'); });
    chosenComponent = null;
  }

  // ------------------------------------------------------------------ sending the outbox
  var syncing = null;
  var sentList = [];

  function freshSession() {
    return fetch('/field/session', { credentials: 'same-origin', headers: { Accept: 'application/json' },
      redirect: 'manual', cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw { signIn: true }; }
      return r.json();
    }).then(function (s) {
      if (s.username !== ME) { throw { signIn: true }; }
      csrf.header = s.csrfHeader;
      csrf.token = s.csrfToken;
    });
  }

  /** Sends what waits, oldest first; one run at a time per page (the server's key guards the rest). */
  function sync() {
    if (syncing) { return syncing; }
    if (!online()) { return renderOutbox(); }
    syncing = all().then(function (items) {
      if (!items.length) { return; }
      return freshSession().then(function () {
        return items.reduce(function (chain, item) {
          return chain.then(function () { return send(item); });
        }, Promise.resolve());
      });
    }).catch(function (err) {
      body.dataset.syncError = err && err.signIn ? 'sign-in' : 'network';
    }).then(function () {
      syncing = null;
      return renderOutbox();
    });
    return syncing;
  }

  function send(item) {
    if (item.error) { return Promise.resolve(); } // refused by the server: the user decides (discard)
    var created = item.caseId ? Promise.resolve(item) : request('POST', '/api/v1/cases', item.report,
      { 'Idempotency-Key': item.key }).then(function (res) {
      if (res.ok) {
        item.caseId = res.body.id;
        item.caseNo = res.body.caseNo;
        return put(item).then(function () { return item; });
      }
      if (res.status === 401 || res.status === 403 || res.status === 408 || res.status === 429 || res.status >= 500
          || res.status === 0) {
        throw { signIn: res.status === 401 || res.status === 403 };
      }
      item.error = problemText(res);
      return put(item).then(function () { return null; });
    });
    return created.then(function (it) {
      if (!it) { return; }
      return it.photos.reduce(function (chain, photo) {
        return chain.then(function () {
          if (photo.done) { return; }
          var form = new FormData();
          form.append('file', photo.blob, photo.name);
          return request('POST', '/api/v1/cases/' + it.caseId + '/attachments', form).then(function (res) {
            if (res.ok || (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 403)) {
              // sent, or refused for good (not a photo, too large): do not try again
              photo.done = true;
              photo.error = res.ok ? null : problemText(res);
              return put(it);
            }
            throw { signIn: res.status === 401 || res.status === 403 };
          });
        });
      }, Promise.resolve()).then(function () {
        sentList.unshift({ caseNo: it.caseNo, caseId: it.caseId, description: it.report.description,
          photos: it.photos.length, failed: it.photos.filter(function (p) { return p.error; }).length });
        return remove(it.key);
      });
    });
  }

  function renderOutbox() {
    return all().then(function (items) {
      $('outbox-count').textContent = String(items.length);
      body.dataset.outbox = String(items.length);
      var list = $('outbox');
      list.textContent = '';
      if (!items.length) { list.appendChild(node('li', 'list-group-item text-muted small', t('outbox.empty'))); }
      items.forEach(function (i) {
        var li = node('li', 'list-group-item small');
        li.dataset.key = i.key;
        li.appendChild(node('div', 'fw-semibold', i.report.description));
        li.appendChild(node('div', 'text-muted', t('outbox.item', i.report.classCode, i.photos.length,
          new Date(i.createdAt).toLocaleString(LANG), i.caseNo || '')));
        if (i.error) {
          li.appendChild(node('div', 'text-danger', i.error));
          var discard = node('button', 'btn btn-sm btn-outline-danger mt-1', t('outbox.discard'));
          discard.type = 'button';
          discard.addEventListener('click', function () { remove(i.key).then(renderOutbox); });
          li.appendChild(discard);
        }
        list.appendChild(li);
      });
      var sent = $('sent');
      sent.textContent = '';
      sentList.forEach(function (s) {
        var li = node('li', 'list-group-item');
        var a = node('a', null, s.caseNo);
        a.href = '/cases/' + s.caseId;
        li.appendChild(a);
        li.appendChild(document.createTextNode(' ' + s.description + ' ' + t('sent.photos', s.photos - s.failed)));
        sent.appendChild(li);
      });
      if (sentList.length && !items.length) {
        show($('report-done'), t('report.sent', sentList[0].caseNo));
      }
    });
  }
  $('send-now').addEventListener('click', function () { sync(); });

  // ------------------------------------------------------------------ verify and check tasks
  var tasksLoading = null;
  var tasksLoadedAt = 0;
  /** One load at a time; a tab switch within a minute keeps the cards (and what is typed into them). */
  function loadTasks(force) {
    if (tasksLoading) { return tasksLoading; }
    if (!force && Date.now() - tasksLoadedAt < 60000) { return Promise.resolve(); }
    tasksLoading = fetchTasks().then(function (loaded) {
      tasksLoading = null;
      tasksLoadedAt = loaded === false ? 0 : Date.now();
      body.dataset.tasks = 'loaded';
    });
    return tasksLoading;
  }
  function fetchTasks() {
    var box = $('tasks');
    if (!online()) {
      box.textContent = '';
      box.appendChild(node('p', 'text-muted small', t('tasks.offline')));
      return Promise.resolve(false);
    }
    return getJson('/api/v1/cases?status=PENDING_VERIFY&status=PENDING_CHECK&size=100').then(function (res) {
      if (!res.ok) { throw res; }
      return Promise.all(res.body.items.map(function (s) { return getJson('/api/v1/cases/' + s.id); }));
    }).then(function (details) {
      var mine = details.filter(function (d) { return d.ok; }).map(function (d) { return d.body; })
        .filter(function (c) {
          return c.allowedActions.indexOf('verify') >= 0 || c.allowedActions.indexOf('check') >= 0;
        });
      $('tasks-count').textContent = String(mine.length);
      box.textContent = '';
      taskLayer.clearLayers();
      if (!mine.length) { box.appendChild(node('p', 'text-muted small', t('tasks.none'))); }
      mine.forEach(function (c) { box.appendChild(taskCard(c)); });
    }).catch(function () {
      box.textContent = '';
      box.appendChild(node('p', 'text-muted small', t('tasks.failed')));
      return false;
    });
  }

  function taskCard(c) {
    var action = c.allowedActions.indexOf('verify') >= 0 ? 'verify' : 'check';
    var card = node('div', 'cg-task');
    card.dataset.caseId = c.id;
    card.dataset.action = action;
    var cls = findClass(c.kind, c.classCode);
    card.appendChild(node('h3', null, t('task.' + action) + ' · ' + c.caseNo));
    card.appendChild(node('div', 'small text-muted', (cls ? className(cls) : c.classCode) + ' · ' + c.statusLabel
      + (c.address ? ' · ' + c.address : '')));
    card.appendChild(node('div', 'small', c.description));
    L.marker([c.lat, c.lon]).bindTooltip(c.caseNo).addTo(taskLayer);

    var links = node('div', 'd-flex gap-2 my-2');
    var nav = node('a', 'btn btn-sm btn-outline-primary', t('task.navigate'));
    nav.href = 'geo:' + c.lat + ',' + c.lon + '?q=' + c.lat + ',' + c.lon + '(' + encodeURIComponent(c.caseNo) + ')';
    nav.className += ' task-geo';
    var onMap = node('button', 'btn btn-sm btn-outline-secondary', t('task.map'));
    onMap.type = 'button';
    onMap.addEventListener('click', function () { map.setView([c.lat, c.lon], 18); window.scrollTo(0, 0); });
    var page = node('a', 'btn btn-sm btn-link', t('task.open'));
    page.href = '/cases/' + c.id;
    links.appendChild(nav);
    links.appendChild(onMap);
    links.appendChild(page);
    card.appendChild(links);

    var note = node('textarea', 'form-control form-control-sm mb-1');
    note.rows = 2;
    note.placeholder = t('task.note');
    note.maxLength = 4000;
    var photos = node('input', 'form-control form-control-sm mb-1');
    photos.type = 'file';
    photos.accept = 'image/*';
    photos.setAttribute('capture', 'environment');
    photos.multiple = true;
    var outcome = node('div', 'small mt-1');
    var buttons = node('div', 'd-flex gap-2');
    [true, false].forEach(function (passed) {
      var b = node('button', 'btn btn-sm flex-fill ' + (passed ? 'btn-success' : 'btn-outline-danger'),
        t('task.' + action + '.' + passed));
      b.type = 'button';
      b.dataset.passed = String(passed);
      b.addEventListener('click', function () {
        buttons.querySelectorAll('button').forEach(function (x) { x.disabled = true; });
        act(c, action, passed, note.value.trim(), Array.prototype.slice.call(photos.files || []))
          .then(function (res) {
            if (res.ok) {
              outcome.className = 'small mt-1 text-success';
              outcome.textContent = t('task.done', res.body.statusLabel);
              card.dataset.done = 'true';
            } else {
              outcome.className = 'small mt-1 text-danger';
              outcome.textContent = problemText(res);
              buttons.querySelectorAll('button').forEach(function (x) { x.disabled = false; });
            }
          }).catch(function () {
            outcome.className = 'small mt-1 text-danger';
            outcome.textContent = t('task.network');
            buttons.querySelectorAll('button').forEach(function (x) { x.disabled = false; });
          });
      });
      buttons.appendChild(b);
    });
    card.appendChild(note);
    card.appendChild(photos);
    card.appendChild(buttons);
    card.appendChild(outcome);
    return card;
  }

  /** Photos first (the action names them), then the action at the version the card was drawn with. */
  function act(c, action, passed, note, photos) {
    var ids = [];
    return photos.reduce(function (chain, f, i) {
      return chain.then(function () {
        var form = new FormData();
        form.append('file', f, action + '-' + (i + 1) + ((f.name.match(/\.[A-Za-z0-9]{1,5}$/) || ['.jpg'])[0]));
        return request('POST', '/api/v1/cases/' + c.id + '/attachments', form).then(function (res) {
          if (!res.ok) { throw res; }
          ids.push(res.body.id);
        });
      });
    }, Promise.resolve()).then(function () {
      return request('POST', '/api/v1/cases/' + c.id + '/actions/' + action,
        { version: c.version, passed: passed, note: note || null, attachmentIds: ids });
    }, function (res) { return res; });
  }

  // ------------------------------------------------------------------ start
  function registerWorker() {
    if (!('serviceWorker' in navigator)) { return Promise.resolve(); }
    return navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function () {
      body.dataset.sw = 'ready';
    }).catch(function () { body.dataset.sw = 'failed'; });
  }

  renderNet();
  renderRecent();
  Promise.all([loadClasses(), loadGrids(), registerWorker()]).then(function () {
    locate();
    return sync();
  }).then(function () {
    body.dataset.ready = 'true';
    if (online()) { loadTasks(true); }
  });
})();
