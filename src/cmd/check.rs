//! `xuanguan check`: load the site, run the lints and the consistency checks, print the report.

use std::io::Write;

use crate::check::{self, Failed, LintOptions, Located, report};
use crate::cli::{CheckArgs, Format};
use crate::content::{self, LoadOptions};
use crate::diag::UserErrors;

pub fn run(args: &CheckArgs) -> anyhow::Result<()> {
    // Drafts are checked too: that is when proofreading matters.
    let opts = LoadOptions {
        drafts: true,
        today: super::today(None)?,
    };
    let findings: Vec<Located> = match content::load(&args.dir, &opts) {
        Ok(site) => {
            let mut findings = check::site::check_site(&site, &LintOptions::default()).findings;
            // LED fit and encoding problems come from the LED renderer itself. "No slogan on
            // this screen today" depends on the date, not on the text: `build` reports it.
            let led = crate::render::led::site::build(&site, crate::render::led::now_cst());
            findings.extend(
                led.diagnostics
                    .into_iter()
                    .filter(|d| d.lint != "led-empty")
                    .map(|diag| Located { diag, len: 1 }),
            );
            let wechat = crate::render::wechat::diagnostics(&site);
            findings.extend(wechat.into_iter().map(|diag| Located { diag, len: 1 }));
            findings
        }
        Err(e) => match e.downcast::<UserErrors>() {
            // Front-matter and other load errors are reported like findings.
            Ok(UserErrors(diags)) => diags
                .into_iter()
                .map(|diag| Located { diag, len: 1 })
                .collect(),
            Err(e) => return Err(e),
        },
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let diags: Vec<_> = findings.iter().map(|l| l.diag.clone()).collect();
            writeln!(out, "{}", report::json(&diags))?;
        }
        Format::Text => {
            let root = args.dir.clone();
            let text = report::human(&findings, |p| {
                std::fs::read_to_string(root.join(p))
                    .ok()
                    .map(|t| t.replace("\r\n", "\n"))
            });
            write!(out, "{text}")?;
        }
    }
    out.flush()?;
    if findings.iter().any(|l| l.diag.is_error()) {
        return Err(Failed(String::new()).into());
    }
    Ok(())
}
