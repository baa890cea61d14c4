/* LED slide player (led-feed/1). Plays one feed into one element; no network access. */
function ledPlay(stage, feed, opts) {
  "use strict";
  opts = opts || {};
  var scr = feed.screen, fs = 16, idx = -1, timer = 0, ENTER = 600;
  function box() {
    if (opts.box) return opts.box();
    return { x: 0, y: 0, w: innerWidth, h: innerHeight };
  }
  function layout() {
    var b = box();
    stage.style.left = b.x + "px";
    stage.style.top = b.y + "px";
    stage.style.width = b.w + "px";
    stage.style.height = b.h + "px";
    fs = Math.max(6, Math.floor(Math.min(b.w / scr.cols, b.h / scr.rows)));
    stage.style.fontSize = fs + "px";
  }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }
  function valid(s, t) {
    return (!s.valid_from || s.valid_from <= t) && (!s.valid_until || t <= s.valid_until);
  }
  function show(s) {
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
    var ms = s.seconds * 1000;
    if (s.effect === "scroll_left") {
      stage.style.alignItems = "flex-start";
      var W = stage.clientWidth, tw = els[0].scrollWidth;
      var dur = Math.max(ms, (W + tw) / (scr.scroll_cps * fs) * 1000);
      if (els[0].animate) {
        els[0].animate([{ transform: "translateX(" + W + "px)" }, { transform: "translateX(" + -tw + "px)" }],
          { duration: dur, easing: "linear" });
      }
      ms = dur;
    } else {
      stage.style.alignItems = "center";
      if ((s.effect === "move_left" || s.effect === "move_up") && els[0].animate) {
        var from = s.effect === "move_left" ? "translateX(" + stage.clientWidth + "px)"
          : "translateY(" + stage.clientHeight + "px)";
        els.forEach(function (e) {
          e.animate([{ transform: from }, { transform: "none" }], { duration: ENTER, easing: "ease-out" });
        });
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
