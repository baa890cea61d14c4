//! Fenced code highlighting with syntect. The syntax and theme sets are loaded on first use
//! only (campaign content rarely has code) and then shared by every page and every rebuild.
//!
//! Complexity: syntect highlights line by line, each line through the grammar's regular
//! expressions (a backtracking engine, so the cost per line depends on the grammar, not only on
//! its length); the sets are loaded once per process. Only fenced code with a known language
//! reaches it.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::highlighted_html_for_string;
use syntect::parsing::SyntaxSet;

struct Assets {
    syntaxes: SyntaxSet,
    themes: ThemeSet,
}

fn assets() -> &'static Assets {
    static ASSETS: OnceLock<Assets> = OnceLock::new();
    ASSETS.get_or_init(|| Assets {
        syntaxes: SyntaxSet::load_defaults_newlines(),
        themes: ThemeSet::load_defaults(),
    })
}

/// Highlighted `<pre>` for `code` in language `lang`, or `None` when the language is unknown.
pub fn highlight(code: &str, lang: &str) -> Option<String> {
    let lang = lang.split([' ', ',']).next().unwrap_or("").trim();
    if lang.is_empty() {
        return None;
    }
    let a = assets();
    let syntax = a.syntaxes.find_syntax_by_token(lang)?;
    let theme = a.themes.themes.get("InspiredGitHub")?;
    highlighted_html_for_string(code, &a.syntaxes, syntax, theme).ok()
}
