//! The article body: the project's markdown event stream ([`crate::markdown::events`]) turned
//! into inline-styled HTML that survives a paste into the WeChat editor.
//!
//! Transformations (docs/wechat.md §2): links become text + `[n]` (mp.weixin.qq.com links
//! stay), lists get text markers and nested lists are flattened, tables sit in a scroll
//! wrapper, code uses `<br>`/`&nbsp;`, footnotes become ①②… with a 注释 list, https images
//! stay and local ones become named placeholders listed for upload. Soft breaks between
//! Chinese characters were already dropped by the markdown module.
//!
//! Complexity: O(e + h) for e events producing h bytes of HTML: [`convert`] visits each event
//! once (an image's alt text is read up to its end, then skipped), escaping each text once and
//! copying it into the open link's text and the first paragraph being captured; numbering a
//! link or a footnote is a hash lookup ([`References`]).

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use super::links::{LinkKind, References};
use super::style::Styles;
use super::text::{circled, code_html, escape};

/// An image the user must upload by hand.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Upload {
    /// File name (or URL) shown in the placeholder.
    pub name: String,
    /// Alt text.
    pub alt: String,
    /// Where the preview page finds the file, relative to `wechat/<slug>/`.
    pub href: String,
}

/// Targets of links and images in document order, as the site page wrote them.
pub struct Targets<'a> {
    pub links: &'a [String],
    pub images: &'a [String],
    pub base_url: &'a str,
}

/// The converted body.
#[derive(Debug, Default)]
pub struct Body {
    pub html: String,
    pub refs: References,
    /// Footnote definitions: (label, inline HTML).
    pub notes: Vec<(String, String)>,
    pub uploads: Vec<Upload>,
    /// Plain text of the first real paragraph (for the digest).
    pub first_paragraph: String,
}

pub(super) struct ListFrame {
    pub(super) ordered: bool,
    pub(super) next: u64,
}

pub(super) struct Conv<'a> {
    pub(super) st: &'a Styles,
    pub(super) targets: &'a Targets<'a>,
    pub(super) out: String,
    pub(super) body: Body,
    pub(super) saved: Vec<String>,
    pub(super) closers: Vec<&'static str>,
    pub(super) lists: Vec<ListFrame>,
    pub(super) outer_list: &'static str,
    pub(super) li_open: bool,
    pub(super) li_paras: usize,
    pub(super) quote: usize,
    pub(super) note: Option<String>,
    pub(super) note_paras: usize,
    pub(super) aligns: Vec<Alignment>,
    pub(super) cell: usize,
    pub(super) in_head: bool,
    pub(super) in_table: bool,
    pub(super) links: Vec<(LinkKind, String)>,
    pub(super) link_i: usize,
    pub(super) image_i: usize,
    pub(super) capture: Option<String>,
}

/// Converts `events` (from [`crate::markdown::events`]).
pub fn convert(events: &[Event<'static>], targets: &Targets<'_>, st: &Styles) -> Body {
    let mut c = Conv {
        st,
        targets,
        out: String::new(),
        body: Body::default(),
        saved: Vec::new(),
        closers: Vec::new(),
        lists: Vec::new(),
        outer_list: "ul",
        li_open: false,
        li_paras: 0,
        quote: 0,
        note: None,
        note_paras: 0,
        aligns: Vec::new(),
        cell: 0,
        in_head: false,
        in_table: false,
        links: Vec::new(),
        link_i: 0,
        image_i: 0,
        capture: None,
    };
    let mut i = 0;
    while i < events.len() {
        i = c.event(events, i);
    }
    c.body.html = c.out;
    c.body
}

/// The plain text of `events` up to the first event matching `stop`, and that event's index.
pub(super) fn plain_until(
    events: &[Event<'_>],
    from: usize,
    stop: impl Fn(&Event<'_>) -> bool,
) -> (String, usize) {
    let mut s = String::new();
    let mut i = from;
    while i < events.len() && !stop(&events[i]) {
        if let Event::Text(t) | Event::Code(t) = &events[i] {
            s.push_str(t);
        }
        i += 1;
    }
    (s, i)
}

impl Conv<'_> {
    pub(super) fn top_level(&self) -> bool {
        self.lists.is_empty() && self.quote == 0 && self.note.is_none() && !self.in_table
    }

    pub(super) fn newline(&mut self) {
        if self.top_level() {
            self.out.push('\n');
        }
    }

    fn text(&mut self, t: &str) {
        for (_, s) in &mut self.links {
            s.push_str(t);
        }
        if let Some(c) = &mut self.capture {
            c.push_str(t);
        }
    }

    /// Handles `events[i]`; returns the index of the next event to handle.
    fn event(&mut self, events: &[Event<'static>], i: usize) -> usize {
        let e = &events[i];
        if !matches!(e, Event::Start(Tag::List(_) | Tag::Item) | Event::End(_)) {
            self.ensure_li();
        }
        match e {
            Event::Start(tag) => return self.start(tag, events, i),
            Event::End(tag) => self.end(*tag),
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.text(t);
                self.out.push_str(&escape(t));
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text(t);
                self.out.push_str(&escape(t));
            }
            Event::Code(t) => {
                self.text(t);
                let style = self.st.inline_code();
                self.out
                    .push_str(&format!("<code style=\"{style}\">{}</code>", code_html(t)));
            }
            Event::SoftBreak => {
                self.text(" ");
                self.out.push(' ');
            }
            Event::HardBreak => self.out.push_str("<br>"),
            Event::Rule => {
                self.out
                    .push_str(&format!("<hr style=\"{}\">", self.st.rule()));
                self.newline();
            }
            Event::FootnoteReference(label) => {
                let n = self.body.refs.note(label);
                let style = self.st.ref_mark();
                self.out
                    .push_str(&format!("<sup style=\"{style}\">{}</sup>", circled(n)));
            }
            Event::TaskListMarker(done) => self.out.push_str(if *done { "☑ " } else { "☐ " }),
        }
        i + 1
    }

    fn start(&mut self, tag: &Tag<'static>, events: &[Event<'static>], i: usize) -> usize {
        match tag {
            Tag::Paragraph => return self.paragraph(events, i),
            Tag::Heading { level, .. } => return self.heading(*level as u8, events, i),
            Tag::BlockQuote(_) => {
                let style = self.st.blockquote();
                self.out
                    .push_str(&format!("<blockquote style=\"{style}\">"));
                self.quote += 1;
            }
            Tag::CodeBlock(_) => return self.code_block(events, i),
            Tag::List(start) => self.start_list(*start),
            Tag::Item => self.start_item(),
            Tag::FootnoteDefinition(label) => {
                self.saved.push(std::mem::take(&mut self.out));
                self.note = Some(label.to_string());
                self.note_paras = 0;
            }
            Tag::Table(aligns) => self.start_table(aligns),
            Tag::TableHead => {
                self.in_head = true;
                self.cell = 0;
                self.out.push_str("<thead><tr>");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.out.push_str("<tr>");
            }
            Tag::TableCell => self.start_cell(),
            Tag::Emphasis => self.out.push_str("<em>"),
            Tag::Strong => {
                let style = self.st.strong();
                self.out.push_str(&format!("<strong style=\"{style}\">"));
            }
            Tag::Strikethrough => self.out.push_str("<del>"),
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.start_link(*link_type, dest_url),
            Tag::Image {
                dest_url, title, ..
            } => {
                let (alt, end) =
                    plain_until(events, i + 1, |e| matches!(e, Event::End(TagEnd::Image)));
                self.image(dest_url, title, &alt, false);
                return end + 1;
            }
            _ => {}
        }
        i + 1
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                let closer = self.closers.pop().unwrap_or("");
                self.out.push_str(closer);
                if let Some(text) = self.capture.take() {
                    let t = text.trim();
                    if t.chars().count() >= 10 && !t.ends_with(['：', ':']) {
                        self.body.first_paragraph = t.to_string();
                    }
                }
                self.newline();
            }
            TagEnd::Heading(_) => {
                let closer = self.closers.pop().unwrap_or("");
                self.out.push_str(closer);
                self.newline();
            }
            TagEnd::BlockQuote(_) => {
                self.quote = self.quote.saturating_sub(1);
                self.out.push_str("</blockquote>");
                self.newline();
            }
            TagEnd::List(_) => self.end_list(),
            TagEnd::Item => self.end_item(),
            TagEnd::FootnoteDefinition => {
                let html = std::mem::replace(&mut self.out, self.saved.pop().unwrap_or_default());
                if let Some(label) = self.note.take() {
                    self.body.notes.push((label, html));
                }
            }
            TagEnd::Table => {
                self.in_table = false;
                self.out.push_str("</tbody></table></section>");
                self.newline();
            }
            TagEnd::TableHead => {
                self.in_head = false;
                self.out.push_str("</tr></thead><tbody>");
            }
            TagEnd::TableRow => self.out.push_str("</tr>"),
            TagEnd::TableCell => {
                self.out
                    .push_str(if self.in_head { "</th>" } else { "</td>" });
                self.cell += 1;
            }
            TagEnd::Emphasis => self.out.push_str("</em>"),
            TagEnd::Strong => self.out.push_str("</strong>"),
            TagEnd::Strikethrough => self.out.push_str("</del>"),
            TagEnd::Link => self.end_link(),
            _ => {}
        }
    }
}
