//! `xuanguan serve`: glue between the flags and [`crate::serve`].

use crate::cli::ServeArgs;
use crate::content::LoadOptions;
use crate::serve::{self, Options};

pub fn run(args: &ServeArgs) -> anyhow::Result<()> {
    let opts = Options {
        bind: args.bind,
        port: args.port,
        poll: args.poll,
        load: LoadOptions {
            drafts: args.drafts,
            today: super::today(args.today.as_deref())?,
        },
    };
    serve::run(&args.dir, opts)
}
