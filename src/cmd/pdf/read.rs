//! What `build --pdf` reads back from a PDF Chromium wrote: its page count and its fonts.

/// The page count of a PDF: the largest `/Count` of its page tree (Chromium writes the tree
/// uncompressed).
pub fn page_count(pdf: &[u8]) -> Option<usize> {
    let mut best = None;
    let mut rest = pdf;
    while let Some(at) = find(rest, b"/Count") {
        rest = &rest[at + 6..];
        let digits: String = rest
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| b as char)
            .collect();
        if let Ok(n) = digits.parse::<usize>() {
            best = best.max(Some(n));
        }
    }
    best
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The fonts a PDF embeds (`/BaseFont /ABCDEF+NotoSerifCJKsc-Bold` → `NotoSerifCJKsc-Bold`).
pub fn fonts(pdf: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = pdf;
    while let Some(at) = find(rest, b"/BaseFont") {
        rest = &rest[at + 9..];
        let name: String = rest
            .iter()
            .skip_while(|b| b.is_ascii_whitespace() || **b == b'/')
            .take_while(|b| b.is_ascii_graphic() && !matches!(b, b'/' | b'<' | b'>' | b'[' | b']'))
            .map(|&b| b as char)
            .collect();
        let name = name
            .split_once('+')
            .map_or(name.as_str(), |(_, n)| n)
            .to_string();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Whether a 公文's title was set in 方正小标宋 (or the 华文中宋 office Macs have).
pub(super) fn has_title_font(fonts: &[String]) -> bool {
    fonts
        .iter()
        .any(|f| f.contains("XiaoBiaoSong") || f.starts_with("FZXBS") || f.contains("Zhongsong"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pages_and_reads_fonts() {
        let pdf = b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>\n2 0 obj << /Type /Outlines /Count 0 >>";
        assert_eq!(page_count(pdf), Some(2));
        assert_eq!(page_count(b"%PDF-1.4"), None);
        let fonts = fonts(
            b"<< /BaseFont /AAAAAA+NotoSerifCJKsc-Bold >> << /BaseFont/BBBBBB+FZXBSJW--GB1-0 >>",
        );
        assert_eq!(fonts, ["NotoSerifCJKsc-Bold", "FZXBSJW--GB1-0"]);
        assert!(has_title_font(&fonts) && !has_title_font(&fonts[..1]));
    }
}
