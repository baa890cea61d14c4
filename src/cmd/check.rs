//! `xuanguan check`: load the site, run the lints and the consistency checks, print the report.
//! Every document that can be read is proofread, even when it or another file has errors.

use crate::check::{self, Failed, Located, report};
use crate::cli::{CheckArgs, Format};
use crate::content::{self, LoadOptions};
use crate::timing::stage;

pub fn run(args: &CheckArgs) -> anyhow::Result<()> {
    if args.rules {
        return crate::diag::write_stdout(check::rules::list().as_bytes(), "校对规则");
    }
    if args.fix {
        return super::fix::run(args);
    }
    if let Some(id) = &args.explain {
        return match check::rules::explain(id) {
            Ok(text) => crate::diag::write_stdout(text.as_bytes(), "规则说明"),
            Err(msg) => Err(Failed(msg).into()),
        };
    }
    // Drafts are checked too: that is when proofreading matters.
    let opts = LoadOptions {
        drafts: true,
        today: super::today(None)?,
    };
    let site = stage("load", || content::load_all(&args.dir, &opts))?;
    let (outcome, led) = rayon::join(
        || stage("proofreading", || check::site::proofread(&site)),
        || crate::render::led::site::build(&site, crate::render::led::now_cst(), None),
    );
    let mut findings = outcome.findings;
    // LED fit and encoding problems come from the LED renderer itself. "No slogan on this
    // screen today" depends on the date, not on the text: `build` reports it.
    let led = led
        .diagnostics
        .into_iter()
        .filter(|d| !report::BUILD_ONLY.contains(&d.lint));
    findings.extend(led.map(Located::of));
    let wechat = stage("wechat limits", || {
        crate::render::wechat::diagnostics(&site)
    });
    findings.extend(wechat.into_iter().map(Located::of));
    check::site::sort(&mut findings);
    let text = stage("report", || match args.format {
        Format::Json => report::json(&findings),
        Format::Text => report::human(&findings, |p| source(&site, p)).into_bytes(),
    });
    // A reader that stops early (`| head`) cuts the report, not the exit status.
    crate::diag::write_stdout(&text, "检查报告")?;
    if findings.iter().any(|l| l.diag.is_error()) {
        return Err(Failed(String::new()).into());
    }
    Ok(())
}

/// A file's text by its path relative to the site, for the report's source lines.
pub fn source(site: &content::Site, path: &str) -> Option<String> {
    std::fs::read_to_string(site.root.join(path))
        .ok()
        .map(|t| t.replace("\r\n", "\n"))
}
