{#- The WeChat copy pages' script, written once as wechat/copy.js: shows the fragment of the
    page's #article-html in the phone and copies it, byte for byte, with a text fallback. -#}
(function () {
  var html = JSON.parse(document.getElementById("article-html").textContent);
  // The fragment is in the page once: shown in the phone from the same text that is copied.
  document.getElementById("preview-body").innerHTML = html;
  var status = document.getElementById("copy-status");
  function legacy(data) {
    var done = false;
    function onCopy(e) {
      Object.keys(data).forEach(function (t) { e.clipboardData.setData(t, data[t]); });
      e.preventDefault();
      done = true;
    }
    document.addEventListener("copy", onCopy);
    try { document.execCommand("copy"); } catch (err) { done = false; }
    document.removeEventListener("copy", onCopy);
    return done;
  }
  function write(data) {
    if (navigator.clipboard && window.ClipboardItem) {
      var parts = {};
      Object.keys(data).forEach(function (t) { parts[t] = new Blob([data[t]], { type: t }); });
      return navigator.clipboard.write([new ClipboardItem(parts)]).then(
        function () { return true; },
        function () { return legacy(data); });
    }
    return Promise.resolve(legacy(data));
  }
  function say(ok, what) {
    status.textContent = ok ? "已复制" + what + "，请到公众号编辑器中粘贴。" : "复制失败：请在右侧预览中全选后按 Ctrl+C 复制。";
  }
  document.getElementById("copy-article").addEventListener("click", function () {
    var text = document.getElementById("preview-body").innerText;
    write({ "text/html": html, "text/plain": text }).then(function (ok) { say(ok, "正文"); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (b) {
    b.addEventListener("click", function () {
      var v = document.getElementById(b.getAttribute("data-copy")).textContent;
      write({ "text/plain": v }).then(function (ok) { say(ok, b.getAttribute("data-label")); });
    });
  });
})();
