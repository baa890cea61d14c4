//! `xuanguan check`: the proofreading lints of `docs/lints.md`.
//!
//! [`lint_file`] checks one file as the loader left it (its [`FrontMatter`] and body; nothing
//! is parsed twice): it extracts the text blocks ([`text`]), lets the span-owning lints claim
//! their spans first (placeholders, 文号, dates — "one mistake, one finding"), runs every other
//! family, then applies the suppressions (`suppress`). [`site::check_site`] runs it over every
//! item of a loaded site (in parallel) together with the link/image/attachment checks;
//! [`report`] prints findings for people or as JSON. `cmd::check` and `cmd::build` are the two
//! callers. Every finding names a [`Lint`] of the one table in `lints`.
//!
//! One module per family: `residue` (placeholder-residue, word-list), `docno`, `dates` +
//! `date_lints`, `titles` (trailing-punct-title), `ordinal` (ordinal-punct, heading-sequence,
//! heading-level-order), `meta` (fm-required, issuer-mismatch, jurisdiction-mismatch),
//! `attachments`, `repeat` (repeated-word, repeated-char with jieba), `paragraphs`
//! (broken-paragraph), `pairs` (unbalanced-pair, nested-pair, halfwidth-paren), `punct`
//! (halfwidth-punct, repeated-punct, quoted-list-dunhao, ellipsis-misuse), `spacing`
//! (cjk-space, number-style), `links` (broken-link, missing-image, missing-attachment),
//! `title_break` (title-line-break). `own` holds the site's own words (campaign.yaml
//! `proofreading:`); findings may carry an [`Edit`] (`edit`) that `fix` applies for
//! `check --fix`.
//!
//! Complexity: each lint module states its own in its doc; all are linear in the text of a file
//! except where they say otherwise (`suppress`: O(f·r) for f findings and r suppression
//! ranges). [`lint_file`] adds O(f·log f) to sort the findings, locates them in increasing
//! offset order with one [`LineIndex`] (linear even on a one-line file), and copies each
//! block's characters once per pass that needs a copy.

mod attachments;
pub use crate::gongwen::chars;
mod date_lints;
use crate::gongwen::date_spans as dates;
mod docno;
pub mod duplicates;
mod edit;
pub use edit::Edit;
pub mod fix;
mod fix_front;
pub mod front;
mod links;
mod lints;
mod meta;
mod ordinal;
pub mod own;
mod pairs;
mod paragraphs;
mod punct;
mod repeat;
pub mod report;
mod residue;
pub mod rules;
mod signature;
pub mod site;
mod spacing;
mod suppress;
pub mod tally;
pub mod text;
mod title_break;
mod titles;

use chrono::NaiveDate;

use crate::content::{FrontMatter, Item, Kind as DocKind};
use crate::diag::{Diagnostic, LineIndex};
use front::Front;
pub use lints::{Family, LINTS, Lint};
use text::{Block, Kind};

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

/// What the linter knows about the site beyond the file.
#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// Slugs of the site's items with their titles: an `attachments` entry naming one of them
    /// is a separate document, not a 附件 section of the body.
    pub items: std::sync::Arc<std::collections::HashMap<String, String>>,
    /// The site's own words ([`own`]): what is right here, short names of issuers, misspellings,
    /// rules turned off.
    pub own: std::sync::Arc<own::Words>,
}

/// One file to lint, as the loader left it.
#[derive(Debug, Clone, Copy)]
pub struct File<'a> {
    /// Shown in the diagnostics (relative to the site).
    pub path: &'a str,
    /// The whole text (BOM removed, `\n` line ends).
    pub text: &'a str,
    /// The loaded front matter; `None` when the loader could not read it (the body is still
    /// proofread).
    pub fm: Option<&'a FrontMatter>,
    /// Byte offset of the Markdown body.
    pub body_start: usize,
    /// The document type; `None` for a `type` the loader does not know.
    pub kind: Option<DocKind>,
}

impl<'a> File<'a> {
    /// A loaded item (`path` is [`Item::path`]).
    pub fn item(item: &'a Item, path: &'a str) -> File<'a> {
        File {
            path,
            text: &item.text,
            fm: Some(&item.fm),
            body_start: item.body_start,
            kind: Some(item.kind),
        }
    }

    /// A document the loader left out because of its front matter: only its body is read, and
    /// its type comes from its folder.
    pub fn unloaded(path: &'a str, text: &'a str) -> File<'a> {
        File {
            path,
            text,
            fm: None,
            body_start: front::body_start(text),
            kind: Some(DocKind::from_path(path)),
        }
    }
}

/// One finding before it is located: a byte offset in the file and a span length in chars.
#[derive(Debug, Clone)]
pub struct Finding {
    pub lint: Lint,
    pub off: usize,
    pub len: usize,
    pub message: String,
    pub hint: String,
    /// The mechanical correction, when there is one (`check --fix`).
    pub edits: Vec<Edit>,
}

/// A located finding: the diagnostic plus the width of its span, for the caret line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub diag: Diagnostic,
    /// Span length in characters (at least 1).
    pub len: usize,
    /// The finding's mechanical correction (byte offsets in the file's text).
    pub edits: Vec<Edit>,
}

impl AsRef<Diagnostic> for Located {
    fn as_ref(&self) -> &Diagnostic {
        &self.diag
    }
}

impl Located {
    /// A finding without a span (one caret).
    pub fn of(diag: Diagnostic) -> Located {
        Located {
            diag,
            len: 1,
            edits: Vec::new(),
        }
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
    pub front: Front<'a>,
    pub blocks: Vec<Block>,
    /// The document type; `None` for an unknown `type` (reported by fm-required).
    pub kind: Option<DocKind>,
    /// 成文日期 from the front matter.
    pub date: Option<NaiveDate>,
    pub sections: Vec<Section>,
    pub opts: &'a LintOptions,
    pub out: Vec<Finding>,
}

impl Doc<'_> {
    pub fn push(
        &mut self,
        lint: Lint,
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
            edits: Vec::new(),
        });
    }

    /// Reports a finding on characters `i..i+len` of block `b`.
    pub fn at(
        &mut self,
        b: usize,
        i: usize,
        len: usize,
        lint: Lint,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let off = self.blocks[b].off(i);
        self.push(lint, off, len, message, hint);
    }

    pub fn is_form(&self) -> bool {
        matches!(self.kind, Some(DocKind::Form | DocKind::Pledge))
    }
}

/// Checks one document's text: its front matter read by the loader's reader (as a site's items
/// are), its type from `type` or its folder. `path` is shown in the diagnostics.
pub fn lint_text(path: &str, source: &str, opts: &LintOptions) -> Vec<Diagnostic> {
    lint_source(path, source, opts)
        .findings
        .into_iter()
        .map(|l| l.diag)
        .collect()
}

/// [`lint_text`] with span widths, corrections and the suppressed findings.
pub fn lint_source(path: &str, source: &str, opts: &LintOptions) -> Outcome {
    let (fm, body_start) = front::read(path, source);
    let kind = match fm.as_ref().and_then(|f| f.text("type")) {
        Some(t) => DocKind::parse(t),
        None => Some(DocKind::from_path(path)),
    };
    let file = File {
        path,
        text: source,
        fm: fm.as_ref(),
        body_start,
        kind,
    };
    lint_file(&file, opts, Vec::new())
}

/// Checks one file; `extra` are findings made elsewhere (the site's links) that go through the
/// same locating and suppression. Keeps span widths and the suppressed findings.
pub fn lint_file(file: &File<'_>, opts: &LintOptions, extra: Vec<Finding>) -> Outcome {
    let source = file.text;
    let front = Front::new(source, file.fm, file.body_start);
    let blocks = text::blocks(source, &front);
    let mut doc = Doc {
        src: source,
        front,
        blocks,
        kind: file.kind,
        date: front.date("date"),
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
    title_break::run(&mut doc);
    signature::run(&mut doc);
    ordinal::run(&mut doc);
    // Everything else.
    meta::run(&mut doc);
    repeat::run(&mut doc);
    paragraphs::run(&mut doc);
    pairs::run(&mut doc);
    punct::run(&mut doc);
    spacing::run(&mut doc);
    residue::words(&mut doc);
    let mut out = doc.out;
    opts.own.keep_right_words(source, &mut out);
    out.extend(extra);
    out.sort_by_key(|f| f.off);
    let rules = suppress::Rules::parse(source, &front);
    let index = LineIndex::new(source);
    let locate = |f: Finding| {
        let (line, col) = if f.off == usize::MAX {
            (1, 1)
        } else {
            index.line_col(f.off)
        };
        let diag = Diagnostic::new(
            f.lint.severity(),
            file.path,
            line,
            col,
            f.lint.id(),
            f.message,
        )
        .with_hint(f.hint);
        Located {
            diag,
            len: f.len,
            edits: f.edits,
        }
    };
    let mut located: Vec<Located> = out.into_iter().map(locate).collect();
    sort_in_file(&mut located);
    located.dedup_by(|a, b| a.diag == b.diag);
    let (suppressed, mut findings): (Vec<_>, Vec<_>) = located
        .into_iter()
        .partition(|l| rules.suppresses(&l.diag) || opts.own.disables(l.diag.lint));
    // A mistaken suppression is reported whatever else is suppressed.
    findings.extend(rules.problems.into_iter().map(locate));
    sort_in_file(&mut findings);
    Outcome {
        findings,
        suppressed,
    }
}

fn sort_in_file(located: &mut [Located]) {
    located.sort_by(|a, b| {
        (a.diag.line, a.diag.col, &a.diag.lint).cmp(&(b.diag.line, b.diag.col, &b.diag.lint))
    });
}

/// True for the blocks whose text is prose of the document (not front-matter strings).
pub fn is_body(b: &Block) -> bool {
    !matches!(b.kind, Kind::Front(_))
}

#[cfg(test)]
mod tests;
