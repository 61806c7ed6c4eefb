// The report's renderer: builds every table and SVG chart from the JSON data block. Text from the
// run (titles, names, outlets) only ever reaches the page through textContent and setAttribute,
// never as markup to be parsed, so tags in scraped text show as text.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1',
    '#ff9da7', '#9c755f', '#bab0ac'];
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var windows = data.windows; // [start, end, label, start epoch ms]
  var entities = data.entities; // [id, name, type, mentions, articles, [wi, m, a, ...]]
  var fmt = new Intl.NumberFormat('en-US');

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
      }
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    for (var k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]);
    }
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function num(n) {
    return fmt.format(n);
  }

  function plural(n, one, many) {
    return num(n) + ' ' + (n === 1 ? one : many);
  }

  // An entity's series as dense arrays over the run's windows (zero where it is not named).
  function series(e) {
    var m = new Array(windows.length).fill(0);
    var a = new Array(windows.length).fill(0);
    var s = e[5];
    for (var i = 0; i + 2 < s.length; i += 3) {
      m[s[i]] = s[i + 1];
      a[s[i]] = s[i + 2];
    }
    return { mentions: m, articles: a };
  }

  function niceStep(max, ticks) {
    var raw = max / ticks;
    var mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var r = raw / mag;
    var step = r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10;
    return Math.max(1, step * mag);
  }

  // A line chart: one path and one point per window for each series.
  // lines: [{key, label, color, values[]}]
  function lineChart(container, lines, yLabel, caption) {
    var W = 1160, H = 340, L = 64, R = 16, T = 14, B = 58;
    var root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img',
      'aria-label': caption, 'class': 'line-chart' });
    root.appendChild(svg('title', {}, caption));
    var n = windows.length;
    var t0 = n ? windows[0][3] : 0, t1 = n ? windows[n - 1][3] : 1;
    function x(i) {
      if (n <= 1 || t1 === t0) return L + (W - L - R) / 2;
      return L + (windows[i][3] - t0) / (t1 - t0) * (W - L - R);
    }
    var max = 0;
    lines.forEach(function (s) { s.values.forEach(function (v) { if (v > max) max = v; }); });
    var step = niceStep(Math.max(max, 1), 5);
    var top = Math.max(step, Math.ceil(max / step) * step);
    function y(v) { return T + (H - T - B) * (1 - v / top); }

    var grid = svg('g', { 'class': 'grid' });
    var yAxis = svg('g', { 'class': 'axis y-axis' });
    for (var v = 0; v <= top + 1e-9; v += step) {
      grid.appendChild(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v) }));
      yAxis.appendChild(svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end' }, num(v)));
    }
    root.appendChild(grid);
    yAxis.appendChild(svg('line', { x1: L, x2: L, y1: T, y2: H - B }));
    root.appendChild(yAxis);
    root.appendChild(svg('text', { 'class': 'axis-label', 'text-anchor': 'middle',
      transform: 'translate(14,' + ((H - B + T) / 2) + ') rotate(-90)' }, yLabel));

    var xAxis = svg('g', { 'class': 'axis x-axis' });
    xAxis.appendChild(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B }));
    var every = Math.max(1, Math.ceil(n / 8));
    for (var i = 0; i < n; i++) {
      xAxis.appendChild(svg('line', { x1: x(i), x2: x(i), y1: H - B, y2: H - B + 4 }));
      if (i % every === 0) {
        // The first and last labels are anchored inwards so that they stay inside the chart.
        var anchor = n > 1 && i === 0 ? 'start' : n > 1 && i === n - 1 ? 'end' : 'middle';
        xAxis.appendChild(svg('text', { x: x(i), y: H - B + 17, 'text-anchor': anchor },
          windows[i][2]));
      }
    }
    root.appendChild(xAxis);
    root.appendChild(svg('text', { 'class': 'axis-label', x: L + (W - L - R) / 2, y: H - 8,
      'text-anchor': 'middle' }, 'Window start (publication time, UTC), one point per window'));

    lines.forEach(function (s) {
      var g = svg('g', { 'class': 'series', 'data-entity': s.key });
      var d = '';
      for (var i = 0; i < n; i++) {
        d += (i ? ' L' : 'M') + x(i).toFixed(1) + ' ' + y(s.values[i]).toFixed(1);
      }
      g.appendChild(svg('path', { d: d, 'class': 'series-line', stroke: s.color,
        'data-entity': s.key }));
      for (var j = 0; j < n; j++) {
        var c = svg('circle', { cx: x(j).toFixed(1), cy: y(s.values[j]).toFixed(1), r: 3.5,
          fill: s.color, 'class': 'point', 'data-entity': s.key, 'data-window': windows[j][0],
          'data-value': s.values[j] });
        c.appendChild(svg('title', {}, s.label + ', ' + windows[j][2] + ': ' + num(s.values[j])));
        g.appendChild(c);
      }
      root.appendChild(g);
    });

    container.textContent = '';
    if (n === 0) {
      container.appendChild(el('p', { 'class': 'empty' }, 'No counts in this run: nothing to chart.'));
      return;
    }
    container.appendChild(root);
    var legend = el('ul', { 'class': 'legend' });
    lines.forEach(function (s) {
      var li = el('li');
      li.appendChild(el('span', { 'class': 'swatch', style: 'background:' + s.color }));
      li.appendChild(document.createTextNode(s.legend || s.label));
      legend.appendChild(li);
    });
    container.appendChild(legend);
  }

  function table(headers, rows, attrs) {
    var t = el('table', attrs);
    var head = el('tr');
    headers.forEach(function (h) {
      head.appendChild(el('th', h.num ? { 'class': 'num', scope: 'col' } : { scope: 'col' }, h.label));
    });
    t.appendChild(el('thead')).appendChild(head);
    var body = el('tbody');
    rows.forEach(function (r) { body.appendChild(r); });
    t.appendChild(body);
    return t;
  }

  function cell(tr, text, cls) {
    return tr.appendChild(el('td', cls ? { 'class': cls } : null, text));
  }

  function entityCell(tr, name, type) {
    var td = cell(tr, name, 'entity');
    td.appendChild(document.createTextNode(' '));
    td.appendChild(el('span', { 'class': 'type' }, type));
  }

  function summary() {
    var s = data.summary;
    var p = document.getElementById('run-summary');
    var text = 'Run folder ' + data.run + ': ' + plural(s.articles, 'article', 'articles') +
      ' (' + num(s.kept) + ' kept, one per story; ' + num(s.duplicates) + ' copies of a kept one; ' +
      num(s.undated) + ' undated, so in no window), ' + plural(s.entities, 'entity', 'entities') +
      ' in ' + plural(windows.length, 'window', 'windows');
    if (windows.length) {
      text += ' from ' + windows[0][2] + ' to ' + windows[windows.length - 1][2];
    }
    text += ', ' + plural(s.deadLetters, 'dead letter', 'dead letters') + '.';
    if (s.countRowsRead > s.countRows) {
      text += ' Streaming output: ' + num(s.countRowsRead) + ' count rows read, the latest pane of ' +
        num(s.countRows) + ' window and entity keys shown.';
    }
    if (s.skippedLines) {
      text += ' ' + plural(s.skippedLines, 'unreadable line was', 'unreadable lines were') + ' skipped.';
    }
    p.textContent = text;
  }

  function topChart() {
    var lines = [];
    for (var i = 0; i < data.chartEntities; i++) {
      var e = entities[i];
      lines.push({ key: e[0], label: e[1], legend: e[1] + ' (' + num(e[3]) + ')',
        color: COLORS[i % COLORS.length], values: series(e).mentions });
    }
    lineChart(document.getElementById('chart-top'), lines, 'Mentions per window',
      'Mentions per window of the ' + lines.length + ' most mentioned entities');
  }

  function picker() {
    var search = document.getElementById('picker-search');
    var select = document.getElementById('picker-select');
    var note = document.getElementById('picker-note');
    var LIMIT = 200;
    var lower = entities.map(function (e) { return (e[1] || '').toLowerCase(); });
    function draw(i) {
      var e = entities[i];
      var s = series(e);
      document.getElementById('picked-title').textContent = e[1] + ' (' + e[2] + '): ' +
        plural(e[3], 'mention', 'mentions') + ' in ' + plural(e[4], 'article', 'articles') +
        ', all windows';
      lineChart(document.getElementById('chart-picked'), [
        { key: e[0], label: e[1] + ': mentions', color: COLORS[0], values: s.mentions },
        { key: e[0] + '#articles', label: e[1] + ': articles naming it', color: COLORS[1],
          values: s.articles }], 'Per window',
        'Mentions of ' + e[1] + ' and articles naming it, per window');
    }
    function fill() {
      var q = search.value.trim().toLowerCase();
      var shown = 0, matches = 0;
      select.textContent = '';
      for (var i = 0; i < entities.length; i++) {
        if (q && lower[i].indexOf(q) < 0 && entities[i][0].toLowerCase() !== q) continue;
        matches++;
        if (shown < LIMIT) {
          var e = entities[i];
          select.appendChild(el('option', { value: i },
            e[1] + ' (' + e[2] + '), ' + plural(e[3], 'mention', 'mentions')));
          shown++;
        }
      }
      note.textContent = matches > shown
        ? 'Showing the ' + num(shown) + ' most mentioned of ' + num(matches) +
          ' matching entities; type more of a name to narrow the list.'
        : num(matches) + ' of ' + plural(entities.length, 'entity', 'entities') + ' match.';
      if (data.summary.entitiesListed < data.summary.entities) {
        note.textContent += ' The list holds the ' + num(data.summary.entitiesListed) +
          ' most mentioned of the run\'s ' + num(data.summary.entities) + ' entities.';
      }
      if (select.options.length) {
        select.selectedIndex = 0;
        draw(Number(select.value));
      }
    }
    search.addEventListener('input', fill);
    select.addEventListener('change', function () { draw(Number(select.value)); });
    if (!entities.length) {
      note.textContent = 'No entities in this run.';
      return;
    }
    // index.html#q=NAME opens the page with that search, so a chart can be linked to.
    var hash = /^#q=(.*)$/.exec(location.hash);
    if (hash) {
      try { search.value = decodeURIComponent(hash[1]); } catch (e) { search.value = hash[1]; }
    }
    fill();
  }

  function perWindow() {
    var select = document.getElementById('window-select');
    var box = document.getElementById('window-tables');
    if (!windows.length) {
      box.appendChild(el('p', { 'class': 'empty' }, 'No counts in this run.'));
      return;
    }
    var shown = windows.length - 1;
    windows.forEach(function (w, wi) {
      select.appendChild(el('option', { value: wi }, w[2]));
      var div = el('div', { 'class': 'window-table', 'data-window': w[0] });
      if (wi !== shown) div.hidden = true;
      div.appendChild(el('h3', null, 'Window ' + w[2] + ' (' + w[0] + ' to ' + w[1] + ')'));
      var rows = data.perWindow[wi];
      var max = rows.length ? rows[0][1] : 1;
      var trs = rows.map(function (r, k) {
        var e = entities[r[0]];
        var tr = el('tr', { 'data-entity-id': e[0] });
        cell(tr, k + 1, 'num rank');
        entityCell(tr, e[1], e[2]);
        var m = cell(tr, '', 'num mentions');
        m.appendChild(el('span', { 'class': 'bar', style: 'width:' + Math.round(60 * r[1] / max) + 'px' }));
        m.appendChild(document.createTextNode(num(r[1])));
        cell(tr, num(r[2]), 'num articles');
        cell(tr, num(r[3]), 'num copies');
        cell(tr, num(r[4]), 'num outlets');
        return tr;
      });
      div.appendChild(table([{ label: '#', num: true }, { label: 'Entity' },
        { label: 'Mentions', num: true }, { label: 'Articles', num: true },
        { label: 'Copies', num: true }, { label: 'Outlets', num: true }], trs,
        { 'class': 'top-table' }));
      box.appendChild(div);
    });
    select.value = String(shown);
    select.addEventListener('change', function () {
      var divs = box.querySelectorAll('.window-table');
      for (var i = 0; i < divs.length; i++) divs[i].hidden = String(i) !== select.value;
    });
  }

  function dateTime(iso) {
    if (!iso) return 'undated';
    return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  }

  function stories() {
    var box = document.getElementById('stories-table');
    if (!data.stories.length) {
      box.appendChild(el('p', { 'class': 'empty' },
        'No story was carried by more than one article in this run.'));
      return;
    }
    var trs = data.stories.map(function (s) {
      var tr = el('tr', { 'data-article-id': s[5] });
      cell(tr, s[0] || '(no title)', 'title');
      cell(tr, s[1] || '(unknown outlet)', 'outlet');
      cell(tr, dateTime(s[2]), 'published');
      cell(tr, num(s[3]), 'num copies');
      cell(tr, num(s[4]), 'num outlets');
      return tr;
    });
    box.appendChild(table([{ label: 'Story (title of the kept copy)' }, { label: 'First outlet' },
      { label: 'Published' }, { label: 'Copies', num: true }, { label: 'Outlets', num: true }], trs,
      { 'class': 'stories-table' }));
    if (data.summary.storiesWithCopies > data.stories.length) {
      box.appendChild(el('p', { 'class': 'note' }, 'The ' + num(data.stories.length) + ' biggest of ' +
        num(data.summary.storiesWithCopies) + ' stories with more than one copy.'));
    }
  }

  function pairs() {
    var box = document.getElementById('pairs-table');
    if (data.pairs === null) {
      box.appendChild(el('p', { 'class': 'empty' },
        'No co-mention output in this run: its folder has no comentions/.'));
      return;
    }
    if (!data.pairs.length) {
      box.appendChild(el('p', { 'class': 'empty' }, 'The comentions/ folder holds no pairs.'));
      return;
    }
    var trs = data.pairs.map(function (p) {
      var tr = el('tr', { 'data-pair': p[8] + '|' + p[9] });
      entityCell(tr, p[0], p[1]);
      entityCell(tr, p[2], p[3]);
      cell(tr, num(p[4]), 'num articles');
      cell(tr, num(p[5]), 'num mentions-a');
      cell(tr, num(p[6]), 'num mentions-b');
      cell(tr, num(p[7]), 'num windows');
      return tr;
    });
    box.appendChild(table([{ label: 'Entity A' }, { label: 'Entity B' },
      { label: 'Articles naming both', num: true }, { label: 'Mentions of A', num: true },
      { label: 'Mentions of B', num: true }, { label: 'Windows', num: true }], trs,
      { 'class': 'pairs-table' }));
  }

  function deadLetters() {
    var box = document.getElementById('dead-letters-table');
    if (!data.deadLetters.length) {
      box.appendChild(el('p', { 'class': 'empty' },
        'No dead letters: every record read became an article or was skipped for a known reason.'));
      return;
    }
    var max = 1;
    data.deadLetters.forEach(function (d) { if (d[1] > max) max = d[1]; });
    var trs = data.deadLetters.map(function (d) {
      var tr = el('tr', { 'data-reason': d[0] });
      cell(tr, d[0], 'reason');
      cell(tr, d[3] || '', 'meaning');
      cell(tr, d[2], 'stage');
      var c = cell(tr, '', 'num count');
      c.appendChild(el('span', { 'class': 'bar', style: 'width:' + Math.round(80 * d[1] / max) + 'px' }));
      c.appendChild(document.createTextNode(num(d[1])));
      return tr;
    });
    box.appendChild(table([{ label: 'Reason' }, { label: 'Meaning' }, { label: 'Stage' },
      { label: 'Records', num: true }], trs, { 'class': 'dead-letters-table' }));
  }

  try {
    summary();
    topChart();
    picker();
    perWindow();
    stories();
    pairs();
    deadLetters();
    // Navigation start to everything built and laid out (data-drawn-ms; reading offsetHeight
    // forces the layout), and to the first frame after it, once painted (data-painted-ms; headless
    // Chromium under a virtual-time budget does not always produce that frame before it dumps the
    // DOM). scripts/report-timing.sh reads both.
    var laidOut = document.body.offsetHeight;
    document.body.setAttribute('data-drawn-ms', performance.now().toFixed(1));
    document.body.setAttribute('data-height', String(laidOut));
    requestAnimationFrame(function () {
      setTimeout(function () {
        document.body.setAttribute('data-painted-ms', performance.now().toFixed(1));
      }, 0);
    });
  } catch (err) {
    var p = el('p', { 'class': 'empty', id: 'report-error' }, 'The report could not be drawn: ' + err);
    document.body.insertBefore(p, document.body.firstChild);
    document.body.setAttribute('data-error', String(err));
  }
})();
