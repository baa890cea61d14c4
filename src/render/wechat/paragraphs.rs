//! Block elements of the body: paragraphs (first-line indent; inside list items and footnotes
//! no `<p>`), one-image paragraphs as a figure with a caption, headings from h2 down (the
//! title has its own editor field), and code with `<br>`/`&nbsp;` in a scrolling `<pre>`.
//!
//! Complexity: O(1) per event of the paragraph or heading, plus one read of the events up to an
//! image's end when a paragraph opens with an image, and of a code block's text.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::body::{Conv, plain_until};
use super::text::code_html;

impl Conv<'_> {
    pub(super) fn paragraph(&mut self, events: &[Event<'static>], i: usize) -> usize {
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

    /// An `hN` for markdown level `level` (h1 becomes h2); empty headings are dropped.
    pub(super) fn heading(&mut self, level: u8, events: &[Event<'static>], i: usize) -> usize {
        let (text, end) = plain_until(events, i + 1, |e| {
            matches!(e, Event::End(TagEnd::Heading(_)))
        });
        if text.trim().is_empty() {
            return end + 1;
        }
        let lvl = level.clamp(2, 4);
        let style = self.st.heading(lvl);
        self.out.push_str(&format!("<h{lvl} style=\"{style}\">"));
        self.closers.push(match lvl {
            2 => "</h2>",
            3 => "</h3>",
            _ => "</h4>",
        });
        i + 1
    }

    pub(super) fn code_block(&mut self, events: &[Event<'static>], i: usize) -> usize {
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
        end + 1
    }
}
