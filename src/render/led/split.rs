//! The slogan splitter (led-feed.md §3.2): slogan → slides → lines.
//!
//! Whole clauses are packed greedily; a clause that fits on a line is never split. A clause
//! wider than the screen is broken by a small dynamic program that minimises the number of
//! lines plus break penalties: 禁则 violations and breaks inside dashes, numbers and protected
//! terms cost more than an extra line; breaks inside a jieba word or a site term are merely
//! discouraged.
//!
//! Complexity: O(c·log s) to cut a slogan of c characters with s spaces into clauses (see
//! `clause`), and greedy packing keeps the line being filled under the screen width
//! w = 2·cols half-widths. A clause of m characters wider than the screen goes through the
//! dynamic program, O(m·w·log s): each candidate line is at most w characters, its width grown
//! by one character at a time. Its penalties are O(m + k) for k core-term occurrences (the
//! terms around each position are a difference array; counting them per position was
//! O(m·k), quadratic on a clause of repeated terms such as 安全生产…), plus the term search of
//! [`Lexicon`] (O(m·T·t), see `lexicon`) and one jieba cut. So a slogan costs
//! O(c·(w·log s + T·t)): linear in its length for a given screen and term list.

use super::chars::{
    glued_half_width, half_width, half_width_of, is_han, is_space, no_end, no_start, unit_spans,
};
use super::clause::{Clause, clauses};
use super::lexicon::{Lexicon, merge_spans};
use unicode_normalization::UnicodeNormalization;

const LINE: f64 = 1000.0;
const KINSOKU: f64 = 5000.0;
const IN_UNIT: f64 = 3000.0;
const IN_FITTING_TERM: f64 = 2500.0;
const OFF_TERM_BOUNDARY: f64 = 2000.0;
const ORPHAN: f64 = 1200.0;
const IN_SITE_TERM: f64 = 300.0;
const IN_WORD: f64 = 120.0;
const PARTICLE_START: f64 = 80.0;
const BALANCE: f64 = 0.05;
/// Structural particles that read badly at the start of a line (的需要。).
const PARTICLES: &str = "的了着过地得之们";

/// NFC, trim, and every whitespace run collapsed to one space (led-feed.md §3.2.1).
pub fn normalize(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let mut out = String::with_capacity(nfc.len());
    let mut space = false;
    for c in nfc.trim().chars() {
        if is_space(c) {
            space = true;
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Cost of breaking the clause `s` before position `p` (0 < p < len).
struct Penalties {
    cost: Vec<f64>,
}

impl Penalties {
    /// `locked`: positions `1..locked` may not be broken (a line of whole clauses in front).
    fn new(s: &[char], cols2: u32, lex: &Lexicon, locked: usize) -> Self {
        let n = s.len();
        let mut cost = vec![0.0; n + 1];
        let core = lex.core_spans(s);
        let extra = lex.extra_spans(s);
        let terms: Vec<(usize, usize)> = core.iter().chain(&extra).copied().collect();
        let words = lex.word_interiors(s, &terms);
        for (p, c) in cost.iter_mut().enumerate().take(n).skip(1) {
            if words[p] {
                *c += IN_WORD;
            }
        }
        for &(a, b) in &extra {
            for c in &mut cost[a + 1..b] {
                *c += IN_SITE_TERM;
            }
        }
        // Per position: the core terms strictly around it (a difference array) and those
        // that start or end at it. Counting them per position by a pass over the terms was
        // O(m·k) on a clause of repeated terms.
        let mut around = vec![0i64; n + 2];
        let mut ends = vec![0u32; n + 1];
        for &(a, b) in &core {
            around[a + 1] += 1;
            around[b] -= 1;
            ends[a] += 1;
            ends[b] += 1;
        }
        let mut inside_at = vec![0i64; n + 1];
        let mut run = 0;
        for (p, x) in inside_at.iter_mut().enumerate() {
            run += around[p];
            *x = run;
        }
        for (a, b) in merge_spans(&core) {
            let fits = glued_half_width(s, a, b) <= cols2;
            for (p, cost) in cost.iter_mut().enumerate().take(b).skip(a + 1) {
                let inside = inside_at[p] as f64;
                // Terms of other runs end at most where this run starts or start where it
                // ends, never strictly inside it: all the terms ending here are this run's.
                let bounds = f64::from(ends[p]);
                *cost += if fits {
                    IN_FITTING_TERM
                } else if bounds == 0.0 {
                    OFF_TERM_BOUNDARY
                } else {
                    40.0 + 20.0 * inside - 5.0 * bounds
                };
            }
        }
        for (a, b) in unit_spans(s) {
            if glued_half_width(s, a, b) <= cols2 {
                for c in &mut cost[a + 1..b] {
                    *c += IN_UNIT;
                }
            }
        }
        for (p, c) in cost.iter_mut().enumerate().take(n).skip(1) {
            if no_start(s[p]) || no_end(s[p - 1]) || p < locked {
                *c += KINSOKU;
            }
        }
        Penalties { cost }
    }
}

fn is_orphan(line: &[char]) -> bool {
    line.len() <= 3 && line.iter().filter(|c| is_han(**c)).count() == 1
}

/// Breaks one clause wider than the screen into lines.
/// `next`: width of the clause that follows, which may join the last line.
fn fill_lines(
    clause: &Clause,
    cols2: u32,
    lex: &Lexicon,
    locked: usize,
    next: Option<u32>,
) -> Vec<String> {
    let s = &clause.chars;
    let n = s.len();
    let pen = Penalties::new(s, cols2, lex, locked);
    let mut best = vec![f64::INFINITY; n + 1];
    let mut prev = vec![0usize; n + 1];
    best[0] = 0.0;
    for j in 1..=n {
        // The width of `i..j`, grown by one character (and a space between) as `i` moves left:
        // recomputing it for each `i` was O(w) per candidate line.
        let mut w = 0;
        for i in (0..j).rev() {
            w += half_width_of(&clause.chars[i..=i]);
            if i + 1 < j {
                w += clause.spaces_inside(i, i + 2);
            }
            if w > cols2 && j - i > 1 {
                break;
            }
            if best[i].is_infinite() {
                continue;
            }
            let mut c = best[i] + LINE + if j < n { pen.cost[j] } else { 0.0 };
            // Balanced lines read better than a full line and a stub: squared slack, kept
            // below the cost of splitting a word.
            let filled = match next {
                Some(nw) if j == n && w + nw <= cols2 => w + nw,
                _ => w,
            };
            c += f64::from(cols2.saturating_sub(filled)).powi(2) * BALANCE;
            if j < n && PARTICLES.contains(s[j]) {
                c += PARTICLE_START;
            }
            if j < n {
                // Tie-break: the earlier break, so that 不/也/都 lead their phrase (整改问题/不打折扣).
                c += f64::from(w) * 1e-6;
            }
            if is_orphan(&s[i..j]) {
                c += ORPHAN;
            }
            if c < best[j] {
                best[j] = c;
                prev[j] = i;
            }
        }
    }
    let mut cuts = Vec::new();
    let mut j = n;
    while j > 0 {
        cuts.push(j);
        j = prev[j];
    }
    cuts.reverse();
    let mut lines = Vec::new();
    let mut i = 0;
    for j in cuts {
        lines.push(clause.render(i, j));
        i = j;
    }
    lines
}

/// Splits a normalised slogan into slides of at most `rows` lines of at most `cols` columns.
/// A `scroll_left` screen shows each slogan as one line of any width.
pub fn split_slogan(
    text: &str,
    cols: u32,
    rows: u32,
    scroll: bool,
    lex: &Lexicon,
) -> Vec<Vec<String>> {
    if scroll {
        return vec![vec![text.to_string()]];
    }
    let cols2 = cols * 2;
    let rows = rows.max(1) as usize;
    // Blocks are lines that should stay on one slide together (one long clause).
    let mut blocks: Vec<Vec<String>> = Vec::new();
    let mut cur = String::new();
    let mut attach = false;
    let flush = |blocks: &mut Vec<Vec<String>>, cur: &mut String, attach: bool| {
        if !cur.is_empty() {
            let line = std::mem::take(cur);
            match blocks.last_mut() {
                Some(b) if attach => b.push(line),
                _ => blocks.push(vec![line]),
            }
        }
    };
    let all = clauses(text);
    // Width each clause adds to the line before it (with its separating space).
    let widths: Vec<u32> = all
        .iter()
        .map(|c| c.width(0, c.chars.len()) + u32::from(c.space_before))
        .collect();
    for (ci, clause) in all.into_iter().enumerate() {
        let next = widths.get(ci + 1).copied();
        let cl = clause.render(0, clause.chars.len());
        if half_width(&cl) <= cols2 {
            let sep = if clause.space_before && !cur.is_empty() {
                " "
            } else {
                ""
            };
            let cand = format!("{cur}{sep}{cl}");
            if !cur.is_empty() && half_width(&cand) <= cols2 {
                cur = cand;
            } else {
                flush(&mut blocks, &mut cur, attach);
                cur = cl;
                attach = false;
            }
        } else if is_orphan(&cur.chars().filter(|c| !is_space(*c)).collect::<Vec<_>>()) {
            // A lone character such as "前，" in front: let it lead the long clause's first line.
            let joined = Clause::joined(&cur, &clause);
            let locked = joined.chars.len() - clause.chars.len();
            let mut lines = fill_lines(&joined, cols2, lex, locked, next);
            cur = lines.remove(0);
            flush(&mut blocks, &mut cur, attach);
            if let (Some(b), true) = (blocks.last_mut(), lines.len() > 1) {
                b.extend(lines.drain(..lines.len() - 1));
            }
            cur = lines.pop().unwrap_or_default();
            attach = true;
        } else {
            flush(&mut blocks, &mut cur, attach);
            let mut lines = fill_lines(&clause, cols2, lex, 0, next);
            cur = lines.pop().unwrap_or_default();
            blocks.push(lines);
            attach = true;
        }
    }
    flush(&mut blocks, &mut cur, attach);
    blocks.retain(|b| !b.is_empty());
    let mut slides: Vec<Vec<String>> = Vec::new();
    let mut page: Vec<String> = Vec::new();
    for block in blocks {
        if page.len() + block.len() <= rows {
            page.extend(block);
        } else if block.len() <= rows {
            slides.push(std::mem::take(&mut page));
            page = block;
        } else {
            for line in block {
                if page.len() == rows {
                    slides.push(std::mem::take(&mut page));
                }
                page.push(line);
            }
        }
    }
    slides.push(page);
    slides.retain(|s| !s.is_empty());
    slides
}

#[cfg(test)]
#[path = "split_tests.rs"]
pub(crate) mod tests;
