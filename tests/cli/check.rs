//! `xuanguan check`: the lints and the site-consistency checks through the real binary, in
//! both output formats, with their exit codes; and `build` running the same checks.

use crate::harness::Site;

const NOTICE: &str = "---
type: notice
title: 测试镇人民政府关于开展安全生产宣传活动的通知
doc_no: 测安委〔2026〕2号
issuer: 测试镇人民政府
date: 2026-03-05
addressees: [各村委会, 镇直各单位]
disclosure: 主动公开
---
各村要组织全体干部职工持续深入学习，并纳入纳入党委理论中心组学习内容。

详见[工作动态](../news/meiyou.md)和[附件](/static/fangan.pdf)。

![宣传栏](/static/meiyou.png)

<!-- gwlint-disable-next-line repeated-char -->
最近要求报送标标企业名单。

截止目前已完成自查。
";

/// The minimal fixture with its notice completed (gongwen §10 fields) and a page without the
/// spaced phone number, so that only what a test writes is reported.
fn clean_site() -> Site {
    let s = Site::fixture("minimal");
    let n = s.read("content/notices/dongyuan.md");
    s.write(
        "content/notices/dongyuan.md",
        &n.replace(
            "doc_no:",
            "issuer: 测试乡人民政府\ndisclosure: 主动公开\ndoc_no:",
        ),
    );
    let p = s.read("content/pages/about.md");
    s.write(
        "content/pages/about.md",
        &p.replace("电话 0000", "电话0000"),
    );
    let r = s.run(&["check", "."]).ok();
    assert!(r.stdout.contains("未发现问题"), "{}", r.stdout);
    s
}

fn site_with_notice() -> Site {
    let s = clean_site();
    s.write("content/notices/bad.md", NOTICE);
    s
}

#[test]
fn example_campaign_is_clean() {
    let r = Site::example().run(&["check", "."]).ok();
    assert!(r.stdout.contains("未发现问题"), "{}", r.stdout);
}

#[test]
fn text_report_groups_by_file_with_caret_and_exits_1() {
    let s = site_with_notice();
    let r = s.run(&["check", "."]).fails(1);
    let out = &r.stdout;
    assert!(
        out.contains("content/notices/bad.md:10:20: 错误[repeated-word]: 词语重复：“纳入纳入”"),
        "{out}"
    );
    // The caret sits under 纳: 19 CJK characters (38 columns) after the gutter.
    let line = out
        .lines()
        .position(|l| l.contains("| 各村要组织"))
        .expect("source line");
    let caret = out.lines().nth(line + 1).unwrap();
    let gutter = caret.find('|').unwrap() + 2;
    assert_eq!(
        &caret[gutter..],
        format!("{}{}", " ".repeat(38), "^".repeat(8))
    );
    assert!(out.contains("修改建议：删除重复的“纳入”"));
    for lint in [
        "broken-link",
        "missing-attachment",
        "missing-image",
        "word-list",
    ] {
        assert!(out.contains(&format!("[{lint}]")), "{lint} missing:\n{out}");
    }
    assert!(
        !out.contains("repeated-char"),
        "suppressed by comment:\n{out}"
    );
}

#[test]
fn json_is_one_array_with_site_relative_paths() {
    let s = site_with_notice();
    let r = s.run(&["check", ".", "--format", "json"]).fails(1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let arr = v.as_array().expect("array");
    assert!(arr.len() >= 5);
    for d in arr {
        let mut keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["col", "line", "lint", "message", "path", "severity"]);
    }
    let first = arr.iter().find(|d| d["lint"] == "repeated-word").unwrap();
    assert_eq!(first["path"], "content/notices/bad.md");
    assert_eq!(
        (first["line"].as_u64(), first["col"].as_u64()),
        (Some(10), Some(20))
    );
    assert_eq!(first["severity"], "error");
    let img = arr.iter().find(|d| d["lint"] == "missing-image").unwrap();
    assert_eq!(img["line"], 14);
}

#[test]
fn warnings_alone_exit_0() {
    let s = clean_site();
    s.write("content/notices/w.md", &NOTICE.replace("纳入纳入", "纳入").replace("详见[工作动态](../news/meiyou.md)和[附件](/static/fangan.pdf)。\n\n![宣传栏](/static/meiyou.png)\n", ""));
    let r = s.run(&["check", ".", "--format", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let lints: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == "content/notices/w.md")
        .map(|d| d["lint"].as_str().unwrap())
        .collect();
    assert_eq!(lints, ["word-list"]);
}

#[test]
fn front_matter_errors_are_reported_in_json_too() {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/bad.md",
        "---\ntitle: 甲\ndate: 2026-02-30\n---\n正文。\n",
    );
    let r = s.run(&["check", ".", "--format", "json"]).fails(1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let d = &v.as_array().unwrap()[0];
    assert_eq!(
        (d["path"].as_str(), d["line"].as_u64()),
        (Some("content/news/bad.md"), Some(3))
    );
}

#[test]
fn build_prints_findings_and_fails_only_under_strict() {
    let s = site_with_notice();
    let r = s.run(&["build", ".", "--today", "2026-05-20"]).ok();
    assert!(r.stderr.contains("[repeated-word]"), "{}", r.stderr);
    assert!(r.stderr.contains("忽略 1 处检查"), "{}", r.stderr);
    let before = s.read("output/site/index.html");
    s.write(
        "content/notices/bad.md",
        &NOTICE.replace("测试镇人民政府关于", "测试镇政府关于"),
    );
    let r = s
        .run(&["build", ".", "--today", "2026-05-20", "--strict"])
        .fails(1);
    assert!(r.stderr.contains("未生成输出"), "{}", r.stderr);
    assert_eq!(s.read("output/site/index.html"), before, "output untouched");
}

#[test]
fn front_matter_disables_a_lint_for_the_file() {
    let s = clean_site();
    let text = NOTICE.replace(
        "disclosure: 主动公开\n",
        "disclosure: 主动公开\nlint: {disable: [word-list, repeated-word]}\n",
    );
    s.write("content/notices/bad.md", &text);
    let r = s.run(&["check", "."]).fails(1);
    assert!(
        !r.stdout.contains("[word-list]") && !r.stdout.contains("[repeated-word]"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("[broken-link]"), "{}", r.stdout);
}

#[test]
fn check_reports_led_encoding_problems_at_the_slogan() {
    let s = crate::harness::Site::fixture("minimal");
    let text = s
        .read("content/slogans/biaoyu.md")
        .replace("- 安全生产，人人有责", "- 安全生产，人人有责𠀀")
        .replace("phase: xuanchuan\n", "");
    s.write("content/slogans/biaoyu.md", &text);
    let r = s.run(&["check", "--format", "json"]).fails(1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let hit = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "content/slogans/biaoyu.md" && d["severity"] == "error");
    assert!(hit.is_some(), "{}", r.stdout);
    assert_eq!(hit.unwrap()["line"], 5, "{}", r.stdout);
}

/// Two things staff really type used to panic `check` and `build` (exit 101, a backtrace):
/// an ordinal alone on its line, and the empty HTML comments `<!-->` / `<!--->`.
#[test]
fn ordinal_alone_and_empty_comments_do_not_panic() {
    for body in [
        "\n1、\n",
        "\n（一）、\n",
        "\n（一），\n",
        "\n(1)、\n",
        "\n<!-->\n",
        "\n<!--->\n",
        "\n文字<!-->文字<!--->\n",
    ] {
        let s = clean_site();
        let page = s.read("content/pages/about.md");
        s.write("content/pages/about.md", &format!("{page}{body}"));
        for cmd in [&["check", "."][..], &["build", "--today", "2026-05-20"][..]] {
            let r = s.run(cmd);
            assert!(
                r.code == 0 || r.code == 1,
                "{body:?} {cmd:?}: exit {}\n{}",
                r.code,
                r.stderr
            );
            assert!(!r.stderr.contains("panicked"), "{body:?}: {}", r.stderr);
        }
    }
}

/// A site with a front-matter error in one file, an attachment mismatch in another and planted
/// mistakes in a third: one `check` reports all of them, in text and in JSON, and `build`
/// reports the same and leaves no output.
#[test]
fn one_run_reports_every_file_despite_front_matter_and_site_errors() {
    let s = clean_site();
    s.write(
        "content/news/fm.md",
        "---\n标题：甲\ndate: 2026-03-05\n---\n今天,我们召开了了会议。\n",
    );
    s.write(
        "content/news/other.md",
        "---\ntitle: 乙新闻\ndate: 2026-03-05\n---\n各村要落实，，确保安全。\n",
    );
    s.write(
        "content/notices/yinfa.md",
        "---\ntype: notice\ntitle: 测试乡人民政府关于印发方案的通知\ndoc_no: 测安委〔2026〕3号\nissuer: 测试乡人民政府\ndate: 2026-03-05\naddressees: [各村委会]\ndisclosure: 主动公开\nattachments: [不存在的方案]\n---\n并纳入纳入党委学习内容。\n",
    );
    let want = [
        ("content/news/fm.md", 2, 3, "front-matter"),
        ("content/news/fm.md", 5, 3, "halfwidth-punct"),
        ("content/news/fm.md", 5, 8, "repeated-char"),
        ("content/news/other.md", 5, 7, "repeated-punct"),
        ("content/notices/yinfa.md", 9, 15, "attachment-mismatch"),
        ("content/notices/yinfa.md", 11, 2, "repeated-word"),
    ];
    let text = s.run(&["check"]).fails(1).stdout;
    for (path, line, col, lint) in want {
        let at = format!("{path}:{line}:{col}: ");
        assert!(
            text.lines()
                .any(|l| l.starts_with(&at) && l.contains(&format!("[{lint}]"))),
            "{at}{lint} missing:\n{text}"
        );
    }
    assert!(!text.contains(":0:"), "nothing at 0:0:\n{text}");
    let json = s.run(&["check", "--format", "json"]).fails(1).stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let got: Vec<(String, u64, u64, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["col"].as_u64().unwrap(),
                d["lint"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (path, line, col, lint) in want {
        let w = (path.to_string(), line, col, lint.to_string());
        assert!(got.contains(&w), "{w:?} missing from JSON:\n{json}");
    }
    assert_eq!(
        got.len(),
        text.lines().filter(|l| l.starts_with("content/")).count()
    );
    // `build` shows the same errors and writes nothing.
    let r = s.run(&["build"]).fails(1);
    for (path, line, col, _) in want.iter().filter(|w| w.3 != "repeated-char") {
        assert!(
            r.stderr.contains(&format!("{path}:{line}:{col}: ")),
            "{}",
            r.stderr
        );
    }
    assert!(!s.file("output").exists());
    // Fixing the front matter leaves the other findings exactly as they were.
    s.write(
        "content/news/fm.md",
        "---\ntitle: 甲\ndate: 2026-03-05\n---\n今天,我们召开了了会议。\n",
    );
    let again = s.run(&["check"]).fails(1).stdout;
    assert!(!again.contains("[front-matter]"), "{again}");
    assert!(
        again.contains("content/news/fm.md:5:3: 错误[halfwidth-punct]"),
        "{again}"
    );
    assert!(again.contains("[attachment-mismatch]") && again.contains("[repeated-word]"));
}

/// A mistyped lint id in a suppression comment is an error at the id, in text and JSON, with
/// the closest valid id; the finding it meant to silence is reported.
#[test]
fn an_unknown_lint_id_in_a_suppression_is_an_error_at_the_id() {
    let s = clean_site();
    s.write(
        "content/notices/bad.md",
        &NOTICE.replace("repeated-char -->", "repeated-chr -->"),
    );
    let r = s.run(&["check", "."]).fails(1);
    let out = &r.stdout;
    assert!(
        out.contains(
            "content/notices/bad.md:16:31: 错误[unknown-lint]: 没有名为“repeated-chr”的检查规则"
        ),
        "{out}"
    );
    assert!(out.contains("是不是想写“repeated-char”"), "{out}");
    assert!(
        out.contains("content/notices/bad.md:17:7: 警告[repeated-char]"),
        "{out}"
    );
    let r = s.run(&["check", ".", "--format", "json"]).fails(1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let d = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["lint"] == "unknown-lint")
        .expect("unknown-lint in JSON");
    assert_eq!(
        (
            d["line"].as_u64(),
            d["col"].as_u64(),
            d["severity"].as_str()
        ),
        (Some(16), Some(31), Some("error"))
    );
}

#[test]
fn a_doc_number_two_documents_share_is_reported_at_each() {
    let s = Site::example();
    let first = s.read("content/notices/peixun-tongzhi.md");
    // The notice saved a second time under another name, with its own slug.
    let copy = first.replace("slug: peixun-tongzhi\n", "slug: peixun-tongzhi-2\n");
    s.write("content/notices/peixun-tongzhi-copy.md", &copy);
    let line = first
        .lines()
        .position(|l| l.starts_with("doc_no:"))
        .unwrap()
        + 1;
    let r = s.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    for (path, line, other) in [
        (
            "content/notices/peixun-tongzhi.md",
            line,
            "content/notices/peixun-tongzhi-copy.md",
        ),
        (
            "content/notices/peixun-tongzhi-copy.md",
            line,
            "content/notices/peixun-tongzhi.md",
        ),
    ] {
        let at = format!(
            "{path}:{line}:9: 错误[docno-duplicate]: 文号“青安办〔2026〕9号”与 {other} 重复"
        );
        assert!(r.stdout.contains(&at), "{at}\n{}", r.stdout);
    }
    // Another number, no finding.
    s.write(
        "content/notices/peixun-tongzhi-copy.md",
        &copy.replace("〔2026〕9号", "〔2026〕10号"),
    );
    assert!(!s.run(&["check"]).stdout.contains("docno-duplicate"));
}

#[test]
fn rules_are_listed_and_explained_in_chinese() {
    let s = Site::empty();
    let r = s.run(&["check", "--rules"]).ok();
    assert!(r.stdout.contains("repeated-word") && r.stdout.contains("词语连续重复"));
    assert!(r.stdout.contains("docno-duplicate"), "{}", r.stdout);
    let r = s.run(&["check", "--explain", "halfwidth-punct"]).ok();
    assert!(r.stdout.contains("今天,我们 → 今天，我们"), "{}", r.stdout);
    let r = s.run(&["check", "--explain", "halfwidth-pnct"]).fails(1);
    assert!(
        r.stderr.contains("是不是想写“halfwidth-punct”"),
        "{}",
        r.stderr
    );
}
