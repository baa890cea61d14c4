//! End-to-end tests: the real binary on fixture sites. See tests/README.md.

mod harness;
mod html;

mod browser;
mod build;
mod check;
mod import;
mod import_seeds;
mod led;
mod links;
mod new;
mod print;
mod serve;
mod serve_fresh;
mod wechat;
mod wechat_copy;
