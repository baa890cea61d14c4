//! The order of a 公文's elements (GB/T 9704-2012 [7], 条例 第九条), written once: the web
//! page (the `gw_order` template value), the print page and the WeChat export all lay a
//! document out by walking [`ORDER`].
//!
//! 版头 (发文机关标志 and its red rule), 发文字号, 标题, 主送机关, 正文, 附件说明, 发文机关署名,
//! 成文日期, 附注, then the 附件 bound after the document, then the 版记 (抄送, 印发机关和印发日期)
//! at the foot of the last page.

/// One element of a 公文, in [`ORDER`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// 版头: 发文机关标志 and the red separator line.
    Banner,
    /// 发文字号.
    DocNo,
    /// 标题.
    Title,
    /// 主送机关.
    Addressees,
    /// 正文 (up to its first 附件 section).
    Body,
    /// 附件说明.
    AttachmentNote,
    /// 发文机关署名.
    Signature,
    /// 成文日期 (laid out with the 署名 as one block, GB/T 9704 [7.3.5]).
    Date,
    /// 附注.
    Note,
    /// 附件: attached items and the body's own 附件 sections.
    Annexes,
    /// 版记.
    Record,
}

/// The one document order.
pub const ORDER: [Part; 11] = [
    Part::Banner,
    Part::DocNo,
    Part::Title,
    Part::Addressees,
    Part::Body,
    Part::AttachmentNote,
    Part::Signature,
    Part::Date,
    Part::Note,
    Part::Annexes,
    Part::Record,
];

impl Part {
    /// The name templates test (`{% for part in gw_order %}{% if part == "doc_no" %}…`).
    pub fn id(self) -> &'static str {
        match self {
            Part::Banner => "banner",
            Part::DocNo => "doc_no",
            Part::Title => "title",
            Part::Addressees => "addressees",
            Part::Body => "body",
            Part::AttachmentNote => "attachment_note",
            Part::Signature => "signature",
            Part::Date => "date",
            Part::Note => "note",
            Part::Annexes => "annexes",
            Part::Record => "record",
        }
    }

    /// The element's name in the standard.
    pub fn label(self) -> &'static str {
        match self {
            Part::Banner => "版头",
            Part::DocNo => "发文字号",
            Part::Title => "标题",
            Part::Addressees => "主送机关",
            Part::Body => "正文",
            Part::AttachmentNote => "附件说明",
            Part::Signature => "发文机关署名",
            Part::Date => "成文日期",
            Part::Note => "附注",
            Part::Annexes => "附件",
            Part::Record => "版记",
        }
    }
}

/// The lines of the 附注 (GB/T 9704 [7.3.7]), each shown in parentheses under the date: the
/// front matter's `note` ("此件公开发布") and its `contact`, labelled 联系人 unless it names
/// its own label ("联系电话：…").
pub fn note_lines(note: Option<&str>, contact: Option<&str>) -> Vec<String> {
    let mut lines: Vec<String> = note.map(str::to_string).into_iter().collect();
    if let Some(c) = contact {
        lines.push(if c.starts_with("联系") {
            c.to_string()
        } else {
            format!("联系人：{c}")
        });
    }
    lines
}

/// The ids of [`ORDER`], for templates.
pub fn ids() -> Vec<&'static str> {
    ORDER.iter().map(|p| p.id()).collect()
}

/// Whether `text` (a line's visible text) is an attachment label: `附件`, `附件2`, `附件3：`.
pub fn is_annex_label(text: &str) -> bool {
    text.trim()
        .strip_prefix("附件")
        .map(|r| r.trim_end_matches(['：', ':']))
        .is_some_and(|r| r.len() <= 2 && r.chars().all(|c| c.is_ascii_digit()))
}

/// Splits rendered HTML before the block that holds its first 附件 label (a heading or a
/// paragraph whose whole text is `附件N`): the 正文 and the 附件 written in the body, which go
/// after the 署名, 成文日期 and 附注. A block is an element starting a line or following a
/// closing tag; the label may sit inside inline markup (`<p><strong>附件1</strong></p>`).
pub fn split_annexes(html: &str) -> (&str, &str) {
    let mut from = 0;
    while let Some(gt) = html[from..].find('>').map(|p| from + p) {
        let text_end = html[gt + 1..].find('<').map_or(html.len(), |p| gt + 1 + p);
        if is_annex_label(&html[gt + 1..text_end])
            && text_end < html.len()
            && let Some(start) = block_start(html, gt)
        {
            return html.split_at(start);
        }
        from = gt + 1;
    }
    (html, "")
}

/// The start of the block element whose content begins at the tag ending at `gt`: walks back
/// over opening tags (`<p><strong>`) to the first one, which must start the text or follow a
/// newline or a closing tag.
fn block_start(html: &str, gt: usize) -> Option<usize> {
    let mut start = html[..gt].rfind('<')?;
    if html[start..].starts_with("</") {
        return None;
    }
    while start > 0 && html[..start].ends_with('>') {
        let prev = html[..start].rfind('<')?;
        if html[prev..].starts_with("</") {
            break;
        }
        start = prev;
    }
    let before = html[..start].trim_end_matches([' ', '\t', '\r']);
    (before.is_empty() || before.ends_with('\n') || before.ends_with('>')).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_order_of_the_standard() {
        let labels: Vec<&str> = ORDER.iter().map(|p| p.label()).collect();
        assert_eq!(
            labels.join(" "),
            "版头 发文字号 标题 主送机关 正文 附件说明 发文机关署名 成文日期 附注 附件 版记"
        );
        assert_eq!(ids()[1], "doc_no");
    }

    #[test]
    fn annex_labels() {
        for yes in ["附件", "附件1", "附件12：", " 附件2: "] {
            assert!(is_annex_label(yes), "{yes}");
        }
        for no in ["附件：方案", "附件123", "附件说明", "附"] {
            assert!(!is_annex_label(no), "{no}");
        }
    }

    #[test]
    fn splits_before_the_first_annex_block() {
        let html =
            "<p style=\"a\">正文。</p>\n<p style=\"b\"><strong>附件1</strong></p>\n<p>方案</p>";
        let (main, annexes) = split_annexes(html);
        assert_eq!(main, "<p style=\"a\">正文。</p>\n");
        assert!(
            annexes.starts_with("<p style=\"b\"><strong>附件1"),
            "{annexes}"
        );
        let (main, annexes) = split_annexes("<h2 id=\"x\">附件</h2><h3>标题</h3>");
        assert_eq!((main, annexes), ("", "<h2 id=\"x\">附件</h2><h3>标题</h3>"));
        // A label inside a sentence is no section.
        let plain = "<p>见<em>附件1</em>。</p>";
        assert_eq!(split_annexes(plain), (plain, ""));
        assert_eq!(split_annexes("<p>x</p>"), ("<p>x</p>", ""));
    }
}
