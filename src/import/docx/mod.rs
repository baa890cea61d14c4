//! Reads a `.docx` file into text lines: one line per paragraph (soft line breaks split it),
//! bold runs as `**…**`, automatic numbering rendered as text (`1.`, `（一）`…), tables as
//! Markdown table rows.
//!
//! Complexity: O(x + p·k·q + r·w) for x bytes of XML, which quick-xml streams once (each run of
//! text is appended once, each paragraph rendered once), p numbered paragraphs whose lists have
//! k levels and level texts of q bytes (see [`numbering`]), and tables of r rows written padded
//! to their widest row of w cells (r·w can exceed x for a ragged table). Each part is capped at
//! [`MAX_ENTRY_BYTES`] before it is read.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use numbering::parse_numbering;
use styles::{Lists, parse_styles};

mod numbering;
mod styles;

/// Reads `word/document.xml` (and `word/numbering.xml` when present) of the package at `path`.
pub fn read_docx(path: &Path) -> Result<String> {
    let file = std::fs::File::open(path).with_context(|| format!("无法打开 {}", path.display()))?;
    let mut zip = zip::ZipArchive::new(file).with_context(|| {
        format!(
            "{} 不是有效的 .docx 文件（无法按 zip 读取）",
            path.display()
        )
    })?;
    let document = read_entry(&mut zip, path, "word/document.xml")?
        .with_context(|| format!("{} 中没有 word/document.xml", path.display()))?;
    let numbering = read_entry(&mut zip, path, "word/numbering.xml")?.unwrap_or_default();
    let styles = read_entry(&mut zip, path, "word/styles.xml")?.unwrap_or_default();
    document_text(&document, &numbering, &styles)
}

/// The most a `.docx` part may hold once decompressed. A real document.xml of a long 公文 with
/// tables is a few MB; anything near this limit is a zip bomb or not a document.
pub const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;

/// Reads one part, streaming through a limit: a part that decompresses past
/// [`MAX_ENTRY_BYTES`] is refused without being read whole, whatever its header claims.
fn read_entry(
    zip: &mut zip::ZipArchive<std::fs::File>,
    path: &Path,
    name: &str,
) -> Result<Option<String>> {
    let Ok(entry) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_ENTRY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| {
            anyhow::anyhow!(
                "{}：无法解压其中的 {name}，文件已损坏；请在 Word 中打开后重新另存为 .docx",
                path.display()
            )
        })?;
    if bytes.len() as u64 > MAX_ENTRY_BYTES {
        anyhow::bail!(
            "{}：其中的 {name} 解压后超过 {} MB，不像正常的 Word 文档（可能是“压缩炸弹”），未导入；请在 Word 中打开后重新另存为 .docx，或另存为纯文本再导入",
            path.display(),
            MAX_ENTRY_BYTES / 1024 / 1024
        );
    }
    let s = String::from_utf8(bytes).map_err(|_| {
        anyhow::anyhow!(
            "{}：其中的 {name} 不是 UTF-8 编码的 XML，文件已损坏；请在 Word 中打开后重新另存为 .docx",
            path.display()
        )
    })?;
    Ok(Some(s))
}

pub(super) fn attr(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// State of the paragraph being read.
#[derive(Default)]
struct Para {
    segments: Vec<(String, bool)>,
    bold: bool,
    in_rpr: bool,
    in_text: bool,
    num_id: Option<String>,
    ilvl: usize,
    style: Option<String>,
}

impl Para {
    fn push(&mut self, s: &str) {
        match self.segments.last_mut() {
            Some((t, b)) if *b == self.bold => t.push_str(s),
            _ => self.segments.push((s.to_string(), self.bold)),
        }
    }

    fn render(&self) -> String {
        let mut out = String::new();
        for (t, b) in &self.segments {
            if *b && !t.trim().is_empty() {
                let lead = &t[..t.len() - t.trim_start().len()];
                let trail = &t[t.trim_end().len()..];
                out.push_str(&format!("{lead}**{}**{trail}", t.trim()));
            } else {
                out.push_str(t);
            }
        }
        out
    }
}

/// The text of a `word/document.xml` with its `word/numbering.xml` and `word/styles.xml`
/// (empty when absent).
pub fn document_text(xml: &str, numbering_xml: &str, styles_xml: &str) -> Result<String> {
    let mut lists = Lists {
        numbering: parse_numbering(numbering_xml).context("word/numbering.xml 格式错误")?,
        styles: parse_styles(styles_xml).context("word/styles.xml 格式错误")?,
        counters: HashMap::new(),
        counted: HashMap::new(),
    };
    let mut reader = Reader::from_str(xml);
    let mut out: Vec<String> = Vec::new();
    // Paragraphs nest (text boxes inside a paragraph); the bottom entry is never output.
    let mut stack: Vec<Para> = vec![Para::default()];
    // Tables: rows of cells; the current cell collects its paragraphs.
    let mut table_depth = 0usize;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Vec<String> = Vec::new();
    loop {
        let ev = reader.read_event().context("word/document.xml 格式错误")?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => match e.local_name().as_ref() {
                "p" => stack.push(Para::default()),
                "rPr" => top(&mut stack).in_rpr = true,
                "r" => top(&mut stack).bold = false,
                "t" => top(&mut stack).in_text = true,
                "tbl" => {
                    table_depth += 1;
                    if table_depth == 1 {
                        rows.clear();
                    }
                }
                "tr" if table_depth == 1 => rows.push(Vec::new()),
                "tc" if table_depth == 1 => cell.clear(),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "b" if top(&mut stack).in_rpr => {
                    top(&mut stack).bold =
                        !matches!(attr(&e, "val").as_deref(), Some("0" | "false"));
                }
                "numId" => top(&mut stack).num_id = attr(&e, "val"),
                "pStyle" => top(&mut stack).style = attr(&e, "val"),
                "ilvl" => {
                    top(&mut stack).ilvl = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0)
                }
                "tab" if !top(&mut stack).in_rpr => top(&mut stack).push("  "),
                "br" | "cr" if attr(&e, "type").is_none() => top(&mut stack).push("\n"),
                _ => {}
            },
            Event::Text(t) if top(&mut stack).in_text => top(&mut stack).push(&t.xml10_content()),
            Event::GeneralRef(r) if top(&mut stack).in_text => {
                let s = match r.resolve_char_ref()? {
                    Some(c) => c.to_string(),
                    None => match &*r.xml10_content() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => format!("&{other};"),
                    },
                };
                top(&mut stack).push(&s);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "rPr" => top(&mut stack).in_rpr = false,
                "t" => top(&mut stack).in_text = false,
                "p" if stack.len() > 1 => {
                    let para = stack.pop().expect("checked");
                    let mut text = para.render();
                    let prefix =
                        lists.prefix(para.num_id.as_deref(), para.style.as_deref(), para.ilvl);
                    text = format!("{prefix}{text}");
                    if table_depth > 0 {
                        cell.push(text.replace('\n', " "));
                    } else {
                        out.push(text);
                    }
                }
                "tc" if table_depth == 1 => {
                    let joined = cell.iter().map(|s| s.trim()).collect::<Vec<_>>().join(" ");
                    if let Some(row) = rows.last_mut() {
                        row.push(joined.replace('|', "\\|"));
                    }
                }
                "tbl" => {
                    table_depth -= 1;
                    if table_depth == 0 {
                        out.push(String::new());
                        out.extend(markdown_table(&rows));
                        out.push(String::new());
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(out.join("\n"))
}

fn top(stack: &mut [Para]) -> &mut Para {
    stack.last_mut().expect("the bottom entry stays")
}

/// A table as Markdown rows; a one-column table (often a layout box around a header or a
/// title) gives its cells as plain paragraphs.
fn markdown_table(rows: &[Vec<String>]) -> Vec<String> {
    if rows.iter().all(|r| r.len() <= 1) {
        return rows.iter().filter_map(|r| r.first().cloned()).collect();
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut cells = row.clone();
        cells.resize(width, String::new());
        lines.push(format!("| {} |", cells.join(" | ")));
        if i == 0 {
            lines.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_bold_numbering_and_tables() {
        let numbering = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
          </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
        let doc = r#"<w:document xmlns:w="w"><w:body>
          <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>总体目标</w:t></w:r></w:p>
          <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>
            <w:r><w:rPr><w:b/></w:rPr><w:t>加强领导。</w:t></w:r><w:r><w:t>各村要&amp;落实。</w:t></w:r></w:p>
          <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>工作要求</w:t></w:r></w:p>
          <w:tbl><w:tr><w:tc><w:p><w:r><w:t>单位</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>份数</w:t></w:r></w:p></w:tc></w:tr>
          <w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
          </w:body></w:document>"#;
        let text = document_text(doc, numbering, "").unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "一、总体目标");
        assert_eq!(lines[1], "1.**加强领导。**各村要&落实。");
        assert_eq!(lines[2], "二、工作要求");
        assert!(lines.contains(&"| 单位 | 份数 |"));
        assert!(lines.contains(&"| 甲 | 4 |"));
    }

    #[test]
    fn text_boxes_and_layout_tables() {
        let doc = r#"<w:document xmlns:w="w"><w:body>
          <w:tbl><w:tr><w:tc><w:p><w:r><w:t>外山乡人民政府文件</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
          <w:p><w:r><w:t>正文</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></w:r><w:r><w:t>续完。</w:t></w:r></w:p>
          </w:body></w:document>"#;
        let text = document_text(doc, "", "").unwrap();
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines, ["外山乡人民政府文件", "框内", "正文续完。"]);
    }
}
