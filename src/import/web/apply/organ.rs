//! The issuer of a document that names none (no 署名, no 发布机构 in the block): the organ the
//! page names elsewhere, from the most to the least certain — its 来源, a news story's closing
//! byline, an account's card or a Word file's 页眉, the account's own name, the footer's
//! 主办单位 — each with a warning to check it.

use super::withdraw;
use crate::import::Report;
use crate::import::recognize::Item;
use crate::import::recognize::head::is_organ;
use crate::import::web::meta::{Field, Meta, label_of};

/// Fills `main.issuer` (empty) from the page, saying where it came from.
pub(super) fn fill_issuer(main: &mut Item, meta: &Meta, rep: &mut Report) {
    // A news story that names no organ but the site's: the township its headline opens with
    // ("龙沟集镇开展…") is the one that reports it, not the county that runs the portal.
    let weak = |f: &Field| {
        f.key.is_empty()
            && (f.label == "主办单位" || f.label == super::super::furniture::HEADER_ORGAN)
    };
    // (An account's article is left to the account's rule: its name is reported, not replaced.)
    if main.kind == crate::gongwen::Kind::News
        && source_organ(meta).is_none_or(weak)
        && !meta.fields.iter().any(is_account)
        // (A headline over two lines, its kicker first — "筑牢防线" over "某镇扎实开展…":
        // the town is the one a line opens with.)
        && let Some(town) = (main.title_lines.iter())
            .find_map(|l| headline_town(l))
            .or_else(|| headline_town(&main.title))
    {
        withdraw(rep, "未识别出发文机关");
        rep.warning(
            main.line,
            1,
            format!("文件中没有署名，也没有注明来源机关，发文机关按标题开头的地名填写为“{town}”"),
        )
        .with_hint("核对 issuer 是否就是发稿的机关；若不是，请改正导入文件中的 issuer");
        main.issuer = vec![town];
        return;
    }
    if let Some(f) = source_organ(meta) {
        // A township named by its place alone is completed (an account's name is kept).
        let full = (!is_account(f)).then(|| full_name(&f.value)).flatten();
        let name = full.clone().unwrap_or_else(|| f.value.clone());
        main.issuer = vec![name.clone()];
        if full.is_some() {
            rep.info(
                f.line,
                f.col,
                format!(
                    "网页只写了“{}”，发文机关按其人民政府（办事处）的全称填写为“{name}”",
                    f.value
                ),
            );
        }
        withdraw(rep, "未识别出发文机关");
        let check = "核对 issuer 是否就是发文的机关；若不是，请改正导入文件中的 issuer".to_string();
        let (msg, hint) = if is_account(f) {
            (
                format!(
                    "文件中没有署名，也没有注明发文机关的来源，发文机关按{}名称填写为“{}”",
                    f.label, f.value
                ),
                format!(
                    "{}名称不一定是发文机关的全称：请核对 issuer，若不是发文的机关，请改正导入文件中的 issuer",
                    f.label
                ),
            )
        } else if f.label == crate::import::web::byline::LABEL {
            (
                format!(
                    "文件中没有署名，发文机关按文末括号中的供稿机关填写为“{}”",
                    name
                ),
                check,
            )
        } else if [
            crate::import::web::systems::app::CERTIFIED,
            crate::import::web::systems::pages::HEADER,
        ]
        .contains(&f.label.as_str())
        {
            (
                format!(
                    "文件中没有署名，发文机关按{}中的机关名称填写为“{}”",
                    f.label, name
                ),
                check,
            )
        } else if let Some(a) = meta.fields.iter().find(|f| is_account(f)) {
            (
                format!(
                    "{}“{}”的这篇文章没有署名，发文机关按文中的{}填写为“{}”",
                    a.label, a.value, f.label, name
                ),
                check,
            )
        } else {
            (
                format!(
                    "文件中没有署名，信息公开栏也没有发布机构，发文机关按网页的{}填写为“{}”",
                    f.label, name
                ),
                check,
            )
        };
        rep.warning(f.line, f.col, msg).with_hint(hint);
    }
    if main.issuer.is_empty()
        && let Some(f) = meta.fields.iter().find(|f| is_account(f))
    {
        rep.warning(
            f.line,
            f.col,
            format!(
                "文件中没有署名，也没有注明发文机关的来源；{}“{}”不是机关名称，未作为发文机关",
                f.label, f.value
            ),
        )
        .with_hint("请向发布这篇文章的单位核实发文机关，在前置信息中补上 issuer（机关全称，如 issuer: 白鹭镇人民政府）");
    }
}

/// The full name of a township's or a street's government when a page names it by its
/// place alone: 某镇 → 某镇人民政府, 某乡 → 某乡人民政府, 某街道 → 某街道办事处.
pub(super) fn full_name(v: &str) -> Option<String> {
    let n = v.chars().count();
    let place = v.chars().all(crate::gongwen::chars::is_han) && (3..=10).contains(&n);
    if !place {
        return None;
    }
    if v.ends_with("街道") {
        Some(format!("{v}办事处"))
    } else if (v.ends_with('镇') || v.ends_with('乡')) && !v.ends_with("城镇") {
        Some(format!("{v}人民政府"))
    } else {
        None
    }
}

/// The township or street a headline opens with, as its government's name: "龙沟集镇开展
/// 节前检查" → 龙沟集镇人民政府; none for "全镇…", "各乡镇…".
pub(super) fn headline_town(title: &str) -> Option<String> {
    let place = crate::import::recognize::kind::town_of_headline(title)?;
    // "西畈镇各村开展…": the township named before its villages.
    let cs: Vec<char> = place.chars().collect();
    (3..=cs.len()).find_map(|n| full_name(&cs[..n].iter().collect::<String>()))
}

/// The page's 来源 (信息来源, 稿源…) when it names an organ, else a WeChat article's account
/// when its name is an organ's, else the footer's 主办单位.
fn source_organ(meta: &Meta) -> Option<&Field> {
    let source = |f: &&Field| {
        f.key.is_empty()
            && label_of(&f.label).is_some_and(|(l, _)| l.ends_with("来源") || l == "稿源")
            && is_organ(&f.value)
    };
    let account = |f: &&Field| is_account(f) && is_organ(&f.value);
    let host = |f: &&Field| f.key.is_empty() && f.label == "主办单位";
    let header = |f: &&Field| f.key.is_empty() && f.label == super::super::furniture::HEADER_ORGAN;
    // The organ an account's card names, or a Word file's 页眉.
    let named = |f: &&Field| {
        f.key.is_empty()
            && [
                crate::import::web::systems::app::CERTIFIED,
                crate::import::web::systems::pages::HEADER,
            ]
            .contains(&f.label.as_str())
    };
    let byline = |f: &&Field| f.key.is_empty() && f.label == crate::import::web::byline::LABEL;
    meta.fields
        .iter()
        .find(source)
        .or_else(|| meta.fields.iter().find(byline))
        .or_else(|| meta.fields.iter().find(named))
        .or_else(|| meta.fields.iter().find(account))
        .or_else(|| meta.fields.iter().find(header))
        .or_else(|| meta.fields.iter().find(host))
}

/// The name of the account that published the article: a WeChat 公众号, or a 政务号 on a news
/// client's site.
fn is_account(f: &Field) -> bool {
    f.key.is_empty() && (f.label == "公众号" || f.label == crate::import::web::account::LABEL)
}
