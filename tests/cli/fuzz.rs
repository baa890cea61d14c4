//! The fuzz targets of `fuzz/` run briefly under plain `cargo test` (no nightly): every seed
//! of `fuzz/seeds/<target>/`, every saved crash of `fuzz/regressions/<target>/`, and a fixed
//! number of deterministic mutations of the seeds. See fuzz/README.md for the long runs.

use std::path::{Path, PathBuf};

use xuanguan::fuzz::TARGETS;

/// Mutations per target in `cargo test`; `XUANGUAN_FUZZ_ITERS` raises it.
const ITERS: usize = 1000;

/// Words the mutator splices in: the syntax each stage cares about.
const TOKENS: &[&str] = &[
    "**",
    "*",
    "“",
    "”",
    "---\n",
    "\n",
    "\r\n",
    ": ",
    "：",
    "- ",
    "> ",
    "# ",
    "[",
    "](",
    ")",
    "`",
    "```",
    "{",
    "}",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "中",
    "。",
    "，",
    "〔",
    "〕",
    "号",
    "年",
    "月",
    "日",
    "\u{3000}",
    "\t",
    "\"",
    "'",
    "|",
    "\\",
    "&",
    "1.",
    "（一）",
    "附件：",
    "title: ",
    "标题: ",
    "date: ",
    "phases:\n  - ",
    "\u{FEFF}",
    "\u{200B}",
    "——",
    "……",
];

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The pasted and saved portal pages of the import fixture sets (not their `.expect` files):
/// seeds of the `import` target, read where they stand so the mutations reach the web rules.
fn web_fixtures() -> Vec<PathBuf> {
    let web = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/web");
    let mut v: Vec<PathBuf> = files(&web)
        .iter()
        .filter(|d| d.is_dir())
        .flat_map(|d| files(d))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    assert!(v.len() > 100, "web fixtures not found: {}", web.display());
    v.sort();
    v
}

fn fuzz_dir(kind: &str, target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(kind)
        .join(target)
}

/// xorshift64*: the same mutations on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as usize
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { self.next() % n }
    }
}

fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(5) {
            0 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            1 if at < v.len() => v[at] ^= 1 << rng.below(8),
            2 => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(v.len());
                let chunk = v[at..end].to_vec();
                v.splice(at..at, chunk);
            }
            _ => {
                let t = TOKENS[rng.below(TOKENS.len())].repeat(1 + rng.below(200));
                v.splice(at..at, t.bytes());
            }
        }
    }
    v
}

fn run(name: &str) {
    let (_, target) = TARGETS.iter().find(|(n, _)| *n == name).expect("target");
    let mut paths = files(&fuzz_dir("seeds", name));
    if name == "import" {
        paths.extend(web_fixtures());
    }
    let seeds: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).expect("seed"))
        .collect();
    assert!(!seeds.is_empty(), "no seeds for {name}");
    for s in &seeds {
        target(s);
    }
    for p in files(&fuzz_dir("regressions", name)) {
        target(&std::fs::read(&p).expect("regression"));
    }
    let iters = std::env::var("XUANGUAN_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(ITERS);
    // A whole site per input costs a build: fewer of them.
    let iters = if name == "site" { iters / 20 } else { iters };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ name.len() as u64);
    for _ in 0..iters {
        let s = &seeds[rng.below(seeds.len())];
        target(&mutate(s, &mut rng));
    }
}

#[test]
fn every_target_has_a_test_and_a_libfuzzer_binary() {
    let names: Vec<&str> = TARGETS.iter().map(|(n, _)| *n).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let here = std::fs::read_to_string(root.join("tests/cli/fuzz.rs")).expect("this file");
    let manifest = std::fs::read_to_string(root.join("fuzz/Cargo.toml")).expect("fuzz crate");
    for n in &names {
        let bin = root.join(format!("fuzz/fuzz_targets/{n}.rs"));
        assert!(bin.exists(), "missing {}", bin.display());
        assert!(
            manifest.contains(&format!("name = \"{n}\"")),
            "{n} not in fuzz/Cargo.toml"
        );
        assert!(
            here.contains(&format!("fn {n}()")),
            "no test for target {n}"
        );
    }
}

#[test]
fn frontmatter() {
    run("frontmatter");
}

#[test]
fn markdown() {
    run("markdown");
}

#[test]
fn import() {
    run("import");
}

#[test]
fn led_split() {
    run("led_split");
}

#[test]
fn lint() {
    run("lint");
}

#[test]
fn roster() {
    run("roster");
}

#[test]
fn site() {
    run("site");
}

#[test]
fn serve_request() {
    run("serve_request");
}
