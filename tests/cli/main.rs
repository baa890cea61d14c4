//! End-to-end tests: the real binary on fixture sites. See tests/README.md.

mod harness;
mod html;

mod browser;
mod browser_site;
mod build;
mod check;
mod dashboard;
mod faults;
mod fix;
mod fuzz;
mod hostile;
mod import;
mod import_kinds;
mod import_seeds;
mod import_web;
mod led;
mod limits;
mod links;
mod messages;
mod names;
mod new;
mod own_words;
mod paper;
mod paths;
mod print;
mod privacy;
mod security;
mod serve;
mod serve_fresh;
mod serve_pressure;
mod theme;
mod wechat;
mod wechat_copy;
