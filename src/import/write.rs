//! Writes the recognised items as Markdown files with front matter ([`front`]), under
//! `content/<folder of the type>/<slug>.md` (the folder where the engine reads that type:
//! [`crate::gongwen::Kind::folder`]). An existing file is never overwritten without `force`.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use pinyin::ToPinyin;

use super::front::{self, FrontMatter, item_disclosure};
use super::recognize::{Document, Item, Role};
use super::{Report, markdown};

/// Lower-case ASCII transliteration: pinyin initials of Chinese characters, ASCII letters
/// and digits kept, anything else a single `-`.
pub fn initials(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if let Some(p) = c.to_pinyin() {
            out.push_str(p.first_letter());
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The slug of the main document: from the 发文字号 when there is one (永外委〔2023〕16号 →
/// yww-2023-16), else the title's words in pinyin ([`super::slug`]).
fn base_slug(item: &Item) -> String {
    if let Some(no) = &item.doc_no
        && let Some((code, rest)) = no.split_once('〔')
        && let Some((year, num)) = rest.split_once('〕')
    {
        return format!("{}-{year}-{}", initials(code), num.trim_end_matches('号'));
    }
    let s = super::slug::from_title(&item.title);
    match (s.is_empty(), item.date) {
        (false, _) => s,
        (true, Some(d)) => format!("wenjian-{}", d.format("%Y%m%d")),
        (true, None) => "wenjian".into(),
    }
}

/// Slugs for all items: main and issued plan from their titles, attachments
/// `<owner>-fj<n>`; unique within `used`.
pub fn slugs(doc: &Document, used: &mut HashSet<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, item) in doc.items.iter().enumerate() {
        let base = match item.role {
            Role::Main | Role::Issued => base_slug(item),
            Role::Attachment(n) => {
                let owner = doc.items.iter().position(|o| o.attachments.contains(&i));
                let owner_slug = owner
                    .and_then(|o| out.get(o))
                    .cloned()
                    .unwrap_or_else(|| "fj".into());
                format!("{owner_slug}-fj{n}")
            }
        };
        let mut slug = base.clone();
        let mut k = 2;
        while !used.insert(slug.clone()) {
            slug = format!("{base}-{k}");
            k += 1;
        }
        out.push(slug);
    }
    out
}

/// The text of one content file.
pub fn render(fm: &FrontMatter, body: &str) -> Result<String> {
    let yaml = crate::yaml::to_string(fm)?;
    Ok(format!("---\n{yaml}---\n\n{body}"))
}

/// The text of every item of `doc` (front matter and body), in item order; nothing is written.
/// `slugs` comes from [`slugs`].
pub fn texts(doc: &Document, slugs: &[String], rep: &mut Report) -> Result<Vec<String>> {
    (0..doc.items.len())
        .map(|i| {
            render(
                &front::of(doc, i, slugs),
                &markdown::body(&doc.items[i], rep),
            )
        })
        .collect()
}

/// Writes every item of `doc`; returns the paths written or skipped, main document first.
pub fn write_document(
    doc: &Document,
    into: &Path,
    force: bool,
    used: &mut HashSet<String>,
    rep: &mut Report,
) -> Result<()> {
    let slugs = slugs(doc, used);
    let undisclosed: Vec<&str> = doc
        .items
        .iter()
        .zip(&slugs)
        .filter(|(item, _)| item.kind.needs_disclosure() && item_disclosure(item).is_none())
        .map(|(_, slug)| slug.as_str())
        .collect();
    if !undisclosed.is_empty() {
        rep.warning(
            0,
            0,
            format!(
                "原文没有注明公开属性，{} 的前置信息中未填写 disclosure",
                undisclosed.join("、")
            ),
        )
        .with_hint("确认可以在网上公开后，在这些文件的前置信息中加一行 disclosure: 主动公开");
    }
    let texts = texts(doc, &slugs, rep)?;
    for ((i, item), text) in doc.items.iter().enumerate().zip(texts) {
        let rel = Path::new(item.kind.folder()).join(format!("{}.md", slugs[i]));
        let path: PathBuf = super::dest::checked(into, &rel)?;
        let dir = path.parent().unwrap_or(into).to_path_buf();
        if path.exists() && !force {
            rep.error(item.line, 0, format!("{} 已存在，未覆盖", path.display()))
                .with_hint("确认要替换时加 --force 重新导入，或先把原文件改名");
            rep.skipped.push(path);
            continue;
        }
        std::fs::create_dir_all(&dir).with_context(|| format!("无法创建目录 {}", dir.display()))?;
        std::fs::write(&path, text).with_context(|| format!("无法写入 {}", path.display()))?;
        rep.created.push(path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration() {
        assert_eq!(initials("永外委"), "yww");
        assert_eq!(initials("安全生产 2.0 版"), "aqsc-2-0-b");
    }
}
