//! ASCII slugs for URLs: from `slug:`, an ASCII file name, or a pinyin transliteration.

use pinyin::ToPinyin;

/// Lowercase ASCII letters, digits, `-` and `_`, starting with a letter or digit.
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A slug from any text: ASCII words kept, Chinese characters transliterated to pinyin,
/// everything else a separator; at most 60 bytes, cut at a separator.
pub fn from_text(text: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            continue;
        }
        if !word.is_empty() {
            parts.push(std::mem::take(&mut word));
        }
        if let Some(p) = c.to_pinyin() {
            parts.push(p.plain().to_string());
        }
    }
    if !word.is_empty() {
        parts.push(word);
    }
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() && out.len() + 1 + p.len() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&p);
    }
    out
}

/// A slug for tags and other names shown in URLs.
pub fn for_name(name: &str) -> String {
    let s = from_text(name);
    if s.is_empty() { "x".into() } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_and_ascii() {
        assert_eq!(from_text("安全生产月"), "an-quan-sheng-chan-yue");
        assert_eq!(from_text("2026年 LED 标语"), "2026-nian-led-biao-yu");
        assert!(is_valid("notice-1"));
        assert!(!is_valid("../../x"));
        assert!(!is_valid("A"));
    }
}
