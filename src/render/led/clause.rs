//! Clauses: a normalised slogan cut at its preferred breaks (led-feed.md §3.2.2).
//!
//! Complexity: [`clauses`] is O(c·log(s + u)) for c characters with s spaces and u unit spans:
//! the spaces and the units are in increasing order, so whether a break falls in a unit and
//! which spaces a clause holds are binary searches (a scan of the lists per break and per
//! clause was quadratic on a slogan with many spaces). `Clause::width` is O(j − i + log s) and
//! `render` O((j − i)·log s).

use super::chars::{half_width_of, is_space, preferred_breaks, unit_spans};

/// A clause of a normalised text: its characters without whitespace, the positions inside it
/// that had a space before them (kept in the output, never a break), and whether a space
/// separated it from the previous clause.
pub struct Clause {
    pub chars: Vec<char>,
    pub spaces: Vec<usize>,
    pub space_before: bool,
}

impl Clause {
    /// `line` (a packed line of whole clauses) followed by `next`; a space between them is
    /// kept as an interior space.
    pub fn joined(line: &str, next: &Clause) -> Clause {
        let mut chars = Vec::new();
        let mut spaces = Vec::new();
        for c in line.chars() {
            if is_space(c) {
                spaces.push(chars.len());
            } else {
                chars.push(c);
            }
        }
        if next.space_before {
            spaces.push(chars.len());
        }
        let base = chars.len();
        chars.extend_from_slice(&next.chars);
        spaces.extend(next.spaces.iter().map(|p| p + base));
        Clause {
            chars,
            spaces,
            space_before: false,
        }
    }

    /// Width of `chars[i..j]` in half-columns, counting the interior spaces.
    pub fn width(&self, i: usize, j: usize) -> u32 {
        half_width_of(&self.chars[i..j]) + self.spaces_inside(i, j)
    }

    /// How many spaces fall strictly between `i` and `j` (`spaces` is in increasing order).
    pub fn spaces_inside(&self, i: usize, j: usize) -> u32 {
        let from = self.spaces.partition_point(|&p| p <= i);
        let to = self.spaces.partition_point(|&p| p < j);
        to.saturating_sub(from) as u32
    }

    pub fn render(&self, i: usize, j: usize) -> String {
        let mut out = String::new();
        for p in i..j {
            if p > i && self.spaces.binary_search(&p).is_ok() {
                out.push(' ');
            }
            out.push(self.chars[p]);
        }
        out
    }
}

/// Splits a normalised text at its preferred breaks. A space inside a number or Latin unit
/// (`GB/T 33000`, `2023 年`) stays in the text but is not a break.
pub fn clauses(text: &str) -> Vec<Clause> {
    let mut ns = Vec::new();
    let mut space_before = Vec::new();
    for c in text.chars() {
        if is_space(c) {
            space_before.push(ns.len());
        } else {
            ns.push(c);
        }
    }
    let units = unit_spans(&ns);
    // Unit spans are disjoint and in order: the only one that can hold `p` is the last one
    // starting before it.
    let in_unit = |p: usize| {
        let k = units.partition_point(|&(a, _)| a < p);
        k > 0 && p < units[k - 1].1
    };
    let mut cuts: Vec<usize> = preferred_breaks(&ns, &space_before)
        .into_iter()
        .filter(|&p| !in_unit(p))
        .collect();
    cuts.push(ns.len());
    let mut out = Vec::new();
    let mut start = 0;
    for p in cuts {
        if p > start {
            let (from, to) = (
                space_before.partition_point(|&q| q <= start),
                space_before.partition_point(|&q| q < p),
            );
            let spaces = space_before[from..to].iter().map(|q| q - start).collect();
            out.push(Clause {
                chars: ns[start..p].to_vec(),
                spaces,
                space_before: start > 0 && space_before.binary_search(&start).is_ok(),
            });
        }
        start = p;
    }
    out
}
