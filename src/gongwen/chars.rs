//! Character classes: Han, CJK punctuation, digits (ASCII and full-width), spaces.
//!
//! Complexity: each class is O(1) per character; [`read_number`] reads one run of digits, at
//! most 18.

/// Placeholder written in place of code spans, URLs and e-mail addresses: neither Han nor
/// punctuation, so no lint sees across it.
pub const HOLE: char = '\u{FFFC}';

/// Unicode script Han: unified ideographs and extensions A–H, compatibility ideographs, and
/// 〇 (U+3007, the Chinese zero).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F
        | 0x30000..=0x323AF | 0x3007)
}

/// CJK punctuation: U+3000–303F, full-width forms U+FF01–FF65, and the marks that double as
/// English typography (“”‘’…—·).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3001..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·' | '～')
}

/// Han or CJK punctuation: the "Chinese side" of an adjacency test.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Point marks (点号) of GB/T 15834 in full width.
pub fn is_point(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！')
}

/// ASCII or full-width decimal digit.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub fn is_digit(c: char) -> bool {
    digit(c).is_some()
}

/// Blank characters trimmed from the ends of a received document's lines: any whitespace
/// (ideographic space and NBSP included) and the invisible characters conversions leave
/// (BOM, zero-width space, form feed).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}' | '\u{feff}' | '\u{200b}' | '\u{c}')
}

/// `t` without its blanks ([`is_blank`]): "通 知" → "通知", "索 引 号" → "索引号".
pub fn without_blanks(t: &str) -> String {
    t.chars().filter(|c| !is_blank(*c)).collect()
}

/// Whitespace that may appear inside a paragraph's text.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{A0}' | '\t')
}

/// Reads a run of decimal digits starting at `i`; returns (value, end).
pub fn read_number(s: &[char], i: usize) -> Option<(u64, usize)> {
    let mut j = i;
    let mut v: u64 = 0;
    while j < s.len() {
        match digit(s[j]) {
            Some(d) if j - i < 18 => v = v * 10 + d as u64,
            _ => break,
        }
        j += 1;
    }
    (j > i).then_some((v, j))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('纳') && !is_han('，') && is_cjk_punct('，') && is_cjk_punct('〔'));
        assert!(!is_cjk(',') && is_point('、') && !is_point('…'));
        assert!(is_han('〇') && is_han('\u{30000}') && !is_han('○'));
        assert_eq!(read_number(&['２', '0', '年'], 0), Some((20, 2)));
        assert!(is_blank('\u{3000}') && is_blank('\u{feff}') && !is_blank('_'));
    }
}
