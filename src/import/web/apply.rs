//! The 信息公开 block's fields written into the recognised main document. What the document
//! itself says (its 文号, 署名, 成文日期, title) wins; the block fills what the document lacks,
//! and every disagreement is a warning at the block's line, so the clerk checks it.

use super::meta::{Field, Meta, first_date, label_of};
use crate::gongwen::chars::is_blank;
use crate::import::Report;
use crate::import::recognize::Document;
use crate::import::recognize::docno::parse_doc_no;
use crate::import::recognize::head::is_organ;

fn squash(s: &str) -> String {
    s.chars().filter(|c| !is_blank(*c)).collect()
}

/// 公开方式 as a 公开属性: 主动公开, 依申请公开 or 不予公开; anything else is not one.
pub fn disclosure_of(v: &str) -> Option<&'static str> {
    ["依申请公开", "不予公开", "主动公开"]
        .into_iter()
        .find(|w| v.contains(w))
}

/// Writes the block's fields into the first item of `doc`.
pub fn apply(doc: &mut Document, meta: &Meta, rep: &mut Report) {
    let Some(main) = doc.items.first_mut() else {
        return;
    };
    let text = |key: &str| meta.get(key).map(|f| f.value.clone());
    main.index_no = text("index_no");
    main.topic = text("topic");
    main.genre = text("genre");
    main.valid = text("valid");
    if let Some(k) = meta.get("keywords") {
        main.keywords = k
            .value
            .split(|c: char| is_blank(c) || "、，,；;".contains(c))
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
    }
    if let Some(f) = meta.get("published") {
        match first_date(&f.value) {
            Some(d) => main.published = Some(d),
            None => not_a_date(f, rep),
        }
    }
    if let Some(f) = meta.get("disclosure") {
        match disclosure_of(&f.value) {
            Some(d) => main.disclosure = Some(d.to_string()),
            None => {
                rep.info(
                    f.line,
                    f.col,
                    format!("{}“{}”不是公开属性，未写入 disclosure", f.label, f.value),
                );
            }
        }
    }
    if let Some(f) = meta.get("issuer") {
        let joined = main.issuer.join("、");
        if main.issuer.is_empty() {
            main.issuer = vec![f.value.clone()];
            withdraw(rep, "未识别出发文机关");
            rep.info(
                f.line,
                f.col,
                format!(
                    "文件中没有署名，发文机关按信息公开栏的{}填写为“{}”",
                    f.label, f.value
                ),
            );
        } else if !joined.contains(&f.value) && !f.value.contains(&joined) {
            rep.warning(
                f.line,
                f.col,
                format!(
                    "信息公开栏的{}“{}”与文件署名“{joined}”不一致，issuer 按署名填写",
                    f.label, f.value
                ),
            )
            .with_hint("核对原件；若署名有误，请改正导入文件中的 issuer");
        }
    }
    if main.issuer.is_empty()
        && let Some(f) = source_organ(meta)
    {
        main.issuer = vec![f.value.clone()];
        withdraw(rep, "未识别出发文机关");
        if is_account(f) {
            rep.warning(
                f.line,
                f.col,
                format!(
                    "文件中没有署名，也没有注明发文机关的来源，发文机关按{}名称填写为“{}”",
                    f.label, f.value
                ),
            )
            .with_hint(format!("{}名称不一定是发文机关的全称：请核对 issuer，若不是发文的机关，请改正导入文件中的 issuer", f.label));
        } else if [
            super::systems::app::CERTIFIED,
            super::systems::pages::HEADER,
        ]
        .contains(&f.label.as_str())
        {
            rep.warning(
                f.line,
                f.col,
                format!(
                    "文件中没有署名，发文机关按{}中的机关名称填写为“{}”",
                    f.label, f.value
                ),
            )
            .with_hint("核对 issuer 是否就是发文的机关；若不是，请改正导入文件中的 issuer");
        } else if let Some(a) = meta.fields.iter().find(|f| is_account(f)) {
            rep.warning(
                f.line,
                f.col,
                format!(
                    "{}“{}”的这篇文章没有署名，发文机关按文中的{}填写为“{}”",
                    a.label, a.value, f.label, f.value
                ),
            )
            .with_hint("核对 issuer 是否就是发文的机关；若不是，请改正导入文件中的 issuer");
        } else {
            rep.warning(
                f.line,
                f.col,
                format!(
                    "文件中没有署名，信息公开栏也没有发布机构，发文机关按网页的{}填写为“{}”",
                    f.label, f.value
                ),
            )
            .with_hint("核对 issuer 是否就是发文的机关；若不是，请改正导入文件中的 issuer");
        }
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
    if let Some(f) = meta.get("date") {
        match (first_date(&f.value), main.date) {
            (None, _) => not_a_date(f, rep),
            (Some(d), None) => {
                main.date = Some(d);
                withdraw(rep, "未找到日期");
                rep.info(
                    f.line,
                    f.col,
                    format!(
                        "文件中没有成文日期，date 按信息公开栏的{}填写为 {d}",
                        f.label
                    ),
                );
            }
            (Some(d), Some(own)) if d != own => {
                rep.warning(
                    f.line,
                    f.col,
                    format!(
                        "信息公开栏的{}“{}”与文件的成文日期 {own} 不一致，date 按文件填写",
                        f.label, f.value
                    ),
                )
                .with_hint("核对原件的成文日期");
            }
            _ => {}
        }
    }
    // News, slogans, letters… are dated by the day the portal published them when they name
    // no other; an official document's 成文日期 is never guessed.
    if main.date.is_none()
        && !main.kind.is_official()
        && let Some(d) = main.published
    {
        main.date = Some(d);
        withdraw(rep, "未找到日期");
        rep.info(
            0,
            0,
            format!("文中没有落款日期，date 按网页的发布日期填写为 {d}"),
        );
    }
    if let Some(f) = meta.get("doc_no") {
        doc_no(main_doc_no(doc), f, rep, doc);
    }
    if let (Some(f), Some(main)) = (meta.get("title"), doc.items.first())
        && squash(&f.value) != squash(&main.title)
    {
        rep.warning(
            f.line,
            f.col,
            format!(
                "信息公开栏的{}“{}”与识别出的标题“{}”不同，title 按文件填写",
                f.label, f.value, main.title
            ),
        )
        .with_hint("核对导入文件的 title");
    }
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
    // The organ an account's card names, or a Word file's 页眉.
    let named = |f: &&Field| {
        f.key.is_empty()
            && [
                super::systems::app::CERTIFIED,
                super::systems::pages::HEADER,
            ]
            .contains(&f.label.as_str())
    };
    meta.fields
        .iter()
        .find(source)
        .or_else(|| meta.fields.iter().find(named))
        .or_else(|| meta.fields.iter().find(account))
        .or_else(|| meta.fields.iter().find(host))
}

/// The name of the account that published the article: a WeChat 公众号, or a 政务号 on a news
/// client's site.
fn is_account(f: &Field) -> bool {
    f.key.is_empty() && (f.label == "公众号" || f.label == super::account::LABEL)
}

/// Withdraws the recogniser's warning that a field was missing, once the page has given it
/// (a later note says where the value came from).
fn withdraw(rep: &mut Report, missing: &str) {
    rep.diagnostics.retain(|d| !d.message.starts_with(missing));
}

fn main_doc_no(doc: &Document) -> Option<String> {
    doc.items.first().and_then(|m| m.doc_no.clone())
}

/// Compares the block's 文号 with the document's (or fills it in).
fn doc_no(own: Option<String>, f: &Field, rep: &mut Report, doc: &mut Document) {
    let Some((normal, _)) = parse_doc_no(&f.value) else {
        rep.warning(
            f.line,
            f.col,
            format!(
                "信息公开栏的{}“{}”无法识别，未写入 doc_no",
                f.label, f.value
            ),
        )
        .with_hint("发文字号的格式为“机关代字〔年份〕序号号”，如“永外委〔2023〕16号”");
        return;
    };
    match own {
        None => {
            doc.items[0].doc_no = Some(normal.clone());
            rep.info(
                f.line,
                f.col,
                format!("文件正文中没有发文字号，doc_no 按信息公开栏填写为“{normal}”"),
            );
        }
        Some(own) if own != normal => {
            rep.warning(
                f.line,
                f.col,
                format!(
                    "信息公开栏的{}“{}”与文件中的发文字号“{own}”不一致，doc_no 按文件填写",
                    f.label, f.value
                ),
            )
            .with_hint("核对原件的发文字号；若文件中的有误，请改正导入文件中的 doc_no");
        }
        Some(own) if squash(&f.value) != own => {
            rep.info(
                f.line,
                f.col,
                format!(
                    "信息公开栏的{}写作“{}”，与文件中的“{own}”写法不同，按规范写法“{own}”填写",
                    f.label, f.value
                ),
            );
        }
        _ => {}
    }
}

fn not_a_date(f: &Field, rep: &mut Report) {
    rep.warning(
        f.line,
        f.col,
        format!(
            "信息公开栏的{}“{}”不是可识别的日期，未写入",
            f.label, f.value
        ),
    )
    .with_hint("日期可写作“2023年4月6日”或“2023-04-06”");
}

#[cfg(test)]
mod tests;
