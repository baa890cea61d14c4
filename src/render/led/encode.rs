//! Character repertoires and the TXT encoder (led-feed.md §1.4, §3.4).
//!
//! `encoding_rs` encoders never fail: they write `&#NNN;` for what they cannot map. Every
//! character is therefore checked here first, and the encoder's `had_unmappable` flag is a
//! hard error, never output.
//!
//! Complexity: O(c) for c characters: [`fit`] is O(1) per character (one GBK encoding of the
//! character and a search of 14 symbol ranges); [`encode`] checks each character once and
//! encodes the text once (and once more, character by character, to name an unmappable one).

use super::screen::Encoding;

/// Where a character stands with respect to a screen's encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Ok,
    /// In GBK but not GB2312: 16×16 HZK-style font cards lack the glyph (warning).
    OutsideGb2312,
    /// Not in the encoding's repertoire at all (error).
    Unencodable,
}

/// GB2312 symbol rows (A1–A9) as GBK byte ranges, from CPython's gb2312 codec.
const GB2312_SYMBOLS: &[(u16, u16)] = &[
    (0xA1A1, 0xA1FE),
    (0xA2B1, 0xA2E2),
    (0xA2E5, 0xA2EE),
    (0xA2F1, 0xA2FC),
    (0xA3A1, 0xA3FE),
    (0xA4A1, 0xA4F3),
    (0xA5A1, 0xA5F6),
    (0xA6A1, 0xA6B8),
    (0xA6C1, 0xA6D8),
    (0xA7A1, 0xA7C1),
    (0xA7D1, 0xA7F1),
    (0xA8A1, 0xA8BA),
    (0xA8C5, 0xA8E9),
    (0xA9A4, 0xA9EF),
];

fn in_gb2312_code(code: u16) -> bool {
    let (hi, lo) = ((code >> 8) as u8, code as u8);
    if (0xB0..=0xF7).contains(&hi) {
        return (0xA1..=0xFE).contains(&lo) && !(hi == 0xD7 && lo >= 0xFA);
    }
    GB2312_SYMBOLS.iter().any(|&(a, b)| (a..=b).contains(&code))
}

/// Control, format, surrogate, private-use and non-characters: never shown on a screen.
pub fn is_forbidden(c: char) -> bool {
    let u = c as u32;
    c.is_control()
        || matches!(u,
            0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F
            | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
            | 0xE0001 | 0xE0020..=0xE007F
            | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFDD0..=0xFDEF)
        || (u & 0xFFFE) == 0xFFFE
}

fn gbk_bytes(c: char) -> Option<Vec<u8>> {
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(c.encode_utf8(&mut buf));
    (!unmappable).then(|| bytes.into_owned())
}

/// Whether `c` may appear on a screen with encoding `enc`.
pub fn fit(c: char, enc: Encoding) -> Fit {
    if is_forbidden(c) {
        return Fit::Unencodable;
    }
    match enc {
        Encoding::Utf8 | Encoding::Utf8Sig | Encoding::Gb18030 => Fit::Ok,
        Encoding::Gbk | Encoding::Gb2312 => {
            let Some(b) = gbk_bytes(c) else {
                return Fit::Unencodable;
            };
            let in_2312 = match b.as_slice() {
                [a] => *a < 0x80,
                [a, b] => in_gb2312_code(u16::from(*a) << 8 | u16::from(*b)),
                _ => false,
            };
            match (in_2312, enc) {
                (true, _) => Fit::Ok,
                (false, Encoding::Gbk) => Fit::OutsideGb2312,
                _ => Fit::Unencodable,
            }
        }
    }
}

/// Encodes a whole TXT export. Returns the first character the encoding cannot hold.
pub fn encode(text: &str, enc: Encoding) -> Result<Vec<u8>, char> {
    let shown = |c: char| c != '\r' && c != '\n';
    if let Some(c) = text
        .chars()
        .filter(|&c| shown(c))
        .find(|&c| fit(c, enc) == Fit::Unencodable)
    {
        return Err(c);
    }
    let out = match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Sig => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        Encoding::Gbk | Encoding::Gb2312 | Encoding::Gb18030 => {
            let codec = if enc == Encoding::Gb18030 {
                encoding_rs::GB18030
            } else {
                encoding_rs::GBK
            };
            let (bytes, _, unmappable) = codec.encode(text);
            if unmappable {
                // Unreachable after the check above; never let a `&#NNN;` through.
                let bad = text
                    .chars()
                    .find(|&c| gbk_bytes(c).is_none())
                    .unwrap_or('\u{FFFD}');
                return Err(bad);
            }
            bytes.into_owned()
        }
    };
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_bytes_match_the_protocol_example() {
        assert_eq!(
            encode("欢迎光临", Encoding::Gbk).unwrap(),
            [0xBB, 0xB6, 0xD3, 0xAD, 0xB9, 0xE2, 0xC1, 0xD9]
        );
    }

    #[test]
    fn repertoires() {
        for c in ['—', '·', '“', '”', '℃', '安', 'A', '\u{3000}', '…'] {
            assert_eq!(fit(c, Encoding::Gb2312), Fit::Ok, "{c}");
        }
        assert_eq!(fit('喆', Encoding::Gbk), Fit::OutsideGb2312);
        assert_eq!(fit('喆', Encoding::Gb2312), Fit::Unencodable);
        assert_eq!(fit('👷', Encoding::Gbk), Fit::Unencodable);
        assert_eq!(fit('👷', Encoding::Utf8), Fit::Ok);
        assert_eq!(fit('\u{E000}', Encoding::Utf8), Fit::Unencodable);
        assert_eq!(fit('\u{200B}', Encoding::Gb18030), Fit::Unencodable);
    }

    #[test]
    fn never_writes_numeric_references() {
        assert_eq!(encode("安全👷第一", Encoding::Gbk), Err('👷'));
        assert_eq!(encode("堃", Encoding::Gb2312), Err('堃'));
        assert_eq!(
            encode("安全", Encoding::Utf8Sig).unwrap()[..3],
            [0xEF, 0xBB, 0xBF]
        );
        assert!(encode("👷", Encoding::Gb18030).unwrap().len() == 4);
    }
}
