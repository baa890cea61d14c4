//! Entry points of the fuzz targets (see `fuzz/README.md`).
//!
//! Each function takes arbitrary bytes, runs one stage of the pipeline on them the way a build
//! does, and panics when an invariant of that stage breaks. The cargo-fuzz crate in `fuzz/`
//! calls them under libFuzzer; `tests/cli/fuzz.rs` runs them on the seed corpus, every saved
//! regression and a few thousand deterministic mutations, so `cargo test` exercises each
//! target briefly without nightly.

mod html;
mod site;

pub use site::site;

use crate::check::{LintOptions, lint_text};
use crate::content::{campaign, decode as load_decode, frontmatter, roster as table};
use crate::diag::Diagnostic;
use crate::import::{Report, clean, decode, docx, recognize, write};
use crate::markdown::{self, NoLinks};
use crate::render::led::{Lexicon, split};

/// One fuzz target: arbitrary bytes in, a panic when an invariant breaks.
pub type Target = fn(&[u8]);

/// The targets by name, as `fuzz/fuzz_targets/<name>.rs` and `fuzz/seeds/<name>/` name them.
pub const TARGETS: &[(&str, Target)] = &[
    ("frontmatter", frontmatter),
    ("markdown", markdown),
    ("import", import),
    ("led_split", led_split),
    ("lint", lint),
    ("roster", roster),
    ("site", site),
    ("serve_request", serve_request),
];

/// Inputs longer than this are cut: the fuzzer looks for logic errors, not for slow big inputs
/// (those have their own tests in `tests/cli/limits.rs`).
const MAX_LEN: usize = 64 * 1024;

fn text(data: &[u8]) -> Option<String> {
    let data = &data[..data.len().min(MAX_LEN)];
    load_decode("content/news/fuzz.md", data).ok()
}

/// Every diagnostic points into the text it was reported for (line 0 = the whole file).
fn located(diags: &[Diagnostic], text: &str) {
    let lines = text.split('\n').count();
    for d in diags {
        assert!(
            d.line <= lines,
            "diagnostic line {} past the end ({lines} lines): {}",
            d.line,
            d.message
        );
    }
}

/// Front matter and `campaign.yaml`: split, parse, convert; every error located in the file.
pub fn frontmatter(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let mut diags = Vec::new();
    if let Ok(split) = frontmatter::split(&text) {
        assert!(split.body_start <= text.len());
        assert!(text.is_char_boundary(split.body_start));
        frontmatter::parse("content/news/fuzz.md", &split, &mut diags);
    }
    located(&diags, &text);
    let mut diags = Vec::new();
    let c = campaign::parse(&text, &mut diags);
    located(&diags, &text);
    for p in &c.phases {
        let _ = c.phase_index(&p.id);
    }
}

/// The markdown pipeline with its CJK passes: the HTML it produces never carries script.
pub fn markdown(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let r = markdown::render(&text, &NoLinks);
    if let Err(e) = html::safe(&r.html) {
        panic!("unsafe HTML from markdown: {e}\n{}", r.html);
    }
    let _ = markdown::events(&text);
}

/// The importer: any bytes (any encoding) → cleaned lines → recognised document → content
/// files whose front matter the loader accepts. Input starting with `<` also goes through the
/// `.docx` XML reader.
pub fn import(data: &[u8]) {
    let data = &data[..data.len().min(MAX_LEN)];
    let mut rep = Report::new("fuzz.txt");
    let decoded = decode::decode(data);
    if decoded.text.starts_with('<') {
        let _ = docx::document_text(&decoded.text, "", "");
        let _ = crate::import::web::html::page_text(&decoded.text);
    }
    let lines = clean::clean(&decoded.text, &mut rep);
    let (lines, meta) = crate::import::web::tidy(lines, &mut rep);
    let lines = crate::import::runon::split(lines, &mut rep);
    let mut doc = recognize::recognize(lines, &mut rep);
    crate::import::web::apply::apply(&mut doc, &meta, &mut rep);
    let slugs = write::slugs(&doc, &mut Default::default());
    for slug in &slugs {
        assert!(
            crate::content::slug::is_valid(slug),
            "import made an invalid slug {slug:?}"
        );
    }
    let texts = write::texts(&doc, &slugs, &mut rep).expect("front matter serializes");
    for t in texts {
        let split = frontmatter::split(&t).expect("import closes its front matter");
        let mut diags = Vec::new();
        let fm = frontmatter::parse("content/notices/imported.md", &split, &mut diags);
        assert!(
            fm.is_some() && diags.iter().all(|d| !d.is_error()),
            "the loader rejects a file import wrote: {:?}\n{t}",
            diags.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }
}

/// The LED splitter: the first two bytes choose the screen (columns, rows, scrolling); the
/// slides hold every character of the slogan, in order, and no more than `rows` lines each.
pub fn led_split(data: &[u8]) {
    let [a, b, rest @ ..] = data else { return };
    let Ok(raw) = std::str::from_utf8(&rest[..rest.len().min(4096)]) else {
        return;
    };
    let cols = u32::from(*a % 40) + 1;
    let rows = u32::from(*b % 4) + 1;
    let scroll = *b >= 128;
    let text = split::normalize(raw);
    let slides = split::split_slogan(&text, cols, rows, scroll, Lexicon::builtin());
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let joined: String = slides.iter().flatten().map(|l| squeeze(l)).collect();
    assert_eq!(
        joined,
        squeeze(&text),
        "the splitter lost or added characters"
    );
    if !scroll {
        for s in &slides {
            assert!(s.len() <= rows as usize, "slide of {} lines", s.len());
        }
    }
}

/// The lint engine on a notice: never panics, every finding located in the file.
pub fn lint(data: &[u8]) {
    let Some(text) = text(data) else { return };
    let diags = lint_text("content/notices/fuzz.md", &text, &LintOptions::default());
    located(&diags, &text);
}

/// Roster parsing (CSV or YAML, chosen by the first byte) and mail merge: every row has one
/// cell per column, every problem is located in the file, and a merged cell is inserted once,
/// never read again as a placeholder.
pub fn roster(data: &[u8]) {
    let [kind, rest @ ..] = data else { return };
    let rest = &rest[..rest.len().min(MAX_LEN)];
    let path = if kind % 2 == 0 {
        "content/data/fuzz.csv"
    } else {
        "content/data/fuzz.yaml"
    };
    // Lines as the roster reader counts them: after decoding, where a lone CR ends a line.
    let lines = crate::gongwen::decode::decode(rest)
        .text
        .split('\n')
        .count();
    match table::parse(path, rest) {
        Ok(r) => {
            for row in &r.rows {
                assert!(row.line >= 1 && row.line <= lines, "row line {}", row.line);
                for c in &r.columns {
                    let _ = r.cell(row, c);
                }
            }
            let Some(row) = r.rows.first() else { return };
            let letter: String = r.columns.iter().map(|c| format!("{{{{{c}}}}}|")).collect();
            let merged = table::fill(&letter, |name| {
                r.column(name).map(|_| format!("[{}]", r.cell(row, name)))
            });
            let _ = table::placeholders(&merged);
        }
        Err(diags) => {
            assert!(!diags.is_empty(), "a refused roster says why");
            for d in &diags {
                assert!(
                    d.line <= lines + 1,
                    "line {} of {lines}: {}",
                    d.line,
                    d.message
                );
            }
        }
    }
}

/// The preview server's answer to a request: the first line is the `Host` header, the second
/// the method, the rest the request target. Only loopback names pass the host check of a
/// server bound to 127.0.0.1; a file answered is one of the build's, reached without `..`; a
/// redirect stays on this server and is a valid header value.
pub fn serve_request(data: &[u8]) {
    use crate::serve::http::{Route, allowed_host, route};
    let text = String::from_utf8_lossy(&data[..data.len().min(MAX_LEN)]);
    let mut parts = text.splitn(3, '\n');
    let host = parts.next().unwrap_or("");
    let method = parts.next().unwrap_or("");
    let url = parts.next().unwrap_or("/");
    let bound = std::net::SocketAddr::from(([127, 0, 0, 1], 8000));
    if allowed_host(host, bound) {
        assert!(
            host.trim()
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".:[]".contains(c)),
            "host {host:?} let through"
        );
    }
    const FILES: &[&str] = &[
        "site/index.html",
        "site/news/index.html",
        "site/news/a.html",
        "site/404.html",
        "print/index.html",
        "led/feed.json",
        "index.html",
    ];
    let get = method.starts_with('G') || method.starts_with('H');
    match route(get, url, |k| FILES.contains(&k)) {
        Route::File(key) => {
            assert!(FILES.contains(&key.as_str()), "served {key:?}");
            assert!(!key.split('/').any(|s| s == ".."), "served {key:?}");
        }
        Route::Redirect(to) => {
            assert!(
                to.starts_with('/') && !to.starts_with("//"),
                "redirect {to:?}"
            );
            assert!(to.bytes().all(|b| b.is_ascii_graphic()), "redirect {to:?}");
        }
        Route::Events | Route::Refused(..) | Route::NotFound => {}
    }
}
