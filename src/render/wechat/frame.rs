//! What surrounds the body in the fragment: 附件 lines, the signature of notices and letters,
//! the closing 注释 and 参考链接 lists, and the government footer 来源/编辑/审核.
//!
//! Complexity: `attachments` looks each listed name up among the site's items (O(a·i)); `notes`
//! orders the footnote definitions by their first reference with list searches, O(k²) for k
//! footnotes of one article (not linear, but k is what one article writes); the reference list
//! is one pass.

use super::Meta;
use super::body::Body;
use super::style::Styles;
use super::text::{circled, escape};
use crate::content::{Item, Site, date};

/// The 附件 lines of a notice (GB/T 9704 §7.3.6), titles of attached items where they exist.
pub(super) fn attachments(html: &mut String, site: &Site, item: &Item) {
    let names: Vec<String> = item
        .fm
        .list("attachments")
        .into_iter()
        .map(|a| {
            site.items
                .iter()
                .find(|i| i.slug == a || i.title == a)
                .map(|i| i.title.clone())
                .unwrap_or(a)
        })
        .collect();
    let numbered = names.len() > 1;
    for (n, name) in names.iter().enumerate() {
        let (style, lead) = if n == 0 {
            ("margin:16px 0 4px;", "附件：")
        } else {
            ("margin:0 0 4px;padding-left:3em;", "")
        };
        let num = if numbered {
            format!("{}. ", n + 1)
        } else {
            String::new()
        };
        html.push_str(&format!(
            "<p style=\"{style}\">{lead}{num}{}</p>\n",
            escape(name)
        ));
    }
}

pub(super) fn signature(html: &mut String, item: &Item, st: &Styles) {
    let issuer = item.fm.list("issuer");
    let mut lines: Vec<String> = issuer.iter().map(|s| escape(s)).collect();
    if let Some(d) = item.date {
        lines.push(date::chinese(d));
    }
    for (n, l) in lines.iter().enumerate() {
        let top = if n == 0 { "margin-top:24px;" } else { "" };
        html.push_str(&format!("<p style=\"{}{top}\">{l}</p>\n", st.signature()));
    }
}

/// The closing 注释 (footnotes) and 参考链接 (external links) lists.
pub(super) fn notes(html: &mut String, body: &Body, st: &Styles) {
    let mut order: Vec<&str> = body.refs.notes.iter().map(String::as_str).collect();
    for (label, _) in &body.notes {
        if !order.contains(&label.as_str()) {
            order.push(label);
        }
    }
    let defs: Vec<(usize, &str)> = order
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let def = body.notes.iter().find(|(label, _)| label == l)?;
            Some((i + 1, def.1.as_str()))
        })
        .filter(|(_, d)| !d.trim().is_empty())
        .collect();
    if !defs.is_empty() {
        html.push_str(&format!("<p style=\"{}\">注释</p>\n", st.notes_title()));
        for (n, d) in defs {
            let mark = circled(n);
            html.push_str(&format!(
                "<p style=\"{}\">{mark} {}</p>\n",
                st.note(),
                d.trim()
            ));
        }
    }
    if !body.refs.links.is_empty() {
        html.push_str(&format!("<p style=\"{}\">参考链接</p>\n", st.notes_title()));
        for (i, (t, u)) in body.refs.links.iter().enumerate() {
            html.push_str(&format!(
                "<p style=\"{}\">[{}] {}：{}</p>\n",
                st.note(),
                i + 1,
                escape(t),
                escape(u)
            ));
        }
    }
}

/// The government-account line 来源：… 编辑：… 审核：….
pub(super) fn footer(html: &mut String, meta: &Meta, st: &Styles) {
    let parts: Vec<String> = [
        ("来源", &meta.source),
        ("编辑", &meta.editor),
        ("审核", &meta.reviewer),
    ]
    .iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| format!("{k}：{}", escape(v.trim())))
    .collect();
    if !parts.is_empty() {
        html.push_str(&format!(
            "<p style=\"{}\">{}</p>\n",
            st.footer(),
            parts.join("　")
        ));
    }
}
