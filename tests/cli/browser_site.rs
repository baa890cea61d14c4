//! The public site and the dashboard in chromium (`tests/browser/site.mjs`): dates computed in
//! the browser from the day in Beijing time, search by 文号 and issuer, 404.html at any depth,
//! and every page kind readable (axe-core, tables, charts, dates, nav, footer, font sizes) in
//! standard and 长辈版 at phone and desktop width. Screenshots in `target/screenshots/site/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::browser::browser_available;
use crate::harness::{ROOT, Site};

fn shots() -> PathBuf {
    Path::new(ROOT).join("target/screenshots/site")
}

/// Runs `site.mjs MODE` on the build of `s`; its JSON.
fn node(mode: &str, s: &Site, extra: &[&str], env: &[(&str, String)]) -> Value {
    let out = Command::new("node")
        .arg(Path::new(ROOT).join("tests/browser/site.mjs"))
        .arg(mode)
        .arg(s.file("output"))
        .arg(shots())
        .args(extra)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "site.mjs {mode} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json from site.mjs")
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect()
}

#[test]
fn dates_follow_the_day_the_page_is_read_in_beijing_time() {
    if !browser_available() {
        return;
    }
    let s = Site::example();
    // Built on 2026-11-23 (强化学习培训, 38 days left): what a page shows without JavaScript.
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let r = node("dates", &s, &[], &[]);
    let (d, u) = ("已完成", "未开始");
    let expect = [
        (
            "2026-09-10T02:00:00Z",
            "造强宣传声势",
            "距截止还有 20 天",
            ["进行中", u, u, u],
        ),
        // 2027-02-27 in UTC (and in the browser's Los Angeles), 02-28 in Beijing.
        (
            "2027-02-27T17:00:00Z",
            "推广示范典型",
            "距截止还有 31 天",
            [d, d, "进行中", u],
        ),
        (
            "2027-08-31T10:00:00Z",
            "宣传长效机制",
            "今天截止",
            [d, d, d, "进行中"],
        ),
    ];
    for (utc, phase, days, timeline) in expect {
        for page in ["home", "dashboard"] {
            let got = &r["at"][utc][page];
            assert_eq!(
                strs(&got["shown"]),
                [format!("当前阶段：{phase}")],
                "{page} {utc}"
            );
            assert_eq!(strs(&got["days"]), [days], "{page} {utc}");
            assert_eq!(strs(&got["timeline"]), timeline, "{page} {utc}");
        }
    }
    for a in r["audit"].as_array().unwrap() {
        assert_eq!(
            a["axe"].as_array().unwrap().len(),
            0,
            "dashboard at {}: {}",
            a["width"],
            a["axe"]
        );
        assert_eq!(
            a["overflow"], false,
            "dashboard at {} scrolls sideways",
            a["width"]
        );
    }
    let fallback = &r["noscript"];
    assert_eq!(strs(&fallback["shown"]), ["当前阶段：强化学习培训"]);
    assert_eq!(strs(&fallback["days"]), ["距截止还有 38 天"]);
}

#[test]
fn search_finds_doc_numbers_and_issuers_and_every_suggested_word() {
    if !browser_available() {
        return;
    }
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let r = node("search", &s, &[], &[]);
    for how in ["file", "http"] {
        let r = &r[how];
        for q in ["docNo", "docNoTyped"] {
            let titles = strs(&r[q]["titles"]);
            assert!(
                titles
                    .first()
                    .is_some_and(|t| t.contains("举办安全生产标准化提升专题培训班")),
                "{how} {q}: {}",
                r[q]
            );
            assert!(strs(&r[q]["metas"])[0].contains("青安办〔2026〕9号"));
        }
        let issuer = strs(&r["issuer"]["titles"]);
        assert!(
            issuer.iter().any(|t| t.contains("印发")) && issuer.len() >= 2,
            "{how}: {issuer:?}"
        );
        let snippets = strs(&r["placeholders"]["snippets"]);
        assert!(!snippets.is_empty(), "{how}: {}", r["placeholders"]);
        for sn in snippets {
            assert!(!sn.contains("{{") && !sn.contains("}}"), "{how}: {sn}");
        }
        let suggested = r["suggested"].as_array().unwrap();
        assert!(!suggested.is_empty(), "{how}: no suggested words");
        for sg in suggested {
            assert!(
                !strs(&sg["titles"]).is_empty(),
                "{how}: suggested “{}” finds nothing",
                sg["word"]
            );
            assert!(
                r["placeholder"]
                    .as_str()
                    .unwrap()
                    .contains(sg["word"].as_str().unwrap())
            );
        }
    }
}

/// Checks one 404 visit: the styled page, every link answering 200.
fn check_missing(v: &Value, host: &str) {
    assert_eq!(v["status"], 404, "{host} {}", v["rel"]);
    assert!(v["title"].as_str().unwrap().starts_with("页面不存在"));
    assert_ne!(
        v["styled"], "rgba(0, 0, 0, 0)",
        "{host} {}: the stylesheet did not load",
        v["rel"]
    );
    assert!(v["links"].as_array().unwrap().len() >= 5, "{v}");
    assert!(
        v["broken"].as_array().unwrap().is_empty(),
        "{host} {}: {}",
        v["rel"],
        v["broken"]
    );
}

#[test]
fn not_found_page_works_at_any_depth_on_a_static_host_and_under_serve() {
    if !browser_available() {
        return;
    }
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let server = crate::serve::Server::start(&s);
    let base = format!("http://127.0.0.1:{}/", server.port);
    let r = node("notfound", &s, &[&base], &[]);
    for v in r["host"].as_array().unwrap() {
        check_missing(v, "static host under /zt/aqbzh/");
    }
    assert_eq!(r["serve"].as_array().unwrap().len(), 2);
    for v in r["serve"].as_array().unwrap() {
        check_missing(v, "serve");
    }
}

/// One page of every kind the example has.
const KINDS: [&str; 19] = [
    "index.html",
    "notices/index.html",
    "notices/peixun-tongzhi.html",
    "notices/xuanguan-fangan.html",
    "letters/yifengxin.html",
    "letters/gaozhishu.html",
    "letters/chengnuoshu.html",
    "slogans/biaoyu.html",
    "cases/jiancai-jixie.html",
    "news/dongyuanhui.html",
    "pages/about.html",
    "types/notice.html",
    "phases/xuanchuan.html",
    "units/anban.html",
    "tags/index.html",
    "progress.html",
    "search.html?q=标准化",
    "404.html",
    "news/index.html",
];

#[test]
fn every_page_kind_readable_in_chromium() {
    if !browser_available() {
        return;
    }
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let pages = serde_json::to_string(&KINDS).unwrap();
    let r = node("readable", &s, &[], &[("PAGES", pages)]);
    let all = r["pages"].as_array().unwrap();
    assert_eq!(all.len(), KINDS.len() * 4);
    // Every problem of every page, reported together.
    let mut problems = Vec::new();
    for p in all {
        let at = format!(
            "{} at {} px{}",
            p["page"],
            p["width"],
            if p["elder"] == true {
                " (长辈版)"
            } else {
                ""
            }
        );
        let list = |k: &str| p[k].as_array().unwrap().clone();
        for (what, found) in [
            ("axe", list("axe")),
            ("squeezed table cells", list("squeezed")),
            ("chart labels under 12 px", list("smallLabels")),
            ("dates broken over two lines", list("wrapped")),
            ("labels broken over lines", list("squeezedLabels")),
        ] {
            if !found.is_empty() {
                problems.push(format!("{at}: {what}: {found:?}"));
            }
        }
        if p["overflow"] != false {
            problems.push(format!("{at}: the page scrolls sideways"));
        }
        if p["footerGap"].as_i64().unwrap().abs() > 1 {
            problems.push(format!(
                "{at}: footer {} px above the bottom",
                p["footerGap"]
            ));
        }
        assert!(shots().join(p["shot"].as_str().unwrap()).exists());
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // 长辈版 was on where asked.
    assert_eq!(
        all.iter().filter(|p| p["elder"] == true).count(),
        KINDS.len() * 2
    );
    // The current section is marked in the nav.
    let current = |page: &str| {
        all.iter()
            .find(|p| p["page"] == page)
            .map(|p| strs(&p["current"]).join(","))
            .unwrap()
    };
    assert_eq!(current("index.html"), "首页");
    assert!(current("notices/peixun-tongzhi.html").contains("通知公告"));
    assert!(current("news/index.html").contains("工作动态"));
    assert!(current("progress.html").contains("工作进展"));
    assert!(current("pages/about.html").contains("关于"));

    // 字号 and 长辈版 enlarge the 公文 and letters too; 长辈版 never shrinks a chosen size.
    let px = |mode: &str, what: &str| r["sizes"][mode][what].as_f64().unwrap();
    for what in ["body", "gongwen", "letter"] {
        assert!(px("l", what) > px("standard", what), "{what}: 大");
        assert!(px("xl", what) > px("l", what), "{what}: 特大");
        assert!(
            px("standard+elder", what) > px("standard", what),
            "{what}: 长辈版"
        );
        for size in ["standard", "l", "xl"] {
            assert!(
                px(&format!("{size}+elder"), what) >= px(size, what),
                "{what}: {size} + 长辈版 smaller than {size}"
            );
        }
    }
}
