//! Paired marks per block (paragraphs split by a page break are read as one):
//! `unbalanced-pair`, `nested-pair` and `halfwidth-paren`.
//!
//! Complexity: O(n + b·log b) for n characters in b blocks: each block (or run of blocks
//! joined across a page break, found by binary search in the sorted joins) is read once with
//! a stack of open marks. Per-family counts of the open marks answer "is one open?" in O(1);
//! a closer scans the stack only when an opener of its family is on it, and every entry it
//! passes is then drained, so each entry is scanned once. Whether a `()` pair holds a Han
//! character is a difference of prefix counts, not a scan of its inside.

use super::chars::{is_cjk, is_han};
use super::paragraphs::splits;
use super::{Doc, Lint};

const OPENERS: &[char] = &['“', '‘', '《', '〈', '（', '(', '【', '〔', '［'];

fn family(c: char) -> Option<(char, bool)> {
    // (family opener, is opener)
    Some(match c {
        '“' | '‘' | '《' | '〈' | '【' | '〔' | '［' => (c, true),
        '（' | '(' => ('（', true),
        '”' => ('“', false),
        '’' => ('‘', false),
        '》' => ('《', false),
        '〉' => ('〈', false),
        '）' | ')' => ('（', false),
        '】' => ('【', false),
        '〕' => ('〔', false),
        '］' => ('［', false),
        _ => return None,
    })
}

/// Index of a family opener (as [`family`] returns it) in the per-family counts.
fn slot(fam: char) -> usize {
    match fam {
        '“' => 0,
        '‘' => 1,
        '《' => 2,
        '〈' => 3,
        '（' => 4,
        '【' => 5,
        '〔' => 6,
        _ => 7,
    }
}

fn closer_of(c: char) -> char {
    match c {
        '“' => '”',
        '‘' => '’',
        '《' => '》',
        '〈' => '〉',
        '（' => '）',
        '(' => ')',
        '【' => '】',
        '〔' => '〕',
        _ => '］',
    }
}

/// Corrections of single marks: (position, replacement).
pub type Marks = Vec<(usize, char)>;

pub fn run(doc: &mut Doc) {
    let joins = splits(&doc.blocks);
    let mut b = 0;
    while b < doc.blocks.len() {
        let mut seq: Vec<(usize, usize)> = Vec::new();
        let mut last = b;
        loop {
            seq.extend((0..doc.blocks[last].chars.len()).map(|i| (last, i)));
            // `joins` is sorted by its first block, one entry per block at most.
            match joins.binary_search_by_key(&last, |&(x, _)| x) {
                Ok(k) => last = joins[k].1,
                Err(_) => break,
            }
        }
        if doc.blocks[b].kind == super::text::Kind::Front("title_lines") {
            b = last + 1;
            continue;
        }
        let next_opens_quote = doc
            .blocks
            .get(last + 1)
            .is_some_and(|n| n.chars.first() == Some(&'“'));
        check(doc, &seq, next_opens_quote);
        b = last + 1;
    }
}

fn check(doc: &mut Doc, seq: &[(usize, usize)], next_opens_quote: bool) {
    let ch = |k: usize| {
        seq.get(k)
            .map(|&(b, i)| doc.blocks[b].chars[i])
            .unwrap_or(' ')
    };
    let free = |k: usize| seq.get(k).is_some_and(|&(b, i)| doc.blocks[b].free(i));
    let mut stack: Vec<usize> = Vec::new();
    // (position, lint, message, hint, corrections).
    let mut report: Vec<(usize, Lint, String, String, Marks)> = Vec::new();
    let mut ascii_pairs: Vec<(usize, usize)> = Vec::new();
    // How many openers of each family are on the stack: a nested “ or 《 and a closer with no
    // opener of its family are told without scanning the stack (a scan per mark is quadratic).
    let mut open = [0usize; 8];
    let popped = |o: usize, open: &mut [usize; 8]| {
        if let Some((fam, _)) = family(ch(o)) {
            open[slot(fam)] -= 1;
        }
    };
    for k in 0..seq.len() {
        let c = ch(k);
        let Some((fam, opens)) = family(c) else {
            continue;
        };
        let latin = |x: char| x.is_ascii_alphabetic();
        if !free(k) || (matches!(c, '’' | '‘') && k > 0 && latin(ch(k - 1)) && latin(ch(k + 1)))
        {
            continue;
        }
        if opens {
            if matches!(c, '“' | '《') && open[slot(c)] > 0 {
                let inner = if c == '“' { "‘’" } else { "〈〉" };
                report.push((
                    k,
                    Lint::NestedPair,
                    format!("“{c}”套用了同一种{c}"),
                    format!("里层改用{inner}"),
                    Vec::new(),
                ));
            }
            open[slot(fam)] += 1;
            stack.push(k);
            continue;
        }
        // With an opener of the family on the stack, the scan from the top stops at it, and
        // everything it passed is drained below: each stack entry is scanned once.
        let pos = (open[slot(fam)] > 0)
            .then(|| {
                stack
                    .iter()
                    .rposition(|&o| family(ch(o)).map(|f| f.0) == Some(fam))
            })
            .flatten();
        let Some(pos) = pos else {
            report.push((
                k,
                Lint::UnbalancedPair,
                format!("“{c}”没有对应的前半个"),
                "补上前半个标号，或删除多余的后半个".into(),
                Vec::new(),
            ));
            continue;
        };
        for o in stack.drain(pos + 1..).collect::<Vec<_>>() {
            popped(o, &mut open);
            let oc = ch(o);
            report.push((
                o,
                Lint::UnbalancedPair,
                format!("“{oc}”没有对应的“{}”", closer_of(oc)),
                format!("补上“{}”", closer_of(oc)),
                Vec::new(),
            ));
        }
        let o = match stack.pop() {
            Some(o) => {
                popped(o, &mut open);
                o
            }
            None => k,
        };
        let oc = ch(o);
        if closer_of(oc) != c {
            let (want, fix) = if oc == '（' {
                ('）', "全角")
            } else {
                (')', "半角")
            };
            // （…) in Chinese text: the closing bracket takes the opening one's width.
            let edit = if oc == '（' {
                vec![(k, '）')]
            } else {
                Vec::new()
            };
            report.push((
                k,
                Lint::UnbalancedPair,
                format!("括号前后不一致：“{oc}”与“{c}”"),
                format!("改为{fix}的“{want}”（中文行文用全角括号“（）”）"),
                edit,
            ));
        } else if c == ')' {
            ascii_pairs.push((o, k));
        }
    }
    for (i, &o) in stack.iter().enumerate() {
        let oc = ch(o);
        if i == 0 && o == 0 && oc == '“' && next_opens_quote {
            continue; // a quotation running over several paragraphs
        }
        report.push((
            o,
            Lint::UnbalancedPair,
            format!("“{oc}”没有对应的“{}”", closer_of(oc)),
            format!("补上“{}”", closer_of(oc)),
            Vec::new(),
        ));
    }
    // Han characters before each position: nested () would each scan their inside.
    let mut han = vec![0usize; seq.len() + 1];
    if !ascii_pairs.is_empty() {
        for k in 0..seq.len() {
            han[k + 1] = han[k] + usize::from(is_han(ch(k)));
        }
    }
    for (o, k) in ascii_pairs {
        let han_inside = han[k] > han[o + 1];
        let cjk_outside = (o > 0 && is_cjk(ch(o - 1))) || is_cjk(ch(k + 1));
        if han_inside || cjk_outside {
            let mut inner: String = (o + 1..k).map(ch).take(20).collect();
            if k - o - 1 > 20 {
                inner.push('…');
            }
            report.push((
                o,
                Lint::HalfwidthParen,
                "中文行文中使用了半角括号“()”".into(),
                format!("改为“（{inner}）”"),
                vec![(o, '（'), (k, '）')],
            ));
        }
    }
    for (k, lint, msg, hint, fix) in report {
        let (b, i) = seq[k];
        doc.at(b, i, 1, lint, msg, hint);
        if !fix.is_empty() {
            let edits: Vec<_> = fix
                .iter()
                .map(|&(p, to)| {
                    let (b, i) = seq[p];
                    doc.edit(b, i, 1, &to.to_string())
                })
                .collect();
            doc.fix(edits);
        }
    }
}

/// Whether `c` opens a tracked pair.
pub fn is_opener(c: char) -> bool {
    OPENERS.contains(&c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_runs_of_marks_are_linear() {
        // 100,000 openers then 100,000 closers of another family (each closer scanned the whole
        // stack), and 100,000 nested `()` (each pair scanned its inside): quadratic, minutes in
        // a debug build; now one pass each.
        let head = "---\ntitle: 甲\n---\n";
        let marks = format!("{head}{}{}\n", "（".repeat(100_000), "】".repeat(100_000));
        let found = super::super::lint_text("content/news/a.md", &marks, &Default::default());
        assert!(found.iter().filter(|d| d.lint == "unbalanced-pair").count() >= 200_000);
        let parens = format!("{head}甲{}{}\n", "(".repeat(100_000), ")".repeat(100_000));
        let found = super::super::lint_text("content/news/a.md", &parens, &Default::default());
        assert_eq!(
            found.iter().filter(|d| d.lint == "halfwidth-paren").count(),
            1
        );
    }
}
