//! The WeChat copy page in Chromium: the 复制正文 button puts `article.html` on the clipboard.

use std::path::Path;
use std::process::Command;

use crate::browser::browser_available;
use crate::harness::ROOT;
use crate::wechat::rich_site;

/// Clicks 复制正文 in headless Chromium (clipboard permissions granted) and compares the
/// clipboard's text/html with article.html; see tests/browser/wechat.mjs for what is normalised.
#[test]
fn copy_button_puts_the_article_on_the_clipboard() {
    if !browser_available() {
        return;
    }
    let s = rich_site();
    s.run(&["build", "--today", "2026-05-20"]).ok();
    let shots = Path::new(ROOT).join("target/screenshots/wechat");
    let out = Command::new("node")
        .arg(Path::new(ROOT).join("tests/browser/wechat.mjs"))
        .arg(s.file("output/wechat/rich"))
        .arg(&shots)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "wechat.mjs failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json from wechat.mjs");
    let article = s.read("output/wechat/rich/article.html");
    assert_eq!(r["html"].as_str().unwrap(), article, "clipboard text/html");
    let plain = r["plain"].as_str().unwrap();
    assert!(
        plain.contains("一、主要做法") && !plain.contains('<'),
        "{plain}"
    );
    assert!(r["status"].as_str().unwrap().contains("已复制正文"), "{r}");
    assert_eq!(r["title"], "测试镇开展安全生产标准化宣传活动");
    assert_eq!(r["overflow"], false, "preview scrolls sideways at 375 px");
    assert!(shots.join("rich-375.png").exists());
}
