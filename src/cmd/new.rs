//! `xuanguan new DIR`: writes a ready campaign site from the templates in `src/cmd/new/site`
//! (embedded in the binary), with the four standard publicity phases dated from today.

use std::path::Path;

use anyhow::{Context as _, bail};
use chrono::{Datelike, Days, NaiveDate};
use include_dir::{Dir, include_dir};

use crate::cli::NewArgs;

static SITE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/cmd/new/site");

pub fn run(args: &NewArgs) -> anyhow::Result<()> {
    let dir = &args.dir;
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .with_context(|| format!("无法读取 {}", dir.display()))?
            .next()
            .is_none();
        if !empty {
            bail!(
                "文件夹 {} 不是空的，为避免覆盖其中的文件，没有新建站点。请换一个新的文件夹名。",
                dir.display()
            );
        }
    }
    // The same "today" as every other command: the date in Beijing time.
    let today = crate::render::led::today();
    let vars = variables(today);
    let mut written = Vec::new();
    write_dir(&SITE, dir, &vars, &mut written)?;
    crate::ewriteln!(
        "已在 {} 新建专项行动站点（{} 个文件）。",
        dir.display(),
        written.len()
    );
    crate::ewriteln!(
        "下一步：cd {}，运行 xuanguan serve 预览；先读“使用说明.md”。",
        dir.display()
    );
    Ok(())
}

/// Placeholders of the templates: phase dates (about two, two, three and five months from
/// today), today's date and year.
pub fn variables(today: NaiveDate) -> Vec<(&'static str, String)> {
    let day = |n: u64| today.checked_add_days(Days::new(n)).unwrap_or(today);
    let fmt = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    vec![
        ("{{P1_START}}", fmt(today)),
        ("{{P1_END}}", fmt(day(60))),
        ("{{P2_START}}", fmt(day(61))),
        ("{{P2_END}}", fmt(day(121))),
        ("{{P3_START}}", fmt(day(122))),
        ("{{P3_END}}", fmt(day(213))),
        ("{{P4_START}}", fmt(day(214))),
        ("{{P4_END}}", fmt(day(364))),
        ("{{TODAY_CN}}", crate::content::date::chinese(today)),
        ("{{TODAY}}", fmt(today)),
        ("{{YEAR}}", today.year().to_string()),
    ]
}

fn write_dir(
    d: &Dir<'static>,
    dest: &Path,
    vars: &[(&str, String)],
    written: &mut Vec<String>,
) -> anyhow::Result<()> {
    for f in d.files() {
        let path = dest.join(f.path());
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)
                .with_context(|| format!("无法创建文件夹 {}", p.display()))?;
        }
        // Text files get the variables filled in; images are written as they are.
        let bytes = match std::str::from_utf8(f.contents()) {
            Ok(t) => {
                let mut text = t.to_string();
                for (k, v) in vars {
                    text = text.replace(k, v);
                }
                text.into_bytes()
            }
            Err(_) => f.contents().to_vec(),
        };
        std::fs::write(&path, bytes).with_context(|| format!("无法写入 {}", path.display()))?;
        written.push(path.display().to_string());
    }
    for sub in d.dirs() {
        write_dir(sub, dest, vars, written)?;
    }
    Ok(())
}
