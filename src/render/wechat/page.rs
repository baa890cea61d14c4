//! `wechat/<slug>/index.html`: the article at phone width, a one-click copy of the fragment
//! (`text/html` with a `text/plain` fallback, as doocs/md and mdnice do), a copy button for
//! each editor field, and the images the user must upload. Self-contained: works from file://.

use super::Export;
use super::text::escape;
use crate::content::{Item, Site};

const CSS: &str = "\
*{box-sizing:border-box}\
body{margin:0;background:#f2f2f2;color:#333;font:16px/1.6 system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",sans-serif}\
.wrap{display:flex;flex-wrap:wrap;gap:24px;justify-content:center;padding:16px}\
.tools{flex:1 1 320px;max-width:560px}\
.tools h1{font-size:20px;margin:0 0 8px}\
.tools h2{font-size:17px;margin:20px 0 8px}\
.tools a{color:#576b95}\
ol.steps{padding-left:1.4em;margin:0}\
button{font:inherit;min-height:44px;min-width:44px;padding:6px 10px;white-space:nowrap;border-radius:6px;border:1px solid #999;background:#fff;cursor:pointer}\
button.main{background:#07c160;border-color:#07c160;color:#fff;font-weight:bold;width:100%;font-size:18px}\
button:focus-visible{outline:3px solid #576b95;outline-offset:2px}\
.status{display:block;min-height:1.6em;margin:6px 0;color:#07863d}\
table.fields{width:100%;border-collapse:collapse;background:#fff}\
table.fields th,table.fields td{border:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}\
table.fields th{white-space:nowrap;background:#fafafa}\
table.fields td.v{word-break:break-all}\
.count{color:#888;font-size:14px;white-space:nowrap}\
ul.uploads{list-style:none;padding:0;margin:0}\
ul.uploads li{display:flex;gap:10px;align-items:center;background:#fff;border:1px solid #ddd;padding:6px;margin:0 0 6px}\
ul.uploads img{width:96px;height:auto;max-height:72px;object-fit:contain;background:#eee}\
.phone{flex:0 0 auto;width:395px;max-width:100%;background:#fff;border:10px solid #222;border-radius:28px;overflow:hidden}\
.phone .bar{background:#ededed;text-align:center;font-size:15px;padding:8px;border-bottom:1px solid #ddd}\
.phone .screen{padding:20px 16px;overflow-x:hidden}\
.phone .title{font-size:22px;line-height:1.4;font-weight:bold;margin:0 0 8px;color:#333}\
.phone .byline{font-size:15px;color:#888;margin:0 0 20px}\
.phone .byline b{color:#576b95;font-weight:normal}\
@media (max-width:440px){.wrap{padding:8px}.phone{border:none;border-radius:0;width:100%}}";

const JS: &str = r#"(function () {
  var html = JSON.parse(document.getElementById("article-html").textContent);
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
})();"#;

/// Renders the preview page of `e`.
pub fn render(site: &Site, item: &Item, e: &Export) -> String {
    let m = &e.meta;
    let title = escape(&m.title);
    let mut s = String::with_capacity(e.html.len() * 3 + 8000);
    s.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n\
         <title>公众号导出：{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<div class=\"wrap\">\n\
         <main class=\"tools\">\n<h1>复制到公众号</h1>\n\
         <p><a href=\"../../site/{}\">返回网页版</a> · <a href=\"article.html\" download>下载正文 HTML</a> · <a href=\"meta.json\" download>下载 meta.json</a></p>\n",
        escape(&item.url())
    ));
    s.push_str(
        "<ol class=\"steps\"><li>点下面的按钮复制正文，在公众号后台“新的创作 → 文章”的正文处粘贴。</li>\
         <li>逐项复制标题、作者、摘要（和原文链接）填入编辑器。</li>\
         <li>上传封面和下面列出的图片，替换正文中的“待上传图片”方框。</li>\
         <li>按先审后发的要求送审核人审核后再群发。</li></ol>\n\
         <h2>正文</h2>\n<button type=\"button\" class=\"main\" id=\"copy-article\">复制正文</button>\n\
         <span class=\"status\" id=\"copy-status\" role=\"status\" aria-live=\"polite\"></span>\n",
    );
    s.push_str(&format!(
        "<p class=\"count\">正文 {} 字（上限 20000）</p>\n<h2>编辑器字段</h2>\n<table class=\"fields\"><tbody>\n",
        e.text_len
    ));
    let mut fields = vec![
        ("title", "标题", m.title.clone(), Some(64)),
        ("author", "作者", m.author.clone(), Some(8)),
        ("digest", "摘要", m.digest.clone(), Some(120)),
    ];
    if let Some(u) = &m.source_url {
        fields.push(("source_url", "原文链接", u.clone(), None));
    }
    for (key, label, value, max) in fields {
        let count = max
            .map(|mx| {
                format!(
                    "<br><span class=\"count\">{}/{mx} 字</span>",
                    value.chars().count()
                )
            })
            .unwrap_or_default();
        s.push_str(&format!(
            "<tr><th scope=\"row\">{label}{count}</th><td class=\"v\" id=\"f-{key}\">{}</td>\
             <td><button type=\"button\" data-copy=\"f-{key}\" data-label=\"{label}\" aria-label=\"复制{label}\">复制</button></td></tr>\n",
            escape(&value)
        ));
    }
    s.push_str("</tbody></table>\n<h2>需要上传的图片</h2>\n<ul class=\"uploads\">\n");
    match &e.cover {
        Some(c) => s.push_str(&format!(
            "<li><img src=\"{0}\" alt=\"封面\"><span>封面：<a href=\"{0}\" download>{1}</a>{2}</span></li>\n",
            escape(&c.href),
            escape(&c.written),
            c.size.map(|(w, h)| format!("（{w}×{h}）")).unwrap_or_default()
        )),
        None => s.push_str("<li>封面：未设置（在前言区写 cover: 图片路径）</li>\n"),
    }
    for u in &e.uploads {
        let alt = if u.alt.is_empty() {
            String::new()
        } else {
            format!("：{}", escape(&u.alt))
        };
        s.push_str(&format!(
            "<li><img src=\"{0}\" alt=\"\"><span>正文图片 <a href=\"{0}\" download>{1}</a>{alt}</span></li>\n",
            escape(&u.href),
            escape(&u.name)
        ));
    }
    if e.uploads.is_empty() {
        s.push_str("<li>正文中没有需要手动上传的图片。</li>\n");
    }
    s.push_str("</ul>\n</main>\n");
    let account = if m.account.is_empty() {
        &site.campaign.org
    } else {
        &m.account
    };
    s.push_str(&format!(
        "<section class=\"phone\" aria-label=\"手机预览\"><div class=\"bar\">{}</div><div class=\"screen\">\
         <p class=\"title\">{title}</p><p class=\"byline\">{} <b>{}</b></p>\n<div id=\"preview-body\">{}</div></div></section>\n</div>\n",
        escape(account),
        escape(&m.author),
        escape(account),
        e.html
    ));
    let json = serde_json::to_string(&e.html)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    s.push_str(&format!(
        "<script type=\"application/json\" id=\"article-html\">{json}</script>\n<script>{JS}</script>\n</body>\n</html>\n"
    ));
    s
}
