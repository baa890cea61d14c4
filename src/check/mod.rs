//! `xuanguan check`: the proofreading lints of `docs/lints.md`.
//!
//! [`lint_text`] checks one file: it splits the front matter, extracts the text blocks
//! ([`text`]), lets the span-owning lints claim their spans first (placeholders, 文号, dates —
//! "one mistake, one finding"), runs every other family, then applies the suppressions
//! (`suppress`). [`site::check_site`] runs it over every item of a loaded site (in parallel)
//! together with the link/image/attachment checks; [`report`] prints findings for people or as
//! JSON. `cmd::check` and `cmd::build` are the two callers.
//!
//! One module per family: `residue` (placeholder-residue, word-list), `docno`, `dates` +
//! `date_lints`, `titles` (trailing-punct-title), `ordinal` (ordinal-punct, heading-sequence,
//! heading-level-order), `meta` (fm-required, issuer-mismatch, jurisdiction-mismatch),
//! `attachments`, `repeat` (repeated-word, repeated-char with jieba), `paragraphs`
//! (broken-paragraph), `pairs` (unbalanced-pair, nested-pair, halfwidth-paren), `punct`
//! (halfwidth-punct, repeated-punct, quoted-list-dunhao, ellipsis-misuse), `spacing`
//! (cjk-space, number-style), `links` (broken-link, missing-image, missing-attachment).

mod attachments;
pub use crate::gongwen::chars;
mod date_lints;
use crate::gongwen::date_spans as dates;
mod docno;
pub mod front;
mod links;
mod meta;
mod ordinal;
mod pairs;
mod paragraphs;
mod punct;
mod repeat;
pub mod report;
mod residue;
pub mod site;
mod spacing;
mod suppress;
pub mod text;
mod titles;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, LineIndex, Severity};
use front::Front;
use text::{Block, Kind};

/// Every lint of the catalogue with its severity.
pub const LINTS: &[(&str, Severity)] = &[
    ("fm-required", Severity::Error),
    ("docno-bracket", Severity::Error),
    ("docno-number", Severity::Error),
    ("issuer-mismatch", Severity::Error),
    ("jurisdiction-mismatch", Severity::Warning),
    ("trailing-punct-title", Severity::Error),
    ("attachment-mismatch", Severity::Error),
    ("repeated-word", Severity::Error),
    ("repeated-char", Severity::Warning),
    ("broken-paragraph", Severity::Warning),
    ("placeholder-residue", Severity::Error),
    ("halfwidth-punct", Severity::Error),
    ("halfwidth-paren", Severity::Error),
    ("unbalanced-pair", Severity::Error),
    ("nested-pair", Severity::Error),
    ("repeated-punct", Severity::Error),
    ("quoted-list-dunhao", Severity::Warning),
    ("ordinal-punct", Severity::Error),
    ("ellipsis-misuse", Severity::Warning),
    ("number-style", Severity::Warning),
    ("heading-sequence", Severity::Error),
    ("heading-level-order", Severity::Error),
    ("invalid-date", Severity::Error),
    ("weekday-mismatch", Severity::Error),
    ("date-format", Severity::Error),
    ("date-style-mixed", Severity::Warning),
    ("issue-date-consistency", Severity::Error),
    ("deadline-before-issue", Severity::Warning),
    ("cjk-space", Severity::Warning),
    ("word-list", Severity::Warning),
];

/// Returned when findings were reported and the command must exit with 1; the message (may be
/// empty) is printed after the report.
#[derive(Debug)]
pub struct Failed(pub String);

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failed {}

/// The severity of a lint id (warnings for ids outside the catalogue).
pub fn severity(lint: &str) -> Severity {
    LINTS
        .iter()
        .find(|(id, _)| *id == lint)
        .map(|(_, s)| *s)
        .unwrap_or(Severity::Warning)
}

/// Site-level settings of the linter.
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// The document type as the loader resolved it; when `None` it is read from `type` or
    /// from the top folder of the path (`content/notices/…` → notice).
    pub doc_type: Option<String>,
    /// Issuer aliases, short → full (外山乡政府 → 外山乡人民政府).
    pub aliases: Vec<(String, String)>,
    /// Extra word-list entries (wrong → right).
    pub words: Vec<(String, String)>,
    /// Lints switched off for the whole site.
    pub disabled: Vec<String>,
    /// Do not report `disclosure` other than 主动公开 (the document is simply not published).
    pub allow_unpublished: bool,
    /// Slugs of the site's items with their titles: an `attachments` entry naming one of them
    /// is a separate document, not a 附件 section of the body.
    pub items: std::sync::Arc<std::collections::HashMap<String, String>>,
}

/// One finding before it is located: a byte offset in the file and a span length in chars.
#[derive(Debug, Clone)]
pub struct Finding {
    pub lint: &'static str,
    pub off: usize,
    pub len: usize,
    pub message: String,
    pub hint: String,
}

/// A located finding: the diagnostic plus the width of its span, for the caret line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub diag: Diagnostic,
    /// Span length in characters (at least 1).
    pub len: usize,
}

impl Located {
    /// A finding without a span (one caret).
    pub fn of(diag: Diagnostic) -> Located {
        Located { diag, len: 1 }
    }
}

/// The result of linting one file.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub findings: Vec<Located>,
    /// Findings silenced by a comment or by front matter (listed in the build report).
    pub suppressed: Vec<Located>,
}

/// A 附件 section of the body.
#[derive(Debug, Clone)]
pub struct Section {
    /// Index of the `附件N` block.
    pub heading: usize,
    pub number: Option<u32>,
    /// Index of the title block and the title text (a following `——` subtitle joined).
    pub title: Option<(usize, String)>,
}

/// Everything the lints read about one file.
pub struct Doc<'a> {
    pub src: &'a str,
    pub front: Front,
    pub blocks: Vec<Block>,
    pub doc_type: String,
    /// 成文日期 from the front matter.
    pub date: Option<NaiveDate>,
    pub sections: Vec<Section>,
    pub opts: &'a LintOptions,
    pub out: Vec<Finding>,
}

impl Doc<'_> {
    pub fn push(
        &mut self,
        lint: &'static str,
        off: usize,
        len: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.out.push(Finding {
            lint,
            off,
            len: len.max(1),
            message: message.into(),
            hint: hint.into(),
        });
    }

    /// Reports a finding on characters `i..i+len` of block `b`.
    pub fn at(
        &mut self,
        b: usize,
        i: usize,
        len: usize,
        lint: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let off = self.blocks[b].off(i);
        self.push(lint, off, len, message, hint);
    }

    pub fn is_form(&self) -> bool {
        matches!(self.doc_type.as_str(), "form" | "pledge")
    }
}

/// Checks one file. `path` is shown in the diagnostics (relative to the site); `body_start`
/// is the byte offset of the Markdown body (0: detect a leading `---` block here).
pub fn lint_text(
    path: &str,
    source: &str,
    body_start: usize,
    opts: &LintOptions,
) -> Vec<Diagnostic> {
    lint_file(path, source, body_start, opts)
        .findings
        .into_iter()
        .map(|l| l.diag)
        .collect()
}

/// Like [`lint_text`], keeping span widths and the suppressed findings.
pub fn lint_file(path: &str, source: &str, body_start: usize, opts: &LintOptions) -> Outcome {
    let front = Front::parse(source, body_start);
    let blocks = text::blocks(source, &front);
    let doc_type = opts
        .doc_type
        .clone()
        .or_else(|| {
            let t = front.str("type")?;
            // Chinese names (通知, 告知书…) as the loader accepts them.
            Some(
                crate::content::Kind::parse(&t)
                    .map(|k| k.id().to_string())
                    .unwrap_or(t),
            )
        })
        .unwrap_or_else(|| type_from_path(path).to_string());
    let date = front
        .str("date")
        .and_then(|d| crate::gongwen::date::parse(&d).ok());
    let mut doc = Doc {
        src: source,
        front,
        blocks,
        doc_type,
        date,
        sections: Vec::new(),
        opts,
        out: Vec::new(),
    };
    attachments::sections(&mut doc);
    // Span owners first.
    residue::placeholders(&mut doc);
    docno::run(&mut doc);
    date_lints::run(&mut doc);
    titles::run(&mut doc);
    ordinal::run(&mut doc);
    // Everything else.
    meta::run(&mut doc);
    repeat::run(&mut doc);
    paragraphs::run(&mut doc);
    pairs::run(&mut doc);
    punct::run(&mut doc);
    spacing::run(&mut doc);
    residue::words(&mut doc);
    let Doc { out, front, .. } = doc;
    let index = LineIndex::new(source);
    let mut out = out;
    out.sort_by_key(|f| f.off);
    let mut located: Vec<Located> = out
        .into_iter()
        .filter(|f| !opts.disabled.iter().any(|d| d == f.lint))
        .map(|f| {
            let (line, col) = if f.off == usize::MAX {
                (1, 1)
            } else {
                index.line_col(f.off)
            };
            let diag = Diagnostic::new(severity(f.lint), path, line, col, f.lint, f.message)
                .with_hint(f.hint);
            Located { diag, len: f.len }
        })
        .collect();
    located.sort_by(|a, b| {
        (a.diag.line, a.diag.col, &a.diag.lint).cmp(&(b.diag.line, b.diag.col, &b.diag.lint))
    });
    located.dedup_by(|a, b| a.diag == b.diag);
    let rules = suppress::Rules::parse(source, &front);
    let (suppressed, findings) = located.into_iter().partition(|l| rules.suppresses(&l.diag));
    Outcome {
        findings,
        suppressed,
    }
}

/// The type a file gets from its top folder under `content/` (SPEC "Layout").
pub fn type_from_path(path: &str) -> &'static str {
    crate::content::Kind::from_path(path).id()
}

/// True for the blocks whose text is prose of the document (not front-matter strings).
pub fn is_body(b: &Block) -> bool {
    !matches!(b.kind, Kind::Front(_))
}

#[cfg(test)]
mod tests;
