//! Live proofreading in `serve`: after every rebuild the saved documents are proofread (all of
//! them after a full build), the terminal lists what was found in the saved ones, and each page
//! of the preview shows its own document's findings in a panel with line numbers.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use crate::check::{Located, report};
use crate::content::Site;
use crate::diag::{Diagnostic, Severity, display_path};
use crate::render::escape_html;

/// The proofreading findings of every document, by its path (`content/news/a.md`).
#[derive(Default)]
pub struct Findings {
    by_path: HashMap<String, Vec<Diagnostic>>,
    /// Each document's 文号 (without spaces) when it was last proofread: a save that changes
    /// or removes one may undo another document's duplicate finding.
    doc_nos: HashMap<PathBuf, String>,
}

fn doc_no_key(item: &crate::content::Item) -> Option<String> {
    let key = crate::check::duplicates::key(item.fm.text("doc_no")?);
    (!key.is_empty()).then_some(key)
}

impl Findings {
    /// Proofreads `site` and keeps the result: every document after a full build (`saved` is
    /// `None`), else the saved documents, the ones rendered again because of them (`affected`:
    /// their links may have come right or gone broken) and the ones sharing a 文号 with a saved
    /// one, before or after. Returns the terminal report of the saved documents' findings (`saved`:
    /// every document re-read, also those of saves that failed since the last good rebuild).
    pub fn update(
        &mut self,
        site: &Site,
        saved: Option<&BTreeSet<PathBuf>>,
        affected: &BTreeSet<PathBuf>,
    ) -> String {
        let Some(saved) = saved else {
            let found = crate::check::site::check_some(site, None).findings;
            self.by_path.clear();
            self.keep(&found);
            self.doc_nos = site
                .items
                .iter()
                .filter_map(|i| Some((i.source.clone(), doc_no_key(i)?)))
                .collect();
            return terminal(site, &found, true);
        };
        let mut docs: BTreeSet<PathBuf> = saved.union(affected).cloned().collect();
        docs.extend(self.sharing_doc_nos(site, saved));
        let found = crate::check::site::check_some(site, Some(&docs)).findings;
        for d in &docs {
            self.by_path.remove(&display_path(d));
        }
        self.keep(&found);
        let shown: BTreeSet<String> = saved.iter().map(|p| display_path(p)).collect();
        let own: Vec<Located> = found
            .into_iter()
            .filter(|f| shown.contains(&f.diag.path))
            .collect();
        terminal(site, &own, false)
    }

    fn keep(&mut self, found: &[Located]) {
        for f in found {
            self.by_path
                .entry(f.diag.path.clone())
                .or_default()
                .push(f.diag.clone());
        }
    }

    /// Documents whose duplicate-文号 finding a save may have made or undone (those with the
    /// saved documents' 文号 before or after the save), remembering the new ones.
    fn sharing_doc_nos(&mut self, site: &Site, saved: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
        let mut nos: BTreeSet<String> = BTreeSet::new();
        for s in saved {
            nos.extend(self.doc_nos.remove(s));
        }
        for i in site.items.iter().filter(|i| saved.contains(&i.source)) {
            if let Some(key) = doc_no_key(i) {
                nos.insert(key.clone());
                self.doc_nos.insert(i.source.clone(), key);
            }
        }
        if nos.is_empty() {
            return Vec::new();
        }
        site.items
            .iter()
            .filter(|i| doc_no_key(i).is_some_and(|k| nos.contains(&k)))
            .map(|i| i.source.clone())
            .collect()
    }

    /// Every finding kept, by path, then line and column.
    pub fn all(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self.by_path.values().flatten().cloned().collect();
        all.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        all
    }

    /// The panel of findings for the page made from `source`, if it has any.
    pub fn panel(&self, source: &str) -> Option<String> {
        let list = self.by_path.get(source).filter(|l| !l.is_empty())?;
        let count = |s: Severity| list.iter().filter(|d| d.severity == s).count();
        let mut html = format!(
            "<aside id=\"xuanguan-findings\" aria-label=\"校对结果\" style=\"position:fixed;right:0;bottom:0;\
z-index:2147483646;max-width:34em;max-height:45vh;overflow:auto;background:#fffbe6;color:#222;\
border:2px solid #d48806;padding:8px 12px;font:14px/1.6 system-ui,sans-serif\"><strong>校对 {}：\
{} 个错误，{} 个警告，{} 条提示</strong><button type=\"button\" style=\"float:right\" \
onclick=\"this.parentNode.remove()\">关闭</button><ol style=\"margin:4px 0;padding-left:1.6em\">",
            escape_html(source),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        );
        for d in list {
            let level = match d.severity {
                Severity::Error => "错误",
                Severity::Warning => "警告",
                Severity::Info => "提示",
            };
            html.push_str(&format!(
                "<li>第 {} 行第 {} 列 {level}[{}]：{}",
                d.line,
                d.col,
                escape_html(d.lint),
                escape_html(&d.message)
            ));
            if let Some(hint) = &d.hint {
                html.push_str(&format!("<br><small>{}</small>", escape_html(hint)));
            }
            html.push_str("</li>");
        }
        html.push_str("</ol></aside>");
        Some(html)
    }
}

/// What the terminal shows: the saved documents' findings in full; after a full build, the
/// counts and where to see them.
fn terminal(site: &Site, found: &[Located], all: bool) -> String {
    if found.is_empty() {
        return String::new();
    }
    if all {
        let counts = report::summary(found.iter().map(|f| &f.diag));
        return format!(
            "校对：{}打开页面可在右下角看到这一页的问题；运行 xuanguan check 查看全部。\n",
            counts.trim_end()
        );
    }
    report::human(found, |p| {
        site.items
            .iter()
            .find(|i| i.path() == p)
            .map(|i| i.text.clone())
    })
}
