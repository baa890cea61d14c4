//! xuanguan (宣贯): a static-site generator for township safety-production campaigns.
//!
//! The pipeline is visible in the module tree: [`content`] loads a site folder into a
//! [`content::Site`], [`render`] turns it into pages, LED feeds, WeChat exports and print pages,
//! and [`output`] writes them in one place. [`cmd`] holds one `run` per subcommand.

pub mod check;
pub mod cli;
pub mod cmd;
pub mod content;
pub mod diag;
#[doc(hidden)]
pub mod fuzz;
pub mod gongwen;
pub mod import;
pub mod markdown;
pub mod output;
pub mod render;
pub mod serve;
pub mod theme;
pub mod timing;
pub mod yaml;
