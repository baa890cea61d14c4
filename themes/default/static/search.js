/* Site search: loads the index shards (plain scripts, so it works from file://) and finds
   pages containing every term of the query as a substring (Chinese needs no word splitting)
   of the title (t), the 文号 (n), issuer and tags (m) or the text (x). Brackets of a 文号 may be
   typed as 〔〕, [], （） or 【】. */
(function () {
  var box = document.getElementById('search-results');
  if (!box) return;
  var root = box.getAttribute('data-root') || '';
  var shards = parseInt(box.getAttribute('data-shards') || '1', 10);
  var docs = [];
  var loaded = 0;
  window.xgSearchAdd = function (list) { docs = docs.concat(list); loaded += 1; if (loaded === shards) run(); };
  var input = document.getElementById('q');
  var params = new URLSearchParams(location.search);
  var q = (params.get('q') || '').trim();
  if (input) input.value = q;
  function load() {
    for (var i = 0; i < shards; i++) {
      var s = document.createElement('script');
      s.src = root + 'search/index-' + i + '.js';
      document.body.appendChild(s);
    }
  }
  function terms(query) {
    return query.replace(/["“”'‘’]/g, ' ').split(/\s+/).filter(function (t) { return t.length > 0; });
  }
  /* One bracket style, so that 青安办[2026]9号 finds 青安办〔2026〕9号. */
  function brackets(s) { return s.replace(/[\[［(（【]/g, '〔').replace(/[\]］)）】]/g, '〕'); }
  function run() {
    box.textContent = '';
    var ts = terms(q);
    var status = document.getElementById('search-status');
    if (ts.length === 0) { status.textContent = '请输入要查找的词语（两个字以上效果更好）。'; return; }
    var hits = [];
    docs.forEach(function (d) {
      var score = 0;
      for (var i = 0; i < ts.length; i++) {
        var inTitle = d.t.indexOf(ts[i]) >= 0, inText = d.x.indexOf(ts[i]) >= 0;
        var inMeta = brackets(d.n + ' ' + d.m).indexOf(brackets(ts[i])) >= 0;
        if (!inTitle && !inText && !inMeta) return;
        score += inTitle ? 10 : inMeta ? 5 : 1;
      }
      hits.push({ d: d, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || (b.d.d > a.d.d ? 1 : -1); });
    status.textContent = '“' + q + '”共找到 ' + hits.length + ' 篇';
    hits.slice(0, 100).forEach(function (h) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + h.d.u;
      mark(a, h.d.t, ts);
      li.appendChild(a);
      var meta = document.createElement('p');
      meta.className = 'meta';
      /* Found by issuer or tag only: say which, with the term marked. */
      var byMeta = ts.some(function (t) { return h.d.t.indexOf(t) < 0 && h.d.x.indexOf(t) < 0; });
      mark(meta, [h.d.k, h.d.n, h.d.d, byMeta ? h.d.m : ''].filter(Boolean).join('　'), ts);
      li.appendChild(meta);
      var p = document.createElement('p');
      p.className = 'summary';
      mark(p, snippet(h.d.x, ts[0]), ts);
      li.appendChild(p);
      box.appendChild(li);
    });
  }
  function snippet(text, t) {
    var i = text.indexOf(t);
    if (i < 0) return text.slice(0, 80);
    var s = Math.max(0, i - 30);
    return (s > 0 ? '…' : '') + text.slice(s, i + t.length + 50) + '…';
  }
  /* Builds text with <mark> around every term, using DOM nodes only (no innerHTML). */
  function mark(el, text, ts) {
    var i = 0;
    while (i < text.length) {
      var best = -1, len = 0;
      ts.forEach(function (t) { var j = text.indexOf(t, i); if (j >= 0 && (best < 0 || j < best)) { best = j; len = t.length; } });
      if (best < 0) { el.appendChild(document.createTextNode(text.slice(i))); break; }
      if (best > i) el.appendChild(document.createTextNode(text.slice(i, best)));
      var m = document.createElement('mark');
      m.textContent = text.slice(best, best + len);
      el.appendChild(m);
      i = best + len;
    }
  }
  if (q) { document.getElementById('search-status').textContent = '正在查找……'; load(); }
  else run();
})();
