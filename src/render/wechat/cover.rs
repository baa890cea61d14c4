//! The cover image: where it is, and its pixel size read from the file header (PNG, JPEG,
//! GIF, BMP: the formats the editor accepts, docs/wechat.md §3).

use std::path::{Path, PathBuf};

use crate::content::normalize;

/// A resolved cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    /// As written in front matter or campaign.yaml.
    pub written: String,
    /// For the preview page and meta.json: relative to `wechat/<slug>/`, or an https URL.
    pub href: String,
    /// The file under the site folder, when local.
    pub file: Option<PathBuf>,
    /// (width, height) when the file could be read.
    pub size: Option<(u32, u32)>,
}

/// Resolves `written` (relative to `dir`, a folder of the site such as `content/news`; a
/// leading `/` means `content/`) against the site `root`.
pub fn resolve(root: &Path, dir: &Path, written: &str) -> Cover {
    let w = written.trim();
    let mut cover = Cover {
        written: w.to_string(),
        href: w.to_string(),
        file: None,
        size: None,
    };
    if w.contains("://") {
        return cover;
    }
    let joined = match w.strip_prefix('/') {
        Some(abs) => Path::new("content").join(abs),
        None => dir.join(w),
    };
    let Some(rel) = normalize(&joined) else {
        return cover;
    };
    if let Ok(rest) = rel.strip_prefix("content/static") {
        cover.href = format!("../../site/static/{}", crate::diag::display_path(rest));
    }
    let file = root.join(&rel);
    if let Ok(bytes) = std::fs::read(&file) {
        cover.size = dimensions(&bytes);
        cover.file = Some(rel);
    }
    cover
}

/// Width and height from an image header.
pub fn dimensions(b: &[u8]) -> Option<(u32, u32)> {
    let be16 = |i: usize| Some(u16::from_be_bytes([*b.get(i)?, *b.get(i + 1)?]) as u32);
    let le16 = |i: usize| Some(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?]) as u32);
    let be32 = |i: usize| {
        Some(u32::from_be_bytes([
            *b.get(i)?,
            *b.get(i + 1)?,
            *b.get(i + 2)?,
            *b.get(i + 3)?,
        ]))
    };
    let le32 = |i: usize| {
        Some(
            i32::from_le_bytes([*b.get(i)?, *b.get(i + 1)?, *b.get(i + 2)?, *b.get(i + 3)?])
                .unsigned_abs(),
        )
    };
    if b.starts_with(b"\x89PNG\r\n\x1a\n") && b.get(12..16) == Some(&b"IHDR"[..]) {
        return Some((be32(16)?, be32(20)?));
    }
    if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        return Some((le16(6)?, le16(8)?));
    }
    if b.starts_with(b"BM") {
        return Some((le32(18)?, le32(22)?));
    }
    if b.starts_with(&[0xff, 0xd8]) {
        let mut i = 2;
        while i + 4 <= b.len() {
            if b[i] != 0xff {
                i += 1;
                continue;
            }
            let marker = b[i + 1];
            if marker == 0xff {
                i += 1;
                continue;
            }
            let len = be16(i + 2)? as usize;
            let sof = (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
            if sof {
                return Some((be16(i + 7)?, be16(i + 5)?));
            }
            i += 2 + len;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::dimensions;

    #[test]
    fn image_sizes_from_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&900u32.to_be_bytes());
        png.extend_from_slice(&383u32.to_be_bytes());
        assert_eq!(dimensions(&png), Some((900, 383)));
        let gif = b"GIF89a\x84\x03\x7f\x01";
        assert_eq!(dimensions(gif), Some((900, 383)));
        // JPEG: SOI, an APP0 segment, then SOF0 with height 383 and width 900.
        let jpg = [
            0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01,
            0x7f, 0x03, 0x84, 0x03,
        ];
        assert_eq!(dimensions(&jpg), Some((900, 383)));
        assert_eq!(dimensions(b"not an image"), None);
    }
}
