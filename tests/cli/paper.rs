//! Paper (issue #16): the example's 公文 and mail-merged letters printed to PDF by
//! `xuanguan build --pdf` in Chromium, and read back from the PDF with poppler
//! (`pdftotext -bbox`): page counts, the 版记 at the foot of the last page, the 文号 under the
//! mark, attachments on their own pages, title lines, 署名/日期 by GB/T 9704 7.3.5, one type size
//! per batch, page numbers. Where chromium or poppler are missing the tests fail under CI and
//! are skipped loudly elsewhere (see `print::pdf_tools`).

use std::path::Path;
use std::process::Command;

use crate::harness::{Site, bin, snapshot};
use crate::print::{pdf_page_text, pdf_pages, pdf_tools, pdf_words};

const MM: f64 = 72.0 / 25.4;
/// Bottom of the 版心: 37 mm + 225 mm from the top of the sheet.
const TEXT_BOTTOM: f64 = 262.0;

type Word = (f64, f64, f64, f64, String);

/// `xuanguan build --pdf` with the browser given (or none).
fn build_pdf(s: &Site, browser: &str) -> crate::harness::Run {
    let out = bin()
        .args(["build", "--today", "2026-11-23", "--pdf"])
        .env("XUANGUAN_BROWSER", browser)
        .current_dir(s.path())
        .output()
        .expect("run xuanguan");
    crate::harness::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// The first word on `page` containing `t`.
fn find(words: &[Word], t: &str) -> Option<Word> {
    words.iter().find(|w| w.4.contains(t)).cloned()
}

/// The lines of a page as (y of the line, text), words joined left to right.
fn lines(words: &[Word]) -> Vec<(f64, String)> {
    let mut rows: Vec<(f64, Vec<&Word>)> = Vec::new();
    for w in words {
        match rows.iter_mut().find(|(y, _)| (y - w.3).abs() < 2.0) {
            Some((_, ws)) => ws.push(w),
            None => rows.push((w.3, vec![w])),
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter()
        .map(|(y, mut ws)| {
            ws.sort_by(|a, b| a.0.total_cmp(&b.0));
            (y, ws.iter().map(|w| w.4.as_str()).collect())
        })
        .collect()
}

/// The title lines of a page: the lines set in 2号, 22/16 the size of the 3号 body (word boxes
/// are measured against the page's most common box height: Chromium's CJK glyphs come as
/// Type 3 fonts, whose boxes are taller than the type size).
fn title_lines(words: &[Word]) -> Vec<String> {
    let mut heights: Vec<f64> = words.iter().map(|w| w.3 - w.1).collect();
    heights.sort_by(f64::total_cmp);
    let body = heights[heights.len() / 2];
    let big: Vec<Word> = words
        .iter()
        .filter(|w| (1.25..1.55).contains(&((w.3 - w.1) / body)))
        .cloned()
        .collect();
    lines(&big).into_iter().map(|(_, t)| t).collect()
}

/// Page numbers "— N —" on every page, and the 版记 (its 印发 line) on the last page only, in
/// its lower part, ending at the foot of the text area.
fn assert_record_at_the_foot(pdf: &Path, slug: &str) -> usize {
    let pages = pdf_pages(pdf);
    for p in 1..=pages {
        assert!(
            pdf_page_text(pdf, p).contains(&format!("—{p}—")),
            "{slug} page {p}: no page number"
        );
        let printed = find(&pdf_words(pdf, p), "印发");
        assert_eq!(
            printed.is_some() && pdf_page_text(pdf, p).contains("年8月28日印发")
                || printed.is_some() && pdf_page_text(pdf, p).contains("年10月26日印发"),
            p == pages,
            "{slug}: the 版记 must be on the last page only (page {p} of {pages})"
        );
    }
    let words = pdf_words(pdf, pages);
    let date = words
        .iter()
        .filter(|w| w.4.contains("印发"))
        .max_by(|a, b| a.3.total_cmp(&b.3))
        .expect("印发 line")
        .clone();
    let bottom = date.3 / MM;
    assert!(
        (TEXT_BOTTOM - 12.0..=TEXT_BOTTOM + 0.5).contains(&bottom),
        "{slug}: the 版记 ends {bottom:.1} mm from the top of the last page (the text area ends at {TEXT_BOTTOM} mm)"
    );
    // Text above the 版记: the page does not hold the 版记 alone.
    assert!(
        words
            .iter()
            .any(|w| !w.4.contains('—') && (w.1 + w.3) / 2.0 < date.1),
        "{slug}: the last page holds only the 版记"
    );
    pages
}

/// The issuer centred over the date, the date four characters in from the right of the text
/// area (sealed, the default).
fn assert_sealed_signature(words: &[Word], issuer: &str, date: &str, right: f64) {
    let d = find(words, date).unwrap_or_else(|| panic!("no {date}"));
    // The 署名 is the line right above the date (the 版记 may name the same organ).
    let i = words
        .iter()
        .filter(|w| w.4.contains(issuer) && w.1 + w.3 < d.1 + d.3)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .cloned()
        .unwrap_or_else(|| panic!("no {issuer} above {date}"));
    let centre = |w: &Word| (w.0 + w.2) / 2.0;
    assert!(
        (centre(&i) - centre(&d)).abs() / MM < 2.0,
        "署名 not centred over the date: {i:?} {d:?}"
    );
    let gap = (right - d.2) / MM;
    assert!(
        (19.0..=25.0).contains(&gap),
        "date {gap:.1} mm from the right of the text area, not 右空四字 (22 mm)"
    );
}

#[test]
fn gongwen_and_letters_print_by_the_standard() {
    if !pdf_tools() {
        return;
    }
    let s = Site::example();
    let r = build_pdf(&s, &chromium());
    assert_eq!(r.code, 0, "{}", r.stderr);
    for slug in [
        "yinfa-xuanguan-fangan",
        "peixun-tongzhi",
        "gaozhishu",
        "chengnuoshu",
    ] {
        assert!(
            s.file(&format!("output/print/{slug}.pdf")).exists(),
            "{slug}.pdf not printed:\n{}",
            r.stderr
        );
    }
    assert!(
        r.stderr.contains("已打印 print/peixun-tongzhi.pdf（2 页）"),
        "{}",
        r.stderr
    );
    assert!(
        !s.file("output/site/print").exists(),
        "PDFs in the public site"
    );
    // The staff dashboard links them.
    let dashboard = s.read("output/index.html");
    assert!(
        dashboard.contains("<a href=\"print/peixun-tongzhi.pdf\">PDF"),
        "the dashboard does not link the PDFs"
    );

    // The 培训 notice: two pages, the 版记 at the foot of page 2.
    let pdf = s.file("output/print/peixun-tongzhi.pdf");
    let pages = assert_record_at_the_foot(&pdf, "peixun-tongzhi");
    assert_eq!(pages, 2, "the 培训 notice prints on {pages} pages");
    let titles = title_lines(&pdf_words(&pdf, 1));
    assert!(titles.len() >= 2, "title lines {titles:?}");
    assert_eq!(
        xuanguan::render::led::title::breaks_inside_word(&titles),
        None,
        "{titles:?}"
    );
    // Odd page: the text area ends 28 + 156 mm from the left.
    let last = pdf_words(&pdf, 2);
    assert_sealed_signature(
        &last,
        "青石镇安全生产委员会办公室",
        "2026年10月26日",
        184.0 * MM,
    );

    // The site's own page prints the same way (paper.js measures with the print style sheet
    // switched on when printing starts).
    let web = s.file("peixun-web.pdf");
    crate::print::print_pdf(&s.file("output/site/notices/peixun-tongzhi.html"), &web);
    let pages = assert_record_at_the_foot(&web, "site/notices/peixun-tongzhi.html");
    assert_eq!(
        pages, 2,
        "the 培训 notice's web page prints on {pages} pages"
    );

    // The 印发 notice: its attachments follow, each on its own page under 附件N at the top left.
    let pdf = s.file("output/print/yinfa-xuanguan-fangan.pdf");
    let pages = assert_record_at_the_foot(&pdf, "yinfa-xuanguan-fangan");
    let mut found = Vec::new();
    for p in 1..=pages {
        let words = pdf_words(&pdf, p);
        let rows = lines(&words);
        let Some((y, first)) = rows.iter().find(|(_, t)| !t.is_empty()) else {
            continue;
        };
        if let Some(label) = ["附件1", "附件2", "附件3"].iter().find(|l| first == *l) {
            let w = find(&words, label).unwrap();
            let left = if p % 2 == 1 { 28.0 } else { 26.0 };
            assert!(
                (w.0 / MM - left).abs() < 1.5 && (y / MM) < 37.0 + 12.0,
                "{label} on page {p} not at the top left: {w:?}"
            );
            let titles = title_lines(&words);
            assert!(!titles.is_empty(), "{label}: no title on page {p}");
            assert_eq!(
                xuanguan::render::led::title::breaks_inside_word(&titles),
                None,
                "{label} title {titles:?}"
            );
            found.push(*label);
        }
    }
    assert_eq!(found, ["附件1", "附件2", "附件3"], "attachments in print");
    // Page 1: 文号 two lines under the mark, the title in whole words.
    let words = pdf_words(&pdf, 1);
    let mark = find(&words, "青石镇人民政府文件").expect("mark");
    let no = find(&words, "青政安〔2026〕12号").expect("文号");
    let gap = ((no.1 + no.3) / 2.0 - 8.0 - ((mark.1 + mark.3) / 2.0 + 18.0)) / MM;
    assert!(
        (18.0..=26.0).contains(&gap),
        "文号 {gap:.1} mm under the mark"
    );
    let titles = title_lines(&words);
    assert!(titles.len() >= 2, "{titles:?}");
    assert_eq!(
        xuanguan::render::led::title::breaks_inside_word(&titles),
        None,
        "{titles:?}"
    );
    assert!(
        titles.iter().all(|l| l.chars().count() >= 4),
        "an orphaned title line: {titles:?}"
    );

    // Mail merge: one page per enterprise, one body size per batch.
    for slug in ["gaozhishu", "chengnuoshu"] {
        let pdf = s.file(&format!("output/print/{slug}.pdf"));
        assert_eq!(pdf_pages(&pdf), 30, "{slug}");
        let sizes: std::collections::BTreeSet<i64> = (1..=30)
            .map(|p| {
                let words = pdf_words(&pdf, p);
                let mut h: Vec<i64> = words
                    .iter()
                    .filter(|w| w.4.chars().count() >= 10)
                    .map(|w| ((w.3 - w.1) * 10.0).round() as i64)
                    .collect();
                h.sort_unstable();
                h[h.len() / 2]
            })
            .collect();
        assert_eq!(sizes.len(), 1, "{slug}: body sizes {sizes:?} (0.1 pt)");
        let words = pdf_words(&pdf, 1);
        let (label, date) = (
            find(&words, "签收人（签字）").expect("签收人"),
            find(&words, "签收日期").expect("签收日期"),
        );
        assert!((date.0 - label.2) / MM >= 40.0, "{slug}: no room to sign");
    }
    let pledge = pdf_page_text(&s.file("output/print/chengnuoshu.pdf"), 1);
    assert!(
        !pledge.contains("青石镇安全生产委员会办公室2026年8月28日"),
        "{pledge}"
    );

    if let Some(dir) = std::env::var_os("XUANGUAN_SCREENSHOTS") {
        for slug in ["peixun-tongzhi", "yinfa-xuanguan-fangan"] {
            let _ = Command::new("pdftoppm")
                .args(["-r", "50", "-png"])
                .arg(s.file(&format!("output/print/{slug}.pdf")))
                .arg(Path::new(&dir).join(slug))
                .status();
        }
    }

    // A refused build prints nothing and leaves the output, PDFs included, as it was.
    let before = snapshot(&s.file("output"));
    let notice = s.read("content/notices/peixun-tongzhi.md");
    s.write(
        "content/notices/peixun-tongzhi.md",
        &notice.replace("date: 2026-10-26", "date: 2026-13-26"),
    );
    let r = build_pdf(&s, &chromium());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!r.stderr.contains("已打印"), "{}", r.stderr);
    assert!(
        snapshot(&s.file("output")) == before,
        "a failed build changed the output"
    );
}

#[test]
fn build_pdf_without_a_browser_says_so_and_builds_the_rest() {
    let s = Site::example();
    let r = build_pdf(&s, "/nonexistent/chromium");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("未找到 Chromium、Chrome 或 Edge 浏览器，没有生成 PDF"),
        "{}",
        r.stderr
    );
    assert!(s.file("output/print/peixun-tongzhi.html").exists());
    assert!(!s.file("output/print/peixun-tongzhi.pdf").exists());
}

/// The one order of a 公文 (gongwen::order) on the web page, the print page and in the WeChat
/// post, with the attachment written in the body and the seal choice.
#[test]
fn one_order_on_the_web_in_print_and_on_wechat() {
    let s = Site::fixture("minimal");
    s.write(
        "content/notices/t.md",
        "---\ntype: notice\ntitle: 测试乡人民政府关于开展安全生产标准化提升专项行动的通知\ndoc_no: 测政〔2026〕3号\nissuer: 测试乡人民政府\ndate: 2026-03-02\naddressees: [各村委会]\nattachments: [工作安排表]\nnote: 此件公开发布\nprinted_by: 测试乡人民政府办公室\nprinted_date: 2026-03-02\n盖章: false\ndisclosure: 主动公开\n---\n\n正文第一段。\n\n## 附件\n\n## 工作安排表\n\n附件正文。\n",
    );
    s.write(
        "content/notices/u.md",
        "---\ntype: notice\ntitle: 测试乡人民政府关于开展安全生产标准化提升专项行动的通知\ntitle_lines: [测试乡人民政府关于开展安全生产, 标准化提升专项行动的通知]\nissuer: 测试乡人民政府\ndate: 2026-03-02\ndisclosure: 主动公开\n---\n\n正文。\n",
    );
    s.run(&["build"]).ok();
    // The front matter's title_lines win over the automatic breaks.
    let manual = s.read("output/print/u.html");
    assert!(
        manual.contains("<span class=\"gw-tl\">测试乡人民政府关于开展安全生产</span><br><span class=\"gw-tl\">标准化提升专项行动的通知</span>"),
        "{manual}"
    );
    let marks = [
        "测政〔2026〕3号",
        "各村委会：",
        "正文第一段。",
        "附件：",
        "测试乡人民政府</",
        "2026年3月2日",
        "（此件公开发布）",
        "附件正文。",
    ];
    let in_order = |what: &str, html: &str| {
        let at: Vec<usize> = marks
            .iter()
            .map(|m| {
                html.find(m)
                    .unwrap_or_else(|| panic!("{what}: no {m} in\n{html}"))
            })
            .collect();
        assert!(
            at.windows(2).all(|w| w[0] < w[1]),
            "{what}: order {at:?}\n{html}"
        );
    };
    let page = s.public("notices/t.html");
    in_order("web page", &page[page.find("<article").unwrap()..]);
    let print = s.read("output/print/t.html");
    in_order("print page", &print);
    assert!(print.contains("gw-sign unsealed"), "盖章: false");
    assert!(print.contains("打印</button>") && print.contains("取消勾选“页眉和页脚”"));
    in_order("wechat", &s.read("output/wechat/t/article.html"));
    // The title is broken between words on paper; the web page keeps it one string.
    assert!(
        print.contains("<span class=\"gw-tl\">测试乡人民政府关于开展安全生产</span>")
            || print.contains("<span class=\"gw-tl\">测试乡人民政府关于开展</span>"),
        "{print}"
    );
}

/// GB/T 9704 7.3.5 without a seal (`盖章: false`): the date starts two characters right of the
/// 署名's first character, and the longer of the two lines (here the date) stands two
/// characters in from the right of the text area.
#[test]
fn unsealed_signature_stands_two_characters_in() {
    if !pdf_tools() {
        return;
    }
    let s = Site::fixture("minimal");
    s.write(
        "content/notices/t.md",
        "---\ntype: notice\ntitle: 关于开展安全生产检查的通知\nissuer: 测试乡人民政府\ndate: 2026-03-02\naddressees: [各村委会]\n盖章: false\ndisclosure: 主动公开\n---\n\n请各村于3月底前完成检查。\n",
    );
    let r = build_pdf(&s, &chromium());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let pdf = s.file("output/print/t.pdf");
    assert_eq!(pdf_pages(&pdf), 1);
    let words = pdf_words(&pdf, 1);
    let date = find(&words, "2026年3月2日").expect("date");
    let issuer = words
        .iter()
        .filter(|w| w.4.contains("测试乡人民政府") && w.1 + w.3 < date.1 + date.3)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .cloned()
        .expect("署名");
    // A 3号 character on the 28-character grid: 156 mm / 28.
    let ch = 156.0 / 28.0;
    let right = (184.0 - issuer.2.max(date.2) / MM) / ch;
    assert!(
        (1.6..=2.4).contains(&right),
        "署名 and date {right:.2} characters from the right"
    );
    let indent = (date.0 - issuer.0) / MM / ch;
    assert!(
        (1.6..=2.4).contains(&indent),
        "date {indent:.2} characters in from the 署名"
    );
}
