/* Font size (标准/大/特大) and 长辈版 (large text, high contrast), remembered on this device.
   Without JavaScript the page stays at the default size and the buttons stay hidden. */
(function () {
  var html = document.documentElement;
  function apply() {
    var size = localStorage.getItem('xg-size') || '';
    var elder = localStorage.getItem('xg-elder') === '1';
    if (size) html.setAttribute('data-size', size); else html.removeAttribute('data-size');
    html.classList.toggle('elder', elder);
    var b = document.getElementById('elder-toggle');
    if (b) { b.setAttribute('aria-pressed', elder ? 'true' : 'false'); b.textContent = elder ? '退出长辈版' : '长辈版'; }
    document.querySelectorAll('[data-set-size]').forEach(function (x) {
      x.setAttribute('aria-pressed', x.getAttribute('data-set-size') === size ? 'true' : 'false');
    });
  }
  try { apply(); } catch (e) { return; }
  document.addEventListener('DOMContentLoaded', function () {
    var bar = document.getElementById('a11y-bar');
    if (bar) bar.hidden = false;
    document.querySelectorAll('[data-set-size]').forEach(function (x) {
      x.addEventListener('click', function () { localStorage.setItem('xg-size', x.getAttribute('data-set-size')); apply(); });
    });
    var b = document.getElementById('elder-toggle');
    if (b) b.addEventListener('click', function () {
      localStorage.setItem('xg-elder', localStorage.getItem('xg-elder') === '1' ? '0' : '1'); apply();
    });
    apply();
  });
})();
