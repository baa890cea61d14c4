//! The one place that configures markdown. Every stage (HTML, check, LED, WeChat) parses
//! markdown with these options.

use pulldown_cmark::Options;

/// The pulldown-cmark options every parser in the project uses.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}
