// The 版记 at the foot of the last page (GB/T 9704 [7.4]) of a 公文 print page. The page is
// laid out on screen exactly as on paper (gongwen-print.css applies to both), so the script
// follows the text from the top of the last part that starts a page (the document, or its last
// 附件) down through the page breaks Chromium will make — a line or an unbreakable box that
// does not fit goes to the next page, a margin at a break is dropped — and sizes the spacer in
// front of the 版记 so that the 版记 ends on the last line of that page. Only when the page has
// no room left does the 版记 go to the foot of the next page.
//
// On the site's own 公文 pages gongwen-print.css applies to print only: there the script runs
// when printing starts, with that style sheet switched on for the moment it measures, and puts
// the screen back afterwards.
(function () {
  var doc = document.querySelector('.gongwen');
  var spacer = doc && doc.querySelector('.gw-record-spacer');
  var record = doc && doc.querySelector('.gw-record');
  if (!spacer || !record) return;
  var sheet = document.querySelector('link[href$="gongwen-print.css"][media="print"]');
  var MM = 96 / 25.4;
  var PAGE = 225 * MM;
  var BLOCK = /^(block|list-item|table|table-row-group|table-header-group|table-footer-group|flex|grid|flow-root)$/;
  var ATOMIC = /^(TR|IMG|FIGURE|PRE|SVG|HR)$/;

  function blockChildren(el) {
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (BLOCK.test(getComputedStyle(c).display)) return true;
    }
    return false;
  }

  // The lines and unbreakable boxes of `el`, as [top, height] in page coordinates.
  function atoms(el, out) {
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (c === spacer || c === record) continue;
      var st = getComputedStyle(c);
      var r = c.getBoundingClientRect();
      if (st.display === 'none' || r.height === 0) continue;
      if (ATOMIC.test(c.tagName.toUpperCase()) || /^(flex|grid)$/.test(st.display) || st.breakInside === 'avoid') {
        out.push([r.top, r.height]);
      } else if (blockChildren(c) || /^table/.test(st.display)) {
        atoms(c, out);
      } else {
        // A run of text: lines of its line height.
        var lh = parseFloat(st.lineHeight) || r.height;
        var pad = parseFloat(st.paddingTop) + parseFloat(st.borderTopWidth);
        var n = Math.max(1, Math.round((r.height - pad) / lh));
        for (var i = 0; i < n; i++) out.push([r.top + pad + i * lh, i === n - 1 ? r.height - pad - i * lh : lh]);
      }
    }
    return out;
  }

  // The last part that starts a page: the document, or its last 附件.
  function lastStart() {
    var starts = doc.querySelectorAll('.gw-annex-page, .gw-annex');
    return starts.length ? starts[starts.length - 1] : doc;
  }

  function place() {
    spacer.style.height = '0';
    var start = lastStart();
    var top0 = start.getBoundingClientRect().top;
    var shift = 0, bottom = 0, page = 0;
    atoms(doc, []).forEach(function (a) {
      var t = a[0] - top0;
      if (t < -0.5) return; // before the last part that starts a page
      var y = t + shift, p = Math.floor((y + 0.5) / PAGE);
      // A margin that crosses a break is dropped: the box starts the new page.
      if (p > page && bottom <= p * PAGE + 0.5) { shift -= y - p * PAGE; y = p * PAGE; }
      // A line or box that does not fit goes to the next page.
      if (y - p * PAGE + a[1] > PAGE + 0.5) { shift += (p + 1) * PAGE - y; y = (p + 1) * PAGE; p += 1; }
      page = p;
      bottom = y + a[1];
    });
    var used = bottom - page * PAGE;
    var need = record.getBoundingClientRect().height;
    return PAGE - used - need - 2;
  }

  // Where the 版记 does not fit under the text, the room left for the seal above the 署名
  // shrinks line by line (GB/T 9704 [7.3.5]: the seal's top within one line of the text)
  // before the 版记 goes to a page of its own.
  function fit() {
    var start = lastStart();
    var sign = doc.querySelector('.gw-sign.sealed');
    if (sign && start !== doc && !(start.compareDocumentPosition(sign) & Node.DOCUMENT_POSITION_FOLLOWING)) sign = null;
    if (sign) sign.style.marginTop = '';
    var room = place();
    var line = sign ? parseFloat(getComputedStyle(sign).lineHeight) : 0;
    while (room < 0 && sign && parseFloat(getComputedStyle(sign).marginTop) > line * 1.5) {
      sign.style.marginTop = (parseFloat(getComputedStyle(sign).marginTop) - line) + 'px';
      room = place();
    }
    if (room < 0) room += PAGE;
    spacer.style.height = Math.max(0, room) + 'px';
    document.body.setAttribute('data-record-room', (room / MM).toFixed(1));
  }
  function reset() {
    spacer.style.height = '0';
    var sign = doc.querySelector('.gw-sign.sealed');
    if (sign) sign.style.marginTop = '';
  }

  if (!sheet) {
    // The print page: laid out as on paper all the time.
    fit();
    // Again once every font has loaded (a title face found late changes nothing else).
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(fit);
    window.addEventListener('beforeprint', fit);
  } else {
    window.addEventListener('beforeprint', function () {
      sheet.media = 'all';
      try { fit(); } finally { sheet.media = 'print'; }
    });
    window.addEventListener('afterprint', reset);
  }
})();
