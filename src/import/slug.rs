//! Slugs a person can read and type for imported documents without a 发文字号: the title's
//! words (segmented by jieba) in pinyin, without the issuer or place in front and without
//! function words, at most three words and the 文种: "在全乡安全生产工作会议上的讲话" →
//! `anquanshengchan-gongzuo-huiyi-jianghua`. Documents with a 文号 are named after it
//! (`yww-2023-16`) by [`super::write`].

use std::sync::OnceLock;

use jieba_rs::Jieba;
use pinyin::ToPinyin;

use crate::gongwen::chars::is_han;

fn jieba() -> &'static Jieba {
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(|| {
        let mut j = crate::gongwen::segmenter::jieba().clone();
        for w in [
            "安全生产",
            "标准化",
            "专项行动",
            "宣贯",
            "一封信",
            "告知书",
            "承诺书",
        ] {
            j.add_word(w, Some(100_000), None);
        }
        j
    })
}

/// Words that say nothing about the document.
const STOP: &[&str] = &[
    "的",
    "在",
    "上",
    "关于",
    "印发",
    "转发",
    "和",
    "与",
    "及",
    "对",
    "进一步",
    "做好",
    "有关",
    "全乡",
    "全镇",
    "全县",
    "全市",
    "全区",
    "我乡",
    "我镇",
    "致",
    "各",
    "开展",
    "年",
    "度",
];

/// 文种 words kept at the end of the slug.
const GENRES: &[&str] = &[
    "通知",
    "方案",
    "讲话",
    "简报",
    "要点",
    "计划",
    "意见",
    "报告",
    "通报",
    "一封信",
    "告知书",
    "承诺书",
    "倡议书",
    "标语",
    "案例",
    "纪要",
    "总结",
    "决定",
    "动态",
];

/// A word in plain pinyin without tones ("安全生产" → "anquanshengchan"); ASCII letters and
/// digits kept.
fn pinyin_word(w: &str) -> String {
    let mut out = String::new();
    for c in w.chars() {
        if let Some(p) = c.to_pinyin() {
            out.push_str(&p.plain().replace('ü', "v"));
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The title without its issuer ("…关于"), 印发/转发, book-title marks and a leading place name.
fn core(title: &str) -> String {
    let t = title.split_once("关于").map_or(title, |(_, r)| r);
    let t: String = t.chars().filter(|c| !"《》〈〉“”\"".contains(*c)).collect();
    let t = t
        .trim_start_matches("印发")
        .trim_start_matches("转发")
        .to_string();
    let chars: Vec<char> = t.chars().collect();
    let place_end = chars
        .iter()
        .take(9)
        .position(|c| matches!(c, '乡' | '镇' | '县' | '市' | '区' | '省'))
        .filter(|&p| p >= 1 && chars[..p].iter().all(|c| is_han(*c)) && p + 4 < chars.len());
    match place_end {
        Some(p) => chars[p + 1..].iter().collect(),
        None => t,
    }
}

/// A title's issue number at its end ("……简报（第5期）" → ("……简报", "5"); "（2024年第4期）"
/// → "2024-4").
fn issue(title: &str) -> Option<(&str, String)> {
    let t = title.trim_end();
    let t = t
        .strip_suffix('）')
        .or_else(|| t.strip_suffix(')'))?
        .strip_suffix('期')?;
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (rest, n) = t.split_at(t.len() - digits);
    let rest = rest.strip_suffix('第')?;
    let (rest, year) = match rest.strip_suffix('年') {
        Some(r) if r.len() >= 4 && r.as_bytes()[r.len() - 4..].iter().all(u8::is_ascii_digit) => {
            (&r[..r.len() - 4], Some(&r[r.len() - 4..]))
        }
        _ => (rest, None),
    };
    let rest = rest.strip_suffix('（').or_else(|| rest.strip_suffix('('))?;
    let n = match year {
        Some(y) => format!("{y}-{n}"),
        None => n.to_string(),
    };
    (!n.is_empty() && !n.ends_with('-')).then_some((rest, n))
}

/// A readable slug from a title; empty when the title gives no word. A briefing's issue
/// number ends it: "安全生产工作简报（第5期）" → `anquanshengchan-gongzuojianbao-5`.
pub fn from_title(title: &str) -> String {
    if let Some((rest, n)) = issue(title) {
        let slug = from_title(rest);
        return if slug.is_empty() {
            slug
        } else {
            format!("{slug}-{n}")
        };
    }
    let core = core(title);
    let words: Vec<&str> = jieba()
        .cut(&core, true)
        .into_iter()
        .map(|t| t.word)
        .filter(|w| w.chars().any(|c| is_han(c) || c.is_ascii_alphanumeric()))
        .collect();
    let genre = words.last().filter(|w| GENRES.contains(w)).copied();
    let mut parts: Vec<String> = words
        .iter()
        .take(words.len() - usize::from(genre.is_some()))
        .filter(|w| !STOP.contains(w) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| pinyin_word(w))
        .filter(|p| !p.is_empty())
        .take(3)
        .collect();
    let tail = genre.map(pinyin_word);
    let len = |parts: &[String]| {
        parts.iter().map(|p| p.len() + 1).sum::<usize>() + tail.as_ref().map_or(0, String::len)
    };
    while parts.len() > 1 && len(&parts) > 48 {
        parts.pop();
    }
    parts.extend(tail);
    // One long "word" (a character repeated, a run jieba does not split) is cut: a slug is at
    // most 100 bytes, and a readable one much less.
    let mut slug = parts.join("-");
    if slug.len() > 60 {
        slug.truncate(60);
        slug.truncate(slug.trim_end_matches(['-', '_']).len());
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readable_words() {
        assert_eq!(
            from_title("在全乡安全生产工作会议上的讲话"),
            "anquanshengchan-gongzuo-huiyi-jianghua"
        );
        let plan = from_title("外山乡安全生产标准化提升专项行动巩固提高宣贯工作方案");
        assert_eq!(plan, "anquanshengchan-biaozhunhua-tisheng-fangan");
        let s = from_title("外山乡人民政府关于开展安全生产月活动的通知");
        assert!(s.ends_with("-tongzhi") && s.split('-').count() <= 4, "{s}");
        assert!(from_title("第3期").is_empty() || !from_title("第3期").contains(' '));
    }

    #[test]
    fn a_briefing_keeps_its_issue_number() {
        assert_eq!(
            from_title("安全生产工作简报（第5期）"),
            "anquanshengchan-gongzuojianbao-5"
        );
        assert_eq!(from_title("安全简报(第12期)"), "anquan-jianbao-12");
        assert_eq!(
            from_title("安全生产简报（2024年第4期）"),
            "anquanshengchan-jianbao-2024-4"
        );
        // A word before 年 that is not a year (found in review: it sliced inside a character).
        assert!(!from_title("安全简报（今年第4期）").is_empty());
        assert!(!from_title("安全简报（上半年第1期）").is_empty());
    }

    #[test]
    fn one_long_word_is_cut() {
        // Found by the import fuzz target: a title of one character repeated 44 times.
        let s = from_title(&"阑".repeat(44));
        assert!(s.len() <= 60 && crate::content::slug::is_valid(&s), "{s}");
    }
}
