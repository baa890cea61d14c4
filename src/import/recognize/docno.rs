//! 发文字号: 机关代字〔年份〕序号号, also written with `[]`, `()`, `【】`, "第" or spaces in
//! converted documents; normalised to the GB/T 9704 form.
//!
//! Complexity: O(t) for a text of t bytes: one pass drops the blanks, then a bounded number of
//! forward reads.

use crate::gongwen::chars::{is_blank, is_han};

/// Parses a 发文字号, also written with `[]`, `()`, `【】` or spaces. Returns the normalised
/// form and whether it differed from the text.
pub fn parse_doc_no(s: &str) -> Option<(String, bool)> {
    let compact: String = s.chars().filter(|c| !is_blank(*c)).collect();
    let open = compact.find(['〔', '［', '[', '（', '(', '【', '〖', '{'])?;
    let prefix = &compact[..open];
    if prefix.is_empty() || !prefix.chars().all(is_han) {
        return None;
    }
    let rest = &compact[open..];
    let rest = &rest[rest.chars().next()?.len_utf8()..];
    let year: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if year.len() != 4 {
        return None;
    }
    let rest = &rest[4..];
    let close = rest.chars().next()?;
    if !"〕］]）)】〗}".contains(close) {
        return None;
    }
    let rest = rest[close.len_utf8()..].trim_start_matches('第');
    let num: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if num.is_empty() || &rest[num.len()..] != "号" {
        return None;
    }
    let normal = format!("{prefix}〔{year}〕{num}号");
    let changed = normal != s.trim_matches(is_blank);
    Some((normal, changed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_numbers() {
        assert_eq!(
            parse_doc_no("永外委〔2023〕16号"),
            Some(("永外委〔2023〕16号".into(), false))
        );
        assert_eq!(
            parse_doc_no("永外委[2023]16号"),
            Some(("永外委〔2023〕16号".into(), true))
        );
        assert_eq!(
            parse_doc_no("永外委（2023）第16号"),
            Some(("永外委〔2023〕16号".into(), true))
        );
        assert_eq!(
            parse_doc_no("永外委 (2023) 16 号"),
            Some(("永外委〔2023〕16号".into(), true))
        );
        assert_eq!(parse_doc_no("外山乡人民政府"), None);
        assert_eq!(parse_doc_no("（2023年4月底前）"), None);
    }
}
