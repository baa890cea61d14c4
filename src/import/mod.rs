//! `xuanguan import`: turns official documents received as plain text or `.docx` into content
//! files of a site.
//!
//! The stages are the modules: [`decode`] / [`docx`] read the file, [`clean`] removes
//! conversion debris, [`rejoin`] joins paragraphs split across lines, [`runon`] splits a
//! numbered list a table cell ran into one line, [`recognize`] finds
//! the 公文 elements, attachments and campaign phases, [`write`](mod@write) writes Markdown
//! files (their front matter by [`front`]) and `campaign.yaml`. Whatever cannot be
//! recognised is reported as a [`Diagnostic`] of the imported file, never guessed. The words
//! of 公文 (types, numerals, ordinals, dates, front-matter keys) come from [`crate::gongwen`].

pub mod campaign;
pub mod clean;
pub use crate::gongwen::decode;
pub mod dest;
pub mod docx;
pub mod draft;
pub mod front;
pub mod markdown;
pub mod recognize;
pub mod rejoin;
pub mod runon;
pub mod slug;
pub mod web;
pub mod write;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::diag::{Diagnostic, Severity};

/// One cleaned, non-empty line of the source with its 1-based line number (for `.docx`, the
/// paragraph number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub no: usize,
    pub text: String,
}

impl Line {
    /// One line per text, numbered from 1.
    pub fn numbered<S: AsRef<str>>(texts: impl IntoIterator<Item = S>) -> Vec<Line> {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                text: t.as_ref().to_string(),
            })
            .collect()
    }

    /// The text without `**` emphasis markers.
    pub fn plain(&self) -> String {
        clean::plain(&self.text)
    }
}

/// What importing one source file did.
#[derive(Debug, Clone)]
pub struct Report {
    /// The source file as given.
    pub source: PathBuf,
    /// `UTF-8`, `GBK`, `GB18030`, `docx`…
    pub encoding: String,
    /// Files written, the main document first.
    pub created: Vec<PathBuf>,
    /// Files that already existed and were left alone (no `--force`).
    pub skipped: Vec<PathBuf>,
    /// Everything not recognised, normalised or worth checking, located in the source file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lets a hint be attached to a diagnostic that is already recorded.
pub struct Recorded<'a>(&'a mut Diagnostic);

impl Recorded<'_> {
    pub fn with_hint(self, hint: impl Into<String>) {
        self.0.hint = Some(hint.into());
    }
}

impl Report {
    pub fn new(source: impl Into<PathBuf>) -> Self {
        Report {
            source: source.into(),
            encoding: String::new(),
            created: Vec::new(),
            skipped: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn push(
        &mut self,
        sev: Severity,
        line: usize,
        col: usize,
        lint: &'static str,
        msg: String,
    ) -> Recorded<'_> {
        self.diagnostics
            .push(Diagnostic::new(sev, &self.source, line, col, lint, msg));
        Recorded(self.diagnostics.last_mut().expect("just pushed"))
    }

    /// Something was normalised or removed; worth knowing, nothing to do.
    pub fn info(&mut self, line: usize, col: usize, msg: impl Into<String>) -> Recorded<'_> {
        self.push(Severity::Info, line, col, "import", msg.into())
    }

    /// Something could not be recognised or looks wrong; the user should check it.
    pub fn warning(&mut self, line: usize, col: usize, msg: impl Into<String>) -> Recorded<'_> {
        self.push(Severity::Warning, line, col, "import", msg.into())
    }

    /// Something prevented a file from being written.
    pub fn error(&mut self, line: usize, col: usize, msg: impl Into<String>) -> Recorded<'_> {
        self.push(Severity::Error, line, col, "import", msg.into())
    }
}

/// What `import` did for all its files.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub files: Vec<Report>,
    /// What happened to `content/campaign.yaml`, one sentence per change (Chinese).
    pub campaign: Vec<String>,
}

impl ImportReport {
    /// All files written, in order (per source: main document first).
    pub fn created(&self) -> impl Iterator<Item = &PathBuf> {
        self.files.iter().flat_map(|f| f.created.iter())
    }

    /// True when some file could not be written.
    pub fn has_errors(&self) -> bool {
        self.files
            .iter()
            .any(|f| f.diagnostics.iter().any(Diagnostic::is_error))
    }
}

/// The refusal of a Word 97–2003 (`.doc`) file, whatever its name.
fn old_word(path: &Path) -> String {
    format!(
        "{} 是旧版 Word（.doc，Word 97–2003）文件，无法直接导入；请在 Word 或 WPS 中打开，点“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入新保存的 .docx 文件",
        path.display()
    )
}

/// Reads a source file into text: `.docx` by its XML, anything else as plain text.
pub fn read_source(path: &Path, rep: &mut Report) -> Result<String> {
    let is_docx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if is_docx {
        let mut magic = [0u8; 4];
        if let Ok(mut f) = std::fs::File::open(path) {
            use std::io::Read;
            let _ = f.read_exact(&mut magic);
        }
        if magic == [0xD0, 0xCF, 0x11, 0xE0] {
            anyhow::bail!("{}", old_word(path));
        }
        rep.encoding = "docx".into();
        return docx::read_docx(path);
    }
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("doc"))
    {
        anyhow::bail!("{}", old_word(path));
    }
    let bytes = std::fs::read(path).with_context(|| format!("无法读取 {}", path.display()))?;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        anyhow::bail!("{}", old_word(path));
    }
    if web::is_html(path, &bytes) {
        let (page, encoding) = web::html::decode_page(&bytes);
        rep.encoding = format!("网页，{encoding}");
        let Some((text, wechat)) = web::html::read_page(&page) else {
            anyhow::bail!(
                "{}：网页的元素嵌套超过 {} 层，不像是从网站保存的网页，未导入；请在浏览器中打开该网页，选中正文复制，粘贴到记事本保存为 .txt 后再导入",
                path.display(),
                web::html::MAX_DEPTH
            );
        };
        rep.info(
            0,
            0,
            if wechat {
                "按微信公众号文章网页读取：标题、公众号、作者和发表时间取自页面的文章信息，正文取自文章内容区，行号是提取出的正文的行号"
            } else {
                "按网页读取：正文取自页面中文字最集中的部分，行号是提取出的正文的行号"
            },
        );
        if text.trim().is_empty() {
            anyhow::bail!(
                "{}：网页中没有找到正文文字；请在浏览器中打开该网页，选中正文复制，粘贴到记事本保存为 .txt 后再导入",
                path.display()
            );
        }
        return Ok(text);
    }
    let d = decode::decode(&bytes);
    if let Some((line, col, c)) = decode::first_control(&d.text) {
        anyhow::bail!(
            "{}:{line}:{col}: 按 {} 解码后出现控制字符 U+{:04X}，这不是正常的文本文件（可能是编码无法识别，或不是文字文件），未导入；请用记事本打开，另存为“UTF-8”编码后重新导入",
            path.display(),
            d.encoding,
            c as u32
        );
    }
    rep.encoding = d.encoding.to_string();
    if d.encoding != "UTF-8" {
        rep.info(
            0,
            0,
            format!("文件编码识别为 {}，已转换为 UTF-8", d.encoding),
        );
    }
    if d.had_errors {
        rep.warning(
            0,
            0,
            format!("按 {} 解码时有无法识别的字节，已替换为“�”", d.encoding),
        )
        .with_hint("请核对原件，或在记事本中将文件另存为 UTF-8 后重新导入");
    }
    Ok(d.text)
}

/// Imports `files` into the site at `into`: content files under `into/content/…`, phases into
/// `into/content/campaign.yaml`. Existing files are kept unless `force`.
/// `org` is the 主办机关 written into a new `campaign.yaml` (else the first document's issuer).
pub fn import_files(
    files: &[PathBuf],
    into: &Path,
    force: bool,
    org: Option<&str>,
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let campaign_file = into.join("content").join("campaign.yaml");
    if let Some(o) = org.filter(|o| !o.trim().is_empty() && campaign_file.exists()) {
        report.campaign.push(format!(
            "{} 已存在，--org “{o}”未使用；如需修改主办机关，请直接改其中的 org",
            crate::diag::display_path(&campaign_file)
        ));
    }
    let mut used = std::collections::HashSet::new();
    for file in files {
        let _at = crate::crash::at(file.display());
        let mut rep = Report::new(file);
        let text = read_source(file, &mut rep)?;
        let lines = clean::clean(&text, &mut rep);
        let (lines, meta, files) = web::tidy_offering(lines, &mut rep);
        let lines = runon::split(lines, &mut rep);
        let mut doc = recognize::recognize_with(lines, &files, &mut rep);
        web::apply::apply(&mut doc, &meta, &mut rep);
        campaign::check_org(&doc, into, org, file)?;
        draft::mark(&mut doc, &mut rep);
        write::write_document(&doc, into, force, &mut used, &mut rep)?;
        report
            .campaign
            .extend(campaign::update(&doc, into, org, &mut rep)?);
        report.files.push(rep);
    }
    Ok(report)
}
