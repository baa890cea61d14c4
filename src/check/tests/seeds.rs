//! The five real documents of `shared/seeds`, hand-converted into content files under
//! `tests/fixtures/seeds/` (header elements moved to front matter per gongwen.md §10, one
//! paragraph per line of the original). What we expect of each, written down before asserting:
//!
//! | seed | document | known real errors we must report | must stay silent on |
//! |---|---|---|---|
//! | 000 | 外山乡 宣贯方案 (永外委〔2023〕16号) | 2 号 in 永安委〔2023〕2 号; spaces in 提升 2.0 版 / 行动 2023 年; “”、“” lists; 为标/标准化 and three more page-break splits; 附件1 title differs from 附件说明; the letter's half-width ,:! ( ) and spaced numbers | the slogan list, headings 一、… （一）…, 全乡 wording |
//! | 001 | 仙夹镇 固本强基方案 (永仙政〔2024〕4号) | every half-width ( ) pair; (GB/T 33000-2016),在; 3月15 日; 2021 年 9 月1号; 年 月 日 blanks; 陈婉琼  联系电话 | 全镇/镇安办 (the issuer is a 镇), (二)/(三) numbering, title_lines |
//! | 002 | 鲤城区卫健局 宣贯方案 (泉鲤政卫〔2021〕82号) | none: a clean document | everything: title short name 鲤城区卫生健康局, slogans ending in 。 |
//! | 003 | 外山乡 工作要点 (永外政〔2023〕5号) | 纳入纳入; （安办/牵头，各村负责) split and closed half-width; ((安办; 。（…）。 three times; 9 page-break splits; ”、“ three times; half-width , ; ( ) in items 10–22 | items numbered 1–27 across sections, 建立健全 |
//! | 004 | 市安办 讲座要点 | [bookmark: _GoBack]; 标标企业 twice; 1--2家; 其它 twice; 县(市、区) | 领导小组组长, 2022年年底, 一是…八是, （1）…（4） |

use std::collections::BTreeMap;

use crate::check::{LintOptions, lint_text};

/// (seed, exact count per lint).
const COUNTS: &[(&str, &[(&str, usize)])] = &[
    (
        "000",
        &[
            ("attachment-mismatch", 1),
            ("broken-paragraph", 4),
            ("cjk-space", 21),
            ("docno-number", 1),
            ("halfwidth-paren", 2),
            ("halfwidth-punct", 23),
            ("quoted-list-dunhao", 2),
        ],
    ),
    (
        "001",
        &[
            ("cjk-space", 6),
            ("date-format", 4),
            ("date-style-mixed", 1),
            ("halfwidth-paren", 58),
            ("halfwidth-punct", 1),
            ("quoted-list-dunhao", 1),
        ],
    ),
    ("002", &[]),
    (
        "003",
        &[
            ("broken-paragraph", 9),
            ("halfwidth-paren", 15),
            ("halfwidth-punct", 36),
            ("quoted-list-dunhao", 3),
            ("repeated-punct", 3),
            ("repeated-word", 1),
            ("unbalanced-pair", 2),
        ],
    ),
    (
        "004",
        &[
            ("halfwidth-paren", 4),
            ("number-style", 1),
            ("placeholder-residue", 1),
            ("repeated-char", 2),
            ("word-list", 2),
        ],
    ),
];

/// (seed, lint, text that starts at the reported column): the errors named in lints.md.
const KNOWN: &[(&str, &str, &str)] = &[
    ("000", "docno-number", "永安委〔2023〕2 号"),
    ("000", "cjk-space", " 2.0 版落地"),
    ("000", "broken-paragraph", "标\n"),
    ("000", "quoted-list-dunhao", "、“两化有机融合”"),
    (
        "000",
        "attachment-mismatch",
        "打造安全生产标准化提升 2.0 版本 护航",
    ),
    ("000", "halfwidth-punct", ":\n"),
    ("001", "halfwidth-paren", "(以下简称“标准化”)"),
    ("001", "date-format", "2021 年 9 月1号"),
    ("001", "date-style-mixed", "2021 年 9 月1号"),
    ("001", "date-format", "2024年3月15 日"),
    ("001", "quoted-list-dunhao", "、“为达标而达标”"),
    ("003", "repeated-word", "纳入纳入"),
    ("003", "broken-paragraph", "办\n"),
    ("003", "unbalanced-pair", ")。"),
    ("003", "repeated-punct", "。\n"),
    ("003", "quoted-list-dunhao", "、“纸质创建”"),
    ("004", "placeholder-residue", "[bookmark: _GoBack]"),
    ("004", "repeated-char", "标标企业和"),
    ("004", "number-style", "1--2家"),
    ("004", "word-list", "其它市直部门"),
];

fn source(seed: &str) -> String {
    let p = format!(
        "{}/tests/fixtures/seeds/{seed}.md",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn seeds_give_their_known_errors_and_nothing_else() {
    for (seed, want) in COUNTS {
        let src = source(seed);
        let mut got: BTreeMap<String, usize> = BTreeMap::new();
        for d in lint_text(&format!("{seed}.md"), &src, &LintOptions::default()) {
            *got.entry(d.lint.to_string()).or_default() += 1;
        }
        let want: BTreeMap<String, usize> = want.iter().map(|(l, n)| (l.to_string(), *n)).collect();
        assert_eq!(got, want, "seed {seed}");
    }
}

#[test]
fn seeds_known_errors_are_located_on_the_mistake() {
    for (seed, lint, text) in KNOWN {
        let src = source(seed);
        let lines: Vec<String> = src.lines().map(|l| format!("{l}\n")).collect();
        let diags = lint_text("s.md", &src, &LintOptions::default());
        let hit = diags.iter().any(|d| {
            d.lint == *lint
                && lines[d.line - 1]
                    .chars()
                    .skip(d.col - 1)
                    .collect::<String>()
                    .starts_with(text)
        });
        assert!(hit, "seed {seed}: no {lint} at “{text}”");
    }
}
