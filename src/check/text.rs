//! The text the lints read (catalogue §0): one [`Block`] per paragraph, heading, list item,
//! table cell and checked front-matter string, with inline markup removed, soft breaks joined
//! without a space, and every character mapped back to its byte offset in the file.
//!
//! Complexity: O(n·log s + e) for a body of n bytes parsed into e events with s `**` pairs
//! turned into sentinels: [`crate::markdown::cjk::mark_strong`] and pulldown-cmark pass once,
//! each character is pushed once with its offset, mapped back past the sentinels by a binary
//! search (O(n) when the body has no `**`), and URLs and e-mail addresses are masked in one
//! forward pass per block (a URL or an address is consumed whole; the user part of an address
//! is read backwards from its `@` only up to the previous non-address character).

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use super::chars::HOLE;
use super::front::Front;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Para,
    Heading(u8),
    /// A list item; `number` and `delim` are read from the source of ordered items.
    Item {
        number: Option<u64>,
        delim: Option<char>,
    },
    Cell,
    /// A front-matter string (the key's canonical name).
    Front(&'static str),
}

/// Who owns a character: one mistake, one finding (§0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    Free,
    Placeholder,
    DocNo,
    Date,
    /// Already reported by another lint (e.g. a title's trailing mark).
    Taken,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Kind,
    pub chars: Vec<char>,
    /// Byte offset in the file of each character.
    pub offs: Vec<usize>,
    /// Byte offsets of the block in the file.
    pub start: usize,
    pub end: usize,
    /// A direct child of the document (not in a list, quote or table).
    pub top: bool,
    /// Numbering context: 0 for the 正文, n for the n-th 附件 section.
    pub ctx: usize,
    pub claims: Vec<Claim>,
}

impl Block {
    fn new(kind: Kind, start: usize, top: bool) -> Block {
        Block {
            kind,
            chars: Vec::new(),
            offs: Vec::new(),
            start,
            end: start,
            top,
            ctx: 0,
            claims: Vec::new(),
        }
    }

    /// The character at `i`, or a hole outside the block.
    pub fn at(&self, i: isize) -> char {
        if i < 0 {
            HOLE
        } else {
            self.chars.get(i as usize).copied().unwrap_or(HOLE)
        }
    }

    pub fn free(&self, i: usize) -> bool {
        self.claims.get(i) == Some(&Claim::Free)
    }

    pub fn all_free(&self, r: std::ops::Range<usize>) -> bool {
        r.into_iter().all(|i| self.free(i))
    }

    pub fn claim(&mut self, r: std::ops::Range<usize>, c: Claim) {
        for i in r {
            if let Some(x) = self.claims.get_mut(i)
                && *x == Claim::Free
            {
                *x = c;
            }
        }
    }

    /// Byte offset of character `i` (the block end past the last one).
    pub fn off(&self, i: usize) -> usize {
        self.offs.get(i).copied().unwrap_or(self.end)
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, Kind::Heading(_))
    }

    pub fn is_title(&self) -> bool {
        matches!(
            self.kind,
            Kind::Heading(_) | Kind::Front("title" | "title_lines" | "attachments")
        )
    }

    fn push_str(&mut self, s: &str, mut off: usize, exact: bool) {
        for c in s.chars() {
            self.chars.push(c);
            self.offs.push(off);
            if exact {
                off += c.len_utf8();
            }
        }
    }
}

/// Front-matter keys whose strings are checked like body text (§0).
pub const FRONT_TEXT: &[&str] = &[
    "title",
    "title_lines",
    "issuer",
    "addressees",
    "attachments",
    "note",
    "copy_to",
    "printed_by",
];

/// Extracts the blocks of a file: front-matter strings first, then the body in order.
pub fn blocks(source: &str, front: &Front) -> Vec<Block> {
    let mut out = Vec::new();
    for key in FRONT_TEXT {
        for (s, off) in front.written(key) {
            let exact = source[off..].starts_with(s.as_str());
            let mut b = Block::new(Kind::Front(key), off, false);
            b.push_str(&s, off, exact);
            b.end = off + if exact { s.len() } else { 0 };
            out.push(b);
        }
    }
    body_blocks(source, front.body_start, &mut out);
    for b in &mut out {
        mask_urls(&mut b.chars);
        b.claims = vec![Claim::Free; b.chars.len()];
    }
    out
}

fn body_blocks(source: &str, body_start: usize, out: &mut Vec<Block>) {
    // Parse exactly as the renderer does: `**…**` next to Chinese punctuation is paired by the
    // CJK pass first (sentinels of 3 bytes replace 2-byte `**`, so offsets are mapped back).
    let marked = crate::markdown::cjk::mark_strong(&source[body_start..]);
    let sentinels: Vec<usize> = marked
        .char_indices()
        .filter(|(_, c)| is_sentinel(*c))
        .map(|(i, _)| i)
        .collect();
    let map = |o: usize| body_start + o - sentinels.partition_point(|&p| p < o);
    let parser =
        pulldown_cmark::Parser::new_ext(&marked, crate::markdown::options()).into_offset_iter();
    // Stack of open blocks: Some(index into `out`) or None for a paragraph merged into its item.
    let mut stack: Vec<Option<usize>> = Vec::new();
    let mut containers = 0usize;
    let mut skip = 0usize; // inside code blocks, images, autolinks
    let mut ordered: Vec<bool> = Vec::new();
    for (ev, r) in parser {
        let (s, e) = (map(r.start), map(r.end));
        let current = stack.iter().rev().flatten().next().copied();
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    let merge = current.is_some_and(|i| {
                        matches!(out[i].kind, Kind::Item { .. }) && out[i].chars.is_empty()
                    });
                    if merge && stack.last().is_some_and(|x| x.is_some()) {
                        stack.push(None);
                    } else {
                        out.push(Block::new(Kind::Para, s, containers == 0));
                        stack.push(Some(out.len() - 1));
                    }
                }
                Tag::Heading { level, .. } => {
                    out.push(Block::new(Kind::Heading(level as u8), s, containers == 0));
                    stack.push(Some(out.len() - 1));
                }
                Tag::TableCell => {
                    out.push(Block::new(Kind::Cell, s, false));
                    stack.push(Some(out.len() - 1));
                }
                Tag::Item => {
                    let (number, delim) = if ordered.last() == Some(&true) {
                        item_number(&marked[r.start..])
                    } else {
                        (None, None)
                    };
                    out.push(Block::new(Kind::Item { number, delim }, s, false));
                    stack.push(Some(out.len() - 1));
                }
                Tag::List(first) => {
                    ordered.push(first.is_some());
                    containers += 1;
                }
                Tag::BlockQuote(_) | Tag::Table(_) | Tag::FootnoteDefinition(_) => containers += 1,
                Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                    skip += 1
                }
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => skip += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item => {
                    if let Some(Some(i)) = stack.pop() {
                        out[i].end = e;
                    }
                }
                TagEnd::List(_) => {
                    ordered.pop();
                    containers -= 1;
                }
                TagEnd::BlockQuote(_) | TagEnd::Table | TagEnd::FootnoteDefinition => {
                    containers -= 1
                }
                TagEnd::CodeBlock
                | TagEnd::Image
                | TagEnd::HtmlBlock
                | TagEnd::MetadataBlock(_) => skip -= 1,
                TagEnd::Link if skip > 0 && marked[r.start..].starts_with('<') => skip -= 1,
                _ => {}
            },
            Event::Text(t) if skip == 0 => {
                if let Some(i) = current {
                    let exact = marked.get(r.start..r.end) == Some(&*t);
                    let b = &mut out[i];
                    for (k, c) in t.char_indices() {
                        if !is_sentinel(c) {
                            b.chars.push(c);
                            b.offs.push(if exact { map(r.start + k) } else { s });
                        }
                    }
                }
            }
            Event::Code(_) if skip == 0 => {
                if let Some(i) = current {
                    out[i].push_str("\u{FFFC}", s, false);
                }
            }
            Event::HardBreak if skip == 0 => {
                if let Some(i) = current {
                    out[i].push_str("\n", s, false);
                }
            }
            _ => {}
        }
    }
}

fn is_sentinel(c: char) -> bool {
    c == crate::markdown::cjk::OPEN || c == crate::markdown::cjk::CLOSE
}

fn item_number(src: &str) -> (Option<u64>, Option<char>) {
    let t = src.trim_start();
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let delim = t[digits.len()..].chars().next();
    (digits.parse().ok(), delim)
}

/// Replaces bare URLs and e-mail addresses with holes (§0 "What is skipped").
fn mask_urls(chars: &mut [char]) {
    let url_char = |c: char| c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>');
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        let starts = |p: &str| {
            p.chars().zip(rest).filter(|(a, b)| a == *b).count() == p.len() && rest.len() >= p.len()
        };
        let prev_ok = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        if prev_ok
            && matches!(chars[i], 'h' | 'w')
            && (starts("http://") || starts("https://") || starts("www."))
        {
            let mut j = i;
            while j < chars.len() && url_char(chars[j]) {
                j += 1;
            }
            while j > i && matches!(chars[j - 1], '.' | ',' | ')' | ';' | ':' | '!' | '?') {
                j -= 1;
            }
            chars[i..j].fill(HOLE);
            i = j.max(i + 1);
            continue;
        }
        if chars[i] == '@' {
            let user =
                |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
            let mut a = i;
            while a > 0 && user(chars[a - 1]) {
                a -= 1;
            }
            let mut b = i + 1;
            while b < chars.len()
                && (chars[b].is_ascii_alphanumeric() || matches!(chars[b], '.' | '-'))
            {
                b += 1;
            }
            while b > i + 1 && chars[b - 1] == '.' {
                b -= 1;
            }
            if a < i && chars[i + 1..b].contains(&'.') {
                chars[a..b].fill(HOLE);
                i = b;
                continue;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<String> {
        let (fm, body) = super::super::front::read("a.md", src);
        blocks(src, &Front::new(src, fm.as_ref(), body))
            .iter()
            .map(|b| b.text())
            .collect()
    }

    #[test]
    fn strips_markup_and_joins_lines() {
        let t = texts(
            "**1. 压实责任。**推动\n落实`x`见 <https://a.cn> 与 https://b.cn/x 或 a@b.cn\n\n- 甲\n- 乙\n",
        );
        assert_eq!(
            t[0],
            "1. 压实责任。推动落实\u{FFFC}见  与 \u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC} 或 \u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}\u{FFFC}"
        );
        assert_eq!(&t[1..], ["甲", "乙"]);
    }

    #[test]
    fn offsets_map_back_and_items_keep_source_numbers() {
        let src = "---\ntitle: 标题。\n---\n\n3. 甲\n5. 乙\n";
        let (fm, body) = super::super::front::read("a.md", src);
        let b = blocks(src, &Front::new(src, fm.as_ref(), body));
        assert_eq!(b[0].kind, Kind::Front("title"));
        assert!(src[b[0].offs[2]..].starts_with('。'));
        assert_eq!(
            b[2].kind,
            Kind::Item {
                number: Some(5),
                delim: Some('.')
            }
        );
        assert!(src[b[2].offs[0]..].starts_with('乙'));
    }
}
