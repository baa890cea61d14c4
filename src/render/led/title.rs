//! 标题回行 (GB/T 9704 [7.3.1]): a title too long for one line is broken where the LED
//! splitter would break a slogan — between jieba words, never inside a safety term or one of
//! the site's own names, never against 禁则 — into lines shaped as a trapezoid (梯形, lengths
//! rising or falling) or a diamond (菱形, longest in the middle), as even as the words allow.
//! A title's own `title_lines` always win over these; [`breaks_inside_word`] lets `check`
//! find hand-made lines that cut a word.

use super::chars::{no_end, no_start};
use super::lexicon::Lexicon;

/// Most lines tried beyond the fewest that could hold the title.
const EXTRA_LINES: usize = 2;
/// A last line this short reads as an orphan ("方案" alone).
const SHORT_LAST: usize = 4;

/// `title` in lines of at most `max_chars` characters, broken at word boundaries, with the
/// built-in lexicon.
pub fn break_title(title: &str, max_chars: usize) -> Vec<String> {
    break_title_with(Lexicon::builtin(), title, max_chars)
}

/// [`break_title`] with a lexicon that knows the site's names.
pub fn break_title_with(lex: &Lexicon, title: &str, max_chars: usize) -> Vec<String> {
    let s: Vec<char> = title.trim().chars().collect();
    let max = max_chars.max(2);
    if s.len() <= max {
        return vec![s.iter().collect()];
    }
    let legal = legal_breaks(lex, &s, true);
    let fewest = s.len().div_ceil(max);
    let best = (fewest..=fewest + EXTRA_LINES).find_map(|k| best_breaks(&s, &legal, max, k));
    let breaks = best.unwrap_or_else(|| (1..fewest).map(|n| n * max).collect());
    cut(&s, &breaks)
}

/// The first line of `lines` (0-based) that ends inside a word or a name it should keep whole:
/// the break after it splits one. `None` when every break falls between words.
pub fn breaks_inside_word(lines: &[String]) -> Option<usize> {
    breaks_inside_word_with(Lexicon::builtin(), lines)
}

/// [`breaks_inside_word`] with a lexicon that knows the site's names.
pub fn breaks_inside_word_with(lex: &Lexicon, lines: &[String]) -> Option<usize> {
    let s: Vec<char> = lines.iter().flat_map(|l| l.chars()).collect();
    let legal = legal_breaks(lex, &s, false);
    let mut at = 0;
    for (n, line) in lines.iter().enumerate().take(lines.len().saturating_sub(1)) {
        at += line.chars().count();
        if at > 0 && at < s.len() && !legal[at] {
            return Some(n);
        }
    }
    None
}

/// `legal[p]`: a line may end before character `p` — not inside a jieba word, a safety term
/// or a site name, and (with `kinsoku`) not before a closing mark or after an opening one.
fn legal_breaks(lex: &Lexicon, s: &[char], kinsoku: bool) -> Vec<bool> {
    let mut terms = lex.core_spans(s);
    terms.extend(lex.extra_spans(s));
    let inside = lex.word_interiors(s, &terms);
    let mut legal: Vec<bool> = (0..=s.len()).map(|p| !inside[p]).collect();
    for &(a, b) in &terms {
        for flag in &mut legal[a + 1..b] {
            *flag = false;
        }
    }
    if kinsoku {
        for (p, flag) in legal.iter_mut().enumerate().take(s.len()).skip(1) {
            if no_start(s[p]) || no_end(s[p - 1]) {
                *flag = false;
            }
        }
    }
    legal
}

/// The best `k - 1` legal break positions, or `None` when no such choice keeps every line
/// within `max`.
fn best_breaks(s: &[char], legal: &[bool], max: usize, k: usize) -> Option<Vec<usize>> {
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut breaks = Vec::with_capacity(k);
    search(s.len(), legal, max, k, 0, &mut breaks, &mut best);
    best.map(|(_, b)| b)
}

fn search(
    n: usize,
    legal: &[bool],
    max: usize,
    k: usize,
    from: usize,
    breaks: &mut Vec<usize>,
    best: &mut Option<(f64, Vec<usize>)>,
) {
    let left = k - 1 - breaks.len();
    if left == 0 {
        if n - from <= max {
            let c = cost(n, breaks);
            if best.as_ref().is_none_or(|(b, _)| c < *b) {
                *best = Some((c, breaks.clone()));
            }
        }
        return;
    }
    // Every remaining line must be able to hold the rest.
    for p in from + 1..=(from + max).min(n - 1) {
        if legal[p] && n - p <= left * max {
            breaks.push(p);
            search(n, legal, max, k, p, breaks, best);
            breaks.pop();
        }
    }
}

/// Unevenness (squared deviations from the mean length) plus penalties for a shape that is
/// neither a trapezoid nor a diamond and for an orphaned last line.
fn cost(n: usize, breaks: &[usize]) -> f64 {
    let lens = lengths(n, breaks);
    let mean = n as f64 / lens.len() as f64;
    let mut c: f64 = lens.iter().map(|&l| (l as f64 - mean).powi(2)).sum();
    if !unimodal(&lens) && !monotone(&lens) {
        c += 1000.0;
    }
    if lens.last().is_some_and(|&l| l < SHORT_LAST) {
        c += 500.0;
    }
    c
}

fn lengths(n: usize, breaks: &[usize]) -> Vec<usize> {
    let mut prev = 0;
    let mut out: Vec<usize> = breaks
        .iter()
        .map(|&b| {
            let l = b - prev;
            prev = b;
            l
        })
        .collect();
    out.push(n - prev);
    out
}

fn monotone(l: &[usize]) -> bool {
    l.windows(2).all(|w| w[0] <= w[1]) || l.windows(2).all(|w| w[0] >= w[1])
}

/// Rising (or level) then falling: a diamond.
fn unimodal(l: &[usize]) -> bool {
    let top = l
        .iter()
        .enumerate()
        .max_by_key(|(_, v)| **v)
        .map_or(0, |(i, _)| i);
    l[..=top].windows(2).all(|w| w[0] <= w[1]) && l[top..].windows(2).all(|w| w[0] >= w[1])
}

fn cut(s: &[char], breaks: &[usize]) -> Vec<String> {
    let mut prev = 0;
    let mut out: Vec<String> = breaks
        .iter()
        .map(|&b| {
            let line = s[prev..b].iter().collect();
            prev = b;
            line
        })
        .collect();
    out.push(s[prev..].iter().collect());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn short_titles_stay_on_one_line() {
        assert_eq!(
            break_title("关于举办培训班的通知", 20),
            ["关于举办培训班的通知"]
        );
    }

    #[test]
    fn long_titles_break_between_words_in_a_shape() {
        let lex = Lexicon::new(["青石镇", "青石镇安全生产委员会办公室"]);
        for title in [
            "青石镇安全生产委员会办公室关于举办安全生产标准化提升专题培训班的通知",
            "青石镇人民政府关于印发《青石镇安全生产标准化提升专项行动宣贯工作方案》的通知",
            "关于自主加强安全生产标准化建设告知书",
        ] {
            let got = break_title_with(&lex, title, 20);
            assert_eq!(got.concat(), title);
            assert!(got.iter().all(|l| l.chars().count() <= 20), "{got:?}");
            assert_eq!(breaks_inside_word_with(&lex, &got), None, "{got:?}");
            let lens: Vec<usize> = got.iter().map(|l| l.chars().count()).collect();
            assert!(monotone(&lens) || unimodal(&lens), "{got:?}");
            assert!(*lens.last().unwrap() >= SHORT_LAST, "{got:?}");
        }
        let got = break_title_with(&lex, "关于自主加强安全生产标准化建设告知书", 12);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            !got[0].ends_with("标准") && !got[0].ends_with("安全"),
            "{got:?}"
        );
    }

    #[test]
    fn finds_lines_that_cut_a_word() {
        let lex = Lexicon::builtin();
        let bad = lines(&["关于加强安全生产标", "准化建设的通知"]);
        assert_eq!(breaks_inside_word_with(lex, &bad), Some(0));
        let bad = lines(&["关于举办安全生", "产标准化培训的通知"]);
        assert_eq!(breaks_inside_word_with(lex, &bad), Some(0));
        let good = lines(&["青石镇人民政府关于加强", "安全生产标准化建设的通知"]);
        assert_eq!(breaks_inside_word_with(lex, &good), None);
        assert_eq!(breaks_inside_word(&lines(&["一行"])), None);
    }

    #[test]
    fn shapes() {
        assert!(unimodal(&[10, 14, 9]) && !unimodal(&[14, 8, 13]));
        assert!(monotone(&[18, 12]) && monotone(&[8, 9, 12]));
    }
}
