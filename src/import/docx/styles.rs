//! Numbering that comes from a paragraph's style (`word/styles.xml`): a style that carries a
//! `numPr` (Word's "List Number", a multilevel list linked to headings, its level from the
//! style or its outline level), followed through `basedOn`; and the built-in list styles
//! when no numbering definition backs them ("List Number" counts 1. 2. 3., "List Bullet" is
//! a bullet).

use std::collections::HashMap;

use anyhow::Result;
use quick_xml::Reader;
use quick_xml::events::Event;

use super::attr;
use super::numbering::{Level, number_prefix};

/// The numbering definitions and styles of a document, with the counters of its lists.
pub(super) struct Lists {
    pub(super) numbering: HashMap<String, Vec<Level>>,
    pub(super) styles: HashMap<String, Style>,
    pub(super) counters: HashMap<String, Vec<u32>>,
    /// "List Number" styles without a definition: their running count.
    pub(super) counted: HashMap<String, u32>,
}

impl Lists {
    /// The visible number of a paragraph: from its own `numPr`, else from its style.
    pub(super) fn prefix(
        &mut self,
        num_id: Option<&str>,
        style: Option<&str>,
        ilvl: usize,
    ) -> String {
        let from_style = match (num_id, style) {
            (None, Some(st)) => list_of(&self.styles, st),
            _ => None,
        };
        match (num_id, from_style) {
            (Some("0"), _) => String::new(),
            (Some(id), _) => number_prefix(&self.numbering, &mut self.counters, id, ilvl),
            (None, Some(StyleList::Numbered { num_id, ilvl })) => {
                number_prefix(&self.numbering, &mut self.counters, &num_id, ilvl)
            }
            (None, Some(StyleList::Counted)) => {
                let n = self
                    .counted
                    .entry(style.unwrap_or_default().to_string())
                    .or_default();
                *n += 1;
                format!("{n}.")
            }
            (None, Some(StyleList::Bullet)) => "• ".to_string(),
            (None, None) => String::new(),
        }
    }
}

/// What a paragraph style says about numbering.
#[derive(Debug, Clone, Default)]
pub(super) struct Style {
    name: String,
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    outline: Option<usize>,
}

/// The numbering a style gives a paragraph that has none of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum StyleList {
    /// A `numbering.xml` definition and the level in it.
    Numbered { num_id: String, ilvl: usize },
    /// A "List Number" style with no definition behind it: counted 1. 2. 3. per style.
    Counted,
    /// A "List Bullet" style: an item without a number.
    Bullet,
}

/// styleId → style, for paragraph styles.
pub(super) fn parse_styles(xml: &str) -> Result<HashMap<String, Style>> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut cur: Option<(String, Style)> = None;
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let local = e.local_name();
                match local.as_ref() {
                    "style" => {
                        cur = (attr(&e, "type").as_deref() == Some("paragraph"))
                            .then(|| attr(&e, "styleId"))
                            .flatten()
                            .map(|id| (id, Style::default()));
                    }
                    name => {
                        if let Some((_, st)) = cur.as_mut() {
                            let v = attr(&e, "val");
                            match name {
                                "name" => st.name = v.unwrap_or_default(),
                                "basedOn" => st.based_on = v,
                                "numId" => st.num_id = v,
                                "ilvl" => st.ilvl = v.and_then(|x| x.parse().ok()),
                                "outlineLvl" => st.outline = v.and_then(|x| x.parse().ok()),
                                _ => {}
                            }
                        }
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let Some((id, st)) = cur.take() {
                    out.insert(id, st);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// The numbering style `id` gives (following `basedOn`); `None` when it gives none.
pub(super) fn list_of(styles: &HashMap<String, Style>, id: &str) -> Option<StyleList> {
    let mut at = styles.get(id);
    let own = at;
    for _ in 0..10 {
        let Some(st) = at else { break };
        if let Some(n) = &st.num_id {
            if n == "0" {
                return None;
            }
            let ilvl = own
                .and_then(|o| o.ilvl.or(o.outline))
                .or(st.ilvl)
                .or(st.outline)
                .unwrap_or(0);
            return Some(StyleList::Numbered {
                num_id: n.clone(),
                ilvl,
            });
        }
        at = st.based_on.as_ref().and_then(|b| styles.get(b));
    }
    let name = own?.name.to_ascii_lowercase();
    let id = id.to_ascii_lowercase();
    if name.starts_with("list number") || id.starts_with("listnumber") {
        Some(StyleList::Counted)
    } else if name.starts_with("list bullet") || id.starts_with("listbullet") {
        Some(StyleList::Bullet)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_styles_and_outline_levels() {
        let xml = r#"<w:styles xmlns:w="w">
          <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
          <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/></w:style>
          <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/></w:style>
          <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Plain"><w:name w:val="Plain"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let s = parse_styles(xml).unwrap();
        assert_eq!(list_of(&s, "ListNumber"), Some(StyleList::Counted));
        assert_eq!(list_of(&s, "ListBullet"), Some(StyleList::Bullet));
        let num = |ilvl| {
            Some(StyleList::Numbered {
                num_id: "4".into(),
                ilvl,
            })
        };
        assert_eq!(list_of(&s, "Heading1"), num(0));
        assert_eq!(list_of(&s, "Heading2"), num(1));
        assert_eq!(list_of(&s, "Plain"), None);
        assert_eq!(list_of(&s, "Normal"), None);
    }

    #[test]
    fn numbering_from_list_styles() {
        let styles = r#"<w:styles xmlns:w="w">
          <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/></w:style>
          <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/></w:style></w:styles>"#;
        let p = |st: &str, t: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{st}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let doc = format!(
            r#"<w:document xmlns:w="w"><w:body>{}{}{}</w:body></w:document>"#,
            p("ListNumber", "安全第一。"),
            p("ListNumber", "预防为主。"),
            p("ListBullet", "综合治理。")
        );
        let text = super::super::document_text(&doc, "", styles).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines, ["1.安全第一。", "2.预防为主。", "• 综合治理。"]);
    }
}
