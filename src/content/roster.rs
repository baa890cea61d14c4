//! Rosters: the tables in `content/data` (CSV or YAML) that letters are mail-merged over.
//! A letter names its roster with `roster:`; its body uses the columns as `{{列名}}`.
//! Every problem names the roster file with its row and column, or the placeholder in the
//! letter.
//!
//! Complexity: [`placeholders`] and [`fill`] are O(n) in the bytes of a text (n): the next
//! `}}` and the next brace are remembered while the scan moves forward, and only a
//! brace-free span is read as a name (no later `{{` starts inside it). Parsing a roster is
//! O(b + r·c²) for b bytes, r rows and c columns (a duplicate column name is looked for among
//! the columns before it). `check_fields` is not linear: each `{{` and `}}` is looked up in
//! the list of placeholders (O(p²) for p of them), each placeholder is searched in the
//! rendered body (O(p·n)), and each error is located from the top of the file; p is what a
//! letter writes, and `check_fields` runs only for letters with a roster.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;

use super::Item;
use crate::diag::{Diagnostic, line_col};

/// Rows a roster may have: every row becomes an A4 sheet of one HTML page, which a browser
/// must still open and print.
pub const MAX_ROWS: usize = 10_000;

/// One parsed table.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    /// As shown in messages, e.g. `content/data/enterprises.csv`.
    pub path: String,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based line of the row in the file.
    pub line: usize,
    pub cells: Vec<String>,
    /// 1-based (line, column) where each cell is written (for messages).
    pub at: Vec<(usize, usize)>,
}

impl Roster {
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// The cell of `row` in column `name` (empty when the column is missing).
    pub fn cell<'a>(&self, row: &'a Row, name: &str) -> &'a str {
        self.column(name)
            .and_then(|c| row.cells.get(c))
            .map_or("", |s| s.as_str())
    }
}

/// The placeholders `{{名称}}` of a text, with their byte offsets (`{{blank}}` is not one).
pub fn placeholders(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    // The next `}}` and the next brace, remembered while the scan moves forward: searched
    // afresh from every `{{`, a run of them was quadratic.
    let (mut close, mut brace) = (None, None);
    while let Some(s) = text[from..].find("{{").map(|o| from + o) {
        let Some(e) = next_at(&mut close, text, s + 2, |t| t.find("}}")) else {
            break;
        };
        // A brace is never trimmed away: one before `e` refuses the name without reading it
        // (only brace-free spans are read, and no later `{{` starts inside one).
        let braced =
            next_at(&mut brace, text, s + 2, |t| t.find(['{', '}'])).is_some_and(|b| b < e);
        let name = (!braced)
            .then(|| text[s + 2..e].trim())
            .filter(|n| !n.is_empty() && !n.contains('\n') && n.chars().count() <= 20);
        if let Some(name) = name {
            out.push((s, name));
            from = e + 2;
        } else {
            from = s + 2;
        }
    }
    out
}

/// The first match at or after `from` (`from` never decreases between calls with one `memo`,
/// so a remembered match at or after it, or a remembered absence, is still the answer).
fn next_at(
    memo: &mut Option<Option<usize>>,
    text: &str,
    from: usize,
    find: impl Fn(&str) -> Option<usize>,
) -> Option<usize> {
    match *memo {
        Some(Some(p)) if p >= from => return Some(p),
        Some(None) => return None,
        _ => {}
    }
    let found = find(&text[from..]).map(|o| from + o);
    *memo = Some(found);
    found
}

/// Replaces every `{{列名}}` in `html` with `value(列名)`, already escaped by the caller.
pub fn fill(html: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (at, name) in placeholders(html) {
        if let Some(v) = value(name) {
            out.push_str(&html[last..at]);
            out.push_str(&v);
            last = at + html[at..].find("}}").map_or(0, |e| e + 2);
        }
    }
    out.push_str(&html[last..]);
    out
}

/// The roster value of a letter, relative to `content/data` (`enterprises.csv`,
/// `data/enterprises.csv` and `content/data/enterprises.csv` all name the same file), or
/// `None` when it points outside `content/data`.
pub fn relative(value: &str) -> Option<PathBuf> {
    if super::paths::is_absolute(value.trim()) || super::paths::has_parent(value) {
        return None;
    }
    let p = Path::new(value.trim());
    let p = p.strip_prefix("content").unwrap_or(p);
    let p = p.strip_prefix("data").unwrap_or(p);
    let ok = !p.as_os_str().is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    ok.then(|| p.to_path_buf())
}

/// Reads the rosters named by `items` and checks each letter's placeholders against its
/// roster. Returns the rosters by their path relative to `content/data`.
pub fn load_all(
    root: &Path,
    items: &[Item],
) -> Result<BTreeMap<PathBuf, Arc<Roster>>, Vec<Diagnostic>> {
    let mut rosters: BTreeMap<PathBuf, Arc<Roster>> = BTreeMap::new();
    // Rosters that could not be read are reported once, not once per letter.
    let mut failed: Vec<PathBuf> = Vec::new();
    let mut diags = Vec::new();
    let data = root.join("content").join("data");
    for item in items {
        let Some(value) = item.fm.text("roster") else {
            continue;
        };
        let at = |diags: &mut Vec<Diagnostic>, msg: String, hint: &str| {
            let (line, col) = item.fm.at("roster");
            diags.push(Diagnostic::error(item.path(), line, col, "roster", msg).with_hint(hint));
        };
        let Some(rel) = relative(value) else {
            at(
                &mut diags,
                format!("名单“{value}”不在 content/data 文件夹里"),
                "把名单表格放进 content/data，写成“名单: 文件名.csv”，不要用 .. 或绝对路径。",
            );
            continue;
        };
        if failed.contains(&rel) {
            continue;
        }
        if !rosters.contains_key(&rel) {
            failed.push(rel.clone());
            let full = data.join(&rel);
            let inside = full.canonicalize().ok().zip(data.canonicalize().ok());
            match inside {
                Some((f, d)) if f.starts_with(&d) && f.is_file() => {}
                Some((f, _)) if f.is_dir() => {
                    at(
                        &mut diags,
                        format!("名单“{value}”是一个文件夹，不是表格文件"),
                        "写出文件夹里的表格文件名，例如“名单: 企业/enterprises.csv”。",
                    );
                    continue;
                }
                Some(_) => {
                    at(
                        &mut diags,
                        format!("名单“{value}”是指向站点以外的链接，已拒绝"),
                        "把名单表格复制到 content/data 里，不要使用快捷方式或符号链接。",
                    );
                    continue;
                }
                None => {
                    at(
                        &mut diags,
                        format!("找不到名单文件 content/data/{}", rel.display()),
                        "检查文件名（包括 .csv 或 .yaml 后缀）是否写对，文件是否放在 content/data 里。",
                    );
                    continue;
                }
            }
            let shown = format!("content/data/{}", rel.display()).replace('\\', "/");
            let Ok(bytes) = std::fs::read(&full) else {
                at(
                    &mut diags,
                    format!("无法读取名单文件 {shown}"),
                    "检查文件是否被其他程序（如 Excel）占用，或是否有读取权限。",
                );
                continue;
            };
            let parsed = parse(&shown, &bytes);
            match parsed {
                Ok(r) => {
                    failed.pop();
                    rosters.insert(rel.clone(), Arc::new(r));
                }
                Err(d) => {
                    diags.extend(d);
                    continue;
                }
            }
        }
        check_fields(item, &rosters[&rel], &mut diags);
    }
    if diags.is_empty() {
        Ok(rosters)
    } else {
        Err(diags)
    }
}

/// Each placeholder of the letter names a column, and no row leaves a used column empty.
fn check_fields(item: &Item, roster: &Roster, diags: &mut Vec<Diagnostic>) {
    let mut used: Vec<&str> = Vec::new();
    let found = placeholders(&item.text);
    let mut err = |at: usize, msg: String, hint: &str| {
        let (line, col) = line_col(&item.text, at);
        diags.push(Diagnostic::error(item.path(), line, col, "roster", msg).with_hint(hint));
    };
    // Braces that are no placeholder: a typo would print "{{单位名称}" on every sheet.
    let ends: Vec<usize> = found
        .iter()
        .filter_map(|(at, _)| item.text[*at..].find("}}").map(|e| at + e))
        .collect();
    for (at, _) in item.text.match_indices("{{") {
        if !found.iter().any(|(p, _)| *p == at) {
            err(
                at,
                "“{{”没有配对的“}}”".into(),
                "占位符写成 {{列名}}，两边各两个花括号。",
            );
        }
    }
    for (at, _) in item.text.match_indices("}}") {
        if !ends.contains(&at) {
            err(
                at,
                "“}}”没有配对的“{{”".into(),
                "占位符写成 {{列名}}，两边各两个花括号。",
            );
        }
    }
    for &(at, name) in &found {
        if name == "blank" {
            continue;
        }
        // Filled in the rendered body: a placeholder inside a link target or code is not.
        let end = item.text[at..].find("}}").map_or(at, |e| at + e + 2);
        if at >= item.body_start && !item.body.html.contains(&item.text[at..end]) {
            err(
                at,
                format!(
                    "占位符“{}”写在链接地址、代码或 HTML 里，无法逐户填入",
                    &item.text[at..end]
                ),
                "占位符只能写在正文文字中。",
            );
            continue;
        }
        if roster.column(name).is_none() {
            err(
                at,
                format!("名单 {} 中没有“{name}”这一列", roster.path),
                &format!(
                    "名单的列有：{}。把 {{{{{name}}}}} 改成其中之一，或在名单里加上这一列。",
                    roster.columns.join("、")
                ),
            );
        } else if !used.contains(&name) {
            used.push(name);
        }
    }
    let csv = !roster.path.ends_with(".yaml") && !roster.path.ends_with(".yml");
    for (k, row) in roster.rows.iter().enumerate() {
        for name in &used {
            if roster.cell(row, name).trim().is_empty() {
                let c = roster.column(name).unwrap_or(0);
                let (line, col) = row.at.get(c).copied().unwrap_or((row.line, 1));
                let msg = if csv {
                    format!("第 {} 行“{name}”一栏是空的（第 {} 列）", row.line, c + 1)
                } else {
                    format!("第 {} 家单位的“{name}”是空的", k + 1)
                };
                diags.push(
                    Diagnostic::error(&roster.path, line, col, "roster", msg).with_hint(format!(
                        "{} 用到了“{name}”，每一行都要填写；不需要这一家时删掉整行。",
                        item.path()
                    )),
                );
            }
        }
    }
}

/// Parses a CSV (UTF-8, with or without BOM, or GBK as Excel saves it) or YAML (a list of
/// maps) table. The first CSV row names the columns.
pub fn parse(path: &str, bytes: &[u8]) -> Result<Roster, Vec<Diagnostic>> {
    let text = decode(bytes);
    let controls = control_chars(path, &text);
    if !controls.is_empty() {
        return Err(controls);
    }
    let yaml = path.ends_with(".yaml") || path.ends_with(".yml");
    let r = if yaml {
        parse_yaml(path, &text)?
    } else {
        parse_csv(path, &text)?
    };
    if let Some(row) = r.rows.get(MAX_ROWS) {
        return Err(vec![
            Diagnostic::error(
                path,
                row.line,
                1,
                "roster",
                format!("名单有 {} 行，超过了 {MAX_ROWS} 行的上限", r.rows.len()),
            )
            .with_hint("一个名单套打出的页面要能在浏览器里打开和打印：请按村或行业拆成几个名单，分别套打。"),
        ]);
    }
    if r.rows.is_empty() {
        return Err(vec![
            Diagnostic::error(path, 1, 1, "roster", "名单里没有数据行")
                .with_hint("第一行写列名，从第二行起每行一家单位。"),
        ]);
    }
    Ok(r)
}

/// At most this many control characters are reported per roster.
const MAX_CONTROLS: usize = 10;

/// Control characters in a roster (other than tab and line ends): each would reach every
/// merged letter and the register, where no one sees it. One error at each, up to ten.
fn control_chars(path: &str, text: &str) -> Vec<Diagnostic> {
    text.char_indices()
        .filter(|&(_, ch)| ch != '\r' && super::frontmatter::is_control(ch))
        .take(MAX_CONTROLS)
        .map(|(at, ch)| {
            let (line, col) = line_col(text, at);
            Diagnostic::error(
                path,
                line,
                col,
                "roster",
                format!(
                    "名单里有一个看不见的控制字符 U+{:04X}，会原样进入每一封套打的信",
                    u32::from(ch)
                ),
            )
            .with_hint(
                "多半是从别的系统复制来的：在表格软件里重新输入这一格，或删掉这个字符后再保存。",
            )
        })
        .collect()
}

fn decode(bytes: &[u8]) -> String {
    crate::gongwen::decode::decode(bytes).text
}

fn parse_csv(path: &str, text: &str) -> Result<Roster, Vec<Diagnostic>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    if let Some(open) = unclosed_quote(text) {
        let (line, col) = line_col(text, open);
        return Err(vec![
            Diagnostic::error(
                path,
                line,
                col,
                "roster",
                "这里的英文双引号没有配对，后面的内容都被当成了一格",
            )
            .with_hint(
                "补上另一半引号，或删掉这个引号；单元格里有逗号时整格用一对英文双引号括起来。",
            ),
        ]);
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut columns: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut diags = Vec::new();
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                diags.push(
                    Diagnostic::error(path, line, 1, "roster", "这一行不是合法的 CSV")
                        .with_hint("检查引号是否成对；单元格里有逗号时整格用英文双引号括起来。"),
                );
                break;
            }
        };
        let line = rec.position().map_or(0, |p| p.line() as usize);
        let cols = cell_columns(lines.get(line.saturating_sub(1)).copied().unwrap_or(""));
        let col = |k: usize| cols.get(k).copied().unwrap_or(1);
        let cells: Vec<String> = rec.iter().map(|c| c.trim().to_string()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if columns.is_empty() {
            for (k, c) in cells.iter().enumerate() {
                if c.is_empty() || cells[..k].contains(c) {
                    let what = if c.is_empty() {
                        "没有列名"
                    } else {
                        "列名重复"
                    };
                    diags.push(
                        Diagnostic::error(
                            path,
                            line,
                            col(k),
                            "roster",
                            format!("第 {} 列{what}", k + 1),
                        )
                        .with_hint(
                            "第一行是列名，每列一个不同的名字，例如 单位名称,主要负责人,所属村。",
                        ),
                    );
                }
            }
            columns = cells;
            continue;
        }
        if cells.len() > columns.len() {
            diags.push(
                Diagnostic::error(
                    path,
                    line,
                    col(columns.len()),
                    "roster",
                    format!(
                        "这一行有 {} 格，比列名多（{} 列）",
                        cells.len(),
                        columns.len()
                    ),
                )
                .with_hint("单元格里有逗号时整格用英文双引号括起来，或删掉多余的格。"),
            );
        }
        let at = (0..cells.len()).map(|k| (line, col(k))).collect();
        rows.push(Row { line, cells, at });
    }
    finish(path, columns, rows, diags)
}

fn parse_yaml(path: &str, text: &str) -> Result<Roster, Vec<Diagnostic>> {
    let value = crate::yaml::parse(text).map_err(|e| {
        vec![
            Diagnostic::error(path, e.line, e.col, "roster", e.message.clone())
                .with_hint("名单写成列表，每一项一家单位，例如“- 单位名称: 某某公司”。"),
        ]
    })?;
    let Value::Array(list) = value else {
        return Err(vec![
            Diagnostic::error(path, 1, 1, "roster", "YAML 名单应当是一个列表")
                .with_hint("每家单位一项，以“- ”开头，例如“- 单位名称: 某某公司”。"),
        ]);
    };
    // Row lines: the outermost "- " items, in order.
    let lines: Vec<&str> = text.lines().collect();
    let item = |l: &str| {
        let t = l.trim_start();
        (t.starts_with("- ") || t == "-").then(|| l.len() - t.len())
    };
    let indent = lines.iter().filter_map(|l| item(l)).min().unwrap_or(0);
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&n| item(lines[n]) == Some(indent))
        .collect();
    // Where `key:` is written within row `k`: (line, col), 1-based.
    let key_at = |k: usize, key: &str| {
        let (from, to) = (
            starts.get(k).copied().unwrap_or(0),
            starts.get(k + 1).copied().unwrap_or(lines.len()),
        );
        (from..to).find_map(|n| {
            let l = lines[n];
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            let rest = t.strip_prefix(key)?.trim_start();
            rest.starts_with(':')
                .then(|| (n + 1, l[..l.len() - t.len()].chars().count() + 1))
        })
    };
    let mut columns: Vec<String> = Vec::new();
    let mut maps = Vec::new();
    let mut diags = Vec::new();
    for (k, v) in list.into_iter().enumerate() {
        let line = starts.get(k).map_or(1, |n| n + 1);
        match v {
            Value::Object(m) => {
                for (key, value) in &m {
                    if !columns.contains(key) {
                        columns.push(key.clone());
                    }
                    if matches!(value, Value::Array(_) | Value::Object(_)) {
                        let (l, c) = key_at(k, key).unwrap_or((line, 1));
                        diags.push(
                            Diagnostic::error(
                                path,
                                l,
                                c,
                                "roster",
                                format!("第 {} 家单位的“{key}”不是一段文字", k + 1),
                            )
                            .with_hint("每一列写成“列名: 值”，值是一段文字，不要写成列表。"),
                        );
                    }
                }
                maps.push((k, line, m));
            }
            _ => diags.push(
                Diagnostic::error(
                    path,
                    line,
                    1,
                    "roster",
                    format!("第 {} 项不是“列名: 值”的形式", k + 1),
                )
                .with_hint("每家单位写成“- 单位名称: 某某公司”，下面各行缩进两格写其他列。"),
            ),
        }
    }
    let rows = maps
        .into_iter()
        .map(|(k, line, m)| Row {
            line,
            at: columns
                .iter()
                .map(|c| key_at(k, c).unwrap_or((line, 1)))
                .collect(),
            cells: columns
                .iter()
                .map(|c| match m.get(c) {
                    Some(Value::String(s)) => s.trim().to_string(),
                    Some(Value::Null) | None => String::new(),
                    Some(v) => v.to_string(),
                })
                .collect(),
        })
        .collect();
    finish(path, columns, rows, diags)
}

fn finish(
    path: &str,
    columns: Vec<String>,
    rows: Vec<Row>,
    diags: Vec<Diagnostic>,
) -> Result<Roster, Vec<Diagnostic>> {
    if diags.is_empty() {
        Ok(Roster {
            path: path.to_string(),
            columns,
            rows,
        })
    } else {
        Err(diags)
    }
}

/// Byte offset of a quote that opens a CSV field and is never closed.
fn unclosed_quote(text: &str) -> Option<usize> {
    let mut open = None;
    for (i, c) in text.char_indices() {
        if c == '"' {
            open = match open {
                None => Some(i),
                Some(_) => None,
            };
        }
    }
    open
}

/// 1-based character columns where each cell of a CSV line starts (quotes respected).
fn cell_columns(line: &str) -> Vec<usize> {
    let mut cols = vec![1];
    let mut quoted = false;
    for (n, c) in line.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => cols.push(n + 2),
            _ => {}
        }
    }
    cols
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_bom_and_gbk() {
        let r = parse(
            "r.csv",
            "\u{feff}单位名称,所属村\r\n甲公司,东山村\r\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(r.columns, ["单位名称", "所属村"]);
        assert_eq!(r.rows[0].cells, ["甲公司", "东山村"]);
        assert_eq!(r.rows[0].line, 2);
        let (gbk, _, _) = encoding_rs::GBK.encode("单位名称\n乙公司\n");
        let r = parse("r.csv", &gbk).unwrap();
        assert_eq!(r.rows[0].cells, ["乙公司"]);
    }

    #[test]
    fn csv_errors_name_row_and_column() {
        let e = parse("r.csv", "单位名称,单位名称\n甲,乙\n".as_bytes()).unwrap_err();
        assert_eq!((e[0].line, e[0].col), (1, 6));
        let e = parse("r.csv", "a,b\n1,\"2,x\",3\n".as_bytes()).unwrap_err();
        assert_eq!((e[0].line, e[0].col), (2, 9));
        let e = parse("r.csv", "a,b\n".as_bytes()).unwrap_err();
        assert!(e[0].message.contains("没有数据行"));
    }

    #[test]
    fn huge_rosters_stop_with_a_message() {
        let mut csv = String::from("单位名称\n");
        for n in 0..=MAX_ROWS {
            csv.push_str(&format!("单位{n}\n"));
        }
        let e = parse("r.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(e[0].line, MAX_ROWS + 2);
        assert!(e[0].message.contains("超过了 10000 行"));
    }

    #[test]
    fn unclosed_quotes_are_located() {
        let e = parse("r.csv", "单位名称,负责人\n\"甲,陈\n乙,李\n".as_bytes()).unwrap_err();
        assert_eq!((e[0].line, e[0].col), (2, 1));
        assert!(parse("r.csv", "a\n\"x \"\"y\"\"\"\n".as_bytes()).is_ok());
    }

    #[test]
    fn yaml_rows_and_lines() {
        let r = parse(
            "r.yaml",
            "- 单位名称: 甲公司\n  所属村: 东山村\n- 单位名称: 乙公司\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(r.columns, ["单位名称", "所属村"]);
        assert_eq!(r.rows[1].line, 3);
        assert_eq!(r.rows[1].cells, ["乙公司", ""]);
        assert_eq!(r.rows[0].at, [(1, 3), (2, 3)]);
        let r = parse(
            "r.yaml",
            "# 名单\n  - 单位名称: 甲\n  - 单位名称: 乙\n".as_bytes(),
        )
        .unwrap();
        assert_eq!((r.rows[1].line, r.rows[1].at[0]), (3, (3, 5)));
        assert!(parse("r.yaml", "- 单位名称: [1, 2]\n".as_bytes()).is_err());
        assert!(parse("r.yaml", "a: 1\n".as_bytes()).is_err());
    }

    #[test]
    fn placeholders_and_fill() {
        let t = "致{{单位名称}}：{{ 所属村 }}委会{{blank}}{{";
        let p: Vec<_> = placeholders(t).into_iter().map(|(_, n)| n).collect();
        assert_eq!(p, ["单位名称", "所属村", "blank"]);
        let f = fill(t, |n| (n != "blank").then(|| format!("[{n}]")));
        assert_eq!(f, "致[单位名称]：[所属村]委会{{blank}}{{");
    }

    #[test]
    fn roster_paths_stay_in_data() {
        assert_eq!(relative("a.csv"), Some(PathBuf::from("a.csv")));
        assert_eq!(relative("content/data/a.csv"), Some(PathBuf::from("a.csv")));
        assert_eq!(relative("../a.csv"), None);
        assert_eq!(relative("/etc/passwd"), None);
        assert_eq!(relative("data/../../a.csv"), None);
    }

    #[test]
    fn runs_of_braces_are_read_in_linear_time() {
        // 200,000 `{{`, blanks, then `}}`: every `{{` searched to the far `}}` and read the
        // span (8·10¹⁰ steps); now each stretch of text is read a bounded number of times.
        let t = "{{".repeat(200_000) + &" ".repeat(200_000) + "}}{{名}}";
        assert_eq!(placeholders(&t), [(t.len() - 7, "名")]);
        assert_eq!(
            placeholders("{{a}b}} {{ 甲 }} {{a}}}"),
            [(8, "甲"), (18, "a")]
        );
    }
}
