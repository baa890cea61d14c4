//! The document as a whole: `fm-required`, `issuer-mismatch`, `jurisdiction-mismatch`.
//!
//! Complexity: O(n) in the characters of the body for `jurisdiction` (8 words of at most 4
//! characters tried at each position, the 《》 depth kept on the way); the front-matter checks
//! read the front matter a bounded number of times (`chinese_keys` one pass over its lines) and
//! the title once per issuer (O(t·i)).

use super::chars::is_han;
use super::{Doc, Lint};
use crate::content::{Kind, kind};

/// Required keys per type (gongwen.md §10, lints.md fm-required). Publicity pages that are not
/// 公文 (slogans, cases, news, pages) need only a title.
fn required(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Notice => &["title", "issuer", "date", "disclosure", "addressees"],
        Kind::Plan | Kind::Letter | Kind::Form | Kind::Pledge | Kind::Speech => {
            &["title", "issuer", "date", "disclosure"]
        }
        _ => &["title"],
    }
}

/// Whether the front matter of `src` writes its keys in Chinese (`标题:` rather than `title:`).
fn chinese_keys(src: &str, body_start: usize) -> bool {
    src.get(..body_start).is_some_and(|fm| {
        fm.lines()
            .filter_map(|l| l.split_once(':').or_else(|| l.split_once('：')))
            .any(|(key, _)| !key.starts_with(' ') && key.chars().any(crate::gongwen::is_han))
    })
}

pub fn run(doc: &mut Doc) {
    front_matter(doc);
    issuer(doc);
    jurisdiction(doc);
    super::attachments::check(doc);
}

fn front_matter(doc: &mut Doc) {
    const LINE1: usize = usize::MAX;
    // A front matter that does not parse is the loader's error, located at the mistake and
    // said in Chinese; the field lints have nothing to read.
    if !doc.front.loaded() {
        return;
    }
    let Some(k) = doc.kind else {
        let t = doc.front.text("type").unwrap_or_default();
        let off = doc.front.key_offset("type").unwrap_or(LINE1);
        let ids: Vec<&str> = kind::ALL.iter().map(|k| k.id()).collect();
        doc.push(
            Lint::FmRequired,
            off,
            4,
            format!("未知的文档类型“{t}”"),
            format!("type 应为以下之一：{}", ids.join("、")),
        );
        return;
    };
    // Named in the language the file writes its keys in, with the value to write where there
    // is a usual one.
    let chinese = chinese_keys(doc.src, doc.front.body_start);
    // A field written under another name (成文日期 for 日期) is the loader's error at that
    // key, which says what to write: not missing too.
    let misnamed: Vec<&str> = crate::yaml::entries(&doc.src[..doc.front.body_start])
        .iter()
        .filter_map(|(k, _)| crate::gongwen::fields::synonym(k))
        .collect();
    for key in required(k) {
        if !doc.front.has(key) && !misnamed.contains(key) {
            let zh = crate::gongwen::fields::alias(key).unwrap_or(key);
            let shown = if chinese { zh } else { key };
            let value = match *key {
                "disclosure" => "主动公开",
                "date" => "X年X月X日（成文日期）",
                _ => "……",
            };
            let mut hint = format!("在前言区加一行 {shown}: {value}");
            if *key == "disclosure" {
                hint.push_str("（依申请公开、不予公开的文件不会发布到网站）");
            }
            doc.push(
                Lint::FmRequired,
                LINE1,
                1,
                format!("缺少必填字段“{shown}”（{}必须填写）", k.label()),
                hint,
            );
        }
    }
    // A date the loader refused: if it is not even close to a date, say what is expected.
    if let (Some(v), None) = (doc.front.scalar("date"), doc.front.date("date")) {
        let looks_like_date = v.chars().filter(|c| c.is_ascii_digit()).count() >= 6;
        if !looks_like_date {
            let off = doc.front.key_offset("date").unwrap_or(LINE1);
            doc.push(
                Lint::FmRequired,
                off,
                4,
                format!("成文日期“{v}”无法识别"),
                "写作 2023-04-06 或 2023年4月6日",
            );
        }
    }
    if let (Some(v), Some(off)) = (
        doc.front.text("disclosure"),
        doc.front.key_offset("disclosure"),
    ) && v != "主动公开"
    {
        doc.push(
            Lint::FmRequired,
            off,
            10,
            format!("公开属性为“{v}”，该文档不得发布"),
            "只有“主动公开”的文档才能发布；不发布的文档请移出 content/ 或设为草稿",
        );
    }
    // Secret as the loader reads it (a value, not an empty key).
    if let (Some(_), Some(off)) = (doc.front.text("secrecy"), doc.front.key_offset("secrecy")) {
        doc.push(
            Lint::FmRequired,
            off,
            7,
            "文档标有密级（secrecy），涉密文档绝不能发布",
            "删除该文档，涉密文件不得上网",
        );
    }
    let lines = doc.front.list("title_lines");
    if let (false, Some(title)) = (lines.is_empty(), doc.front.text("title")) {
        let joined: String = lines.concat();
        if joined.replace(char::is_whitespace, "") != title.replace(char::is_whitespace, "") {
            let off = doc.front.key_offset("title_lines").unwrap_or(LINE1);
            doc.push(
                Lint::FmRequired,
                off,
                11,
                "title_lines 连起来与 title 不一致",
                "title_lines 只用于分行，各行连起来应与 title 完全相同",
            );
        }
    }
}

/// An organ's name without blanks, 人民政府 shortened to 政府.
fn normalize(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    s.replace("人民政府", "政府")
}

fn issuer(doc: &mut Doc) {
    let (Some(title), issuers) = (doc.front.text("title"), doc.front.list("issuer")) else {
        return;
    };
    let Some(pos) = title.find("关于") else {
        return;
    };
    let prefix = title[..pos].trim();
    if prefix.is_empty() || issuers.is_empty() {
        return;
    }
    let mut rest = normalize(prefix);
    let mut names: Vec<String> = issuers.iter().map(|i| normalize(i)).collect();
    // The site's short names of these issuers (campaign.yaml 校对.发文机关简称).
    let short: Vec<String> = doc
        .opts
        .own
        .aliases
        .iter()
        .filter(|(_, full)| names.contains(&normalize(full)))
        .map(|(alias, _)| normalize(alias))
        .collect();
    names.extend(short);
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for n in &names {
        rest = rest.replace(n.as_str(), "");
    }
    let short_of = |n: &String| {
        n.strip_suffix(rest.as_str())
            .is_some_and(|head| head.ends_with(['省', '市', '县', '区']))
    };
    if !rest.is_empty() && names.iter().any(short_of) {
        rest.clear();
    }
    rest.retain(|c| !matches!(c, '、' | '，' | ',' | '和' | '与'));
    if !rest.is_empty() {
        let off = doc
            .front
            .values("title")
            .first()
            .map(|x| x.1)
            .unwrap_or(usize::MAX);
        doc.push(
            Lint::IssuerMismatch,
            off,
            prefix.chars().count(),
            format!(
                "标题中的发文机关“{prefix}”与 issuer“{}”不一致",
                issuers.join("、")
            ),
            "核对标题是否从其他单位的模板复制；如确为本机关的简称，在 campaign.yaml 的 校对: 下写 发文机关简称: {简称: 全称}",
        );
    }
}

/// The level of the issuer (乡 or 镇), if it is a township.
fn level(issuers: &[String]) -> Option<char> {
    let s = issuers.first()?;
    let c: Vec<char> = s.chars().collect();
    if s.contains("街道") {
        return None;
    }
    (0..c.len()).find_map(|i| {
        let prev = if i > 0 { c[i - 1] } else { ' ' };
        match c[i] {
            '乡' if prev != '城' && c.get(i + 1) != Some(&'镇') => Some('乡'),
            '镇' if prev != '城' && prev != '乡' => Some('镇'),
            _ => None,
        }
    })
}

/// Verbs and particles after which 镇直/镇安办… starts a new word.
const BEFORE: &str = "由向对和与及经报送交请各促将到在给会同是为等的并或、，；：（“ ";

fn jurisdiction(doc: &mut Doc) {
    let Some(own) = level(&doc.front.list("issuer")) else {
        return;
    };
    let other = if own == '乡' { '镇' } else { '乡' };
    let own_s = own.to_string();
    let words: Vec<Vec<char>> = [
        "我X",
        "全X",
        "本X",
        "X直",
        "X安办",
        "X政府",
        "X党委",
        "X安委会",
    ]
    .iter()
    .map(|w| w.replace('X', &other.to_string()).chars().collect())
    .collect();
    for b in 0..doc.blocks.len() {
        if !super::is_body(&doc.blocks[b]) {
            continue;
        }
        let c = doc.blocks[b].chars.clone();
        let mut depth = 0i32;
        let mut i = 0;
        while i < c.len() {
            depth += (c[i] == '《') as i32 - (c[i] == '》') as i32;
            let hit = words.iter().find(|w| c[i..].starts_with(w));
            if let (Some(w), 0) = (hit, depth) {
                let at = w
                    .iter()
                    .position(|&x| x == other)
                    .map(|p| i + p)
                    .unwrap_or(i);
                let prev = if at > 0 { c[at - 1] } else { ' ' };
                let compound = (other == '镇' && matches!(prev, '乡' | '城'))
                    || (other == '乡' && prev == '城')
                    || c.get(at + 1) == Some(&'镇');
                let prefixed =
                    w[0] != other || i == 0 || !is_han(c[i - 1]) || BEFORE.contains(c[i - 1]);
                if !compound && prefixed && doc.blocks[b].all_free(i..i + w.len()) {
                    let word: String = w.iter().collect();
                    let fixed = word.replace(other, &own_s);
                    doc.at(
                        b,
                        i,
                        w.len(),
                        Lint::JurisdictionMismatch,
                        format!("发文机关是{own}，正文却写“{word}”"),
                        format!("改为“{fixed}”（检查是否从其他{other}的材料复制）"),
                    );
                    i += w.len();
                    continue;
                }
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod required_tests {
    use crate::check::{LintOptions, lint_text};

    #[test]
    fn a_missing_field_is_named_in_the_files_key_language_with_its_usual_value() {
        let hint = |src: &str| {
            lint_text("content/notices/a.md", src, &LintOptions::default())
                .into_iter()
                .find(|d| d.lint == "fm-required" && d.message.contains("必须填写"))
                .map(|d| (d.message, d.hint.unwrap_or_default()))
                .unwrap()
        };
        let (msg, h) = hint(
            "---\n标题: 关于开展测试的通知\n日期: 2026年9月2日\n发文机关: 某乡人民政府\n主送: 各村\n---\n\n正文。\n",
        );
        assert_eq!(msg, "缺少必填字段“公开属性”（通知必须填写）");
        assert!(h.starts_with("在前言区加一行 公开属性: 主动公开"), "{h}");
        let (msg, h) = hint(
            "---\ntitle: 关于开展测试的通知\ndate: 2026-09-02\nissuer: 某乡人民政府\naddressees: 各村\n---\n\n正文。\n",
        );
        assert_eq!(msg, "缺少必填字段“disclosure”（通知必须填写）");
        assert!(h.starts_with("在前言区加一行 disclosure: 主动公开"), "{h}");
    }

    #[test]
    fn a_field_written_under_another_name_is_not_missing_too() {
        let src = "---\n标题: 关于开展测试的通知\n成文日期: 2026年9月2日\n署名: 某乡人民政府\n主送: 各村\n公开属性: 主动公开\n---\n\n正文。\n";
        let missing: Vec<String> = lint_text("content/notices/a.md", src, &LintOptions::default())
            .into_iter()
            .filter(|d| d.message.contains("缺少必填字段"))
            .map(|d| d.message)
            .collect();
        assert!(missing.is_empty(), "{missing:?}");
    }
}
