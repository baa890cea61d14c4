//! Glue between the command line and the pipeline: one `run` per subcommand.

pub mod build;
pub mod check;
pub mod fix;
pub mod import;
pub mod led;
pub mod new;
pub mod pdf;
pub mod serve;
pub mod wechat;

use anyhow::bail;
use chrono::NaiveDate;

/// `--today` or today in UTC+8.
pub fn today(arg: Option<&str>) -> anyhow::Result<NaiveDate> {
    match arg {
        None => Ok(crate::render::led::today()),
        Some(s) => match crate::content::date::parse(s) {
            Ok(d) => Ok(d),
            Err(m) => bail!("--today：{m}。{}", crate::content::date::HINT),
        },
    }
}
