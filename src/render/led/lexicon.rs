//! Words the splitter keeps whole: the safety-production term list, the site's own names and
//! a jieba-rs segmentation of every clause.
//!
//! Complexity: [`Lexicon::core_spans`] and `extra_spans` try every term at every position:
//! O(m·T·t) for m characters and T terms of at most t characters (T grows with the site's names
//! and roster names); [`Lexicon::word_interiors`] is one jieba cut (linear) and marks the
//! inside of each word once; [`merge_spans`] sorts, O(k·log k) for k spans.

use jieba_rs::Jieba;
use std::sync::OnceLock;

/// Terms that `check_led_feed.py` also protects: a break inside one of them that would fit
/// on a line is a hard error there, so the splitter treats them as the strongest words.
const CORE_TERMS: &str = "
安全生产标准化 安全生产 标准化 标准化建设 达标创建 安全生产月 安全生产法 安全发展
安全第一 预防为主 综合治理 生命至上 人民至上 以人为本 关爱生命 关注安全 平安
隐患排查治理 隐患排查 事故隐患 重大事故隐患 安全隐患 风险分级管控 双重预防机制
应急管理 应急预案 应急演练 应急救援 人人讲安全 个个会应急 生命通道 消防安全 消防通道
主体责任 企业主体责任 全员安全生产责任制 安全生产责任制 一岗双责 党政同责 齐抓共管
失职追责 三管三必须 遵章守纪 违章指挥 违章作业 违反劳动纪律 持证上岗 特种作业
有限空间 动火作业 危险化学品 安全帽 安全带 劳动防护用品 职业健康 职业病 安全培训
安全教育 警钟长鸣 防患于未然 举报投诉 举报电话 生产经营单位 长远发展 企业 需要
";

/// More campaign vocabulary (from the seed documents): kept whole when possible, but a break
/// inside them is only discouraged, not forbidden.
const EXTRA_TERMS: &str = "
专项行动 标准化提升 安全生产标准化提升 巩固提高 固本强基 宣贯工作 宣传标语 安全宣传
本质安全 本质安全水平 安全管理 安全管理水平 安全标准 安全发展理念 安全意识 安全风险
生产安全事故 安全事故 重特大事故 事故预防 三张清单 四色风险 一企一策 五想五不干
三不伤害 三违 三同时 标杆企业 达标企业 示范岗位 安委会 安办 应急管理局 消防设施
消防器材 燃气安全 城镇燃气 电动自行车 道路交通安全 交通安全 建筑施工 非煤矿山
烟花爆竹 特种设备 隐患整改 举报奖励 安全生产专项整治 治本攻坚 十五条硬措施
安全隐患排查 双重预防 风险管控 安全知识 安全技能 安全责任 安全防护 你我健康 人人参与
";

/// Safety-production lexicon over the process's one jieba segmenter: the terms are kept whole
/// by cutting only the text between them (a clone of the dictionary with the terms added was
/// 43 MB of every build's memory, with or without LED screens).
pub struct Lexicon {
    core: Vec<Vec<char>>,
    extra: Vec<Vec<char>>,
    jieba: &'static Jieba,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("core", &self.core.len())
            .field("extra", &self.extra.len())
            .finish()
    }
}

fn words(list: &str) -> impl Iterator<Item = &str> {
    list.split_whitespace()
}

impl Lexicon {
    /// The built-in terms plus the site's own names (places, enterprises, units). Loading the
    /// jieba dictionary takes a moment, so build one lexicon per build and share it.
    pub fn new<I, S>(site_terms: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let jieba = crate::gongwen::segmenter::jieba();
        let mut extra: Vec<Vec<char>> = words(EXTRA_TERMS).map(|w| w.chars().collect()).collect();
        for t in site_terms {
            let t = t.as_ref().trim();
            if t.chars().count() >= 2 && !t.chars().any(char::is_whitespace) {
                extra.push(t.chars().collect());
            }
        }
        let core: Vec<Vec<char>> = words(CORE_TERMS).map(|w| w.chars().collect()).collect();
        extra.sort();
        extra.dedup();
        Lexicon { core, extra, jieba }
    }

    /// The built-in lexicon, loaded once per process.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::new(std::iter::empty::<&str>()))
    }

    /// `(start, end)` char spans of every core term occurrence in `s`.
    pub fn core_spans(&self, s: &[char]) -> Vec<(usize, usize)> {
        spans(&self.core, s)
    }

    /// `(start, end)` char spans of every extra or site term occurrence in `s`.
    pub fn extra_spans(&self, s: &[char]) -> Vec<(usize, usize)> {
        spans(&self.extra, s)
    }

    /// Positions strictly inside a word of `s` (breaking there splits a word): inside a term
    /// of the lexicon (the longest first, left to right), else inside a jieba word of the text
    /// between the terms.
    /// `terms`: the spans of [`Self::core_spans`] and [`Self::extra_spans`] in `s`.
    pub fn word_interiors(&self, s: &[char], terms: &[(usize, usize)]) -> Vec<bool> {
        let mut inside = vec![false; s.len() + 1];
        let mark = |a: usize, b: usize, inside: &mut [bool]| {
            for flag in inside.iter_mut().take(b).skip(a + 1) {
                *flag = true;
            }
        };
        // Whole terms, leftmost-longest, as jieba chose them when they were in its dictionary
        // with a high frequency.
        let mut terms = terms.to_vec();
        terms.sort_unstable_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
        let mut at = 0;
        let mut gaps = Vec::new();
        for (a, b) in terms {
            if a < at {
                continue;
            }
            gaps.push((at, a));
            mark(a, b, &mut inside);
            at = b;
        }
        gaps.push((at, s.len()));
        for (a, b) in gaps {
            if b <= a {
                continue;
            }
            let text: String = s[a..b].iter().collect();
            for tok in self.jieba.cut(&text, true) {
                mark(a + tok.start, a + tok.end, &mut inside);
            }
        }
        inside
    }
}

fn spans(terms: &[Vec<char>], s: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for t in terms {
        if t.len() > s.len() {
            continue;
        }
        for start in 0..=s.len() - t.len() {
            if s[start..start + t.len()] == t[..] {
                out.push((start, start + t.len()));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Merges overlapping spans into runs (touching spans stay separate).
pub fn merge_spans(spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (a, b) in sorted {
        match out.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_and_words() {
        let lex = Lexicon::builtin();
        let s: Vec<char> = "全员安全生产责任制".chars().collect();
        let core = lex.core_spans(&s);
        assert!(core.contains(&(0, 9)));
        assert!(core.contains(&(2, 9)));
        assert_eq!(merge_spans(&core), [(0, 9)]);
        let s: Vec<char> = "牢固树立安全发展理念".chars().collect();
        let inside = lex.word_interiors(&s, &lex.core_spans(&s));
        assert!(inside[1], "牢固 is one word");
        // A term stays whole inside the text around it.
        assert!(inside[5], "安全发展 is one term");
    }

    #[test]
    fn site_terms_are_words() {
        let lex = Lexicon::new(["外山乡", "美丽外山"]);
        let s: Vec<char> = "欢迎来到美丽外山".chars().collect();
        assert_eq!(lex.extra_spans(&s), [(4, 8)]);
        assert!(lex.word_interiors(&s, &lex.extra_spans(&s))[6]);
    }
}
