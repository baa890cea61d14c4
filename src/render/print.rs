//! Print pages of letters with a roster (mail merge): `print/<slug>.html` with one A4 sheet per
//! roster row, the placeholders `{{列名}}` filled in, the copies remark and a receipt block;
//! `print/<slug>.register.html` and `.csv`, the delivery register (送达登记表). Slugs have no
//! dots, so these names cannot collide with another letter's.

use anyhow::Context as _;
use rayon::prelude::*;
use serde::Serialize;

use super::led::Lexicon;
use super::led::title::break_title_with;
use super::placeholders::BLANK;
use super::templates::{base_context, render};
use super::{Cx, context, escape_html};
use crate::content::Item;
use crate::content::roster::{self, Roster};
use crate::diag::Diagnostic;
use crate::output::Dest;

/// Characters of a letter title line (1.45 × 16 pt in the 156 mm text area).
const LETTER_TITLE_CHARS: usize = 19;

/// Extra columns of the delivery register, filled in by hand.
const REGISTER_BLANKS: [&str; 3] = ["送达日期", "签收人", "备注"];

#[derive(Serialize)]
struct Sheet {
    /// 1-based position in the roster.
    n: usize,
    /// The row's cells by column name.
    cells: serde_json::Map<String, serde_json::Value>,
    /// The recipient (the 单位名称 column, else the first column that is not a number).
    recipient: String,
    /// The title lines and the salutation with this row's cells filled in (escaped by the
    /// template).
    title_lines: Vec<String>,
    salutation: String,
    /// The merged body.
    content: String,
}

/// Output paths of an item's print pages: (sheets, register HTML, register CSV).
pub fn paths(item: &Item) -> (String, String, String) {
    (
        format!("print/{}.html", item.slug),
        format!("print/{}.register.html", item.slug),
        format!("print/{}.register.csv", item.slug),
    )
}

/// Writes the print pages of every letter in `plan` that has a roster.
pub fn render_print(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    let (site, plan, tera, refs, out) = (cx.site, cx.plan, cx.tera, cx.refs, cx.out);
    site.items
        .par_iter()
        .enumerate()
        .filter(|(_, i)| plan.includes(i))
        .filter_map(|(n, i)| i.roster(site).map(|r| (n, i, r)))
        .try_for_each(|(n, item, roster)| {
            let _at = crate::crash::at(item.path());
            let (sheets_rel, register_rel, csv_rel) = paths(item);
            // Print pages are staff materials beside the public `site/` folder.
            let mut ctx = base_context(refs, "../site/");
            ctx.insert_value("page", refs.item_values[n].clone());
            ctx.insert("fm", &context::front_matter(item));
            ctx.insert("letter", &context::letter(item));
            ctx.insert("copies_note", &copies_note(item));
            ctx.insert("copies_cn", &item.fm.int("copies").map(chinese_number));
            ctx.insert("columns", &roster.columns);
            ctx.insert("blanks", &REGISTER_BLANKS);
            ctx.insert("roster_path", &roster.path);
            let lex = (item.title.chars().count() > LETTER_TITLE_CHARS
                || item.title.contains("{{"))
            .then(|| super::led::site::lexicon(site));
            ctx.insert("sheets", &sheets(item, roster, lex.as_deref()));
            ctx.insert("register_url", file_name(&register_rel));
            ctx.insert("register_csv", file_name(&csv_rel));
            let html = render(tera, "print.html", &ctx, &sheets_rel)?;
            let staff = |rel| Dest::staff(rel).from(&item.source);
            out.emit(staff(&sheets_rel), html.as_bytes())
                .with_context(|| format!("写入 {sheets_rel}"))?;
            let html = render(tera, "register.html", &ctx, &register_rel)?;
            out.emit(staff(&register_rel), html.as_bytes())?;
            out.emit(staff(&csv_rel), &register_csv(roster))
        })?;
    Ok(Vec::new())
}

/// The last part of an output path: links between print pages of one folder.
fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// One sheet per row: the body with the row's cells (escaped) in place of the placeholders.
fn sheets(item: &Item, roster: &Roster, lex: Option<&Lexicon>) -> Vec<Sheet> {
    let name_col = ["单位名称", "企业名称", "单位", "名称", "收件单位"]
        .iter()
        .find_map(|c| roster.column(c))
        .or_else(|| {
            roster
                .columns
                .iter()
                .position(|c| !matches!(c.as_str(), "序号" | "编号" | "No" | "no"))
        })
        .unwrap_or(0);
    // `title_lines` as written, else each sheet's title broken between words (the title is
    // 1.45 × 3号, 19 characters to a line of the text area).
    let manual = item.fm.list("title_lines");
    let lines = match &manual {
        l if l.is_empty() => vec![item.title.clone()],
        l => l.clone(),
    };
    let lex = lex.filter(|_| manual.is_empty());
    let letter = context::letter(item);
    let salutation = letter["salutation"].as_str().unwrap_or("").to_string();
    roster
        .rows
        .iter()
        .enumerate()
        .map(|(k, row)| Sheet {
            n: k + 1,
            cells: roster
                .columns
                .iter()
                .map(|c| (c.clone(), roster.cell(row, c).into()))
                .collect(),
            recipient: row.cells.get(name_col).cloned().unwrap_or_default(),
            title_lines: {
                let filled: Vec<String> = lines
                    .iter()
                    .map(|l| {
                        roster::fill(l, |n| {
                            roster.column(n).map(|_| roster.cell(row, n).to_string())
                        })
                    })
                    .collect();
                match lex {
                    Some(lex) => break_title_with(lex, &filled.concat(), LETTER_TITLE_CHARS),
                    None => filled,
                }
            },
            salutation: roster::fill(&salutation, |n| {
                roster.column(n).map(|_| roster.cell(row, n).to_string())
            }),
            content: roster::fill(&item.body.html, |name| {
                if name == "blank" {
                    Some(BLANK.to_string())
                } else {
                    roster
                        .column(name)
                        .map(|_| escape_html(roster.cell(row, name)))
                }
            }),
        })
        .collect()
}

/// "本告知书一式四份。" unless the body already says how many copies.
fn copies_note(item: &Item) -> String {
    match item.fm.int("copies") {
        Some(n) if n > 1 && !crate::markdown::plain::text(&item.body.html).contains("一式") => {
            format!("本{}一式{}份。", item.kind.label(), chinese_number(n))
        }
        _ => String::new(),
    }
}

/// 1–99 in Chinese numerals (四, 十二); larger numbers as digits.
pub fn chinese_number(n: i64) -> String {
    u32::try_from(n).map_or_else(|_| n.to_string(), crate::gongwen::numerals::number)
}

/// The delivery register as CSV: UTF-8 with BOM and CRLF, as Excel on Windows expects.
fn register_csv(roster: &Roster) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let head = std::iter::once("序号")
        .chain(roster.columns.iter().map(String::as_str))
        .chain(REGISTER_BLANKS);
    // Writing to a Vec cannot fail.
    let _ = w.write_record(head.map(defuse));
    for (k, row) in roster.rows.iter().enumerate() {
        let n = (k + 1).to_string();
        let cells = std::iter::once(n.as_str())
            .chain(roster.columns.iter().map(|c| roster.cell(row, c)))
            .chain(REGISTER_BLANKS.map(|_| ""));
        let _ = w.write_record(cells.map(defuse));
    }
    w.into_inner().unwrap_or_default()
}

/// A cell Excel would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`,
/// which Excel shows as text.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        let got: Vec<String> = [1, 4, 10, 12, 20, 35, 120]
            .into_iter()
            .map(chinese_number)
            .collect();
        assert_eq!(got, ["一", "四", "十", "十二", "二十", "三十五", "120"]);
    }

    #[test]
    fn register_csv_has_bom_header_and_blank_columns() {
        let r = roster::parse("r.csv", "单位名称,所属村\n\"甲,公司\",东山村\n".as_bytes()).unwrap();
        let csv = String::from_utf8(register_csv(&r)).unwrap();
        assert_eq!(
            csv,
            "\u{feff}序号,单位名称,所属村,送达日期,签收人,备注\r\n1,\"甲,公司\",东山村,,,\r\n"
        );
        let r = roster::parse(
            "r.csv",
            "单位名称,电话\n=HYPERLINK(\"http://x\"),@SUM(A1)\n".as_bytes(),
        )
        .unwrap();
        let csv = String::from_utf8(register_csv(&r)).unwrap();
        assert!(
            csv.contains("\r\n1,\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),,,\r\n"),
            "{csv}"
        );
    }
}
