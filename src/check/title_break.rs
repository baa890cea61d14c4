//! `title-line-break`: a line of `title_lines` that ends inside a word (GB/T 9704-2012 7.3.3:
//! a title that runs over several lines is broken where the words are whole). Words are jieba's
//! (the dictionary the LED splitter starts from, without its long compound terms: 安全生产 |
//! 标准化 is a break between two words) and the site's own words (place and organ names).

use super::own::Words;
use super::repeat::jieba;
use super::{Doc, Lint};

/// The first line of `lines` that ends inside a word, with that word: (line index, word).
/// The site's words that are right here (place and organ names) must stay whole too.
pub fn breaks_inside_word(lines: &[String], own: &Words) -> Option<(usize, String)> {
    if lines.len() < 2 {
        return None;
    }
    let chars: Vec<char> = lines.iter().flat_map(|l| l.trim().chars()).collect();
    let text: String = chars.iter().collect();
    // Char spans of the words: the site's names first, then jieba's tokens.
    let mut spans: Vec<(usize, usize)> = own.spans(&chars);
    let names = spans.len();
    // Token offsets are in characters.
    spans.extend(jieba().cut(&text, false).iter().map(|t| (t.start, t.end)));
    let mut pos = 0;
    for (k, line) in lines[..lines.len() - 1].iter().enumerate() {
        pos += line.trim().chars().count();
        // A site name decides where it starts and ends (jieba may read across its edge).
        let name_edge = spans[..names].iter().any(|&(a, b)| a == pos || b == pos);
        let hit = spans
            .iter()
            .enumerate()
            .find(|&(i, &(a, b))| a < pos && pos < b && (i < names || !name_edge));
        if let Some((_, &(a, b))) = hit {
            return Some((k, chars[a..b].iter().collect()));
        }
    }
    None
}

pub fn run(doc: &mut Doc) {
    let lines = doc.front.values("title_lines");
    if lines.len() < 2 {
        return;
    }
    let texts: Vec<String> = lines.iter().map(|(s, _)| s.clone()).collect();
    let Some((k, word)) = breaks_inside_word(&texts, &doc.opts.own) else {
        return;
    };
    let (line, off) = &lines[k];
    doc.push(
        Lint::TitleLineBreak,
        *off,
        line.chars().count(),
        format!(
            "标题分行（title_lines）第 {} 行“{}”在词语“{word}”中间断开",
            k + 1,
            line.trim()
        ),
        format!("把“{word}”放在同一行：标题回行时要词意完整（GB/T 9704-2012 7.3.3）"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_line_that_ends_inside_a_word_is_found_with_the_word() {
        let none = Words::default();
        let got = breaks_inside_word(
            &lines(&["关于开展安全生产标准化提升专项行动宣", "传工作的通知"]),
            &none,
        );
        assert_eq!(got, Some((0, "宣传".into())));
        let got = breaks_inside_word(
            &lines(&["外山乡人民政府关于开展安", "全生产月活动的通知"]),
            &none,
        );
        assert_eq!(got, Some((0, "安全".into())));
        // Between two words of a compound term (安全生产 | 标准化): whole words.
        let seed = lines(&[
            "仙夹镇人民政府关于印发《仙夹镇安全生产",
            "标准化提升专项行动2024年固本强基方案》",
            "的通知",
        ]);
        assert_eq!(breaks_inside_word(&seed, &none), None);
        let whole = lines(&["关于开展安全生产标准化提升", "专项行动宣传工作的通知"]);
        assert_eq!(breaks_inside_word(&whole, &none), None);
        assert_eq!(breaks_inside_word(&lines(&["一行标题"]), &none), None);
    }

    #[test]
    fn the_sites_own_names_stay_whole() {
        let l = lines(&["关于表彰仙夹", "镇东风村的通报"]);
        let own = Words::right(["仙夹镇东风村".to_string()]);
        assert_eq!(
            breaks_inside_word(&l, &own),
            Some((0, "仙夹镇东风村".into()))
        );
    }
}
