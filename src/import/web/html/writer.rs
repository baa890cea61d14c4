//! A page's nodes as text lines: block elements start lines, `<br>` breaks them, scripts
//! and forms are skipped, a 信息公开 table becomes "label：value" runs, a table of data
//! Markdown rows, a layout table its cells' paragraphs.

use ego_tree::NodeRef;
use scraper::Node;

use super::super::labels::is_strong;
use super::super::meta::label_of;
use super::find::{SKIP, is_block, name};
use super::texts::Texts;
use crate::gongwen::chars::is_blank;

/// Writes the text of `n` into `out` (a list of lines; the last one is being written).
pub(super) struct Writer<'t> {
    pub(super) lines: Vec<String>,
    pub(super) texts: &'t Texts,
}

impl<'t> Writer<'t> {
    pub(super) fn new(texts: &'t Texts) -> Self {
        Writer {
            lines: Vec::new(),
            texts,
        }
    }

    fn newline(&mut self) {
        if self.lines.last().is_none_or(|l| !l.trim().is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn push(&mut self, s: &str) {
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.lines.last_mut().expect("one line").push_str(s);
    }

    fn text(&mut self, t: &str) {
        // HTML whitespace (newlines, runs of spaces) is one space; &nbsp; and U+3000 stay.
        let mut prev_space = self.lines.last().is_none_or(|l| l.ends_with(' '));
        let mut s = String::new();
        for c in t.chars() {
            if c.is_ascii_whitespace() {
                if !prev_space {
                    s.push(' ');
                }
                prev_space = true;
            } else {
                s.push(c);
                prev_space = false;
            }
        }
        self.push(&s);
    }

    pub(super) fn node(&mut self, n: NodeRef<Node>) {
        match n.value() {
            Node::Text(t) => self.text(t),
            Node::Element(e) => {
                let tag = e.name();
                if SKIP.contains(&tag) {
                    return;
                }
                if tag == "br" {
                    self.newline();
                    return;
                }
                if tag == "table" {
                    self.table(n);
                    return;
                }
                let block = is_block(&n);
                if block {
                    self.newline();
                }
                if !block
                    && let Some((label, key)) = self.texts.label(&n)
                    && !key.is_empty()
                    && is_strong(label)
                {
                    self.push(&format!(" {label}："));
                    return;
                }
                for c in n.children() {
                    self.node(c);
                }
                if block {
                    self.newline();
                }
            }
            _ => {
                for c in n.children() {
                    self.node(c);
                }
            }
        }
    }

    /// A table: a 信息公开 table as "label：value" runs, one row a line; a table of data as
    /// Markdown rows; a layout table (one column) as its cells' paragraphs.
    fn table(&mut self, n: NodeRef<Node>) {
        let rows: Vec<NodeRef<Node>> = n
            .descendants()
            .filter(|d| name(d) == Some("tr"))
            .filter(|d| {
                d.ancestors()
                    .find(|a| name(a) == Some("table"))
                    .map(|a| a.id())
                    == Some(n.id())
            })
            .collect();
        let width = rows.iter().map(|r| cells(r).len()).max().unwrap_or(0);
        let labelled = rows.iter().flat_map(cells).any(|c| {
            self.texts
                .label(&c)
                .is_some_and(|(l, k)| !k.is_empty() && is_strong(l))
        });
        self.newline();
        // (A table that lays out the page holds other tables or long blocks of text.)
        if width <= 1 || rows.len() < 2 && !labelled || self.texts.has_long_block(&n) {
            for c in n.children() {
                self.node(c);
            }
            self.newline();
            return;
        }
        for (i, r) in rows.iter().enumerate() {
            let texts: Vec<String> = cells(r)
                .iter()
                .map(|c| {
                    let mut w = Writer::new(self.texts);
                    for ch in c.children() {
                        w.node(ch);
                    }
                    w.lines
                        .iter()
                        .map(|l| l.trim_matches(is_blank))
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            if labelled {
                let row: Vec<String> = texts
                    .iter()
                    // (A page's own label, "公开时限" beside "常年公开", is closed too, so that
                    // its value is no part of the value before it.)
                    .map(|t| match label_of(t) {
                        Some((l, _)) => format!("{l}："),
                        None => t.clone(),
                    })
                    .collect();
                self.push(&row.join(" "));
            } else {
                let mut row = texts
                    .iter()
                    .map(|t| t.replace('|', "\\|"))
                    .collect::<Vec<_>>();
                row.resize(width, String::new());
                self.push(&format!("| {} |", row.join(" | ")));
                if i == 0 {
                    self.newline();
                    self.push(&format!("|{}", " --- |".repeat(width)));
                }
            }
            self.newline();
        }
    }
}

fn cells<'a>(r: &NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
    r.children()
        .filter(|c| matches!(name(c), Some("td" | "th")))
        .collect()
}
