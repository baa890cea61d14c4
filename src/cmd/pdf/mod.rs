//! `xuanguan build --pdf`: the print pages of the 公文 and of the mail-merged letters printed to
//! `print/<slug>.pdf` by a local Chromium, Chrome or Edge (headless, the browser's header and
//! footer off, the pages' own A4 geometry). The PDFs are printed from the new output folder
//! before it is swapped in, so a failed build leaves the previous output, PDFs included, as it
//! was. Without a browser the build goes on and says so.

mod browser;
mod read;

use std::path::Path;
use std::process::Command;

use crate::content::Site;
use crate::render::{paper, print};

pub use browser::find_browser;
use browser::{file_url, run, running_as_root};
use read::has_title_font;
pub use read::{fonts, page_count};

/// The print pages of `site` that become PDFs, relative to the output root, with the document
/// each comes from: every 公文, then every mail-merged letter, in site order.
pub fn pages(site: &Site) -> Vec<(String, &Path)> {
    let docs = site
        .items
        .iter()
        .filter(|i| paper::printed(site, i))
        .map(|i| (paper::path(i), i.source.as_path()));
    let merged = site
        .items
        .iter()
        .filter(|i| i.roster(site).is_some())
        .map(|i| (print::paths(i).0, i.source.as_path()));
    docs.chain(merged).collect()
}

/// Prints the print pages of `site` in the output folder `root` to PDF beside them and reports
/// each in Chinese; never fails the build. Returns the PDFs made (relative to `root`) with the
/// document each comes from.
pub fn print_all<'a>(site: &'a Site, root: &Path) -> Vec<(String, &'a Path)> {
    let pages = pages(site);
    let mut printed = Vec::new();
    let docs: Vec<String> = site
        .items
        .iter()
        .filter(|i| paper::printed(site, i))
        .map(paper::path)
        .collect();
    if pages.is_empty() {
        return printed;
    }
    let Some(browser) = find_browser() else {
        crate::ewriteln!(
            "未找到 Chromium、Chrome 或 Edge 浏览器，没有生成 PDF；网页和其他内容已照常生成。\
             安装其中一个浏览器，或用环境变量 XUANGUAN_BROWSER 写明浏览器程序的位置后再运行 build --pdf。"
        );
        return printed;
    };
    let profile = std::env::temp_dir().join(format!("xuanguan-pdf-{}", std::process::id()));
    // 公文 PDFs whose title and 版头 were not set in 方正小标宋.
    let mut fallback = Vec::new();
    for (rel, source) in &pages {
        let pdf_rel = format!("{}.pdf", rel.trim_end_matches(".html"));
        match print_one(&browser, &profile, &root.join(rel), &root.join(&pdf_rel)) {
            Ok((n, fonts)) => {
                crate::ewriteln!("已打印 {pdf_rel}（{n} 页）");
                if !docs.contains(rel)
                    && let Some(w) = fit_warning(&browser, &profile, &root.join(rel))
                {
                    crate::ewriteln!("  注意：{w}");
                }
                if docs.contains(rel) && !has_title_font(&fonts) {
                    fallback.push(pdf_rel.clone());
                }
                printed.push((pdf_rel, *source));
            }
            Err(why) => crate::ewriteln!("{rel} 没能打印成 PDF：{why}"),
        }
    }
    let _ = std::fs::remove_dir_all(&profile);
    if !fallback.is_empty() {
        crate::ewriteln!(
            "注意：{} 中没有用到方正小标宋简体（这台电脑可能没有安装），标题和版头用了替代字体。正式印发的文件请在装有方正小标宋简体的电脑上打印。",
            fallback.join("、")
        );
    }
    crate::ewriteln!(
        "用 {} 打印了 {} 份 PDF（共 {} 份），在 print 文件夹中。",
        browser.display(),
        printed.len(),
        pages.len()
    );
    printed
}

/// Prints one page; the number of pages of the PDF and the fonts it embeds.
fn print_one(
    browser: &Path,
    profile: &Path,
    html: &Path,
    pdf: &Path,
) -> Result<(usize, Vec<String>), String> {
    let url = file_url(html).map_err(|e| format!("无法定位 {}：{e}", html.display()))?;
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--no-pdf-header-footer",
        // The same switch in browsers older than Chrome 111.
        "--print-to-pdf-no-header",
        "--virtual-time-budget=10000",
    ]);
    if running_as_root() {
        // Chromium refuses to start as root with its sandbox on (servers, containers).
        cmd.arg("--no-sandbox");
    }
    cmd.arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url);
    let out = run(&mut cmd).map_err(|e| {
        format!(
            "无法运行 {}：{}",
            browser.display(),
            crate::diag::io_reason(&e)
        )
    })?;
    let bytes = std::fs::read(pdf).map_err(|_| {
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        format!("浏览器没有写出 PDF（{last}）")
    })?;
    let pages = page_count(&bytes).ok_or_else(|| "浏览器写出的 PDF 读不出页数".to_string())?;
    Ok((pages, fonts(&bytes)))
}

/// The mail-merge page's own warning when its batch does not fit on its sheets in 3号 (the
/// page finds the one type size of the batch in the browser and names the long sheets).
fn fit_warning(browser: &Path, profile: &Path, html: &Path) -> Option<String> {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--dump-dom",
    ]);
    if running_as_root() {
        cmd.arg("--no-sandbox");
    }
    cmd.arg(format!("--user-data-dir={}", profile.display()))
        .arg(file_url(html).ok()?);
    let out = run(&mut cmd).ok()?;
    let dom = String::from_utf8_lossy(&out.stdout);
    let at = dom.find("class=\"fit-warning\"")?;
    let tag_end = at + dom[at..].find('>')?;
    if dom[at..tag_end].contains("hidden") {
        return None;
    }
    let text = dom[tag_end + 1..].split('<').next()?.trim();
    (!text.is_empty()).then(|| text.to_string())
}
