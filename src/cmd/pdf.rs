//! `xuanguan build --pdf`: the print pages of the 公文 and of the mail-merged letters printed to
//! `print/<slug>.pdf` by a local Chromium, Chrome or Edge (headless, the browser's header and
//! footer off, the pages' own A4 geometry). The PDFs are printed from the new output folder
//! before it is swapped in, so a failed build leaves the previous output, PDFs included, as it
//! was. Without a browser the build goes on and says so.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::content::Site;
use crate::render::{paper, print};

/// Browser programs looked up on PATH, most likely first.
const NAMES: [&str; 8] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// Where Windows and macOS install the browsers (Windows folders relative to the environment
/// variable that holds them).
const WINDOWS: [(&str, &str); 6] = [
    ("ProgramFiles", r"Google\Chrome\Application\chrome.exe"),
    ("ProgramFiles(x86)", r"Google\Chrome\Application\chrome.exe"),
    ("LOCALAPPDATA", r"Google\Chrome\Application\chrome.exe"),
    (
        "ProgramFiles(x86)",
        r"Microsoft\Edge\Application\msedge.exe",
    ),
    ("ProgramFiles", r"Microsoft\Edge\Application\msedge.exe"),
    ("LOCALAPPDATA", r"Chromium\Application\chrome.exe"),
];
const MACOS: [&str; 3] = [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
];

/// The browser to print with: `XUANGUAN_BROWSER`, else the first known program on PATH, else
/// the usual install places of Windows and macOS.
pub fn find_browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("XUANGUAN_BROWSER").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if p.is_file() { Some(p) } else { on_path(&p) };
    }
    NAMES
        .iter()
        .find_map(|n| on_path(Path::new(n)))
        .or_else(|| {
            WINDOWS.iter().find_map(|(var, rel)| {
                let p = PathBuf::from(std::env::var_os(var)?).join(rel);
                p.is_file().then_some(p)
            })
        })
        .or_else(|| MACOS.iter().map(PathBuf::from).find(|p| p.is_file()))
}

/// `name` in a folder of PATH (with `.exe` on Windows).
fn on_path(name: &Path) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        let p = dir.join(name);
        if p.is_file() {
            return Some(p);
        }
        let exe = p.with_extension("exe");
        (cfg!(windows) && exe.is_file()).then_some(exe)
    })
}

/// The print pages of `site` that become PDFs, relative to the output root: every 公文, then
/// every mail-merged letter, in site order.
pub fn pages(site: &Site) -> Vec<String> {
    let docs = site
        .items
        .iter()
        .filter(|i| paper::printed(site, i))
        .map(paper::path);
    let merged = site
        .items
        .iter()
        .filter(|i| i.roster(site).is_some())
        .map(|i| print::paths(i).0);
    docs.chain(merged).collect()
}

/// Prints the print pages of `site` in the output folder `root` to PDF beside them and reports
/// each in Chinese; never fails the build.
pub fn print_all(site: &Site, root: &Path) {
    let pages = pages(site);
    let docs: Vec<String> = site
        .items
        .iter()
        .filter(|i| paper::printed(site, i))
        .map(paper::path)
        .collect();
    if pages.is_empty() {
        return;
    }
    let Some(browser) = find_browser() else {
        crate::ewriteln!(
            "未找到 Chromium、Chrome 或 Edge 浏览器，没有生成 PDF；网页和其他内容已照常生成。\
             安装其中一个浏览器，或用环境变量 XUANGUAN_BROWSER 写明浏览器程序的位置后再运行 build --pdf。"
        );
        return;
    };
    let profile = std::env::temp_dir().join(format!("xuanguan-pdf-{}", std::process::id()));
    let mut made = 0;
    // 公文 PDFs whose title and 版头 were not set in 方正小标宋.
    let mut fallback = Vec::new();
    for rel in &pages {
        let pdf_rel = format!("{}.pdf", rel.trim_end_matches(".html"));
        match print_one(&browser, &profile, &root.join(rel), &root.join(&pdf_rel)) {
            Ok((n, fonts)) => {
                made += 1;
                crate::ewriteln!("已打印 {pdf_rel}（{n} 页）");
                if !docs.contains(rel)
                    && let Some(w) = fit_warning(&browser, &profile, &root.join(rel))
                {
                    crate::ewriteln!("  注意：{w}");
                }
                if docs.contains(rel) && !has_title_font(&fonts) {
                    fallback.push(pdf_rel);
                }
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
        "用 {} 打印了 {made} 份 PDF（共 {} 份），在 print 文件夹中。",
        browser.display(),
        pages.len()
    );
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
        "--virtual-time-budget=10000",
    ]);
    if running_as_root() {
        // Chromium refuses to start as root with its sandbox on (servers, containers).
        cmd.arg("--no-sandbox");
    }
    cmd.arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(url);
    let out = cmd.output().map_err(|e| {
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

/// The fonts a PDF embeds (`/BaseFont /ABCDEF+NotoSerifCJKsc-Bold` → `NotoSerifCJKsc-Bold`).
pub fn fonts(pdf: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = pdf;
    while let Some(at) = find(rest, b"/BaseFont") {
        rest = &rest[at + 9..];
        let name: String = rest
            .iter()
            .skip_while(|b| b.is_ascii_whitespace() || **b == b'/')
            .take_while(|b| b.is_ascii_graphic() && !matches!(b, b'/' | b'<' | b'>' | b'[' | b']'))
            .map(|&b| b as char)
            .collect();
        let name = name
            .split_once('+')
            .map_or(name.as_str(), |(_, n)| n)
            .to_string();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Whether a 公文's title was set in 方正小标宋 (or the 华文中宋 office Macs have).
fn has_title_font(fonts: &[String]) -> bool {
    fonts
        .iter()
        .any(|f| f.contains("XiaoBiaoSong") || f.starts_with("FZXBS") || f.contains("Zhongsong"))
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
    let out = cmd
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(file_url(html).ok()?)
        .output()
        .ok()?;
    let dom = String::from_utf8_lossy(&out.stdout);
    let at = dom.find("class=\"fit-warning\"")?;
    let tag_end = at + dom[at..].find('>')?;
    if dom[at..tag_end].contains("hidden") {
        return None;
    }
    let text = dom[tag_end + 1..].split('<').next()?.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// `file://` URL of an absolute path.
fn file_url(path: &Path) -> std::io::Result<String> {
    let abs = std::fs::canonicalize(path)?;
    let s = abs.to_string_lossy().replace('\\', "/");
    let s = s.trim_start_matches("//?/");
    let mut url = String::from(if s.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(url)
}

#[cfg(unix)]
fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[cfg(not(unix))]
fn running_as_root() -> bool {
    false
}

/// The page count of a PDF: the largest `/Count` of its page tree (Chromium writes the tree
/// uncompressed).
pub fn page_count(pdf: &[u8]) -> Option<usize> {
    let mut best = None;
    let mut rest = pdf;
    while let Some(at) = find(rest, b"/Count") {
        rest = &rest[at + 6..];
        let digits: String = rest
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| b as char)
            .collect();
        if let Ok(n) = digits.parse::<usize>() {
            best = best.max(Some(n));
        }
    }
    best
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pages_and_makes_file_urls() {
        let pdf = b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\n2 0 obj << /Type /Outlines /Count 0 >>";
        assert_eq!(page_count(pdf), Some(2));
        assert_eq!(page_count(b"%PDF-1.4"), None);
        let fonts = fonts(
            b"<< /BaseFont /AAAAAA+NotoSerifCJKsc-Bold >> << /BaseFont/BBBBBB+FZXBSJW--GB1-0 >>",
        );
        assert_eq!(fonts, ["NotoSerifCJKsc-Bold", "FZXBSJW--GB1-0"]);
        assert!(has_title_font(&fonts) && !has_title_font(&fonts[..1]));
        let dir = std::env::temp_dir();
        let url = file_url(&dir).unwrap();
        assert!(url.starts_with("file:///"), "{url}");
        assert!(!url.contains(' '));
    }
}
