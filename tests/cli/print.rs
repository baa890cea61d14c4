//! Mail merge and print: `print/<slug>.html` (one A4 sheet per roster row), the delivery
//! register, roster errors, and the printed result as Chromium makes it (PDF checked with
//! poppler's pdfinfo/pdftotext, installed by `.ci/run`).

use std::path::Path;
use std::process::Command;

use crate::harness::{ROOT, Site, snapshot};
use crate::html::{attr, elements};

/// Skips (locally) or fails (CI) when chromium or poppler are missing.
pub fn pdf_tools() -> bool {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let missing = if !Path::new(&chromium).exists() {
        Some(format!("{chromium} not found (apt-get install chromium)"))
    } else if Command::new("pdftotext").arg("-v").output().is_err() {
        Some("pdftotext not found (apt-get install poppler-utils)".into())
    } else {
        None
    };
    match missing {
        None => true,
        Some(why) if std::env::var_os("CI").is_some() => panic!("PDF test cannot run in CI: {why}"),
        Some(why) => {
            eprintln!("skipped: {why}");
            false
        }
    }
}

/// Prints `html` to `pdf` with headless Chromium, using the page's own `@page` size and margins.
pub fn print_pdf(html: &Path, pdf: &Path) {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        pdf.exists(),
        "chromium wrote no PDF:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

pub fn pdf_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&out.stdout);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count from pdfinfo")
}

pub fn pdf_page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-f", &p, "-l", &p])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    // Chinese text may be broken over lines; compare without whitespace.
    String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The first column of a CSV roster, data rows only.
fn names(csv: &str) -> Vec<String> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect()
}

#[test]
fn mail_merged_letters_print_one_page_per_enterprise() {
    if !pdf_tools() {
        return;
    }
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let roster =
        std::fs::read_to_string(Path::new(ROOT).join("content/data/enterprises.csv")).unwrap();
    let names = names(roster.trim_start_matches('\u{feff}'));
    assert_eq!(names.len(), 30);
    for slug in ["gaozhishu", "chengnuoshu"] {
        let pdf = s.file(&format!("{slug}.pdf"));
        print_pdf(&s.file(&format!("output/print/{slug}.html")), &pdf);
        assert_eq!(pdf_pages(&pdf), names.len(), "{slug}: one page per row");
        for (k, name) in names.iter().enumerate() {
            let text = pdf_page_text(&pdf, k + 1);
            assert!(
                text.contains(name.as_str()),
                "{slug} page {}: missing {name}:\n{text}",
                k + 1
            );
            assert!(
                !text.contains("{{"),
                "{slug} page {}: unfilled placeholder",
                k + 1
            );
            assert!(
                text.contains("一式四份"),
                "{slug} page {}: copies remark",
                k + 1
            );
            assert!(text.contains("送达回执"), "{slug} page {}: receipt", k + 1);
            if k > 0 {
                assert!(
                    !text.contains(names[k - 1].as_str()),
                    "page {} shows the previous row",
                    k + 1
                );
            }
        }
    }
    if let Some(dir) = std::env::var_os("XUANGUAN_SCREENSHOTS") {
        let _ = Command::new("pdftoppm")
            .args(["-r", "60", "-png", "-f", "1", "-l", "2"])
            .arg(s.file("gaozhishu.pdf"))
            .arg(Path::new(&dir).join("gaozhishu"))
            .status();
    }
}

/// A fixture site with a letter over `content/data/r.csv`.
fn letter_site(body: &str, csv: &str) -> Site {
    let s = Site::fixture("minimal");
    s.write(
        "content/letters/x.md",
        &format!(
            "---\ntype: form\ntitle: 告知书\nissuer: 测试乡安办\ndate: 2026-03-02\nroster: r.csv\ncopies: 2\ndisclosure: 主动公开\n---\n\n{body}\n"
        ),
    );
    s.write("content/data/r.csv", csv);
    s
}

#[test]
fn placeholders_are_filled_escaped_and_registered() {
    let s = letter_site(
        "{{单位名称}}：\n\n请{{负责人}}于{{blank}}前签收。\n",
        "单位名称,负责人\n甲公司,张三\n\"<script>alert(1)</script>\",\"\"\"><img src=x onerror=alert(1)>\"\n",
    );
    s.run(&["build"]).ok();
    let html = s.read("output/print/x.html");
    let sheets = elements(&html)
        .into_iter()
        .filter(|(t, a)| t == "section" && attr(a, "class").as_deref() == Some("sheet"))
        .count();
    assert_eq!(sheets, 2);
    assert!(html.contains("甲公司：") && html.contains("请张三于"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>alert"), "cell not escaped");
    assert!(!html.contains("<img src=x"), "cell not escaped");
    assert!(html.contains("本告知书一式二份。"), "copies remark");
    assert!(
        html.contains(r#"<span class="blank"></span>"#),
        "{{blank}} shortcode"
    );
    // The site page shows labelled blanks and links to the print pages.
    let page = s.read("output/letters/x.html");
    assert!(page.contains(r#"<span class="field" title="逐户套打时填入">单位名称</span>"#));
    assert!(page.contains("print/x.html") && page.contains("print/x-register.html"));
    let reg = s.read("output/print/x-register.html");
    assert!(reg.contains(">送达日期</th>") && reg.contains("&lt;script&gt;"));
    let csv = s.read("output/print/x-register.csv");
    assert!(
        csv.starts_with(
            "\u{feff}序号,单位名称,负责人,送达日期,签收人,备注\r\n1,甲公司,张三,,,\r\n"
        )
    );
    assert_eq!(csv.lines().count(), 3);
}

#[test]
fn roster_mistakes_name_file_row_and_column_and_keep_output() {
    let s = letter_site(
        "{{单位名称}}：\n\n请{{负责人}}签收。\n",
        "单位名称,负责人\n甲公司,张三\n",
    );
    s.run(&["build"]).ok();
    let before = snapshot(&s.file("output"));

    // A placeholder that is no column: located in the letter, naming the roster's columns.
    s.write(
        "content/letters/x.md",
        &s.read("content/letters/x.md")
            .replace("{{负责人}}", "{{联系人}}"),
    );
    let r = s.run(&["build"]).fails(1);
    assert!(
        r.stderr.contains("content/letters/x.md:13:2"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/data/r.csv 中没有“联系人”这一列"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("单位名称、负责人"), "{}", r.stderr);
    assert_eq!(snapshot(&s.file("output")), before);

    // An empty cell of a used column: the roster's row and column.
    s.write(
        "content/letters/x.md",
        &s.read("content/letters/x.md")
            .replace("{{联系人}}", "{{负责人}}"),
    );
    s.write(
        "content/data/r.csv",
        "单位名称,负责人\n甲公司,张三\n乙公司,\n",
    );
    let r = s.run(&["build"]).fails(1);
    assert!(r.stderr.contains("content/data/r.csv:3:5"), "{}", r.stderr);
    assert!(
        r.stderr.contains("第 3 行“负责人”一栏是空的"),
        "{}",
        r.stderr
    );
    assert_eq!(snapshot(&s.file("output")), before);

    // A missing roster file, and one outside content/data.
    s.write("content/data/r.csv", "单位名称,负责人\n甲公司,张三\n");
    for (value, words) in [
        ("nope.csv", "找不到名单文件 content/data/nope.csv"),
        ("../../campaign.yaml", "不在 content/data 文件夹里"),
        ("/etc/passwd", "不在 content/data 文件夹里"),
    ] {
        s.write(
            "content/letters/x.md",
            &s.read("content/letters/x.md")
                .lines()
                .map(|l| {
                    if l.starts_with("roster:") {
                        format!("roster: {value}")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let r = s.run(&["build"]).fails(1);
        assert!(
            r.stderr.contains("content/letters/x.md:6:1"),
            "{value}: {}",
            r.stderr
        );
        assert!(r.stderr.contains(words), "{value}: {}", r.stderr);
        assert_eq!(snapshot(&s.file("output")), before);
    }
}

#[cfg(unix)]
#[test]
fn roster_symlinked_out_of_the_site_is_refused() {
    let s = letter_site("{{单位名称}}：\n", "单位名称\n甲公司\n");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.csv"), "单位名称\n机密\n").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.csv"),
        s.file("content/data/link.csv"),
    )
    .unwrap();
    s.write(
        "content/letters/x.md",
        &s.read("content/letters/x.md")
            .replace("roster: r.csv", "roster: link.csv"),
    );
    let r = s.run(&["build"]).fails(1);
    assert!(r.stderr.contains("指向站点以外"), "{}", r.stderr);
    assert!(!s.file("output").exists());
}

#[test]
fn yaml_roster_merges_too() {
    let s = letter_site("{{单位名称}}（{{所属村}}）：\n", "");
    std::fs::remove_file(s.file("content/data/r.csv")).unwrap();
    s.write(
        "content/data/r.yaml",
        "- 单位名称: 甲公司\n  所属村: 东山村\n- 单位名称: 乙公司\n  所属村: 西河村\n",
    );
    s.write(
        "content/letters/x.md",
        &s.read("content/letters/x.md")
            .replace("roster: r.csv", "roster: r.yaml"),
    );
    s.run(&["build"]).ok();
    let html = s.read("output/print/x.html");
    assert!(html.contains("甲公司（东山村）：") && html.contains("乙公司（西河村）："));
}
