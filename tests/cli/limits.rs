//! Bounded resources (issue 10, item 4): pathological nesting builds without overflowing the
//! stack, an oversized document and a 100,000-row roster stop with a message.
//! Peak memory is measured by hand (fuzz/README.md, "Limits").

use crate::harness::{Site, snapshot};

const DEEP: usize = 10_000;

#[test]
fn ten_thousand_deep_nesting_builds_and_checks() {
    let s = Site::fixture("minimal");
    let docs = [
        ("lists", "- ".repeat(DEEP) + "项"),
        ("ordered", "1. ".repeat(DEEP) + "项"),
        ("quotes", ">".repeat(DEEP) + " 引用"),
        ("mixed", "> - 1. ".repeat(DEEP / 3) + "项"),
        (
            "indented",
            (0..DEEP)
                .map(|i| format!("{}- 项\n", "  ".repeat(i % 200)))
                .collect(),
        ),
        ("emphasis", "*".repeat(DEEP) + "强调" + &"*".repeat(DEEP)),
        (
            "strong",
            "**一是".repeat(DEEP / 2) + &"。**".repeat(DEEP / 2),
        ),
        ("links", "[".repeat(DEEP) + "链接" + &"](a)".repeat(DEEP)),
        ("brackets", "“（【".repeat(DEEP)),
    ];
    for (name, body) in &docs {
        s.write(
            &format!("content/news/{name}.md"),
            &format!("---\ntitle: 嵌套{name}\n---\n\n{body}\n"),
        );
    }
    s.run(&["build"]).ok();
    for (name, _) in &docs {
        assert!(
            s.file(&format!("output/site/news/{name}.html")).exists(),
            "{name}"
        );
    }
    let r = s.run(&["check"]);
    assert!(r.code == 0 || r.code == 1, "check crashed:\n{}", r.stderr);
}

#[test]
fn an_oversized_document_stops_with_a_clear_message() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    let before = snapshot(&s.file("output"));
    let para = "安全生产标准化提升专项行动。".repeat(64) + "\n\n";
    let body = para.repeat(17 * 1024 * 1024 / para.len() + 1);
    s.write(
        "content/news/huge.md",
        &format!("---\ntitle: 大\n---\n\n{body}"),
    );
    let r = s.run(&["build"]).fails(1);
    assert!(r.stderr.contains("content/news/huge.md"), "{}", r.stderr);
    assert!(
        r.stderr.contains("超过单篇文档 16 MB 的上限"),
        "{}",
        r.stderr
    );
    assert_eq!(snapshot(&s.file("output")), before);
}

fn roster_site(rows: usize) -> Site {
    let s = Site::fixture("minimal");
    let mut csv = String::from("单位名称,主要负责人,所属村\n");
    for i in 0..rows {
        csv.push_str(&format!("测试企业{i}有限公司,负责人{i},东山村\n"));
    }
    s.write("content/data/big.csv", &csv);
    s.write(
        "content/letters/xin.md",
        "---\ntitle: 致全镇生产经营单位的一封信\nroster: big.csv\n---\n\n{{单位名称}}：\n\n请{{主要负责人}}落实主体责任。\n",
    );
    s
}

/// Rosters stop at 10,000 rows (a print page a browser can still open): 100,000 rows are
/// refused with a located message, quickly and without touching the previous output.
#[test]
fn a_hundred_thousand_row_roster_stops_with_a_clear_message() {
    let s = roster_site(100_000);
    std::fs::remove_file(s.file("content/letters/xin.md")).unwrap();
    s.run(&["build"]).ok();
    let before = snapshot(&s.file("output"));
    let s2 = roster_site(100_000);
    crate::harness::copy_dir(&s2.file("content/letters"), &s.file("content/letters"));
    let r = s.run(&["build"]).fails(1);
    assert!(
        r.stderr.contains("content/data/big.csv:10002:1"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("10000 行的上限"), "{}", r.stderr);
    assert_eq!(snapshot(&s.file("output")), before);
}

#[test]
fn a_ten_thousand_row_roster_builds() {
    let s = roster_site(10_000);
    s.run(&["build"]).ok();
    let page = s.read("output/print/xin.html");
    assert!(page.contains("测试企业9999有限公司") && page.contains("负责人0"));
}

/// Found by the `import` fuzz target: recognising the signature date tried every suffix of
/// every line, so one 2.7 MB line took minutes. Now it is linear.
#[test]
fn importing_one_huge_line_is_linear() {
    let s = Site::empty();
    let line = "安全生产标准化提升专项行动要求各单位认真落实。".repeat(40_000);
    s.write(
        "long.txt",
        &format!(
            "关于开展安全生产宣传的通知\n\n各村：\n\n{line}\n\n青石镇人民政府\n2023年4月6日\n"
        ),
    );
    let started = std::time::Instant::now();
    s.run(&["import", "long.txt", "--into", "site"]).ok();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "import took {:?}",
        started.elapsed()
    );
    assert!(s.file("site/content/notices").exists());
}

/// Reading a saved page asked each node for its subtree's text and its ancestors: a page of
/// 3,000 nested `<div>`s did not finish in ten minutes, and the HTML parser itself is
/// quadratic in the nesting (100,000 levels: 36 s). Now a page nests at most 400 levels, is
/// estimated before parsing, and is read in one pass down and one up.
#[test]
fn deeply_nested_pages_are_refused_at_once_and_nested_ones_read() {
    let s = Site::empty();
    let nested = |n: usize, inner: &str| {
        format!(
            "<html><head><title>t</title></head><body>{}{inner}{}</body></html>",
            "<div>第一段安全生产工作，".repeat(n),
            "</div>".repeat(n)
        )
    };
    s.write("d3k.html", &nested(3_000, ""));
    s.write(
        "d100k.html",
        &format!(
            "<html><body>{}安全{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
    );
    for page in ["d3k.html", "d100k.html"] {
        let started = std::time::Instant::now();
        let out = s.run(&["import", page, "--into", "site"]);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "import of {page} took {:?}",
            started.elapsed()
        );
        let out = out.fails(2);
        assert!(
            out.stderr.contains("网页的元素嵌套超过 400 层"),
            "{}",
            out.stderr
        );
    }
    let notice = "<h1>青石镇人民政府关于开展安全生产宣传的通知</h1><p>各村：</p><p>请认真组织安全生产宣传，营造浓厚氛围，确保宣传覆盖每一家生产经营单位。</p><p>青石镇人民政府</p><p>2023年4月6日</p>";
    s.write(
        "d300.html",
        &format!(
            "<html><body>{}{notice}{}</body></html>",
            "<div>".repeat(300),
            "</div>".repeat(300)
        ),
    );
    s.run(&["import", "d300.html", "--into", "site"]).ok();
    let notices: Vec<_> = std::fs::read_dir(s.file("site/content/notices"))
        .expect("notices written")
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert!(
        notices.len() == 1 && notices[0].contains("issuer: 青石镇人民政府"),
        "{notices:?}"
    );
}
