//! The 信息公开 block's fields written into the recognised main document. What the document
//! itself says (its 文号, 署名, 成文日期, title) wins; the block fills what the document lacks,
//! and every disagreement is a warning at the block's line, so the clerk checks it.

use super::meta::{Field, Meta, first_date};
use crate::gongwen::chars::is_blank;
use crate::gongwen::chars::without_blanks;
use crate::import::Report;
use crate::import::recognize::Document;
use crate::import::recognize::docno::parse_doc_no;

/// 公开方式 as a 公开属性: 主动公开, 依申请公开 or 不予公开; anything else is not one.
pub fn disclosure_of(v: &str) -> Option<&'static str> {
    ["依申请公开", "不予公开", "主动公开"]
        .into_iter()
        .find(|w| v.contains(w))
}

/// The page's 更新时间 as its publication date: only when the page gives no other date (no
/// 发布日期, no 成文日期) and it is within a month after the document's own date (a re-edit
/// two years on is no publication).
fn updated_as_published(meta: &Meta, date: Option<chrono::NaiveDate>) -> Option<&Field> {
    if meta.get("date").is_some() {
        return None;
    }
    let f = meta.get("updated")?;
    let d = first_date(&f.value)?;
    date.is_none_or(|doc| (0..=31).contains(&(d - doc).num_days()))
        .then_some(f)
}

/// Writes the block's fields into the first item of `doc`.
pub fn apply(doc: &mut Document, meta: &Meta, rep: &mut Report) {
    fill(doc, meta, rep);
    ensure_titles(doc, meta, rep);
}

/// No item goes without a title, as the site would not build: the main document takes the
/// block's 标题 when the page gave one, else the file's name; any other item the main
/// title and its place. Each is a warning.
fn ensure_titles(doc: &mut Document, meta: &Meta, rep: &mut Report) {
    let stem = rep
        .source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "导入的文件".into());
    let main_title = match doc.items.first_mut() {
        Some(main) if main.title.trim().is_empty() => {
            let (title, from) = match meta.get("title") {
                Some(f) => (f.value.clone(), format!("信息公开栏的{}", f.label)),
                None => (stem, "文件名".to_string()),
            };
            rep.warning(
                main.line,
                1,
                format!("没有识别出标题，title 按{from}填写为“{title}”"),
            )
            .with_hint("核对导入文件的 title 和 type");
            main.title = title.clone();
            title
        }
        Some(main) => main.title.clone(),
        None => return,
    };
    for (n, item) in doc.items.iter_mut().enumerate().skip(1) {
        if item.title.trim().is_empty() {
            item.title = format!("{main_title}（附件{n}）");
            rep.warning(
                item.line,
                1,
                format!("没有识别出附件的标题，title 填写为“{}”", item.title),
            )
            .with_hint("核对导入文件的 title");
        }
    }
    if doc
        .campaign_title
        .as_deref()
        .is_some_and(|t| t.trim().is_empty())
    {
        doc.campaign_title = Some(main_title);
    }
}

/// Writes the block's fields into the first item of `doc`.
fn fill(doc: &mut Document, meta: &Meta, rep: &mut Report) {
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
    if let Some(f) = meta
        .get("published")
        .or_else(|| updated_as_published(meta, main.date))
    {
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
    // No 署名, and a title opening with its organ ("某镇人民政府关于…"): that name is the
    // issuer's full one, where the block may give it short ("某镇").
    if main.issuer.is_empty()
        && let Some(organ) = title_organ(&main.title)
        && meta
            .get("issuer")
            .is_none_or(|f| organ.contains(f.value.as_str()))
    {
        withdraw(rep, "未识别出发文机关");
        rep.info(
            main.line,
            1,
            format!("文件中没有署名，发文机关按标题开头的机关名称填写为“{organ}”"),
        );
        main.issuer = vec![organ];
    }
    if let Some(f) = meta.get("issuer") {
        let joined = main.issuer.join("、");
        if main.issuer.is_empty() {
            let name = organ::full_name(&f.value).unwrap_or_else(|| f.value.clone());
            withdraw(rep, "未识别出发文机关");
            rep.info(
                f.line,
                f.col,
                format!(
                    "文件中没有署名，发文机关按信息公开栏的{}填写为“{name}”{}",
                    f.label,
                    if name == f.value {
                        String::new()
                    } else {
                        format!("（栏中写作“{}”）", f.value)
                    }
                ),
            );
            main.issuer = vec![name];
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
        && let Some((line, speaker, organ)) = main.speaker_organ.take()
    {
        withdraw(rep, "未识别出发文机关");
        rep.warning(
            line,
            1,
            format!("文件中没有署名，发文机关按讲话人“{speaker}”的职务填写为“{organ}”"),
        )
        .with_hint("核对讲话代表的机关；若不对，请改正导入文件中的 issuer");
        main.issuer = vec![organ];
    }
    if main.issuer.is_empty() {
        organ::fill_issuer(main, meta, rep);
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
    // no other; an official document's 成文日期 is not guessed, except (below) when its
    // signature names its organ without a date, and then with a warning.
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
    // A plan or notice signed by its organ alone, without a date: the page's date of
    // publication stands in for the 成文日期, which the clerk is asked to check.
    if main.date.is_none()
        && main.kind.is_official()
        && let Some(line) = main.undated_signature
        && let Some(d) = main.published
    {
        main.date = Some(d);
        withdraw(rep, crate::import::recognize::UNDATED);
        rep.warning(
            line,
            1,
            format!("落款只有发文机关，没有成文日期，date 暂按网页的发布日期填写为 {d}"),
        )
        .with_hint("核对原件的成文日期；若不同，请改正导入文件中的 date");
    }
    if let Some(f) = meta.get("doc_no") {
        doc_no(main_doc_no(doc), f, rep, doc);
    }
    if let (Some(f), Some(main)) = (meta.get("title"), doc.items.first_mut())
        && organ_left_out(&without_blanks(&f.value), &without_blanks(&main.title))
    {
        rep.info(
            f.line,
            f.col,
            format!(
                "网页上的标题“{}”省去了发文机关，title 按信息公开栏的{}填写为“{}”",
                main.title,
                f.label,
                f.value.trim_matches(is_blank)
            ),
        );
        main.title = f.value.trim_matches(is_blank).to_string();
        main.title_lines.clear();
    }
    if let (Some(f), Some(main)) = (meta.get("title"), doc.items.first())
        && without_blanks(&f.value) != without_blanks(&main.title)
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

/// The organ a title opens with: "某镇人民政府关于…的通知" → 某镇人民政府.
fn title_organ(title: &str) -> Option<String> {
    let (before, _) = title.split_once("关于")?;
    crate::import::recognize::head::is_organ(before).then(|| before.to_string())
}

/// Whether the block's title `block` is the document's `own` with the organ (and 关于) the
/// page's heading left out: "某办公室关于做好…的通知" over "做好…的通知".
fn organ_left_out(block: &str, own: &str) -> bool {
    // "…实施方案（2024—2026年）" over "…实施方案": the years the heading left out.
    if let Some(years) = block.strip_prefix(own)
        && years.starts_with(['（', '('])
        && years.ends_with(['）', ')'])
        && years.contains('年')
        && years.chars().count() <= 16
    {
        return true;
    }
    block.strip_suffix(own).is_some_and(|prefix| {
        let organ = prefix.strip_suffix("关于");
        (organ.is_some() || own.starts_with("关于"))
            && crate::import::recognize::head::is_organ(organ.unwrap_or(prefix))
    })
}

/// Withdraws the recogniser's warning that a field was missing, once the page has given it
/// (a later note says where the value came from).
pub(super) fn withdraw(rep: &mut Report, missing: &str) {
    rep.diagnostics.retain(|d| !d.message.starts_with(missing));
}

fn main_doc_no(doc: &Document) -> Option<String> {
    doc.items.first().and_then(|m| m.doc_no.clone())
}

/// Compares the block's 文号 with the document's (or fills it in).
fn doc_no(own: Option<String>, f: &Field, rep: &mut Report, doc: &mut Document) {
    // "某政〔2025〕19": a 文号 that lost its 号 is kept as the page gives it (nothing the
    // clerk received is dropped); proofreading then reports it at its line.
    let value = without_blanks(&f.value);
    if own.is_none()
        && parse_doc_no(&value).is_none()
        && parse_doc_no(&format!("{value}号")).is_some()
    {
        rep.warning(
            f.line,
            f.col,
            format!(
                "信息公开栏的{}“{}”缺少“号”字，按原样写入 doc_no",
                f.label, f.value
            ),
        )
        .with_hint("核对原件：若原件写作“…号”，请在导入文件的 doc_no 末尾补上“号”");
        doc.items[0].doc_no = Some(value);
        return;
    }
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
        Some(own) if without_blanks(&f.value) != own => {
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

mod organ;
#[cfg(test)]
mod tests;
