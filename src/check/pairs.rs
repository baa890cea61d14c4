//! Paired marks per block (paragraphs split by a page break are read as one):
//! `unbalanced-pair`, `nested-pair` and `halfwidth-paren`.

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
            match joins.iter().find(|(x, _)| *x == last) {
                Some((_, n)) => last = *n,
                None => break,
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
    // How many “ and 《 are open on the stack (a linear scan per opener is quadratic).
    let mut open_same = [0usize; 2];
    let popped = |o: usize, open_same: &mut [usize; 2]| match ch(o) {
        '“' => open_same[0] -= 1,
        '《' => open_same[1] -= 1,
        _ => {}
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
            if matches!(c, '“' | '《') && open_same[usize::from(c == '《')] > 0 {
                let inner = if c == '“' { "‘’" } else { "〈〉" };
                report.push((
                    k,
                    Lint::NestedPair,
                    format!("“{c}”套用了同一种{c}"),
                    format!("里层改用{inner}"),
                    Vec::new(),
                ));
            }
            if matches!(c, '“' | '《') {
                open_same[usize::from(c == '《')] += 1;
            }
            stack.push(k);
            continue;
        }
        let Some(pos) = stack
            .iter()
            .rposition(|&o| family(ch(o)).map(|f| f.0) == Some(fam))
        else {
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
            popped(o, &mut open_same);
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
                popped(o, &mut open_same);
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
    for (o, k) in ascii_pairs {
        let han_inside = (o + 1..k).any(|x| is_han(ch(x)));
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
