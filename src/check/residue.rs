//! Leftovers and known misspellings: `placeholder-residue` and `word-list`.
//!
//! Complexity: O(n) in the characters of the blocks (n). `placeholders` is one forward scan;
//! the closing `]` of `[bookmark:` and `}}` of `{{` are found by a remembered forward search
//! (each character searched once, so a line of unclosed openers stays linear), and every
//! other placeholder form is a run consumed by the scan or a literal of at most 34
//! characters. `words` tries the 12 dictionary entries (at most 9 characters each) at every
//! position: O(n·12·9).

use super::chars::is_han;
use super::text::Claim;
use super::{Doc, Lint};

/// Literal leftovers of Word and of templates.
const LITERALS: &[&str] = &[
    "错误！未找到引用源",
    "错误!未找到引用源",
    "错误！未定义书签",
    "错误!未定义书签",
    "Error! Reference source not found",
    "Error! Bookmark not defined",
    "此处填写",
    "此处插入",
    "_GoBack",
];

/// Default dictionary of the catalogue (wrong, right).
const WORDS: &[(&str, &str)] = &[
    ("截止目前", "截至目前"),
    ("截止到目前", "截至目前"),
    ("布署", "部署"),
    ("按排", "安排"),
    ("既使", "即使"),
    ("做为", "作为"),
    ("一如继往", "一如既往"),
    ("再接再励", "再接再厉"),
    ("按步就班", "按部就班"),
    ("其它", "其他"),
    ("安全生产监督管理局", "应急管理局"),
    ("安监局", "应急管理局"),
];

/// Finds placeholder spans in every block, reports them and claims them.
pub fn placeholders(doc: &mut Doc) {
    // In a mail-merged letter, {{列名}} are the roster's fields.
    let merge = doc.front.text("roster").is_some();
    for b in 0..doc.blocks.len() {
        let chars = doc.blocks[b].chars.clone();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut closers = Closers::default();
        let mut i = 0;
        while i < chars.len() {
            let field = merge && chars[i] == '{' && chars.get(i + 1) == Some(&'{');
            if let Some(end) = placeholder_at(&chars, i, &mut closers).filter(|_| !field) {
                match spans.last_mut() {
                    // XX月XX日: one finding.
                    Some(last) if i <= last.1 + 1 && (last.1..i).all(|k| is_han(chars[k])) => {
                        last.1 = end
                    }
                    _ => spans.push((i, end)),
                }
                i = end;
            } else {
                i += 1;
            }
        }
        // XX月XX日: the span takes the 日 too.
        for (s, e) in spans.iter_mut() {
            if chars[*s..*e].contains(&'月') && chars.get(*e) == Some(&'日') {
                *e += 1;
            }
        }
        for (s, e) in spans {
            let what: String = chars[s..e].iter().collect();
            doc.at(
                b,
                s,
                e - s,
                Lint::PlaceholderResidue,
                format!("模板或转换残留“{what}”"),
                "删除残留内容，或填入实际内容；表格中的空白处请用 ____ 或 {{blank}}",
            );
            doc.blocks[b].claim(s..e, Claim::Placeholder);
        }
    }
}

/// The next `]` and the next `}}` of a block, remembered while the scan moves forward: a
/// search per `[bookmark:` or `{{` from its own position would make a line of unclosed ones
/// quadratic.
#[derive(Default)]
struct Closers {
    bracket: Option<Option<usize>>,
    braces: Option<Option<usize>>,
}

/// The first `k` in `from..end` where `hit` holds. `from` never decreases between calls with
/// the same `memo`, so a remembered position at or after `from`, or a remembered absence,
/// is still the answer; each character is searched at most once.
fn next_hit(
    memo: &mut Option<Option<usize>>,
    from: usize,
    end: usize,
    hit: impl Fn(usize) -> bool,
) -> Option<usize> {
    match *memo {
        Some(Some(p)) if p >= from => return Some(p),
        Some(None) => return None,
        _ => {}
    }
    let found = (from..end).find(|&k| hit(k));
    *memo = Some(found);
    found
}

/// Whether a placeholder can start with `x`: the first characters of every form below. Most
/// characters of a text start none, and are passed without trying each form.
fn may_start(x: char) -> bool {
    static FIRSTS: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| {
        let mut v: Vec<char> = ['X', '×', 'Ｘ', '○', '[', '_', '{']
            .into_iter()
            .chain(LITERALS.iter().filter_map(|l| l.chars().next()))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    firsts.binary_search(&x).is_ok()
}

fn placeholder_at(c: &[char], i: usize, closers: &mut Closers) -> Option<usize> {
    if !may_start(c[i]) {
        return None;
    }
    let run = |pred: &dyn Fn(char) -> bool| (i..c.len()).take_while(|&k| pred(c[k])).count();
    let ascii_word = |k: usize| {
        c.get(k)
            .is_some_and(|x| x.is_ascii_alphanumeric() || *x == '_')
    };
    // XXX / XX月XX日 (not inside an ASCII word), ×××, ＸＸＸ, ○○○.
    if c[i] == 'X' && (i == 0 || !ascii_word(i - 1)) {
        let n = run(&|x| x == 'X');
        if n >= 2 && !ascii_word(i + n) {
            return Some(i + n);
        }
    }
    for m in ['×', 'Ｘ', '○'] {
        if c[i] == m {
            let n = run(&|x| x == m);
            if n >= 2 && !(m == '○' && n < 3) {
                return Some(i + n);
            }
        }
    }
    let starts = |p: &str| p.chars().enumerate().all(|(k, x)| c.get(i + k) == Some(&x));
    if starts("[bookmark:") {
        return next_hit(&mut closers.bracket, i, c.len(), |k| c[k] == ']').map(|p| p + 1);
    }
    if starts("_Toc") && c.get(i + 4).is_some_and(|x| x.is_ascii_digit()) {
        return Some(i + run(&|x| x.is_ascii_alphanumeric() || x == '_'));
    }
    if starts("{{") {
        let end = c.len().saturating_sub(1);
        let close = next_hit(&mut closers.braces, i + 2, end, |k| {
            c[k] == '}' && c[k + 1] == '}'
        })?;
        let inner: String = c[i + 2..close].iter().collect();
        return (inner.trim() != "blank").then_some(close + 2);
    }
    LITERALS
        .iter()
        .find(|l| starts(l))
        .map(|l| i + l.chars().count())
}

/// `word-list`: known misspellings and outdated names.
pub fn words(doc: &mut Doc) {
    let site = doc
        .opts
        .own
        .typos
        .iter()
        .map(|(w, r)| (w.as_str(), r.as_str()));
    let mut dict: Vec<(Vec<char>, String)> = WORDS
        .iter()
        .copied()
        .chain(site)
        .filter(|(w, _)| !w.is_empty())
        .map(|(w, r)| (w.chars().collect(), r.to_string()))
        .collect();
    dict.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    // The first characters of the words: most characters start none, and are passed at once.
    let mut firsts: Vec<char> = dict.iter().map(|(w, _)| w[0]).collect();
    firsts.sort_unstable();
    firsts.dedup();
    for b in 0..doc.blocks.len() {
        let mut i = 0;
        while i < doc.blocks[b].chars.len() {
            let blk = &doc.blocks[b];
            if firsts.binary_search(&blk.chars[i]).is_err() {
                i += 1;
                continue;
            }
            let hit = dict
                .iter()
                .find(|(w, _)| blk.chars[i..].starts_with(w) && blk.all_free(i..i + w.len()));
            match hit {
                Some((w, right)) => {
                    let wrong: String = w.iter().collect();
                    let (n, right) = (w.len(), right.clone());
                    doc.at(b, i, n, Lint::WordList, format!("“{wrong}”应为“{right}”"), format!("改为“{right}”；确属历史表述的，可用 gwlint-disable-next-line word-list 注释忽略；是本地的名称时，把含“{wrong}”的名称写进 campaign.yaml 的“校对: 词语”"));
                    i += n;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Closers, placeholder_at};

    #[test]
    fn unclosed_openers_are_searched_once() {
        // 100,000 `[bookmark:` / `{{` with no closer: a search from each one to the end of the
        // block was quadratic (minutes); the remembered search is one pass.
        for unit in ["[bookmark:", "{{"] {
            let c: Vec<char> = unit.repeat(100_000).chars().collect();
            let mut closers = Closers::default();
            let found = (0..c.len()).filter_map(|i| placeholder_at(&c, i, &mut closers));
            assert_eq!(found.count(), 0);
        }
        // Closed ones are still found, each up to its own closer.
        let c: Vec<char> = "[bookmark:a]x{{甲}}[bookmark:b]".chars().collect();
        let mut closers = Closers::default();
        let found: Vec<(usize, usize)> = (0..c.len())
            .filter_map(|i| placeholder_at(&c, i, &mut closers).map(|e| (i, e)))
            .collect();
        assert_eq!(found, [(0, 12), (13, 18), (18, 30)]);
    }
}
