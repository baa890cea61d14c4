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
pub struct Findings(HashMap<String, Vec<Diagnostic>>);

impl Findings {
    /// Proofreads `site` (only the documents `changed` names, or all of them) and keeps the
    /// result; returns the terminal report of what was proofread.
    pub fn update(&mut self, site: &Site, changed: Option<&BTreeSet<PathBuf>>) -> String {
        let found = crate::check::site::check_some(site, changed).findings;
        match changed {
            None => self.0.clear(),
            Some(docs) => {
                for d in docs {
                    self.0.remove(&display_path(d));
                }
            }
        }
        for f in &found {
            self.0
                .entry(f.diag.path.clone())
                .or_default()
                .push(f.diag.clone());
        }
        terminal(site, &found, changed.is_none())
    }

    /// Every finding kept, by path, then line and column.
    pub fn all(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self.0.values().flatten().cloned().collect();
        all.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        all
    }

    /// The panel of findings for the page made from `source`, if it has any.
    pub fn panel(&self, source: &str) -> Option<String> {
        let list = self.0.get(source).filter(|l| !l.is_empty())?;
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
