//! `xuanguan led`: one screen's LED feed on stdout (or into a file).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};

use crate::cli::{LedArgs, LedFormat};
use crate::content::{self, LoadOptions};
use crate::diag::{Severity, UserErrors};
use crate::render::led;

pub fn run(args: &LedArgs) -> anyhow::Result<()> {
    let opts = LoadOptions {
        drafts: false,
        today: super::today(args.date.as_deref())?,
    };
    let site = content::load(&args.dir, &opts)?;
    let engine = crate::theme::engine(&args.dir, &site.campaign.theme)?;
    let out = led::site::build(&site, led::now_cst(), Some(&engine));
    let errors: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    for d in out
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
    {
        crate::ewriteln!("{d}");
    }
    if !errors.is_empty() {
        return Err(UserErrors(errors).into());
    }
    let ids: Vec<&str> = out.feeds.iter().map(|f| f.screen.id.as_str()).collect();
    let id = match &args.screen {
        Some(id) if ids.contains(&id.as_str()) => id.as_str(),
        Some(id) => bail!("没有编号为“{id}”的屏幕。可用的屏幕：{}", ids.join("、")),
        None => *ids.first().context("campaign.yaml 中没有配置 LED 屏幕")?,
    };
    let ext = match args.format {
        LedFormat::Json => "json",
        LedFormat::Txt => "txt",
    };
    let bytes = out
        .file(&format!("led/{id}.{ext}"))
        .context("这块屏幕的文件没有生成")?;
    match &args.output {
        Some(path) => write_feed(path, bytes, args.format, args.force)?,
        None => crate::diag::write_stdout(bytes, "LED 屏的播放内容")?,
    }
    Ok(())
}

/// Writes the feed to `path` through a temporary file and a rename; refuses to replace a file
/// that is not one of our feeds (see [`is_our_feed`]) unless `force`.
fn write_feed(path: &Path, bytes: &[u8], format: LedFormat, force: bool) -> anyhow::Result<()> {
    if let Ok(old) = std::fs::read(path)
        && !old.is_empty()
        && !force
        && !is_our_feed(path, &old, format)
    {
        bail!(
            "{} 已存在，且不是 xuanguan 写出的 LED 屏文件；为避免覆盖你的文件，已停止。请换一个文件名（-o），确实要覆盖时加 --force。",
            path.display()
        );
    }
    if path.is_dir() {
        bail!(
            "{} 是一个文件夹，请在 -o 后写一个文件名，例如 屏幕.txt。",
            path.display()
        );
    }
    crate::output::guard::refuse_inside_sources(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(anyhow::Error::new(e).context(format!("无法写入 {}", path.display())));
    }
    Ok(())
}

/// Whether `old` is a feed this command writes: a `led-feed/1` JSON document, or a TXT feed
/// (CRLF lines, no front matter, no YAML keys) in a file named `.txt`.
fn is_our_feed(path: &Path, old: &[u8], format: LedFormat) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match format {
        LedFormat::Json => serde_json::from_slice::<serde_json::Value>(old)
            .is_ok_and(|v| v.get("schema").and_then(|s| s.as_str()) == Some(led::feed::SCHEMA)),
        LedFormat::Txt => {
            ext == "txt"
                && old.ends_with(b"\r\n")
                && old
                    .split(|&b| b == b'\n')
                    .all(|l| l.is_empty() || l.ends_with(b"\r"))
                && !old.starts_with(b"---")
        }
    }
}
