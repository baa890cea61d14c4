//! `xuanguan build`: load → check → render all → gate on the findings → the staff dashboard →
//! write, all or nothing.
//!
//! Every finding (the loader's, the proofreading's, the LED feed's and the WeChat exports')
//! goes into one report in one format: errors in full, warnings as a summary with the command
//! that lists them all (`xuanguan check`).

use std::io::IsTerminal;
use std::time::Instant;

use crate::check::tally::{Keep, Tally};
use crate::check::{self, Failed, Located, report};
use crate::cli::BuildArgs;
use crate::content::{self, LoadOptions, Site};
use crate::diag::Severity;
use crate::output::{Dest, Output};
use crate::render;
use crate::theme::Theme;
use crate::timing::stage;

/// What a build keeps of the proofreading in full: what its report and its dashboard list.
const KEEP: Keep = Keep {
    errors_per_rule: report::ERRORS_IN_FULL,
    always: &report::BUILD_ONLY,
    files_per_kind: render::DETAILED,
    per_file: render::PER_FILE,
};

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
    let site = stage("load", || content::load_all(&args.dir, &opts))?;
    if !site.errors.is_empty() {
        let outcome = check::site::proofread(&site);
        return fail(&site, outcome.findings, args.strict);
    }
    let theme = Theme::load(&args.dir, &site.campaign.theme)?.minified();
    let out = Output::disk(&dest)?;
    let mut prepared = render::Prepared::default();
    // Proofreading beside every renderer (the LED feed's dictionary is slow to load).
    let (mut brief, rendered) = stage("check, render and write", || {
        rayon::join(
            || stage("proofreading", || check::site::proofread_brief(&site, KEEP)),
            || render::render_prepared(&mut prepared, &site, &theme, &render::Plan::All, &out),
        )
    });
    let rendered = match rendered {
        Ok(d) => d,
        Err(e) => {
            out.abandon();
            return Err(as_written(e, args, &site));
        }
    };
    let broken = rendered.iter().any(|d| d.is_error());
    let strict = args.strict
        && (brief.tally.all.errors + brief.tally.all.warnings > 0
            || rendered.iter().any(|d| d.severity <= Severity::Warning));
    if strict {
        out.abandon();
        // `--strict` shows every finding in full: proofread again, keeping them all.
        let mut findings = check::site::proofread(&site).findings;
        findings.extend(rendered.into_iter().map(Located::of));
        return fail(&site, findings, true);
    }
    brief.take_whole(rendered.into_iter().map(Located::of));
    let mut findings = brief.kept;
    check::site::sort(&mut findings);
    let tally = brief.tally;
    if broken {
        out.abandon();
        crate::ewrite!("{}", report::brief(&findings, &tally, texts(&site)));
        return Err(Failed(UNCHANGED.into()).into());
    }
    // The PDFs come from the written print pages, before the dashboard that lists them.
    let pdfs = match out.folder() {
        Some(folder) if args.pdf => stage("pdf", || super::pdf::print_all(&site, folder)),
        _ => Vec::new(),
    };
    for (rel, source) in pdfs {
        if let Err(e) = out.adopt(Dest::staff(&rel).from(source)) {
            out.abandon();
            return Err(e);
        }
    }
    // The dashboard shows the findings and what was written, so it comes last. It runs on a
    // worker thread, whose heap holds the memory the renderers freed (the main thread's heap
    // would take new pages), and the items' values it does not show are freed first.
    if let Err(e) = stage("dashboard", || {
        prepared.release_items();
        rayon::scope(|_| render::render_dashboard(&prepared, &site, &out, &findings, &tally))
    }) {
        out.abandon();
        return Err(as_written(e, args, &site));
    }
    stage("commit", || rayon::scope(|_| out.commit()))?;
    crate::ewrite!("{}", report::brief(&findings, &tally, texts(&site)));
    suppressed(&brief.suppressed);
    if std::io::stderr().is_terminal() || std::env::var_os("XUANGUAN_VERBOSE").is_some() {
        crate::ewriteln!(
            "已生成 {} 篇内容到 {}（用时 {:.2} 秒）",
            site.items.len(),
            dest.display(),
            started.elapsed().as_secs_f64()
        );
    } else {
        crate::ewriteln!("已生成 {} 篇内容到 {}", site.items.len(), dest.display());
    }
    // The process ends here: its memory goes back to the system whole, so the loaded site,
    // the template values and the findings (hundreds of thousands of allocations at county
    // scale) are not freed one by one.
    std::mem::forget((site, prepared, findings, brief.suppressed, tally));
    Ok(())
}

// What stops a build: the loader's and the renderers' errors (front matter, publishing rules,
// LED fit, WeChat limits) always; under `--strict`, every finding but notes. Proofreading
// errors alone are reported and do not stop it (a typo is not a broken site).

const UNCHANGED: &str = "未生成输出，上次的输出保持不变。";

/// Reports everything and fails without touching the previous output.
fn fail(site: &Site, findings: Vec<Located>, strict: bool) -> anyhow::Result<()> {
    let mut findings = findings;
    check::site::sort(&mut findings);
    // A failed build shows every finding in full: the user is fixing the site now.
    let text = if strict {
        report::human(&findings, texts(site))
    } else {
        report::brief(&findings, &Tally::of(&findings), texts(site))
    };
    crate::ewrite!("{text}");
    Err(Failed(UNCHANGED.into()).into())
}

/// A template error is located in the minified template the engine ran; the user edits the
/// template as written. Rendering again with the theme as written (in memory, only after an
/// error; the dashboard too) gives the line and column in their file.
fn as_written(e: anyhow::Error, args: &BuildArgs, site: &Site) -> anyhow::Error {
    if e.downcast_ref::<render::TemplateError>().is_none() {
        return e;
    }
    let Ok(theme) = Theme::load(&args.dir, &site.campaign.theme) else {
        return e;
    };
    let out = Output::memory();
    let mut prepared = render::Prepared::default();
    let again = render::render_prepared(&mut prepared, site, &theme, &render::Plan::All, &out)
        .and_then(|_| {
            render::render_dashboard::<Located>(&prepared, site, &out, &[], &Tally::default())
        });
    match again {
        Err(again) => match again.downcast::<render::TemplateError>() {
            Ok(t) => t.with_source(&theme).into(),
            Err(_) => e,
        },
        Ok(_) => e,
    }
}

/// The text of a document by its path in the report: loaded items from memory, other files
/// (left out, campaign.yaml) from disk.
fn texts(site: &Site) -> impl Fn(&str) -> Option<String> + '_ {
    let loaded: std::collections::HashMap<String, &str> = site
        .items
        .iter()
        .map(|i| (i.path(), i.text.as_str()))
        .collect();
    move |path| {
        loaded
            .get(path)
            .map(|t| t.to_string())
            .or_else(|| super::check::source(site, path))
    }
}

fn suppressed(list: &[Located]) {
    if list.is_empty() {
        return;
    }
    crate::ewriteln!(
        "已按 gwlint 注释或 front matter 忽略 {} 处检查：",
        list.len()
    );
    for l in list {
        crate::ewriteln!(
            "  {}:{}:{} {}",
            l.diag.path,
            l.diag.line,
            l.diag.col,
            l.diag.lint
        );
    }
}
