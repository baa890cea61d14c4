//! The default theme in a real browser (Debian's chromium driven by playwright-core from
//! `tests/browser`, installed by `.ci/run`): screenshots at phone and desktop width, an axe-core
//! audit, no horizontal scrolling at 375 px or at 200 % zoom, tap targets, keyboard, the
//! remembered font size / elder mode, and search typed into the box from disk and over http.
//!
//! Where chromium or the node modules are missing the test fails under CI (`CI=true`) and is
//! skipped with a note elsewhere.

use std::path::Path;
use std::process::Command;

use crate::harness::{ROOT, Site};

/// `Some(reason)` when the browser tools are not installed.
pub fn missing_tools() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("{chromium} not found (apt-get install chromium)"));
    }
    if !Path::new(ROOT)
        .join("tests/browser/node_modules/playwright-core")
        .exists()
    {
        return Some("tests/browser/node_modules missing (npm ci --prefix tests/browser)".into());
    }
    None
}

/// Skips (locally) or fails (CI) when the tools are missing; true when the test may run.
pub fn browser_available() -> bool {
    match missing_tools() {
        None => true,
        Some(why) if std::env::var_os("CI").is_some() => {
            panic!("browser test cannot run in CI: {why}")
        }
        Some(why) => {
            eprintln!("skipped: {why}");
            let mut skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
            if skipped.is_empty() {
                // Printed after the test summary, which libtest does not let a test extend.
                unsafe { libc::atexit(report_skipped) };
            }
            skipped.push(why);
            false
        }
    }
}

static SKIPPED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

extern "C" fn report_skipped() {
    use std::io::Write;
    let skipped = SKIPPED.lock().unwrap_or_else(|e| e.into_inner());
    let _ = writeln!(
        std::io::stderr(),
        "\n=== WARNING: {} browser test(s) were SKIPPED, not run ===\n{}\nEnable them: npm ci --prefix tests/browser (and apt-get install chromium); CI=true makes them fail instead.\n",
        skipped.len(),
        skipped.join("\n")
    );
}

#[test]
fn theme_in_chromium() {
    if !browser_available() {
        return;
    }
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let shots = Path::new(ROOT).join("target/screenshots/theme");
    let out = Command::new("node")
        .arg(Path::new(ROOT).join("tests/browser/theme.mjs"))
        .arg(s.file("output/site"))
        .arg(&shots)
        .arg("机械伤害")
        .arg("")
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "theme.mjs failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json from theme.mjs");

    for p in r["pages"].as_array().unwrap() {
        let at = format!("{} at {} px", p["page"], p["width"]);
        assert_eq!(p["overflow"], false, "{at}: horizontal scrolling");
        let serious: Vec<_> = p["axe"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["impact"] == "serious" || v["impact"] == "critical")
            .collect();
        assert!(serious.is_empty(), "{at}: axe violations {serious:?}");
        assert!(
            p["small"].as_array().unwrap().is_empty(),
            "{at}: tap targets under 44 px: {}",
            p["small"]
        );
        assert!(shots.join(p["shot"].as_str().unwrap()).exists());
    }
    for z in r["zoom200"].as_array().unwrap() {
        assert_eq!(
            z["overflow"], false,
            "{} scrolls sideways at 200 % zoom",
            z["page"]
        );
    }
    assert_eq!(r["keyboard"]["text"], "跳到正文");
    assert_eq!(r["keyboard"]["href"], "#main");
    assert_eq!(r["fontSize"]["size"], "l");
    assert_eq!(r["fontSize"]["elder"], true);
    // 长辈版 with 大: never smaller than 大 alone.
    assert_eq!(r["fontSize"]["px"], "24px");
    // "机械伤害" is in the title of one case and the body of another: both are found, the title
    // match first, with the term highlighted.
    for how in ["file", "http"] {
        let sr = &r["search"][how];
        let titles: Vec<&str> = sr["titles"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t.as_str())
            .collect();
        assert_eq!(titles.len(), 2, "{how}: {sr}");
        assert!(titles[0].contains("机械伤害事故警示案例"), "{how}: {sr}");
        assert!(
            sr["marks"].as_u64().unwrap() >= 2,
            "{how}: no highlight: {sr}"
        );
        assert!(
            sr["status"].as_str().unwrap().contains("共找到 2 篇"),
            "{how}: {sr}"
        );
        assert!(
            sr["firstHref"]
                .as_str()
                .unwrap()
                .ends_with("cases/jiancai-jixie.html"),
            "{how}: {sr}"
        );
    }
}
