//! Splitter tests: the examples of led-feed.md §3.2, the seeds' slogan lists, and hard cases.

use super::*;
use crate::render::led::chars::{half_width_of, preferred_breaks, unit_spans};
use crate::render::led::tests::shared_dir;

fn split(text: &str, cols: u32, rows: u32) -> Vec<Vec<String>> {
    split_slogan(&normalize(text), cols, rows, false, Lexicon::builtin())
}

/// `a/b · c` notation: lines joined by `/`, slides by ` · `.
fn show(slides: &[Vec<String>]) -> String {
    slides
        .iter()
        .map(|s| s.join("/"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The rules `check_led_feed.py` enforces, applied to one split.
fn assert_valid(text: &str, cols: u32, rows: u32, slides: &[Vec<String>]) {
    let norm = normalize(text);
    let ns: Vec<char> = norm.chars().filter(|c| !c.is_whitespace()).collect();
    let joined: String = slides
        .iter()
        .flatten()
        .flat_map(|l| l.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    assert_eq!(
        joined,
        ns.iter().collect::<String>(),
        "parts must add up to the slogan"
    );
    let mut space_before = Vec::new();
    let mut k = 0;
    for c in norm.chars() {
        if c.is_whitespace() {
            space_before.push(k);
        } else {
            k += 1;
        }
    }
    // As in the splitter, a space inside a number/Latin unit is not a clause boundary (the
    // checker counts it as one and then also forbids breaking there).
    let units = unit_spans(&ns);
    let pref: Vec<usize> = preferred_breaks(&ns, &space_before)
        .into_iter()
        .filter(|&p| !units.iter().any(|&(a, b)| a < p && p < b))
        .collect();
    let lex = Lexicon::builtin();
    let cols2 = cols * 2;
    let ctx = format!("{text:?} on {cols}×{rows}: {}", show(slides));
    for slide in slides {
        assert!(
            !slide.is_empty() && slide.len() <= rows as usize,
            "rows: {ctx}"
        );
        for line in slide {
            assert!(half_width(line) <= cols2, "width: {ctx}");
            assert_eq!(line.trim(), line, "whitespace: {ctx}");
            let first = line.chars().next().unwrap();
            let last = line.chars().last().unwrap();
            assert!(!no_start(first), "line starts with {first}: {ctx}");
            assert!(!no_end(last), "line ends with {last}: {ctx}");
        }
    }
    let mut pos = 0;
    let lines: Vec<&String> = slides.iter().flatten().collect();
    let core = lex.core_spans(&ns);
    for line in &lines[..lines.len() - 1] {
        pos += line.chars().filter(|c| !c.is_whitespace()).count();
        for (a, b) in unit_spans(&ns) {
            let inside = a < pos && pos < b;
            assert!(
                !(inside && glued_half_width(&ns, a, b) <= cols2),
                "break in unit: {ctx}"
            );
        }
        for (a, b) in merge_spans(&core) {
            if a < pos && pos < b {
                assert!(
                    glued_half_width(&ns, a, b) > cols2,
                    "break in fitting term: {ctx}"
                );
                // Inside an over-long run, only the inner term boundaries are acceptable breaks.
                let inner: Vec<usize> = core
                    .iter()
                    .filter(|t| a <= t.0 && t.1 <= b)
                    .flat_map(|t| [t.0, t.1])
                    .filter(|&q| q != a && q != b)
                    .collect();
                assert!(
                    inner.is_empty() || inner.contains(&pos),
                    "break off the term boundaries: {ctx}"
                );
            }
        }
        if !pref.contains(&pos) {
            let left = pref.iter().copied().filter(|&q| q < pos).max().unwrap_or(0);
            let right = pref
                .iter()
                .copied()
                .filter(|&q| q > pos)
                .min()
                .unwrap_or(ns.len());
            assert!(
                half_width_of(&ns[left..right]) > cols2,
                "split a clause that fits: {ctx}"
            );
        }
    }
    if lines.len() > 1 {
        for line in &lines {
            let t: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(!is_orphan(&t), "orphan line: {ctx}");
        }
    }
}

#[test]
fn spec_examples() {
    assert_eq!(
        show(&split("安全生产标准化——企业长远发展的需要。", 16, 1)),
        "安全生产标准化—— · 企业长远发展的需要。"
    );
    assert_eq!(
        show(&split(
            "全面推进安全生产标准化建设，落实企业安全生产主体责任。",
            16,
            1
        )),
        "全面推进安全生产标准化建设， · 落实企业安全生产主体责任。"
    );
    assert_eq!(
        show(&split("安全生产标准化——企业长远发展的需要。", 8, 2)),
        "安全生产/标准化—— · 企业长远发展的/需要。"
    );
    assert_eq!(
        show(&split("安全第一，预防为主，综合治理。", 8, 2)),
        "安全第一，/预防为主， · 综合治理。"
    );
    assert_eq!(
        show(&split("全员安全生产责任制", 8, 1)),
        "全员 · 安全生产责任制"
    );
    assert_eq!(
        show(&split("“安全生产月”活动6月1日起开展，主题：", 10, 2)),
        "“安全生产月”活动/6月1日起开展，主题："
    );
    assert_eq!(
        show(&split("安全生产举报投诉电话：12350", 8, 2)),
        "安全生产举报投诉/电话：12350"
    );
}

/// The slogan lists of seeds 000 (附件2) and 002 (附件): 宣传标语（参考）.
pub(crate) const SEED_SLOGANS: &[&str] = &[
    "牢固树立安全发展理念，扎实开展安全生产标准化提升专项行动。",
    "落实企业安全生产主体责任，扎实开展安全生产标准化提升专项行动。",
    "全力推进安全生产标准化提升专项行动，从根本上消除事故隐患。",
    "深入开展安全生产标准化提升专项行动，全面提升本质安全生产水平。",
    "安全生产标准化——你我健康的安全保证。",
    "安全生产标准化——企业长远发展的需要。",
    "以人为本，推进安全标准化，提高安全管理水平。",
    "你重视，我参与，安全标准一起抓；齐努力，共谋划，安全生产靠大家。",
    "安全标准在我心中，安全生产在我手中。",
    "安全标准做得细，事故预防有保证。",
];

/// Numbered items after the last "宣传标语（参考）" heading of a seed document.
fn seed_list(name: &str) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(shared_dir()?.join("seeds").join(name)).ok()?;
    let tail = &text[text.rfind("宣传标语（参考）")?..];
    let mut out = Vec::new();
    for line in tail.lines().skip(1) {
        let t = line.trim();
        let Some(dot) = t.find('.') else { continue };
        if dot > 0 && t[..dot].chars().all(|c| c.is_ascii_digit()) {
            out.push(t[dot + 1..].trim().to_string());
        }
    }
    Some(out)
}

#[test]
fn seed_lists_are_the_ones_tested() {
    let Some(dir) = shared_dir() else {
        eprintln!("seeds folder not found next to the repository; the embedded copy is tested");
        return;
    };
    let a = seed_list("000_401b5eb5b8acb564.txt").expect("seed 000");
    let b = seed_list("002_c6896282e4819b58.txt").expect("seed 002");
    assert_eq!(a, SEED_SLOGANS[..a.len()], "{}", dir.display());
    assert!(a.len() >= 9);
    assert_eq!(b, SEED_SLOGANS, "{}", dir.display());
}

pub(crate) const HARD: &[&str] = &[
    "安全生产标准化——你我健康的安全保证。",
    "你重视，我参与，安全标准一起抓；齐努力，共谋划，安全生产靠大家。",
    "“安全生产月”活动6月1日起开展，主题：人人讲安全、个个会应急——畅通生命通道。",
    "安全生产举报投诉电话：12350，24小时有人接听。",
    "企业主要负责人是本单位安全生产第一责任人……",
    "执行《企业安全生产标准化基本规范》（GB/T 33000-2016）",
    "落实全员安全生产责任制和隐患排查治理双重预防机制",
    "高温天气35.5℃以上停止露天作业，注意防暑降温！",
    "2023年4月30日前完成“三张清单”编制。",
    "标准化提升2.0版——“四色风险”动态监管、“5S”现场管理、“六有”警示标识。",
    "安全 生产 从我做起",
    "重大事故隐患排查治理情况举报奖励最高30万元",
    "“安全第一，预防为主，综合治理。”",
    "遇险请拨打119、110、120，报警电话0595-12345678。",
    "2026年12月31日前，全镇生产经营单位完成标准化年度自评。",
    "发现事故隐患，请拨打安全生产举报电话12350。",
    "管理标准化、现场标准化、操作标准化，一个环节都不能少。",
];

#[test]
fn seeds_and_hard_slogans_obey_the_rules_on_every_screen() {
    for text in SEED_SLOGANS.iter().chain(HARD.iter()) {
        for (cols, rows) in [
            (16, 1),
            (12, 1),
            (8, 2),
            (10, 2),
            (8, 1),
            (20, 3),
            (6, 2),
            (14, 1),
        ] {
            assert_valid(text, cols, rows, &split(text, cols, rows));
        }
    }
}

#[test]
fn seed_slogans_on_a_door_screen() {
    let s = |t| show(&split(t, 16, 1));
    assert_eq!(
        s("安全生产标准化——你我健康的安全保证。"),
        "安全生产标准化—— · 你我健康的安全保证。"
    );
    assert_eq!(
        s("你重视，我参与，安全标准一起抓；齐努力，共谋划，安全生产靠大家。"),
        "你重视，我参与，安全标准一起抓； · 齐努力，共谋划，安全生产靠大家。"
    );
    assert_eq!(
        s("牢固树立安全发展理念，扎实开展安全生产标准化提升专项行动。"),
        "牢固树立安全发展理念， · 扎实开展安全生产标准化提升 · 专项行动。"
    );
}

#[test]
fn a_lone_character_leads_the_next_long_clause() {
    assert_eq!(
        show(&split(
            "2026年12月31日前，全镇生产经营单位完成标准化年度自评。",
            8,
            2
        )),
        "2026年12月31日/前，全镇 · 生产经营单位完成/标准化年度自评。"
    );
}

#[test]
fn dashes_numbers_and_dates_stay_whole() {
    let s = show(&split(
        "安全生产举报投诉电话：12350，24小时有人接听。",
        6,
        1,
    ));
    assert!(s.contains("12350，"), "{s}");
    let s = show(&split("2023年4月30日前完成“三张清单”编制。", 8, 1));
    assert!(s.starts_with("2023年4月30日"), "{s}");
    let s = show(&split("报警电话0595-12345678。", 8, 1));
    assert!(s.contains("0595-12345678"), "{s}");
    let s = show(&split("标准化——企业", 5, 1));
    assert!(s.starts_with("标准化——"), "{s}");
}

#[test]
fn quotes_and_brackets_travel_with_their_words() {
    let s = split(
        "执行《企业安全生产标准化基本规范》（GB/T 33000-2016）",
        10,
        2,
    );
    for line in s.iter().flatten() {
        assert!(
            !line.ends_with('《') && !line.ends_with('（'),
            "{}",
            show(&s)
        );
        assert!(
            !line.starts_with('》') && !line.starts_with('）'),
            "{}",
            show(&s)
        );
    }
    assert_eq!(
        show(&split("“安全第一，预防为主，综合治理。”", 8, 1)),
        "“安全第一， · 预防为主， · 综合治理。”"
    );
}

#[test]
fn terms_longer_than_a_line_break_at_inner_boundaries() {
    assert_eq!(
        show(&split("全员安全生产责任制", 4, 1)),
        "全员 · 安全生产 · 责任制"
    );
}

#[test]
fn spaces_are_breaks_and_scroll_is_one_line() {
    assert_eq!(
        show(&split("安全 生产 从我做起", 16, 1)),
        "安全 生产 从我做起"
    );
    assert_eq!(
        show(&split("安全生产标准化 从我做起", 8, 1)),
        "安全生产标准化 · 从我做起"
    );
    let t = normalize("  安全生产\u{3000}从我做起 ");
    assert_eq!(t, "安全生产 从我做起");
    assert_eq!(
        split_slogan(&t, 4, 1, true, Lexicon::builtin()),
        [[t.clone()]]
    );
}

#[test]
fn site_terms_are_kept_whole() {
    let lex = Lexicon::new(["美丽外山"]);
    let text = normalize("关注美丽外山公众号了解安全生产标准化");
    let slides = split_slogan(&text, 6, 1, false, &lex);
    assert!(
        slides.iter().flatten().any(|l| l.contains("美丽外山")),
        "{}",
        show(&slides)
    );
}

#[test]
fn long_slogans_split_in_linear_time() {
    // One clause of 30,000 安全生产 (each position of a term run counted every term of the
    // clause: 3.6·10⁹ steps) and 100,000 words between spaces (each position and each clause
    // scanned the list of spaces: 4·10¹⁰ steps): minutes in a debug build, now linear.
    let terms = "安全生产".repeat(30_000);
    let slides = split(&terms, 16, 2);
    assert_eq!(slides.concat().concat(), terms);
    assert!(
        slides
            .iter()
            .flatten()
            .all(|l| half_width_of(&l.chars().collect::<Vec<_>>()) <= 32)
    );
    let spaced = "安全 ".repeat(100_000);
    let slides = split(&spaced, 16, 2);
    assert_eq!(slides.concat().join(" "), spaced.trim());
}
