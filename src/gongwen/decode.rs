//! The one text decoder: the bytes of a plain-text file (a roster, a received document) into a
//! `String`: UTF-8 (with or without BOM), GBK or GB18030 (detected), UTF-16 with a BOM or
//! without one (told by where the NUL bytes fall); CRLF and lone CR become LF. Linear in the
//! input.
//!
//! Complexity: O(b) in the bytes: the BOM and UTF-16 checks read at most the first 4 KiB,
//! chardetng and encoding_rs are single passes (GB18030 may decode a second time), and the line
//! ends are replaced in two passes; [`first_control`] is one pass.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

/// A decoded text and what was found out while decoding it.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// The encoding as shown to users: `UTF-8`, `GBK`, `GB18030`, `UTF-16LE`…
    pub encoding: &'static str,
    /// A UTF-8 byte-order mark was removed.
    pub had_bom: bool,
    /// Some bytes were not valid in the detected encoding and became U+FFFD.
    pub had_errors: bool,
}

/// Decodes `bytes`; never fails (malformed bytes are replaced and flagged).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return finish(text.into_owned(), enc.name(), enc == UTF_8, had_errors);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        return finish(text.into_owned(), enc.name(), false, had_errors);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return finish(s.to_string(), "UTF-8", false, false);
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guessed = det.guess(Some(b"cn"), chardetng::Utf8Detection::Deny);
    // chardetng reports GBK for Chinese text; GBK's decoder in encoding_rs is the GB18030
    // decoder, so four-byte GB18030 sequences decode too. Name the encoding after what the
    // bytes actually contain.
    let mut enc = if guessed == GBK || guessed == GB18030 {
        GB18030
    } else {
        guessed
    };
    let (mut text, mut had_errors) = enc.decode_without_bom_handling(bytes);
    if enc != GB18030 && had_errors {
        // A short GBK text can look like another legacy encoding; documents here are Chinese,
        // so GB18030 wins when it decodes the bytes cleanly and the guess does not.
        let (gb, gb_errors) = GB18030.decode_without_bom_handling(bytes);
        if !gb_errors {
            (enc, text, had_errors) = (GB18030, gb, false);
        }
    }
    let name = if enc == GB18030 {
        if has_four_byte_gb18030(bytes) {
            "GB18030"
        } else {
            "GBK"
        }
    } else {
        enc.name()
    };
    finish(text.into_owned(), name, false, had_errors)
}

fn finish(text: String, encoding: &'static str, had_bom: bool, had_errors: bool) -> Decoded {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    Decoded {
        text,
        encoding,
        had_bom,
        had_errors,
    }
}

/// UTF-16 saved without a byte-order mark (Notepad's "Unicode" from some tools): text of
/// Chinese and ASCII has a NUL in one byte of most ASCII code units and no NUL elsewhere.
/// Decides by the NUL bytes at even and odd offsets of the first 4 KiB.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let units = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // At least one unit in ten is ASCII (line breaks, digits, punctuation) and the other
    // half of the pairs has far fewer NULs (a Chinese character such as 开 U+5F00 has one).
    if odd * 10 >= units && even * 4 <= odd {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= units && odd * 4 <= even {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The first control character of `text` that no document contains (anything below U+0020
/// but tab, line feed and form feed, and DEL), with its 1-based line and column.
pub fn first_control(text: &str) -> Option<(usize, usize, char)> {
    for (i, line) in text.split('\n').enumerate() {
        for (j, c) in line.chars().enumerate() {
            if (c.is_control() && !matches!(c, '\t' | '\u{c}')) && (c as u32) < 0xA0 {
                return Some((i + 1, j + 1, c));
            }
        }
    }
    None
}

/// True when `bytes` contain a GB18030 four-byte sequence (lead byte, then an ASCII digit).
fn has_four_byte_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x81..=0xFE).contains(&b) && i + 1 < bytes.len() {
            if bytes[i + 1].is_ascii_digit() {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_and_crlf() {
        let d = decode("\u{feff}通知\r\n正文\r\n".as_bytes());
        assert_eq!(d.text, "通知\n正文\n");
        assert!(d.had_bom);
        assert_eq!(d.encoding, "UTF-8");
    }

    #[test]
    fn gbk_is_detected() {
        let text = "外山乡人民政府关于印发宣贯工作方案的通知\r\n各村委会，乡直各单位：\r\n";
        let (bytes, _, _) = GBK.encode(text);
        let d = decode(&bytes);
        assert_eq!(d.encoding, "GBK");
        assert_eq!(d.text, text.replace("\r\n", "\n"));
        assert!(!d.had_errors);
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let text = "外山乡人民政府关于开展安全生产月活动的通知\n各村委会：\n2024年5月10日\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le).text, text);
        assert_eq!(decode(&le).encoding, "UTF-16LE");
        assert_eq!(decode(&be).text, text);
        assert_eq!(decode(&be).encoding, "UTF-16BE");
        assert_eq!(first_control("甲\n乙\u{0}丙"), Some((2, 2, '\u{0}')));
        assert_eq!(first_control("甲\t乙\n"), None);
    }

    #[test]
    fn gb18030_four_byte_is_named() {
        let text = "关于安全生产标准化宣贯工作的通知，各村委会认真贯彻执行。㐀";
        let (bytes, _, _) = GB18030.encode(text);
        let d = decode(&bytes);
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, text);
    }
}
