//! Where import may write: only inside the site's `content/`, through real folders. A
//! destination that is, or passes through, a symbolic link is refused (as `build` refuses
//! such links), so that an import never writes outside the site nor replaces the target of
//! a link, `--force` or not.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

/// Checks `into/content/<rel>` and every folder between `into` and it; returns the path.
/// Folders that do not exist yet are fine (import creates them).
pub fn checked(into: &Path, rel: &Path) -> Result<PathBuf> {
    let mut at = into.join("content");
    let mut parts = vec![at.clone()];
    for c in rel.components() {
        at.push(c);
        parts.push(at.clone());
    }
    for p in &parts {
        match p.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() => bail!(
                "{} 是符号链接（快捷方式），导入不会写入链接或穿过链接写到网站以外；请把它换成真实的文件夹或文件后重新导入",
                crate::diag::display_path(p)
            ),
            Ok(m) if p != &at && !m.is_dir() => bail!(
                "{} 不是文件夹，无法在其中写入导入的文件；请改名或移走它后重新导入",
                crate::diag::display_path(p)
            ),
            _ => {}
        }
    }
    Ok(at)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_on_the_way_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("content")).unwrap();
        std::os::unix::fs::symlink(dir.path(), site.join("content/notices")).unwrap();
        assert!(checked(&site, Path::new("notices/a.md")).is_err());
        assert!(checked(&site, Path::new("letters/a.md")).is_ok());
        std::os::unix::fs::symlink(dir.path().join("x"), site.join("content/campaign.yaml"))
            .unwrap();
        assert!(checked(&site, Path::new("campaign.yaml")).is_err());
    }
}
