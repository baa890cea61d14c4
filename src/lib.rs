//! xuanguan (宣贯): a static-site generator for township safety-production campaigns.
//!
//! The pipeline is visible in the module tree (see ARCHITECTURE.md): [`content`] loads a site
//! folder into a [`content::Site`], [`check`] proofreads it, [`render`] runs every renderer of
//! [`render::RENDERERS`] over it (pages, print pages, LED feeds, WeChat exports…), and
//! [`output`] writes the files they emit, public or staff, in one place. All of them speak the
//! vocabulary of [`gongwen`]. [`cmd`] holds one `run` per subcommand.

pub mod check;
pub mod cli;
pub mod cmd;
pub mod content;
pub mod crash;
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
