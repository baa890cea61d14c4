/* Dates that stay right: the current phase, its days left, the timeline's states and the
   phase-progress chart are recomputed from the day the page is read, in Beijing time (UTC+8),
   the same rule the build uses. Elements carry their phase dates in data-start / data-end
   (YYYY-MM-DD, empty when open); without JavaScript the build-date values stay. */
(function () {
  var DAY = 86400000;
  function today() { return new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10); }
  function days(from, to) { return Math.round((Date.parse(to) - Date.parse(from)) / DAY); }
  function span(el) { return { start: el.getAttribute('data-start') || '', end: el.getAttribute('data-end') || '' }; }
  function status(p, t) {
    if (p.end && p.end < t) return 'done';
    if (p.start && p.start > t) return 'upcoming';
    return 'current';
  }
  /* The phase running today, else the next one to start, else the last one (as the build). */
  function current(phases, t) {
    var i;
    for (i = 0; i < phases.length; i++) if (status(phases[i], t) === 'current') return i;
    for (i = 0; i < phases.length; i++) if (phases[i].start && phases[i].start > t) return i;
    return phases.length - 1;
  }
  /* The share of a phase's days that have passed, 0–100. */
  function progress(p, t) {
    if (p.start && p.end && p.end > p.start) return Math.min(100, Math.max(0, days(p.start, t) / days(p.start, p.end) * 100));
    return p.end && t > p.end ? 100 : 0;
  }
  var STATUS = { done: '已完成', current: '进行中', upcoming: '未开始' };
  function run() {
    var t = today();
    var now = document.querySelector('[data-phase-now]');
    if (now) {
      var blocks = now.querySelectorAll('.current-phase');
      var phases = [].map.call(blocks, span);
      var cur = current(phases, t);
      [].forEach.call(blocks, function (b, i) {
        b.classList.toggle('off', i !== cur);
        if (i !== cur) return;
        var d = b.querySelector('[data-days]');
        var s = status(phases[i], t);
        if (!d) return;
        if (s === 'current' && phases[i].end) {
          var left = days(t, phases[i].end);
          d.textContent = left === 0 ? '今天截止' : '距截止还有 ' + left + ' 天';
        } else {
          d.textContent = s === 'upcoming' ? '尚未开始' : s === 'done' ? '已结束' : '';
        }
      });
    }
    document.querySelectorAll('[data-timeline] > li').forEach(function (li) {
      var s = status(span(li), t);
      li.classList.remove('done', 'current', 'upcoming');
      li.classList.add(s);
      var label = li.querySelector('.phase-status');
      if (label) label.textContent = STATUS[s];
    });
    /* Phase-progress bars: the share of the phase's days that have passed. */
    document.querySelectorAll('g[data-span]').forEach(function (g) {
      if (!g.getAttribute('data-end')) return;
      var pct = progress(span(g), t);
      var rect = g.querySelector('rect'), texts = g.querySelectorAll('text');
      var full = parseFloat(g.getAttribute('data-span'));
      var w = pct > 0 ? Math.max(2, full * pct / 100) : 0;
      rect.setAttribute('width', w.toFixed(1));
      var value = texts[texts.length - 1];
      value.setAttribute('x', (parseFloat(rect.getAttribute('x')) + w + 6).toFixed(1));
      value.textContent = Math.round(pct) + '%';
    });
    document.querySelectorAll('[data-chart-table] tr').forEach(function (tr) {
      if (!tr.getAttribute('data-end')) return;
      var td = tr.querySelector('td');
      if (td) td.textContent = Math.round(progress(span(tr), t)) + '%';
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();
