//! `xuanguan build`: load → render → write, all or nothing.

use std::io::IsTerminal;
use std::time::Instant;

use crate::cli::BuildArgs;
use crate::content::{self, LoadOptions};
use crate::diag::{Severity, UserErrors};
use crate::output::Output;
use crate::render;
use crate::theme::Theme;
use crate::timing::stage;

pub fn run(args: &BuildArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let opts = LoadOptions {
        drafts: args.drafts,
        today: super::today(args.today.as_deref())?,
    };
    let site = stage("load", || content::load(&args.dir, &opts))?;
    let warnings: Vec<_> = site
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .cloned()
        .collect();
    for d in &site.warnings {
        eprintln!("{d}");
    }
    if args.strict && !warnings.is_empty() {
        return Err(UserErrors(warnings).into());
    }
    let theme = Theme::load(&args.dir, &site.campaign.theme)?.minified();
    let dest = args
        .output
        .clone()
        .unwrap_or_else(|| args.dir.join("output"));
    let out = Output::disk(&dest)?;
    if let Err(e) = stage("render and write", || {
        render::render_site(&site, &theme, &out)
    }) {
        out.abandon();
        return Err(e);
    }
    stage("commit", || out.commit())?;
    if std::io::stderr().is_terminal() || std::env::var_os("XUANGUAN_VERBOSE").is_some() {
        eprintln!(
            "已生成 {} 篇内容到 {}（用时 {:.2} 秒）",
            site.items.len(),
            dest.display(),
            started.elapsed().as_secs_f64()
        );
    } else {
        eprintln!("已生成 {} 篇内容到 {}", site.items.len(), dest.display());
    }
    Ok(())
}
