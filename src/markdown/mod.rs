//! The one place that configures markdown, and the one entry point that renders it.
//!
//! Every stage (HTML pages, `check`, the LED feed, the WeChat export) parses markdown with
//! [`options`] and, where it needs the CJK fixes, [`events`].
//!
//! Raw HTML policy: raw HTML in a markdown body is never passed through. HTML comments are
//! dropped (they carry proofreading suppressions); any other tag is shown as text.
//! Heading attributes keep only `{#id .class}`; `key=value` pairs are dropped.
//! Link and image targets are allow-listed ([`allowed_url`]): `http(s):`, `mailto:`, `tel:`,
//! relative paths and `#fragments`; any other target becomes `#`.
//!
//! Complexity: O(n + e) for a body of n bytes parsed into e events. [`cjk::mark_strong`] and
//! pulldown-cmark are linear passes; turning sentinels back into `<strong>` is two passes with
//! a stack whose depths only grow from bottom to top (an end pops, never filters); a soft
//! break looks past the inline tags beside it only, up to the nearest other event; [`render`]
//! walks the events once, an image's alt text or a heading's text up to its end tag, and puts
//! highlighted code blocks in place in one final pass (a splice per block moved every later
//! event). Heading ids are a hash set plus, per base, the last number given, so n headings
//! with the same text cost O(n), not O(n³). syntect's highlighting is linear in the code.

pub mod cjk;
mod highlight;
pub mod plain;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The pulldown-cmark options every parser in the project uses.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body's HTML; its plain text is [`plain::text`] of it.
    pub html: String,
    /// (level, id, text) of each heading.
    pub headings: Vec<(u8, String, String)>,
    /// Link and image targets after rewriting, as written into the HTML.
    pub links: Vec<String>,
    pub images: Vec<String>,
    /// Image targets as written in the source whose alt text is empty.
    pub missing_alt: Vec<String>,
}

/// Rewrites a link or image target; `None` keeps it as written.
pub trait Resolve {
    fn resolve(&self, url: &str) -> Option<String>;
}

/// Resolves nothing (for exports that keep links as written).
pub struct NoLinks;
impl Resolve for NoLinks {
    fn resolve(&self, _: &str) -> Option<String> {
        None
    }
}

/// Parses `src` and applies the project's passes: CJK bold, soft breaks between Chinese
/// characters, the raw-HTML policy and safe link schemes. Renderers other than HTML start here.
pub fn events(src: &str) -> Vec<Event<'static>> {
    let marked = cjk::mark_strong(src);
    let parsed: Vec<Event<'static>> = Parser::new_ext(&marked, options())
        .map(Event::into_static)
        .collect();
    let events = strong_from_sentinels(parsed);
    let events = drop_cjk_soft_breaks(events);
    events.into_iter().filter_map(policy).collect()
}

/// Renders a body to HTML with links rewritten by `links`.
pub fn render(src: &str, links: &dyn Resolve) -> Rendered {
    let mut out = Rendered::default();
    let mut events = events(src);
    let mut used_ids = Ids::default();
    // Highlighted code blocks (first event, last event, HTML), put in place after the walk:
    // a splice per block would move every later event each time.
    let mut highlighted: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &mut events[i] {
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(u) = links.resolve(dest_url) {
                    *dest_url = CowStr::from(u);
                }
                out.links.push(dest_url.to_string());
            }
            Event::Start(Tag::Image { .. }) => {
                let alt = plain_until(&events[i + 1..], |e| matches!(e, Event::End(TagEnd::Image)));
                let Event::Start(Tag::Image { dest_url, .. }) = &mut events[i] else {
                    unreachable!()
                };
                if alt.trim().is_empty() {
                    out.missing_alt.push(dest_url.to_string());
                }
                if let Some(u) = links.resolve(dest_url) {
                    *dest_url = CowStr::from(u);
                }
                out.images.push(dest_url.to_string());
            }
            Event::Start(Tag::Heading { .. }) => {
                let text = plain_until(&events[i + 1..], |e| {
                    matches!(e, Event::End(TagEnd::Heading(_)))
                });
                if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[i] {
                    let hid = match id {
                        Some(given) => given.to_string(),
                        None => unique_id(&text, &mut used_ids),
                    };
                    *id = Some(CowStr::from(hid.clone()));
                    out.headings.push((heading_level(*level), hid, text));
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => l.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let end = events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::CodeBlock)))
                    .map(|p| p + i);
                if let Some(end) = end {
                    let code: String = events[i + 1..end]
                        .iter()
                        .filter_map(|e| {
                            if let Event::Text(t) = e {
                                Some(t.as_ref())
                            } else {
                                None
                            }
                        })
                        .collect();
                    if let Some(html) = highlight::highlight(&code, &lang) {
                        highlighted.push((i, end, html));
                        i = end;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    if !highlighted.is_empty() {
        let mut blocks = highlighted.into_iter().peekable();
        let mut kept = Vec::with_capacity(events.len());
        let mut skip_to: Option<usize> = None;
        for (k, e) in events.into_iter().enumerate() {
            if skip_to.is_some_and(|end| k <= end) {
                continue;
            }
            if let Some((_, end, html)) = blocks.next_if(|b| b.0 == k) {
                kept.push(Event::Html(CowStr::from(html)));
                skip_to = Some(end);
                continue;
            }
            kept.push(e);
        }
        events = kept;
    }
    let mut html = String::with_capacity(src.len() + src.len() / 4);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    // Every page's HTML stays loaded for the whole build: it is copied to a block of its own
    // size (shrinking in place keeps the block when it shrinks by less than half, so the
    // room the string grew into would stay held).
    out.html = html.as_str().to_owned();
    out
}

fn heading_level(l: HeadingLevel) -> u8 {
    l as u8
}

fn plain_until(events: &[Event<'_>], stop: impl Fn(&Event<'_>) -> bool) -> String {
    let mut s = String::new();
    for e in events {
        if stop(e) {
            break;
        }
        if let Event::Text(t) | Event::Code(t) = e {
            s.push_str(t);
        }
    }
    s
}

/// Heading ids keep Chinese characters (browsers accept them in fragments).
/// The heading ids of one page: the ids taken, and for each base the last number it was given
/// (the ids taken only grow, so the next free `base-n` is never below it).
#[derive(Default)]
struct Ids {
    used: std::collections::HashSet<String>,
    last: std::collections::HashMap<String, usize>,
}

fn unique_id(text: &str, ids: &mut Ids) -> String {
    let mut base: String = text
        .chars()
        .filter_map(|c| {
            if c.is_alphanumeric() {
                Some(c.to_lowercase().next().unwrap_or(c))
            } else if c.is_whitespace() || c == '-' {
                Some('-')
            } else {
                None
            }
        })
        .collect();
    base = base.trim_matches('-').to_string();
    if base.is_empty() {
        base = "section".into();
    }
    let mut id = base.clone();
    if ids.used.contains(&id) {
        let n = ids.last.entry(base.clone()).or_insert(1);
        loop {
            *n += 1;
            id = format!("{base}-{n}");
            if !ids.used.contains(&id) {
                break;
            }
        }
    }
    ids.used.insert(id.clone());
    id
}

/// Turns the sentinels of [`cjk::mark_strong`] into strong tags where they nest properly,
/// and back into `**` where they do not.
fn strong_from_sentinels(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if t.contains([cjk::OPEN, cjk::CLOSE])))
    {
        return events;
    }
    // Pass 1: decide which sentinels pair within the same inline container.
    let mut depth = 0usize;
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (sentinel number, depth)
    let mut ok: Vec<bool> = Vec::new();
    for e in &events {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                // The depths on the stack never decrease from bottom to top: popping the top
                // is the same as keeping those at most `depth`, without a pass over the stack.
                while stack.last().is_some_and(|&(_, d)| d > depth) {
                    stack.pop();
                }
            }
            Event::Text(t) => {
                for c in t.chars() {
                    if c == cjk::OPEN {
                        stack.push((ok.len(), depth));
                        ok.push(false);
                    } else if c == cjk::CLOSE {
                        let n = ok.len();
                        ok.push(false);
                        if let Some(&(o, d)) = stack.last()
                            && d == depth
                        {
                            stack.pop();
                            ok[o] = true;
                            ok[n] = true;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // Pass 2: split text events.
    let mut out = Vec::with_capacity(events.len() + 8);
    let mut n = 0;
    for e in events {
        let Event::Text(t) = &e else {
            out.push(e);
            continue;
        };
        if !t.contains([cjk::OPEN, cjk::CLOSE]) {
            out.push(e);
            continue;
        }
        let mut buf = String::new();
        for c in t.chars() {
            if c == cjk::OPEN || c == cjk::CLOSE {
                let paired = ok.get(n).copied().unwrap_or(false);
                n += 1;
                if !paired {
                    buf.push_str("**");
                    continue;
                }
                if !buf.is_empty() {
                    out.push(Event::Text(CowStr::from(std::mem::take(&mut buf))));
                }
                out.push(if c == cjk::OPEN {
                    Event::Start(Tag::Strong)
                } else {
                    Event::End(TagEnd::Strong)
                });
            } else {
                buf.push(c);
            }
        }
        if !buf.is_empty() {
            out.push(Event::Text(CowStr::from(buf)));
        }
    }
    out
}

fn drop_cjk_soft_breaks(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    let last_char = |e: &Event<'_>| match e {
        Event::Text(t) | Event::Code(t) => t.chars().next_back(),
        _ => None,
    };
    let first_char = |e: &Event<'_>| match e {
        Event::Text(t) | Event::Code(t) => t.chars().next(),
        _ => None,
    };
    let inline_tag = |e: &Event<'_>| {
        matches!(
            e,
            Event::Start(Tag::Strong | Tag::Emphasis | Tag::Strikethrough | Tag::Link { .. })
                | Event::End(
                    TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough | TagEnd::Link
                )
        )
    };
    let mut keep = vec![true; events.len()];
    for (i, e) in events.iter().enumerate() {
        if !matches!(e, Event::SoftBreak) {
            continue;
        }
        let before = events[..i]
            .iter()
            .rev()
            .find(|e| !inline_tag(e))
            .and_then(last_char);
        let after = events[i + 1..]
            .iter()
            .find(|e| !inline_tag(e))
            .and_then(first_char);
        if let (Some(a), Some(b)) = (before, after)
            && cjk::joins_without_space(a, b)
        {
            keep[i] = false;
        }
    }
    events
        .into_iter()
        .zip(keep)
        .filter_map(|(e, k)| k.then_some(e))
        .collect()
}

/// The raw-HTML and link-scheme policy (see the module docs).
fn policy(e: Event<'static>) -> Option<Event<'static>> {
    match e {
        Event::Html(h) | Event::InlineHtml(h) => {
            let t = h.trim();
            if t.starts_with("<!--") && t.ends_with("-->") {
                None
            } else {
                Some(Event::Text(h))
            }
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        })),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Some(Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        })),
        // `# 标题 {onclick=…}` would become an event-handler attribute: only `{#id .class}`
        // are kept from heading attributes.
        Event::Start(Tag::Heading {
            level, id, classes, ..
        }) => Some(Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs: Vec::new(),
        })),
        other => Some(other),
    }
}

fn safe_url(u: CowStr<'static>) -> CowStr<'static> {
    if allowed_url(&u) {
        u
    } else {
        CowStr::from("#")
    }
}

/// The link schemes a body may use; any other scheme (`javascript:`, `data:`, `blob:`,
/// `file:`, `mhtml:`, a misspelt or percent-encoded one …) is refused.
pub const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Whether a link or image target may be written into a page: an `http(s):`, `mailto:` or
/// `tel:` address, a relative or `/`-rooted path, or a `#fragment`. Whatever a browser
/// ignores (tabs and line breaks anywhere, blanks and control characters around) is ignored
/// here too before the scheme is read.
pub fn allowed_url(url: &str) -> bool {
    match scheme(url) {
        None => true,
        Some(s) => SCHEMES.iter().any(|ok| s.eq_ignore_ascii_case(ok)),
    }
}

/// The scheme of `url` (what comes before a `:` that precedes any `/`, `?` or `#`), after
/// removing what browsers remove; `None` for a relative reference.
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let end = cleaned.find([':', '/', '?', '#'])?;
    cleaned[end..]
        .starts_with(':')
        .then(|| cleaned[..end].to_string())
}

#[cfg(test)]
mod tests;
