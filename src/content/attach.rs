//! A notice's `attachments` (附件说明): each entry names another item (by slug or title) or a
//! 附件 section of the notice's own body. Mismatches — an entry that names nothing, an item
//! that calls itself 附件3 but is listed second, a body section missing from the list — are
//! build errors naming both files.

use std::collections::{HashMap, HashSet};

use super::Item;
use crate::diag::{Diagnostic, line_col};

/// What an `attachments` entry names.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// Another item (index into the site's items).
    Item(usize),
    /// The n-th (0-based) 附件 section of the notice's body.
    Section(usize),
}

/// A 附件 section of a body: `附件`, `附件2` (heading or paragraph of its own) and the title
/// on the next non-empty line.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub number: Option<u32>,
    pub title: String,
    /// Heading id of the `附件N` line when it is a markdown heading.
    pub anchor: Option<String>,
    /// Byte offset of the `附件N` line in the item's text.
    pub offset: usize,
}

/// Text without markup, spaces and 书名号, for comparing titles.
pub fn clean(s: &str) -> String {
    s.trim_start_matches('#')
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》' | '*' | '_'))
        .collect()
}

/// The `附件N` label a line is, if it is one: `Some(None)` for a bare 附件.
fn label(line: &str) -> Option<Option<u32>> {
    // Most lines are not labels: no cleaned copy of them (spaces and marks may stand between
    // 附 and 件, so only 附 is looked for).
    if !line.contains('附') {
        return None;
    }
    let t = clean(line);
    let rest = t.strip_prefix("附件")?;
    let rest = rest.trim_end_matches(['：', ':']);
    if rest.is_empty() {
        Some(None)
    } else if rest.len() <= 2 && rest.chars().all(|c| c.is_ascii_digit()) {
        Some(rest.parse().ok())
    } else {
        None
    }
}

/// The 附件 sections of an item's body.
pub fn sections(item: &Item) -> Vec<Section> {
    let body = item.markdown();
    let mut out = Vec::new();
    let mut offset = item.body_start;
    let mut lines = body.split_inclusive('\n').peekable();
    // Headings already matched to a label, so two labels never share an anchor.
    let mut next_heading = 0;
    while let Some(line) = lines.next() {
        let at = offset;
        offset += line.len();
        let is_heading = line.trim_start().starts_with('#');
        let Some(number) = label(line) else { continue };
        let anchor = if is_heading {
            let found = item.body.headings[next_heading.min(item.body.headings.len())..]
                .iter()
                .position(|h| label(&h.2) == Some(number))
                .map(|p| next_heading + p);
            found.map(|n| {
                next_heading = n + 1;
                item.body.headings[n].1.clone()
            })
        } else {
            None
        };
        let mut title = String::new();
        for next in lines.clone() {
            if !next.trim().is_empty() {
                title = clean(next);
                break;
            }
        }
        out.push(Section {
            number,
            title,
            anchor,
            offset: at,
        });
    }
    out
}

/// Resolves each `attachments` entry of `notice`. `by_name` maps slugs and titles to items.
pub fn resolve(
    notice: &Item,
    items: &[Item],
    by_name: &HashMap<String, usize>,
) -> Vec<(String, Option<Target>)> {
    let names = notice.fm.list("attachments");
    if names.is_empty() {
        return Vec::new();
    }
    let sections = sections(notice);
    names
        .into_iter()
        .map(|name| {
            let key = name.trim();
            let target = by_name
                .get(key)
                .or_else(|| by_name.get(&clean(key)))
                .copied()
                .filter(|&n| items[n].source != notice.source)
                .map(Target::Item)
                .or_else(|| {
                    sections
                        .iter()
                        .position(|s| s.title == clean(key))
                        .map(Target::Section)
                });
            (name, target)
        })
        .collect()
}

/// The items that the notices' `attachments` may name, by slug, title and cleaned title: a
/// title or cleaned title names its first item, a slug its item (slugs win). Only the names
/// some notice lists (as written or cleaned) are kept: that is all [`resolve`] looks up, and
/// a 10,000-item site has few of them.
pub fn names(items: &[Item]) -> HashMap<String, usize> {
    let wanted: HashSet<String> = items
        .iter()
        .flat_map(|i| i.fm.list("attachments"))
        .flat_map(|name| {
            let key = name.trim();
            [key.to_string(), clean(key)]
        })
        .collect();
    let mut by_name = HashMap::new();
    if wanted.is_empty() {
        return by_name;
    }
    for (n, i) in items.iter().enumerate() {
        if wanted.contains(i.title.as_str()) {
            by_name.entry(i.title.clone()).or_insert(n);
        }
        let cleaned = clean(&i.title);
        if wanted.contains(&cleaned) {
            by_name.entry(cleaned).or_insert(n);
        }
    }
    for (n, i) in items.iter().enumerate() {
        if wanted.contains(i.slug.as_str()) {
            by_name.insert(i.slug.clone(), n);
        }
    }
    by_name
}

/// The build errors of every notice's attachments.
pub fn check(items: &[Item]) -> Vec<Diagnostic> {
    let by_name = names(items);
    let mut diags = Vec::new();
    for notice in items
        .iter()
        .filter(|i| i.fm.values.contains_key("attachments"))
    {
        let resolved = resolve(notice, items, &by_name);
        let own = sections(notice);
        let single = resolved.len() == 1;
        // Where each entry is written: searched from the key's line on.
        let (key_line, _) = notice.fm.at("attachments");
        let mut from = notice
            .text
            .split_inclusive('\n')
            .take(key_line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>();
        let front = &notice.text[..notice.body_start];
        let mut at = |name: &str| match front.get(from..).and_then(|t| t.find(name)) {
            Some(o) if !name.is_empty() => {
                from += o + name.len();
                line_col(&notice.text, from - name.len())
            }
            // Written differently (wrapped, escaped): the key's position.
            _ => notice.fm.at("attachments"),
        };
        let mut err = |(line, col): (usize, usize), msg: String, hint: String| {
            diags.push(
                Diagnostic::error(notice.path(), line, col, "attachment-mismatch", msg)
                    .with_hint(hint),
            );
        };
        let mut mismatched = Vec::new();
        for (k, (name, target)) in resolved.iter().enumerate() {
            let pos = at(name);
            if target.is_some() && resolved[..k].iter().any(|(_, t)| t == target) {
                err(
                    pos,
                    format!("附件“{name}”重复列出"),
                    "每个附件在附件说明中只列一次，删掉重复的一项。".into(),
                );
                continue;
            }
            let want = if single {
                "附件".to_string()
            } else {
                format!("附件{}", k + 1)
            };
            match target {
                Some(Target::Item(n)) => {
                    let att = &items[*n];
                    let first = sections(att).into_iter().next();
                    if let Some(s) = first.filter(|s| {
                        att.markdown()[..s.offset - att.body_start]
                            .trim()
                            .is_empty()
                    }) {
                        let ok = if single {
                            matches!(s.number, None | Some(1))
                        } else {
                            s.number == Some(k as u32 + 1)
                        };
                        if !ok {
                            let (l, _) = line_col(&att.text, s.offset);
                            err(
                                pos,
                                format!(
                                    "附件“{name}”在附件说明中是{want}，但 {}:{l} 标的是“附件{}”",
                                    att.path(),
                                    s.number.map(|x| x.to_string()).unwrap_or_default()
                                ),
                                format!(
                                    "调整 attachments 的顺序，或把 {} 开头改成“{want}”。",
                                    att.path()
                                ),
                            );
                        }
                    }
                }
                Some(Target::Section(_)) => {}
                None if by_name
                    .get(name.trim())
                    .is_some_and(|&n| items[n].source == notice.source) =>
                {
                    err(
                        pos,
                        format!("附件“{name}”就是本文自己"),
                        "附件说明只列其他文档或正文末尾的附件部分，删掉这一项。".into(),
                    )
                }
                None => {
                    let near = items.iter().find(|i| {
                        i.source != notice.source && similar(&clean(&i.title), &clean(name))
                    });
                    // The body section in this entry's place: by its number, else by position.
                    let place = own
                        .iter()
                        .position(|s| {
                            s.number == Some(k as u32 + 1) || (single && s.number.is_none())
                        })
                        .or((own.len() == resolved.len()).then_some(k));
                    match (near, place.map(|p| (p, &own[p]))) {
                        (Some(i), _) => err(
                            pos,
                            format!("附件“{name}”与 {} 的标题“{}”不一致", i.path(), i.title),
                            format!(
                                "附件说明与附件标题应完全一致：改成“{}”，或直接写它的 slug：{}",
                                i.title, i.slug
                            ),
                        ),
                        (None, Some((p, s))) if !s.title.is_empty() => {
                            mismatched.push(p);
                            let (l, _) = line_col(&notice.text, s.offset);
                            err(
                                pos,
                                format!("附件“{name}”与正文第 {l} 行的附件标题“{}”不一致", s.title),
                                "附件说明（attachments）与附件标题应完全一致。".into(),
                            )
                        }
                        _ => err(
                            pos,
                            format!("找不到附件“{name}”"),
                            "写成另一篇文档的 slug 或标题，或在正文末尾加入“## 附件N”和附件标题。"
                                .into(),
                        ),
                    }
                }
            }
        }
        // Body sections that no entry lists.
        for (k, s) in own.iter().enumerate() {
            if !resolved.iter().any(|(_, t)| *t == Some(Target::Section(k)))
                && !mismatched.contains(&k)
            {
                let (l, c) = line_col(&notice.text, s.offset);
                err(
                    (l, c),
                    format!(
                        "正文第 {} 个附件“{}”没有列在附件说明（attachments）中",
                        k + 1,
                        s.title
                    ),
                    "在 front matter 的 attachments 中按顺序加上它的标题。".into(),
                );
            }
        }
    }
    diags
}

/// Titles that differ only a little: one contains the other, or they share most characters.
fn similar(a: &str, b: &str) -> bool {
    if a.chars().count() < 4 || b.chars().count() < 4 {
        return false;
    }
    if a.contains(b) || b.contains(a) {
        return true;
    }
    let common = b.chars().filter(|c| a.contains(*c)).count();
    let len = a.chars().count().max(b.chars().count());
    common * 4 >= len * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(label("## 附件2\n"), Some(Some(2)));
        assert_eq!(label("**附件**"), Some(None));
        assert_eq!(label("附件：1. 方案"), None);
        assert_eq!(label("附件1："), Some(Some(1)));
        assert_eq!(label("附件说明"), None);
        assert_eq!(label("附　件 3"), Some(Some(3)));
        assert_eq!(label("各村：附近企业"), None);
    }

    #[test]
    fn similarity() {
        assert!(similar("青石镇宣贯工作方案", "青石镇宣贯方案"));
        assert!(!similar("一封信", "宣传标语"));
    }
}
