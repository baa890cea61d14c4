//! Links and images of the body: only mp.weixin.qq.com links stay `<a>`; other targets become
//! their text plus `[n]` (see [`super::links`]). https images stay `<img>` sized by style; local
//! and http images become named placeholders and are listed for upload.
//!
//! Complexity: O(u) per link or image for a target of u bytes: it is classified and numbered
//! once (a hash lookup, see [`super::links::References`]).

use pulldown_cmark::LinkType;

use super::body::{Conv, Upload};
use super::links::{LinkKind, classify};
use super::text::escape;

impl Conv<'_> {
    pub(super) fn start_link(&mut self, link_type: LinkType, dest_url: &str) {
        let resolved = self.targets.links.get(self.link_i).cloned();
        self.link_i += 1;
        let kind = if link_type == LinkType::Email {
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

    pub(super) fn end_link(&mut self) {
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

    pub(super) fn image(&mut self, src: &str, title: &str, alt: &str, block: bool) {
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
                    Some(r) if r.starts_with("../") => format!("../../site/{}", &r[3..]),
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
