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

/// The words of one PDF page with their boxes in points: (x_min, y_min, x_max, y_max, text).
pub fn pdf_words(pdf: &Path, page: usize) -> Vec<(f64, f64, f64, f64, String)> {
    let p = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &p, "-l", &p])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext -bbox");
    let text = String::from_utf8_lossy(&out.stdout);
    let num = |l: &str, k: &str| -> f64 {
        let at = l.find(&format!("{k}=\"")).unwrap() + k.len() + 2;
        l[at..].split('"').next().unwrap().parse().unwrap()
    };
    text.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let word = l
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("");
            (
                num(l, "xMin"),
                num(l, "yMin"),
                num(l, "xMax"),
                num(l, "yMax"),
                word.to_string(),
            )
        })
        .collect()
}

/// The height of the body lines of a page (the most common word-box height, rounded to
/// 0.1 pt): the same number on every sheet means the same type size.
fn body_line_height(pdf: &Path, page: usize) -> i64 {
    let mut count = std::collections::BTreeMap::new();
    for (_, y0, _, y1, w) in pdf_words(pdf, page) {
        if w.chars().count() >= 10 {
            *count.entry(((y1 - y0) * 10.0).round() as i64).or_insert(0) += 1;
        }
    }
    count
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(h, _)| h)
        .expect("body lines on the page")
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
    for slug in ["gaozhishu", "chengnuoshu"] {
        let pdf = s.file(&format!("{slug}.pdf"));
        // One batch, one type size.
        let heights: Vec<i64> = (1..=names.len())
            .map(|k| body_line_height(&pdf, k))
            .collect();
        assert!(
            heights.iter().all(|&h| h == heights[0]),
            "{slug}: body type differs between sheets (line box heights in 0.1 pt): {heights:?}"
        );
    }
    for slug in ["gaozhishu", "chengnuoshu"] {
        let pdf = s.file(&format!("{slug}.pdf"));
        for k in 1..=names.len() {
            let words = pdf_words(&pdf, k);
            let find = |t: &str| {
                words
                    .iter()
                    .find(|w| w.4.contains(t))
                    .unwrap_or_else(|| panic!("{slug} page {k}: no {t}"))
                    .clone()
            };
            // Room to sign: from the end of the 签收人 label to the 签收日期 label.
            let (label, date) = (find("签收人（签字）"), find("签收日期"));
            let room = (date.0 - label.2) / MM;
            assert!(
                room >= 40.0,
                "{slug} page {k}: signature cell {room:.1} mm wide"
            );
            let text = pdf_page_text(&pdf, k);
            assert!(
                text.contains(&format!("送达序号{k}／{}（本单位一式四份）", names.len())),
                "{slug} page {k}: delivery number and copies:\n{text}"
            );
            assert!(!text.contains("第1份，共30份"), "{slug}: copy numbering");
        }
    }
    // The pledge is signed by the enterprise alone, the 告知书 by the office with its date.
    let pledge = pdf_page_text(&s.file("chengnuoshu.pdf"), 1);
    assert!(
        !pledge.contains("青石镇安全生产委员会办公室"),
        "the office signs the enterprise's pledge:\n{pledge}"
    );
    let notice = pdf_page_text(&s.file("gaozhishu.pdf"), 1);
    assert!(
        notice.contains("告知单位（盖章）：青石镇安全生产委员会办公室2026年8月28日"),
        "告知书 undated:\n{notice}"
    );
    let html = s.read("output/print/gaozhishu.html");
    assert!(html.contains("取消勾选“页眉和页脚”"), "print hint");
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
    // The site page shows labelled blanks and no link to the staff print pages.
    let page = s.read("output/site/letters/x.html");
    assert!(
        page.contains(r#"<span class="field" title="此处为各收件单位自己的信息">单位名称</span>"#)
    );
    assert!(!page.contains("print/x.html") && !page.contains("register"));
    let reg = s.read("output/print/x.register.html");
    assert!(reg.contains(">送达日期</th>") && reg.contains("&lt;script&gt;"));
    let csv = s.read("output/print/x.register.csv");
    assert!(
        csv.starts_with(
            "\u{feff}序号,单位名称,负责人,送达日期,签收人,备注\r\n1,甲公司,张三,,,\r\n"
        )
    );
    assert_eq!(csv.lines().count(), 3);
}

/// A control character pasted into a roster cell (from another system's export) would reach
/// every merged letter and the register unseen: an error at its row and column, in a CSV and
/// in a YAML roster, and nothing written.
#[test]
fn control_characters_in_a_roster_are_located_errors() {
    let s = letter_site(
        "{{单位名称}}：\n\n请{{负责人}}签收。\n",
        "单位名称,负责人\n甲公司,张三\n",
    );
    s.run(&["build"]).ok();
    s.write(
        "content/data/r.csv",
        "单位名称,负责人\r\n甲公司,张三\r\n乙公\u{1}司,李\u{7}四\r\n",
    );
    s.refuses(&["build"], "content/data/r.csv:3:3", "控制字符 U+0001");
    let r = s.run(&["check"]).fails(1);
    assert!(
        r.stderr.contains("content/data/r.csv:3:7") || r.stdout.contains("content/data/r.csv:3:7"),
        "{}{}",
        r.stdout,
        r.stderr
    );
    s.write("content/data/r.csv", "单位名称,负责人\n甲公司,张三\n");
    s.run(&["build"]).ok();
    assert!(!s.read("output/print/x.html").contains('\u{1}'));
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

#[test]
fn placeholder_typos_and_unfillable_places_are_errors() {
    let s = letter_site(
        "{{单位名称}：\n\n请{{负责人}}签收。\n",
        "单位名称,负责人\n甲公司,张三\n",
    );
    let r = s.run(&["build"]).fails(1);
    assert!(
        r.stderr.contains("content/letters/x.md:11:1"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("“{{”没有配对的“}}”"), "{}", r.stderr);
    let s = letter_site(
        "见[网址](https://example.org/?q={{负责人}})。\n",
        "单位名称,负责人\n甲公司,张三\n",
    );
    let r = s.run(&["build"]).fails(1);
    assert!(
        r.stderr.contains("content/letters/x.md:11:"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("无法逐户填入"), "{}", r.stderr);
    assert!(!s.file("output").exists());
}

#[test]
fn placeholders_in_the_title_and_salutation_are_filled_per_sheet() {
    let s = letter_site("请签收。\n", "单位名称,负责人\n甲公司,张三\n乙公司,李四\n");
    s.write(
        "content/letters/x.md",
        &s.read("content/letters/x.md").replace(
            "title: 告知书\n",
            "title: 致{{单位名称}}的告知书\naddressees: [\"{{负责人}}同志\"]\n",
        ),
    );
    s.run(&["build"]).ok();
    let html = s.read("output/print/x.html");
    assert!(
        html.contains("致甲公司的告知书") && html.contains("致乙公司的告知书"),
        "{html}"
    );
    assert!(
        html.contains("张三同志：") && html.contains("李四同志："),
        "{html}"
    );
    let sheets = &html[html.find("<section").unwrap()..];
    assert!(!sheets.contains("{{"), "{html}");
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

/// One page of a PDF as an RGB bitmap at 72 dpi (1 px = 1 pt).
struct Bitmap {
    w: usize,
    h: usize,
    rgb: Vec<u8>,
}

const MM: f64 = 72.0 / 25.4;

impl Bitmap {
    fn page(pdf: &Path, page: usize) -> Bitmap {
        let p = page.to_string();
        let out = Command::new("pdftoppm")
            .args(["-r", "72", "-f", &p, "-l", &p])
            .arg(pdf)
            .output()
            .expect("pdftoppm");
        // P6 header: "P6\n<w> <h>\n255\n".
        let data = out.stdout;
        let mut fields = Vec::new();
        let mut i = 0;
        while fields.len() < 4 {
            let start = i;
            while !data[i].is_ascii_whitespace() {
                i += 1;
            }
            fields.push(String::from_utf8_lossy(&data[start..i]).into_owned());
            i += 1;
        }
        assert_eq!(fields[0], "P6");
        Bitmap {
            w: fields[1].parse().unwrap(),
            h: fields[2].parse().unwrap(),
            rgb: data[i..].to_vec(),
        }
    }

    fn px(&self, x: usize, y: usize) -> (u8, u8, u8) {
        let o = (y * self.w + x) * 3;
        (self.rgb[o], self.rgb[o + 1], self.rgb[o + 2])
    }

    /// Bounding box in mm (x0, y0, x1, y1) of the pixels matching `f` with y in `rows` (mm).
    fn bbox(&self, rows: (f64, f64), f: impl Fn((u8, u8, u8)) -> bool) -> Option<[f64; 4]> {
        let mut b: Option<[usize; 4]> = None;
        let (r0, r1) = ((rows.0 * MM) as usize, ((rows.1 * MM) as usize).min(self.h));
        for y in r0..r1 {
            for x in 0..self.w {
                if f(self.px(x, y)) {
                    let e = b.get_or_insert([x, y, x, y]);
                    e[0] = e[0].min(x);
                    e[1] = e[1].min(y);
                    e[2] = e[2].max(x);
                    e[3] = e[3].max(y);
                }
            }
        }
        b.map(|b| b.map(|v| v as f64 / MM))
    }

    /// Runs of rows with ink between `rows` (mm): the printed lines.
    fn lines(&self, rows: (f64, f64)) -> usize {
        let (r0, r1) = ((rows.0 * MM) as usize, ((rows.1 * MM) as usize).min(self.h));
        let mut n = 0;
        let mut inked = false;
        for y in r0..r1 {
            let ink = (0..self.w).any(|x| dark(self.px(x, y)));
            if ink && !inked {
                n += 1;
            }
            inked = ink;
        }
        n
    }
}

fn dark(p: (u8, u8, u8)) -> bool {
    (p.0 as u32 + p.1 as u32 + p.2 as u32) < 3 * 160
}

fn red(p: (u8, u8, u8)) -> bool {
    p.0 > 150 && p.1 < 90 && p.2 < 90
}

/// The characters on each text line of a page, from `pdftotext -bbox-layout` (Latin letters
/// and digits count as half a character). Words further apart than a character (table cells
/// side by side) count as separate lines; only 3号 text is measured.
fn line_widths(pdf: &Path, page: usize) -> Vec<f64> {
    let p = page.to_string();
    let out = Command::new("pdftotext")
        .args(["-bbox-layout", "-f", &p, "-l", &p])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let xml = String::from_utf8_lossy(&out.stdout);
    let num = |w: &str, key: &str| -> f64 {
        w.split(&format!("{key}=\""))
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let mut widths = Vec::new();
    // (chars, x of the first word, x of the end) of the current run of words.
    let mut push = |run: (f64, f64, f64)| {
        // Only text set in 3号 (a pitch of about 15.75 pt): smaller type (tables) is not on
        // the grid.
        if run.0 > 0.0 && (run.2 - run.1) / run.0 >= 14.5 {
            widths.push(run.0);
        }
    };
    for line in xml.split("<line").skip(1) {
        let mut run = (0.0, 0.0, f64::NEG_INFINITY);
        for w in line.split("<word").skip(1) {
            let text = w
                .split('>')
                .nth(1)
                .and_then(|r| r.split('<').next())
                .unwrap_or("");
            if num(w, "xMin") - run.2 > 16.0 {
                push(run);
                run = (0.0, num(w, "xMin"), 0.0);
            }
            run.2 = num(w, "xMax");
            run.0 += text
                .chars()
                .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
                .sum::<f64>();
        }
        push(run);
    }
    widths
}

#[test]
fn notices_print_on_the_gbt9704_grid() {
    if !pdf_tools() {
        return;
    }
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    // The site's pages and the print pages (print/, with the attachments after the notice).
    for (slug, html) in [
        (
            "yinfa-xuanguan-fangan",
            "output/site/notices/yinfa-xuanguan-fangan.html",
        ),
        (
            "xuanguan-fangan",
            "output/site/notices/xuanguan-fangan.html",
        ),
        ("print-yinfa", "output/print/yinfa-xuanguan-fangan.html"),
        ("print-peixun", "output/print/peixun-tongzhi.html"),
    ] {
        let pdf = s.file(&format!("{slug}.pdf"));
        print_pdf(&s.file(html), &pdf);
        let pages = pdf_pages(&pdf);
        assert!(pages >= 2, "{slug}: {pages} pages");
        for page in 1..=pages {
            let at = format!("{slug} page {page}");
            let bmp = Bitmap::page(&pdf, page);
            assert!(
                (bmp.w as f64 / MM - 210.0).abs() < 1.0 && (bmp.h as f64 / MM - 297.0).abs() < 1.0,
                "{at}: not A4"
            );
            // Text area: 156 × 225 mm, 37 mm from the top; binding margin 28 mm on odd
            // (right-hand) pages, mirrored on even ones.
            let left = if page % 2 == 1 { 28.0 } else { 26.0 };
            let body = bmp.bbox((0.0, 297.0 - 35.0 + 1.0), dark).expect("ink");
            assert!(
                body[0] >= left - 1.0,
                "{at}: ink left of the text area: {body:?}"
            );
            assert!(
                body[2] <= left + 156.0 + 1.0,
                "{at}: ink right of the text area: {body:?}"
            );
            assert!(
                body[1] >= 37.0 - 1.0,
                "{at}: ink above the text area: {body:?}"
            );
            assert!(bmp.lines((36.0, 263.0)) <= 22, "{at}: more than 22 lines");
            // "— N —" 7 mm below the text area: right on odd pages, left on even ones.
            let num = bmp.bbox((262.0 + 1.0, 297.0), dark).expect("page number");
            assert!(
                num[1] >= 262.0 + 5.0 && num[3] <= 262.0 + 17.0,
                "{at}: page number at {num:?}"
            );
            if page % 2 == 1 {
                assert!(
                    num[0] > 105.0 && num[2] <= left + 156.0,
                    "{at}: number not right: {num:?}"
                );
            } else {
                assert!(
                    num[2] < 105.0 && num[0] >= left,
                    "{at}: number not left: {num:?}"
                );
            }
            assert!(
                pdf_page_text(&pdf, page).contains(&format!("—{page}—")),
                "{at}: page number text"
            );
            let widest = line_widths(&pdf, page).into_iter().fold(0.0, f64::max);
            assert!(
                widest <= 28.0,
                "{at}: a line of {widest} characters (28 at most)"
            );
        }
        // 28 characters per full line: the first body paragraph fills its lines.
        let full = line_widths(&pdf, 1)
            .into_iter()
            .filter(|w| *w >= 27.0)
            .count();
        assert!(full >= 3, "{slug}: no line of 27–28 characters on page 1");
    }
    // The 发文机关标志 of the 印发 notice: red, its top 35 mm below the top of the text area.
    let pdf = s.file("yinfa-xuanguan-fangan.pdf");
    let bmp = Bitmap::page(&pdf, 1);
    let mark = bmp.bbox((0.0, 120.0), red).expect("red 发文机关标志");
    assert!(
        (mark[1] - 72.0).abs() <= 3.0,
        "发文机关标志 top at {:.1} mm",
        mark[1]
    );
    if let Some(dir) = std::env::var_os("XUANGUAN_SCREENSHOTS") {
        let _ = Command::new("pdftoppm")
            .args(["-r", "60", "-png"])
            .arg(&pdf)
            .arg(Path::new(&dir).join("notice"))
            .status();
    }
}

/// GB/T 9704 [7.2]: the 文号 stands two blank lines (空二行) under the 发文机关标志, measured
/// on the printed PDF from the mark's glyphs (36 pt) to the 文号's (16 pt).
#[test]
fn doc_number_stands_two_lines_under_the_mark() {
    if !pdf_tools() {
        return;
    }
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let pdf = s.file("yinfa.pdf");
    print_pdf(
        &s.file("output/site/notices/yinfa-xuanguan-fangan.html"),
        &pdf,
    );
    let words = pdf_words(&pdf, 1);
    let centre = |t: &str| {
        let w = words
            .iter()
            .find(|w| w.4.contains(t))
            .unwrap_or_else(|| panic!("page 1 has no {t}: {words:?}"));
        (w.1 + w.3) / 2.0
    };
    let mark_bottom = centre("青石镇人民政府文件") + 18.0;
    let docno_top = centre("青政安〔2026〕12号") - 8.0;
    let gap = (docno_top - mark_bottom) / MM;
    // Two 3号 lines of the 22-line grid are 20.5 mm; the 文号's own leading adds up to 2.3 mm.
    assert!(
        (18.0..=26.0).contains(&gap),
        "文号 {gap:.1} mm under the mark, not 空二行"
    );
}

/// The WeChat post of a notice carries its 文号, above the 主送机关, as the web page does.
#[test]
fn wechat_notice_post_carries_the_doc_number() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    for (slug, no) in [
        ("yinfa-xuanguan-fangan", "青政安〔2026〕12号"),
        ("peixun-tongzhi", "青安办〔2026〕9号"),
    ] {
        let html = s.read(&format!("output/wechat/{slug}/article.html"));
        let at = html
            .find(&format!("{no}</p>"))
            .unwrap_or_else(|| panic!("{slug}: no 文号 in the WeChat post"));
        let to = html.find("：</p>").expect("主送机关");
        assert!(at < to, "{slug}: 文号 after the 主送机关");
        // The same 文号 on the web page.
        let page = s.public(&format!("notices/{slug}.html"));
        assert!(
            page.contains(&format!("<p class=\"gw-docno\">{no}</p>")),
            "{slug}: web page without its 文号"
        );
    }
}
