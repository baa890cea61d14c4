{#- Included by led/kiosk.html and led/index.html; as a template, "{" followed by "{", "%" or "#"
    would be template syntax here. -#}
/* LED slide player (led-feed/1). Plays one feed into one element; no network access. */
function ledPlay(stage, feed, opts) {
  "use strict";
  opts = opts || {};
  var scr = feed.screen, idx = -1, timer = 0, ENTER = 600;
  // opts.box() gives a pixel rectangle (LED sending-card capture area); without it the stage
  // fills the viewport through CSS units, which stay right whatever the window does.
  function layout() {
    var b = opts.box ? opts.box() : null;
    if (b) {
      stage.style.left = b.x + "px";
      stage.style.top = b.y + "px";
      stage.style.width = b.w + "px";
      stage.style.height = b.h + "px";
      stage.style.fontSize = Math.max(6, Math.floor(Math.min(b.w / scr.cols, b.h / scr.rows))) + "px";
    } else {
      stage.style.left = stage.style.top = "0";
      stage.style.width = "100vw";
      stage.style.height = "100vh";
      stage.style.fontSize = "min(" + 100 / scr.cols + "vw, " + 100 / scr.rows + "vh)";
    }
  }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  function valid(s, t) {
    return (!s.valid_from || s.valid_from <= t) && (!s.valid_until || t <= s.valid_until);
  }
  // Animations are driven by the clock (requestAnimationFrame, with a timer as fallback), so
  // they also run where compositor animations do not (background tabs, headless capture).
  var anim = 0;
  function animate(els, from, to, dur, ease) {
    var token = ++anim, start = Date.now();
    function frame() {
      if (token !== anim) return;
      var t = Math.min(1, (Date.now() - start) / dur), k = ease ? 1 - Math.pow(1 - t, 3) : t;
      var x = from[0] + (to[0] - from[0]) * k, y = from[1] + (to[1] - from[1]) * k;
      els.forEach(function (e) { e.style.transform = "translate(" + x + "px," + y + "px)"; });
      if (t < 1) later(frame);
    }
    function later(f) {
      var done = false;
      function once() { if (!done) { done = true; f(); } }
      if (window.requestAnimationFrame) requestAnimationFrame(once);
      setTimeout(once, 40);
    }
    frame();
  }
  function show(s) {
    anim++;
    stage.textContent = "";
    stage.setAttribute("data-slide", s.id);
    var lines = s.effect === "scroll_left" ? [s.text] : s.lines, els = [];
    lines.forEach(function (t) {
      var d = document.createElement("span");
      d.className = "ln";
      d.textContent = t;
      stage.appendChild(d);
      els.push(d);
    });
    var ms = s.seconds * 1000, W = stage.clientWidth, H = stage.clientHeight;
    if (s.effect === "scroll_left") {
      stage.style.alignItems = "flex-start";
      var tw = els[0].scrollWidth, fs = parseFloat(getComputedStyle(stage).fontSize);
      ms = Math.max(ms, (W + tw) / (scr.scroll_cps * fs) * 1000);
      animate(els, [W, 0], [-tw, 0], ms, false);
    } else {
      stage.style.alignItems = "center";
      if (s.effect === "move_left" || s.effect === "move_up") {
        animate(els, s.effect === "move_left" ? [W, 0] : [0, H], [0, 0], ENTER, true);
        ms += ENTER;
      }
    }
    timer = setTimeout(next, ms);
  }
  function next() {
    var t = today(), n = feed.slides.length;
    for (var k = 0; k < n; k++) {
      idx = (idx + 1) % n;
      if (valid(feed.slides[idx], t)) { show(feed.slides[idx]); return; }
    }
    stage.textContent = "";            // nothing valid today: stay dark and look again later
    stage.setAttribute("data-slide", "");
    timer = setTimeout(next, 60000);
  }
  layout();
  next();
  return { layout: layout, stop: function () { clearTimeout(timer); } };
}
