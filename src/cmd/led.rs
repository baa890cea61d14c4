//! `xuanguan led`: one screen's LED feed on stdout (or into a file).

use std::io::Write;

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
    let out = led::site::build(&site, led::now_cst());
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
        eprintln!("{d}");
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
        Some(path) => {
            std::fs::write(path, bytes).with_context(|| format!("无法写入 {}", path.display()))?
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(bytes)?;
            stdout.flush()?;
        }
    }
    Ok(())
}
