//! Writing a fixed file: only when it is still what was proofread, with its own BOM and line
//! ends, through a temporary file in the same folder renamed over it (a crash leaves either
//! the old file or the new one, never half of each).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

/// Replaces the file at `path`, whose text was loaded as `before` (BOM removed, line ends
/// `\n`), with `after` (the same number of lines).
pub fn replace(path: &Path, before: &str, after: &str) -> anyhow::Result<()> {
    // A file reached through a link (allowed inside the site) is written where it is, and the
    // link stays a link.
    let path = &std::fs::canonicalize(path).with_context(|| format!("读取 {}", path.display()))?;
    let bytes = std::fs::read(path).with_context(|| format!("读取 {}", path.display()))?;
    let (bom, raw) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, &bytes[..]),
    };
    let Ok(raw) = std::str::from_utf8(raw) else {
        bail!("文件在检查之后被改动过，请重新运行 xuanguan check --fix");
    };
    if normalized(raw) != before {
        bail!("文件在检查之后被改动过，请重新运行 xuanguan check --fix");
    }
    let mut text = String::with_capacity(raw.len() + 16);
    if bom {
        text.push('\u{FEFF}');
    }
    text.push_str(&with_line_ends(raw, after));
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let tmp = dir.join(format!(".{name}.xuanguan-fix-{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("写入 {}", path.display()))
}

/// The text as the loader reads it (line ends `\n`).
fn normalized(raw: &str) -> String {
    raw.replace("\r\n", "\n").replace('\r', "\n")
}

/// `after` (lines ending in `\n`) with the line ends `raw` had, line by line: no edit adds or
/// removes a line, so the n-th line keeps the n-th line end.
fn with_line_ends(raw: &str, after: &str) -> String {
    let mut ends = Vec::new();
    let b = raw.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => {
                ends.push("\r\n");
                i += 1;
            }
            b'\r' => ends.push("\r"),
            b'\n' => ends.push("\n"),
            _ => {}
        }
        i += 1;
    }
    let mut out = String::with_capacity(after.len() + ends.len());
    for (n, line) in after.split('\n').enumerate() {
        if n > 0 {
            out.push_str(ends.get(n - 1).copied().unwrap_or("\n"));
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_bom_are_kept_and_a_changed_file_is_left_alone() {
        assert_eq!(
            with_line_ends("a\r\nb\nc\r\n", "A\nB\nC\n"),
            "A\r\nB\nC\r\n"
        );
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "\u{FEFF}今天,大家\r\n好\r\n").unwrap();
        replace(&p, "今天,大家\n好\n", "今天，大家\n好\n").unwrap();
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "\u{FEFF}今天，大家\r\n好\r\n"
        );
        let only: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(only.len(), 1, "the temporary file is gone");
        assert!(replace(&p, "别的内容\n", "x\n").is_err());
        assert_eq!(
            std::fs::read_to_string(&p).unwrap(),
            "\u{FEFF}今天，大家\r\n好\r\n"
        );
        #[cfg(unix)]
        {
            let link = dir.path().join("link.md");
            std::os::unix::fs::symlink(&p, &link).unwrap();
            replace(&link, "今天，大家\n好\n", "今天，大家们\n好\n").unwrap();
            assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
            assert!(std::fs::read_to_string(&p).unwrap().contains("大家们"));
            std::fs::remove_file(&link).unwrap();
        }
    }
}
