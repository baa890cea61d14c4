//! Character classes for LED line breaking (led-feed.md §1.3, §3.1, §3.2).
//!
//! All positions in this module are *char* indices, not byte offsets.
//!
//! Complexity: each class is O(1) per character (constant strings of at most 24 characters);
//! [`unit_spans`] is one forward pass (each span consumed whole); [`glued_half_width`] is O(b −
//! a) plus the marks glued to the span; [`preferred_breaks`] is O(c·log s) for c characters and
//! s spaces (a binary search in the spaces per position; a scan of them was quadratic), plus
//! one look back over each run of closing marks.

/// clreq "pause or stop" marks, full- and half-width.
const PAUSE_STOP: &str = "，、。；：？！,.;:?!";
/// Closing brackets and quotes.
const CLOSING: &str = "）》」』】〕〗〉”’］｝)]}";
/// Opening brackets and quotes: never at the end of a line.
const OPENING: &str = "（《「『【〔〖〈“‘［｛([";
/// Em dash, horizontal bar, two-em dash.
const DASHES: &str = "—―⸺";
const ELLIPSES: &str = "…⋯";
/// Extra marks that may not start a line.
const NO_START_EXTRA: &str = "～–·・%％‰℃°";
/// Characters that glue to the number before them (35.5℃, 100%).
const ALNUM_SUFFIX: &str = "%％‰℃°";
/// Characters inside a Latin/number run when followed by another alnum (2.0, GB/T, 12:30).
const ALNUM_INNER: &str = ".:/-_";
/// Han characters that act as units after a digit (6月1日, 3人, 10家).
const HAN_UNITS: &str = "年月日时分秒号个人名次项条元万亿米吨层楼户家起";

pub fn is_closing(c: char) -> bool {
    CLOSING.contains(c)
}

pub fn is_dash(c: char) -> bool {
    DASHES.contains(c)
}

pub fn is_ellipsis(c: char) -> bool {
    ELLIPSES.contains(c)
}

/// May not start a line (避头).
pub fn no_start(c: char) -> bool {
    PAUSE_STOP.contains(c)
        || CLOSING.contains(c)
        || DASHES.contains(c)
        || ELLIPSES.contains(c)
        || NO_START_EXTRA.contains(c)
}

/// May not end a line (避尾).
pub fn no_end(c: char) -> bool {
    OPENING.contains(c)
}

/// A clause may end after this character.
pub fn breaks_after(c: char) -> bool {
    PAUSE_STOP.contains(c) || DASHES.contains(c) || ELLIPSES.contains(c)
}

/// Half-width ASCII punctuation that draws a warning between Chinese characters.
pub fn is_ascii_punct_in_han(c: char) -> bool {
    ",.;:?!()".contains(c)
}

pub fn is_ascii_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Whitespace as the normaliser sees it (ASCII blanks and the ideographic space).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

pub use crate::gongwen::is_han;

/// East Asian Width "Na" or "H" (narrow / half-width) outside ASCII.
fn is_narrow(c: char) -> bool {
    matches!(c as u32,
        0xA2..=0xA3 | 0xA5..=0xA6 | 0xAC | 0xAF | 0x20A9 | 0x27E6..=0x27ED | 0x2985..=0x2986
        | 0xFF61..=0xFFBE | 0xFFC2..=0xFFC7 | 0xFFCA..=0xFFCF | 0xFFD2..=0xFFD7
        | 0xFFDA..=0xFFDC | 0xFFE8..=0xFFEE)
}

/// Columns one character takes on a dot-matrix line, in half-column units (2 = full width).
///
/// ASCII and narrow characters use the 8×16 font (half a column); everything else, including
/// the East-Asian-ambiguous “” — … · °, is drawn from the Chinese font. Integer half-columns
/// keep the arithmetic exact.
pub fn half_cols(c: char) -> u32 {
    if (' '..='~').contains(&c) || is_narrow(c) {
        1
    } else {
        2
    }
}

/// Width of a string in half-columns.
pub fn half_width(s: &str) -> u32 {
    s.chars().map(half_cols).sum()
}

/// Width of a char slice in half-columns.
pub fn half_width_of(s: &[char]) -> u32 {
    s.iter().copied().map(half_cols).sum()
}

/// Unbreakable units of a whitespace-free clause: `(start, end)` char ranges of dash and
/// ellipsis runs and of number/Latin runs with their suffix or unit (`12350`, `35.5℃`,
/// `6月1日`, `GB/T`, `2.0`).
pub fn unit_spans(s: &[char]) -> Vec<(usize, usize)> {
    let n = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let c = s[i];
        if is_dash(c) || is_ellipsis(c) {
            let group: fn(char) -> bool = if is_dash(c) { is_dash } else { is_ellipsis };
            let mut j = i;
            while j < n && group(s[j]) {
                j += 1;
            }
            if j - i >= 2 {
                out.push((i, j));
            }
            i = j;
        } else if is_ascii_alnum(c) {
            let mut j = i;
            loop {
                while j < n
                    && (is_ascii_alnum(s[j])
                        || (ALNUM_INNER.contains(s[j]) && j + 1 < n && is_ascii_alnum(s[j + 1])))
                {
                    j += 1;
                }
                while j < n && ALNUM_SUFFIX.contains(s[j]) {
                    j += 1;
                }
                if j < n && HAN_UNITS.contains(s[j]) && s[j - 1].is_ascii_digit() {
                    j += 1;
                    if j < n && s[j].is_ascii_digit() {
                        continue; // 6月1日 chains into one unit
                    }
                }
                break;
            }
            if j - i >= 2 {
                out.push((i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Width of `s[a..b]` plus the opening marks before it and the no-start marks after it, which
/// must travel with it.
pub fn glued_half_width(s: &[char], mut a: usize, mut b: usize) -> u32 {
    while a > 0 && no_end(s[a - 1]) {
        a -= 1;
    }
    while b < s.len() && no_start(s[b]) {
        b += 1;
    }
    half_width_of(&s[a..b])
}

/// Preferred break positions `p` (0 < p < len) of a whitespace-free text: after a clause end
/// (，、。；：？！ —— ……, plus the closing marks that follow) or where the source had
/// whitespace (`space_before` holds the positions that had whitespace before them).
pub fn preferred_breaks(ns: &[char], space_before: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for p in 1..ns.len() {
        let b = ns[p];
        if no_start(b) {
            continue;
        }
        // `space_before` is in increasing order: a binary search, not a scan per position.
        if space_before.binary_search(&p).is_ok() {
            out.push(p);
            continue;
        }
        let mut k = p as isize - 1;
        while k >= 0 && is_closing(ns[k as usize]) {
            k -= 1;
        }
        if k >= 0 && breaks_after(ns[k as usize]) {
            let e = ns[k as usize];
            if e.is_ascii() && is_ascii_alnum(b) {
                continue; // 2.5, 1,000, 12:30 are not clause ends
            }
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn widths() {
        assert_eq!(half_width("安全"), 4);
        assert_eq!(half_width("12350"), 5);
        assert_eq!(half_width("“安全”——…"), 14);
        assert_eq!(half_width("ｱ"), 1);
    }

    #[test]
    fn units() {
        let s = chars("电话12350，6月1日起35.5℃以上GB/T33000");
        let got: Vec<String> = unit_spans(&s)
            .iter()
            .map(|&(a, b)| s[a..b].iter().collect())
            .collect();
        assert_eq!(got, ["12350", "6月1日", "35.5℃", "GB/T33000"]);
        let d = chars("标准化——企业……好");
        assert_eq!(unit_spans(&d), [(3, 5), (7, 9)]);
    }

    #[test]
    fn breaks_follow_closing_quotes() {
        let s = chars("他说：“安全。”好，2.5米");
        let p = preferred_breaks(&s, &[]);
        assert_eq!(p, [3, 8, 10]);
        assert!(!p.contains(&12)); // not inside 2.5
    }
}
