//! The chrome of the systems a document passes through before it reaches a township, other
//! than portals: a webmail's forwarded message ([`mail`]), an OA system's 发文稿纸 ([`oa`]),
//! an app's share page and a 钉钉 公告 ([`app`]), and a Word or PDF online preview with its
//! running 页眉 ([`pages`]). Each removes what the system put around the document, reported
//! once per kind, and may give fields (the organ on an account card or in a 页眉).

pub mod app;
pub mod mail;
pub mod oa;
pub mod pages;

use super::meta::Field;
use crate::import::{Line, Report};

pub(crate) use super::furniture::Gone;

/// Takes the systems' chrome out of `lines`; returns the rest and the fields read.
pub fn take(lines: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Vec<Field>) {
    let mut gone = Gone::new();
    let mut fields = Vec::new();
    let lines = mail::take(lines, &mut gone);
    let lines = oa::take(lines, &mut gone, &mut fields);
    let lines = app::take(lines, &mut gone, &mut fields);
    let lines = pages::take(lines, &mut gone, &mut fields);
    crate::import::web::furniture::report_removed(rep, "", gone);
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

/// A system's `take` run on `text`: the lines kept and the fields read (for the tests).
#[cfg(test)]
pub(crate) fn run(
    take: fn(Vec<Line>, &mut Gone, &mut Vec<Field>) -> Vec<Line>,
    text: &str,
) -> (Vec<String>, Vec<Field>) {
    let mut fields = Vec::new();
    let kept = take(Line::numbered(text.lines()), &mut Gone::new(), &mut fields);
    (kept.into_iter().map(|l| l.text).collect(), fields)
}
