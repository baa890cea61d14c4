//! `xuanguan build`: load → render → write, all or nothing.

use std::io::IsTerminal;
use std::time::Instant;

use crate::check::{self, Failed, LintOptions, report};
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
    let dest = args
        .output
        .clone()
        .unwrap_or_else(|| args.dir.join("output"));
    crate::output::recover(&dest)?;
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
    stage("check", || proofread(&site, args.strict))?;
    // The WeChat export's limits follow the same rule as the LED feed's findings.
    let wechat = stage("wechat limits", || render::wechat::diagnostics(&site));
    check_led(&wechat, args.strict)?;
    let theme = Theme::load(&args.dir, &site.campaign.theme)?.minified();
    let out = Output::disk(&dest)?;
    // The LED feed (its jieba dictionary is slow to load) is built beside the pages.
    let (led, rendered) = std::thread::scope(|s| {
        let led = s.spawn(|| {
            stage("led feed", || {
                render::led::site::build(&site, render::led::now_cst())
            })
        });
        let rendered = stage("render and write", || {
            render::render_site(&site, &theme, &out)
        });
        (led.join().expect("LED feed thread"), rendered)
    });
    let rendered = rendered
        .and_then(|()| check_led(&led.diagnostics, args.strict))
        .and_then(|()| led.files.iter().try_for_each(|(p, b)| out.write(p, b)));
    if let Err(e) = rendered {
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

/// Prints a renderer's warnings (LED feed, WeChat export); its errors (and, under `--strict`,
/// its warnings) stop the build.
fn check_led(diags: &[crate::diag::Diagnostic], strict: bool) -> anyhow::Result<()> {
    for d in diags.iter().filter(|d| !d.is_error()) {
        eprintln!("{d}");
    }
    let fatal: Vec<_> = diags
        .iter()
        .filter(|d| d.is_error() || (strict && d.severity == Severity::Warning))
        .cloned()
        .collect();
    if fatal.is_empty() {
        Ok(())
    } else {
        Err(UserErrors(fatal).into())
    }
}

/// Runs the same checks as `check`: findings are printed, and stop the build under `--strict`.
/// Front-matter errors (unknown keys, wrong types, impossible dates) and publishing rules
/// (`secrecy`, `disclosure`) are enforced by the loader and always stop it.
fn proofread(site: &content::Site, strict: bool) -> anyhow::Result<()> {
    let outcome = check::site::check_site(site, &LintOptions::default());
    if !outcome.findings.is_empty() {
        let sources = |p: &str| {
            site.items
                .iter()
                .find(|i| i.path() == p)
                .map(|i| i.text.clone())
        };
        eprint!("{}", report::human(&outcome.findings, sources));
    }
    if !outcome.suppressed.is_empty() {
        eprintln!(
            "已按 gwlint 注释或 front matter 忽略 {} 处检查：",
            outcome.suppressed.len()
        );
        for l in &outcome.suppressed {
            eprintln!(
                "  {}:{}:{} {}",
                l.diag.path, l.diag.line, l.diag.col, l.diag.lint
            );
        }
    }
    if strict && !outcome.findings.is_empty() {
        let n = outcome.findings.len();
        return Err(Failed(format!("校对发现 {n} 个问题（--strict），未生成输出。")).into());
    }
    Ok(())
}
