//! The chrome of the systems a document passes through before it reaches a township, other
//! than portals: a webmail's forwarded message ([`mail`]), an OA system's 发文稿纸 ([`oa`]),
//! an app's share page and a 钉钉 公告 ([`app`]), and a Word or PDF online preview with its
//! running 页眉 ([`pages`]). Each removes what the system put around the document, reported
//! once per kind, and may give fields (the organ on an account card or in a 页眉).

pub mod app;
pub mod mail;
pub mod oa;
pub mod pages;

use std::collections::BTreeMap;

use super::meta::Field;
use crate::import::{Line, Report};

/// Lines removed, by what they were.
pub(crate) type Gone = BTreeMap<&'static str, Vec<(usize, String)>>;

/// Takes the systems' chrome out of `lines`; returns the rest and the fields read.
pub fn take(lines: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Vec<Field>) {
    let mut gone = Gone::new();
    let mut fields = Vec::new();
    let lines = mail::take(lines, &mut gone);
    let lines = oa::take(lines, &mut gone, &mut fields);
    let lines = app::take(lines, &mut gone, &mut fields);
    let lines = pages::take(lines, &mut gone, &mut fields);
    for (what, at) in gone {
        if at.is_empty() {
            continue;
        }
        let nos: Vec<String> = at.iter().take(8).map(|(n, _)| n.to_string()).collect();
        let sample: Vec<&str> = at.iter().take(3).map(|(_, t)| t.as_str()).collect();
        rep.info(
            at[0].0,
            1,
            format!(
                "已删除{what}（第 {}{} 行：“{}”{}）",
                nos.join("、"),
                if at.len() > 8 { "…" } else { "" },
                sample.join("”“"),
                if at.len() > 3 { "等" } else { "" }
            ),
        );
    }
    (lines, fields)
}

/// Moves `lines` into `gone` under `what`.
pub(crate) fn drop_all(gone: &mut Gone, what: &'static str, lines: impl IntoIterator<Item = Line>) {
    let at = gone.entry(what).or_default();
    at.extend(lines.into_iter().map(|l| (l.no, l.plain())));
}

/// A field the chrome gives.
pub(crate) fn field(label: &str, value: String, line: usize) -> Field {
    Field {
        key: "",
        label: label.into(),
        value,
        line,
        col: 1,
    }
}
