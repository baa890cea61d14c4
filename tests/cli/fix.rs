//! `xuanguan check --fix`: the diff of the mechanical corrections, written only with `--yes`
//! (never from a pipe without it), never inside code, URLs, link targets or front-matter
//! values that are not text; a second run changes nothing. On the imported seeds: fewer
//! findings, and the built pages' text unchanged except the corrected marks.

use std::path::Path;

use crate::harness::Site;
use crate::import::seed;

const NEWS: &str = "---
title: 工作动态
date: 2026-05-12
tags: [培训,宣传]
---

今天,东山村(社区)召开会议,,学习测安委[2026]3号文件:要求\"全员参与\".

代码 `a,b` 与网址 https://x.cn/a,b 和[链接](../pages/about.md \"甲,乙\")不改,还有（乡安办牵头，各村负责)。
";

fn site() -> Site {
    let s = Site::fixture("minimal");
    s.write("content/news/dongtai.md", NEWS);
    s
}

#[test]
fn without_yes_the_diff_is_shown_and_nothing_is_written() {
    let s = site();
    // check and build say how many findings --fix can correct.
    let r = s.run(&["check", "."]).fails(1);
    assert!(
        r.stdout
            .contains("处可以自动改正：运行 xuanguan check --fix"),
        "{}",
        r.stdout
    );
    let r = s.run(&["build", "."]).ok();
    assert!(r.stderr.contains("处可以自动改正"), "{}", r.stderr);
    let r = s.run(&["check", ".", "--fix"]).ok();
    assert!(
        r.stdout
            .contains("content/news/dongtai.md:7:3\n  - 今天,东山村(社区)召开会议,,"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "  + 今天，东山村（社区）召开会议，学习测安委〔2026〕3号文件：要求“全员参与”。"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("可自动改正"), "{}", r.stdout);
    assert!(r.stderr.contains("check --fix --yes"), "{}", r.stderr);
    assert_eq!(s.read("content/news/dongtai.md"), NEWS);
}

#[test]
fn with_yes_the_fixes_are_written_once_and_only_in_the_text() {
    let s = site();
    s.run(&["check", ".", "--fix", "--yes"]).ok();
    let after = s.read("content/news/dongtai.md");
    let want = NEWS
        .replace(
            "今天,东山村(社区)召开会议,,学习测安委[2026]3号文件:要求\"全员参与\".",
            "今天，东山村（社区）召开会议，学习测安委〔2026〕3号文件：要求“全员参与”。",
        )
        .replace(
            "不改,还有（乡安办牵头，各村负责)",
            "不改，还有（乡安办牵头，各村负责）",
        );
    assert_eq!(after, want);
    // Code, URLs, link targets and titles and the tag list are as written.
    assert!(after.contains("`a,b` 与网址 https://x.cn/a,b 和[链接](../pages/about.md \"甲,乙\")"));
    assert!(after.contains("tags: [培训,宣传]"));
    let again = s.run(&["check", ".", "--fix", "--yes"]).ok();
    assert!(
        again.stdout.contains("没有可以自动改正的问题"),
        "{}",
        again.stdout
    );
    assert_eq!(s.read("content/news/dongtai.md"), want);
}

/// `标题：` makes the whole front matter unreadable: --fix writes the colon the loader
/// wants, then fixes the title and body as in any file.
#[test]
fn a_full_width_colon_after_a_key_is_fixed_and_the_file_then_reads() {
    let s = site();
    s.write(
        "content/news/maohao.md",
        "---\n标题：东山村,西山村联合培训\n日期: 2026-05-12\n---\n\n今天,两村联合培训。\n",
    );
    let before = s.run(&["check", "."]).fails(1);
    assert!(
        before
            .stdout
            .contains("content/news/maohao.md:2:3: 错误[front-matter]"),
        "{}",
        before.stdout
    );
    let r = s.run(&["check", ".", "--fix", "--yes"]).ok();
    assert!(
        r.stdout.contains("content/news/maohao.md:2:3"),
        "{}",
        r.stdout
    );
    assert_eq!(
        s.read("content/news/maohao.md"),
        "---\n标题: 东山村，西山村联合培训\n日期: 2026-05-12\n---\n\n今天，两村联合培训。\n"
    );
    let after = s.run(&["check", "."]).stdout;
    assert!(!after.contains("maohao.md"), "{after}");
}

#[test]
fn line_ends_and_bom_of_a_windows_file_are_kept() {
    let s = site();
    let crlf = format!("\u{FEFF}{}", NEWS.replace('\n', "\r\n"));
    s.write("content/news/dongtai.md", &crlf);
    s.run(&["check", ".", "--fix", "--yes"]).ok();
    let after = s.read("content/news/dongtai.md");
    assert!(after.starts_with('\u{FEFF}'));
    assert_eq!(after.matches("\r\n").count(), crlf.matches("\r\n").count());
    assert!(after.contains("今天，东山村（社区）"), "{after}");
}

/// Every page of the public site as text (tags removed), by path.
fn page_texts(dir: &Path) -> Vec<(String, String)> {
    crate::harness::snapshot(dir)
        .into_iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .map(|(p, bytes)| {
            let html = String::from_utf8_lossy(&bytes);
            let mut text = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    _ if !in_tag => text.push(c),
                    _ => {}
                }
            }
            (p.display().to_string(), text)
        })
        .collect()
}

/// The text with the marks `--fix` corrects read as one: full- and half-width forms alike, a
/// mark typed twice as once, blanks (removed from 文号 and dates) left out.
fn marks_as_one(s: &str) -> String {
    let s = s.replace("&quot;", "\"").replace("&#34;", "\"");
    let mut out = String::new();
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        let c = match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '？' => '?',
            '！' => '!',
            '（' => '(',
            '）' => ')',
            '〔' | '［' | '【' => '[',
            '〕' | '］' | '】' => ']',
            '“' | '”' => '"',
            '。' => '.',
            c => c,
        };
        if out.ends_with(c) && ",;:.".contains(c) {
            continue;
        }
        out.push(c);
    }
    out
}

fn count(s: &Site) -> usize {
    let r = s.run(&["check", ".", "--format", "json"]);
    let v: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
    v.len()
}

#[test]
fn the_imported_seeds_are_fixed_and_their_pages_keep_their_text() {
    let files: Option<Vec<_>> = ["000_", "001_", "002_", "003_", "004_"]
        .iter()
        .map(|p| seed(p))
        .collect();
    let Some(files) = files else {
        return eprintln!("skipped: shared/seeds not found");
    };
    let s = Site::empty();
    let mut args = vec!["import".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    s.run(&args).ok();
    let before = count(&s);
    s.run(&["build", "--today", "2023-05-01"]).ok();
    let pages = page_texts(&s.file("output/site"));
    let r = s.run(&["check", ".", "--fix", "--yes"]).ok();
    let after = count(&s);
    eprintln!(
        "seeds: {before} findings before --fix, {after} after\n{}",
        r.stdout
    );
    assert!(after + 40 <= before, "{before} → {after}\n{}", r.stdout);
    let again = s.run(&["check", ".", "--fix"]).ok();
    assert!(
        again.stdout.contains("没有可以自动改正的问题"),
        "{}",
        again.stdout
    );
    s.run(&["build", "--today", "2023-05-01"]).ok();
    let fixed = page_texts(&s.file("output/site"));
    assert_eq!(pages.len(), fixed.len());
    let mut changed = 0;
    for ((p, a), (q, b)) in pages.iter().zip(&fixed) {
        assert_eq!(p, q);
        changed += usize::from(a != b);
        assert_eq!(
            marks_as_one(a),
            marks_as_one(b),
            "{p}: more than marks changed"
        );
    }
    assert!(changed > 0, "no page changed");
}
