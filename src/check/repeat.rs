//! Doubling: `repeated-word` (ABAB, ABCABC, ABCDABCD) and `repeated-char` (AA), made precise
//! with word segmentation (jieba-rs) where word boundaries decide.
//!
//! Complexity: O(n) in the characters of a block (n): `words` tries the lengths 4, 3 and 2 at
//! each position (comparing at most 8 characters and their claims); `chars` measures each run
//! of one character once, and a doubled character that needs the dictionary costs a few hash
//! lookups, one jieba cut of at most 26 characters around it and the 13 curated boundary pairs.
//! Each pass copies the block once.

use super::chars::is_han;
use super::text::Claim;
use super::{Doc, Lint};

pub use crate::gongwen::segmenter::jieba;

/// Verb reduplications that are correct (研究研究).
const ABAB_OK: &[&str] = &[
    "研究", "讨论", "商量", "学习", "检查", "考虑", "休息", "了解", "交流", "总结", "比较", "锻炼",
    "打扫", "整理", "介绍", "收拾", "活动", "宣传",
];

/// AA words (catalogue list plus common adverbs and classifiers).
const AA_OK: &str = "等人个家户处事时天年层步条项件样村一常往纷渐刚仅默牢紧大好慢源谢某多星妈爸哥姐弟妹奶爷宝轻静深久匆稍微明偏统通频连屡历声代世生滔浩熊茫区寥侃欣蒸井津栩彬赫孜勃落堂种点滴面道桩次回场期级环节片批句字分秒位线块条粒头种白悄暗早足";

/// Known word-boundary doublings: the first word ends with A, the second starts with it.
const BOUNDARY: &[(&str, &str)] = &[
    ("建立健全", "全员"),
    ("建立健全", "全面"),
    ("领导小组", "组长"),
    ("小组", "组长"),
    ("安委会", "会议"),
    ("党委", "委员"),
    ("村委会", "会议"),
    ("委员会", "会议"),
    ("安办", "办公室"),
    ("主任", "任务"),
    ("健全", "全员"),
    ("党委会", "会议"),
    ("专班", "班组"),
];

pub fn run(doc: &mut Doc) {
    for b in 0..doc.blocks.len() {
        words(doc, b);
        chars(doc, b);
    }
}

fn han_run(c: &[char], r: std::ops::Range<usize>) -> bool {
    r.into_iter().all(|k| c.get(k).is_some_and(|&x| is_han(x)))
}

fn words(doc: &mut Doc, b: usize) {
    let c = doc.blocks[b].chars.clone();
    let mut i = 0;
    while i < c.len() {
        // Most positions start no doubling: their character does not come back 2 to 4 later.
        if !(2..=4).any(|l| c.get(i + l) == Some(&c[i])) {
            i += 1;
            continue;
        }
        let hit = (2..=4).rev().find(|&l| {
            i + 2 * l <= c.len()
                && c[i] == c[i + l]
                && han_run(&c, i..i + 2 * l)
                && c[i..i + l] == c[i + l..i + 2 * l]
                && doc.blocks[b].all_free(i..i + 2 * l)
                && !allowed_abab(&c[i..i + l])
        });
        let Some(l) = hit else {
            i += 1;
            continue;
        };
        let w: String = c[i..i + l].iter().collect();
        doc.at(
            b,
            i,
            2 * l,
            Lint::RepeatedWord,
            format!("词语重复：“{w}{w}”"),
            format!("删除重复的“{w}”"),
        );
        doc.blocks[b].claim(i..i + 2 * l, Claim::Taken);
        i += 2 * l;
    }
}

fn allowed_abab(w: &[char]) -> bool {
    let s: String = w.iter().collect();
    ABAB_OK.contains(&s.as_str()) || (w.len() == 2 && w[0] == '一')
}

fn chars(doc: &mut Doc, b: usize) {
    let c = doc.blocks[b].chars.clone();
    let mut i = 0;
    while i + 1 < c.len() {
        let a = c[i];
        if a != c[i + 1]
            || !is_han(a)
            || !doc.blocks[b].all_free(i..i + 2)
            || (i > 0 && c[i - 1] == a)
        {
            i += 1;
            continue;
        }
        let run = (i..c.len()).take_while(|&k| c[k] == a).count();
        if run == 2 && legitimate(&c, i) {
            i += 2;
            continue;
        }
        let s: String = [a, a].iter().collect();
        doc.at(
            b,
            i,
            run,
            Lint::RepeatedChar,
            format!("字重复：“{s}”"),
            format!(
                "删除多余的“{a}”；如果是地名、企业名或有意的叠字，把含“{s}”的这个词写进 campaign.yaml 的“校对: 词语”，全站都不再报（只忽略这一处：上一行写 <!-- gwlint-disable-next-line repeated-char -->）"
            ),
        );
        i += run;
    }
}

/// Whether the AA at `i` is a word, part of an AABB word, or a doubling across a word boundary.
fn legitimate(c: &[char], i: usize) -> bool {
    let a = c[i];
    if AA_OK.contains(a) {
        return true;
    }
    let j = jieba();
    let s = |r: std::ops::Range<usize>| c[r].iter().collect::<String>();
    // AABB / XXAA with AB a word or AABB an idiom (认认真真, 高高兴兴).
    let aabb = |k: usize| {
        k + 4 <= c.len() && c[k] == c[k + 1] && c[k + 2] == c[k + 3] && han_run(c, k..k + 4)
    };
    for k in [i, i.saturating_sub(2)] {
        if aabb(k) && (k == i || k + 2 == i) {
            let ab: String = [c[k], c[k + 2]].iter().collect();
            if j.has_word(&s(k..k + 4)) || j.has_word(&ab) {
                return true;
            }
        }
    }
    if j.has_word(&s(i..i + 2)) && !"会的了是在和有为对与将把被要及中上下不".contains(a)
    {
        return true;
    }
    // Segment the clause around the pair.
    let mut lo = i;
    while lo > 0 && i - lo < 12 && is_han(c[lo - 1]) {
        lo -= 1;
    }
    let mut hi = i + 2;
    while hi < c.len() && hi - i < 12 && is_han(c[hi]) {
        hi += 1;
    }
    let clause = s(lo..hi);
    let (mut left, mut right) = (None, None);
    for t in j.cut(&clause, false) {
        let (ts, te) = (lo + t.start, lo + t.end);
        if te == i + 1 && te - ts >= 2 {
            left = Some(s(ts..te));
        }
        if ts == i + 1 && te - ts >= 2 {
            right = Some(s(ts..te));
        }
        // A dictionary word containing the pair (工作作风).
        if ts <= i && te >= i + 2 && te - ts >= 3 {
            return true;
        }
    }
    if let (Some(_), Some(_)) = (&left, &right) {
        return true;
    }
    // The segmenter chose the other reading of an ambiguous pair (企业|业|主要 for 企业业主要):
    // a word ends with the first A and A plus the next character is a word too, or mirrored.
    let word2 = |a: usize| a + 2 <= c.len() && han_run(c, a..a + 2) && j.has_word(&s(a..a + 2));
    if (left.is_some() && word2(i + 1)) || (right.is_some() && i > 0 && word2(i - 1)) {
        return true;
    }
    // Curated pairs for words the dictionary does not know (安委会|会议).
    BOUNDARY.iter().any(|(l, r)| {
        let (l, r): (Vec<char>, Vec<char>) = (l.chars().collect(), r.chars().collect());
        l.last() == Some(&a)
            && r.first() == Some(&a)
            && i + 1 >= l.len()
            && c[i + 1 - l.len()..=i] == l[..]
            && c[i + 1..].starts_with(&r)
    })
}
