//! The article body: the project's markdown event stream ([`crate::markdown::events`]) turned
//! into inline-styled HTML that survives a paste into the WeChat editor.
//!
//! Transformations (docs/wechat.md §2): links become text + `[n]` (mp.weixin.qq.com links
//! stay), lists get text markers and nested lists are flattened, tables sit in a scroll
//! wrapper, code uses `<br>`/`&nbsp;`, footnotes become ①②… with a 注释 list, https images
//! stay and local ones become named placeholders listed for upload. Soft breaks between
//! Chinese characters were already dropped by the markdown module.

use pulldown_cmark::{Alignment, Event, LinkType, Tag, TagEnd};

use super::links::{LinkKind, References, classify};
use super::style::Styles;
use super::text::{code_html, escape};

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

struct ListFrame {
    ordered: bool,
    next: u64,
}

struct Conv<'a> {
    st: &'a Styles,
    targets: &'a Targets<'a>,
    out: String,
    body: Body,
    saved: Vec<String>,
    closers: Vec<&'static str>,
    lists: Vec<ListFrame>,
    outer_list: &'static str,
    li_open: bool,
    li_paras: usize,
    quote: usize,
    note: Option<String>,
    note_paras: usize,
    aligns: Vec<Alignment>,
    cell: usize,
    in_head: bool,
    in_table: bool,
    links: Vec<(LinkKind, String)>,
    link_i: usize,
    image_i: usize,
    capture: Option<String>,
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
fn plain_until(
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

/// ①…⑳ for footnote marks, then 〔21〕….
pub fn circled(n: usize) -> String {
    const C: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    C.chars()
        .nth(n.wrapping_sub(1))
        .map(String::from)
        .unwrap_or_else(|| format!("〔{n}〕"))
}

impl Conv<'_> {
    fn top_level(&self) -> bool {
        self.lists.is_empty() && self.quote == 0 && self.note.is_none() && !self.in_table
    }

    fn newline(&mut self) {
        if self.top_level() {
            self.out.push('\n');
        }
    }

    fn ensure_li(&mut self) {
        if !self.lists.is_empty() && !self.li_open {
            let style = self.st.list_item(self.lists.len() - 1);
            self.out.push_str(&format!("<li style=\"{style}\">"));
            self.li_open = true;
            self.li_paras = 1;
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
            Tag::Heading { level, .. } => {
                let (text, end) = plain_until(events, i + 1, |e| {
                    matches!(e, Event::End(TagEnd::Heading(_)))
                });
                if text.trim().is_empty() {
                    return end + 1;
                }
                let lvl = (*level as u8).clamp(2, 4);
                let style = self.st.heading(lvl);
                self.out.push_str(&format!("<h{lvl} style=\"{style}\">"));
                self.closers.push(match lvl {
                    2 => "</h2>",
                    3 => "</h3>",
                    _ => "</h4>",
                });
            }
            Tag::BlockQuote(_) => {
                let style = self.st.blockquote();
                self.out
                    .push_str(&format!("<blockquote style=\"{style}\">"));
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                let (code, end) = plain_until(events, i + 1, |e| {
                    matches!(e, Event::End(TagEnd::CodeBlock))
                });
                self.out.push_str(&format!(
                    "<section style=\"{}\"><pre style=\"{}\"><code style=\"{}\">{}</code></pre></section>",
                    self.st.code_wrap(),
                    self.st.pre(),
                    self.st.code(),
                    code_html(&code)
                ));
                self.newline();
                return end + 1;
            }
            Tag::List(start) => {
                if self.lists.is_empty() {
                    self.outer_list = if start.is_some() { "ol" } else { "ul" };
                    self.out.push_str(&format!(
                        "<{} style=\"{}\">",
                        self.outer_list,
                        self.st.list()
                    ));
                } else if self.li_open {
                    self.out.push_str("</li>");
                    self.li_open = false;
                }
                self.lists.push(ListFrame {
                    ordered: start.is_some(),
                    next: start.unwrap_or(1),
                });
            }
            Tag::Item => {
                if self.li_open {
                    self.out.push_str("</li>");
                }
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(f) if f.ordered => {
                        f.next += 1;
                        format!("{}. ", f.next - 1)
                    }
                    _ => ["• ", "◦ ", "▪ "][depth.min(2)].to_string(),
                };
                let style = self.st.list_item(depth);
                self.out
                    .push_str(&format!("<li style=\"{style}\">{marker}"));
                self.li_open = true;
                self.li_paras = 0;
            }
            Tag::FootnoteDefinition(label) => {
                self.saved.push(std::mem::take(&mut self.out));
                self.note = Some(label.to_string());
                self.note_paras = 0;
            }
            Tag::Table(aligns) => {
                self.aligns = aligns.clone();
                self.in_table = true;
                self.out.push_str(&format!(
                    "<section style=\"{}\"><table style=\"{}\">",
                    self.st.table_wrap(),
                    self.st.table()
                ));
            }
            Tag::TableHead => {
                self.in_head = true;
                self.cell = 0;
                self.out.push_str("<thead><tr>");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.out.push_str("<tr>");
            }
            Tag::TableCell => {
                let align = match self.aligns.get(self.cell) {
                    Some(Alignment::Left) => "left",
                    Some(Alignment::Center) => "center",
                    Some(Alignment::Right) => "right",
                    _ => "",
                };
                let cell = if self.in_head { "th" } else { "td" };
                let style = self.st.cell(self.in_head, align);
                self.out.push_str(&format!("<{cell} style=\"{style}\">"));
            }
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
            } => {
                let resolved = self.targets.links.get(self.link_i).cloned();
                self.link_i += 1;
                let kind = if *link_type == LinkType::Email {
                    LinkKind::Contact(dest_url.to_string())
                } else {
                    classify(
                        dest_url,
                        resolved.as_deref().unwrap_or(dest_url),
                        self.targets.base_url,
                    )
                };
                if let LinkKind::Keep(href) = &kind {
                    let style = self.st.link();
                    self.out
                        .push_str(&format!("<a href=\"{}\" style=\"{style}\">", escape(href)));
                }
                self.links.push((kind, String::new()));
            }
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
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    if self.li_open {
                        self.out.push_str("</li>");
                        self.li_open = false;
                    }
                    self.out.push_str(&format!("</{}>", self.outer_list));
                    self.newline();
                }
            }
            TagEnd::Item if self.li_open => {
                self.out.push_str("</li>");
                self.li_open = false;
            }
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

    fn end_link(&mut self) {
        let Some((kind, text)) = self.links.pop() else {
            return;
        };
        match kind {
            LinkKind::Keep(_) => self.out.push_str("</a>"),
            LinkKind::Reference(url) => {
                if text.trim() != url && !text.trim().is_empty() {
                    let n = self.body.refs.cite(&text, &url);
                    let style = self.st.ref_mark();
                    self.out
                        .push_str(&format!("<sup style=\"{style}\">[{n}]</sup>"));
                } else if text.trim().is_empty() {
                    self.out.push_str(&escape(&url));
                }
            }
            LinkKind::Contact(c) => {
                if text.trim() != c {
                    self.out.push_str(&format!("（{}）", escape(&c)));
                }
            }
            LinkKind::TextOnly => {}
        }
    }

    fn paragraph(&mut self, events: &[Event<'static>], i: usize) -> usize {
        if self.note.is_some() {
            if self.note_paras > 0 {
                self.out.push(' ');
            }
            self.note_paras += 1;
            self.closers.push("");
            return i + 1;
        }
        if !self.lists.is_empty() {
            if self.li_paras > 0 {
                self.out.push_str("<br>");
            }
            self.li_paras += 1;
            self.closers.push("");
            return i + 1;
        }
        // A paragraph holding one image only becomes a figure with a caption.
        if let Some(Event::Start(Tag::Image {
            dest_url, title, ..
        })) = events.get(i + 1)
        {
            let (alt, end) = plain_until(events, i + 2, |e| matches!(e, Event::End(TagEnd::Image)));
            if matches!(events.get(end + 1), Some(Event::End(TagEnd::Paragraph))) {
                self.image(dest_url, title, &alt, true);
                self.newline();
                return end + 2;
            }
        }
        let style = if self.quote > 0 {
            "margin:6px 0;"
        } else {
            self.st.paragraph()
        };
        self.out.push_str(&format!("<p style=\"{style}\">"));
        self.closers.push("</p>");
        if self.top_level() && self.body.first_paragraph.is_empty() {
            self.capture = Some(String::new());
        }
        i + 1
    }

    fn image(&mut self, src: &str, title: &str, alt: &str, block: bool) {
        let resolved = self.targets.images.get(self.image_i).cloned();
        self.image_i += 1;
        let caption = if title.trim().is_empty() { alt } else { title }.trim();
        let lower = src.trim().to_ascii_lowercase();
        let remote = if lower.starts_with("https://") {
            Some(src.trim().to_string())
        } else if lower.starts_with("//") {
            Some(format!("https:{}", src.trim()))
        } else {
            None
        };
        let st = self.st;
        let inner = match &remote {
            Some(url) => format!(
                "<img src=\"{}\" alt=\"{}\" style=\"{}\">",
                escape(url),
                escape(alt),
                if block { st.image() } else { st.inline_image() }
            ),
            None => {
                let name = src
                    .trim()
                    .rsplit(['/', '\\'])
                    .next()
                    .filter(|n| !n.is_empty())
                    .unwrap_or(src)
                    .to_string();
                let href = match resolved.as_deref() {
                    Some(r) if r.starts_with("../") => format!("../{r}"),
                    Some(r) => r.to_string(),
                    None => src.to_string(),
                };
                if !self.body.uploads.iter().any(|u| u.href == href) {
                    self.body.uploads.push(Upload {
                        name: name.clone(),
                        alt: alt.trim().to_string(),
                        href,
                    });
                }
                let label = format!("【待上传图片：{}】", escape(&name));
                if block {
                    format!(
                        "<section style=\"{}margin:0;\">{label}</section>",
                        st.placeholder()
                    )
                } else {
                    format!("<span style=\"{}\">{label}</span>", st.inline_placeholder())
                }
            }
        };
        if !block {
            self.out.push_str(&inner);
            return;
        }
        self.out
            .push_str(&format!("<section style=\"{}\">{inner}", st.figure()));
        if !caption.is_empty() {
            self.out.push_str(&format!(
                "<p style=\"{}\">{}</p>",
                st.caption(),
                escape(caption)
            ));
        }
        self.out.push_str("</section>");
    }
}
