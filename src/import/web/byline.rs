//! The byline that closes a work-news story in brackets: the organ that sent it and the
//! correspondent ("（某镇人民政府　张三）", "（某镇安监站 通讯员 李四）", "（某镇人民政府供稿）").
//! Where the story names no organ of its own, the organ is its issuer, before the footer's
//! 主办单位 (the county office that runs the site).

use super::meta::Field;
use crate::gongwen::chars::{is_blank, is_han};
use crate::import::Line;
use crate::import::recognize::head::is_organ;

/// The label of the field the byline gives.
pub const LABEL: &str = "文末署名";

const ROLES: &[&str] = &["通讯员", "记者", "供稿", "撰稿", "报道", "摄影", "文", "图"];

/// The organ named by a bracketed byline among the last lines of the article.
pub fn find(lines: &[Line]) -> Option<Field> {
    lines.iter().rev().take(3).find_map(|l| {
        organ(&l.plain()).map(|value| Field {
            key: "",
            label: LABEL.into(),
            value,
            line: l.no,
            col: 2,
        })
    })
}

/// "（某镇人民政府　张三）" → 某镇人民政府.
fn organ(t: &str) -> Option<String> {
    let inner = t
        .trim_matches(is_blank)
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?;
    let parts: Vec<&str> = inner
        .split(|c: char| is_blank(c) || "、/：:".contains(c))
        .filter(|p| !p.is_empty())
        .collect();
    let (first, rest) = parts.split_first()?;
    let (name, role) = match ROLES.iter().find_map(|r| first.strip_suffix(r)) {
        Some(name) => (name, true),
        None => (*first, false),
    };
    let person = |p: &&str| (2..=4).contains(&p.chars().count()) && p.chars().all(is_han);
    let ok = is_organ(name)
        && rest.len() <= 4
        && (role || !rest.is_empty())
        && rest.iter().all(|p| ROLES.contains(p) || person(p));
    ok.then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_naming_an_organ() {
        assert_eq!(
            organ("（白石乡人民政府　陈立新）").as_deref(),
            Some("白石乡人民政府")
        );
        assert_eq!(
            organ("(白石乡安监站 通讯员 陈立新、马兰)").as_deref(),
            Some("白石乡安监站")
        );
        assert_eq!(
            organ("（白石乡人民政府供稿）").as_deref(),
            Some("白石乡人民政府")
        );
        assert_eq!(organ("（通讯员 陈立新）"), None);
        assert_eq!(organ("（此件公开发布）"), None);
        assert_eq!(organ("（白石乡人民政府）"), None);
        let lines = Line::numbered(["正文。", "（白石乡人民政府　陈立新）"]);
        assert_eq!(find(&lines).map(|f| f.line), Some(2));
    }
}
