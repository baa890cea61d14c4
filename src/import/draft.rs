//! Documents the site cannot publish as received: a speech (讲话) or a briefing (简报) that
//! names no issuer or no date is imported as a draft (`draft: true`), so the site still
//! builds, with one warning that says exactly which fields to fill in before publishing.

use super::Report;
use super::recognize::Document;
use crate::gongwen::Kind;

/// Marks the main item as a draft when a speech or briefing lacks its issuer or date.
pub fn mark(doc: &mut Document, rep: &mut Report) {
    let Some(main) = doc.items.first_mut() else {
        return;
    };
    if !matches!(main.kind, Kind::Speech | Kind::Briefing) {
        return;
    }
    let mut missing = Vec::new();
    if main.issuer.is_empty() {
        missing.push("issuer（发文机关，如 issuer: 外山乡人民政府）");
    }
    if main.date.is_none() {
        missing.push("date（日期，如 date: 2023-04-06）");
    }
    if missing.is_empty() {
        return;
    }
    main.draft = true;
    rep.warning(
        main.line,
        1,
        format!(
            "这篇{}没有{}，已作为草稿（draft: true）导入，网站暂不发布",
            main.kind.label(),
            if missing.len() == 2 {
                "发文机关和日期"
            } else if main.issuer.is_empty() {
                "发文机关"
            } else {
                "日期"
            }
        ),
    )
    .with_hint(format!(
        "在导入文件的前置信息中填写 {}；确认可以公开后写上 disclosure: 主动公开，再删去 draft: true",
        missing.join("、")
    ));
}
