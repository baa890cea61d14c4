//! Runs the real `xuanguan` binary on a copy of a fixture site in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A site in a temporary folder (removed on drop).
pub struct Site {
    pub dir: tempfile::TempDir,
}

/// The result of one run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
    #[track_caller]
    pub fn fails(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Site {
    pub fn empty() -> Site {
        Site {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// A copy of `tests/fixtures/sites/<name>`.
    pub fn fixture(name: &str) -> Site {
        let s = Site::empty();
        copy_dir(
            &Path::new(ROOT).join("tests/fixtures/sites").join(name),
            s.path(),
        );
        s
    }

    /// A copy of the repository's own example campaign (`content/`).
    pub fn example() -> Site {
        let s = Site::empty();
        copy_dir(&Path::new(ROOT).join("content"), &s.path().join("content"));
        s
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str) -> PathBuf {
        self.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        self.write_bytes(rel, text.as_bytes());
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) {
        let p = self.file(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }

    #[track_caller]
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.file(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// A page of the public website a build wrote (`rel` inside the public folder of the
    /// output; staff materials are read with [`read`](Site::read) from `output/print/…`,
    /// `output/wechat/…`, `output/led/…`).
    #[track_caller]
    pub fn public(&self, rel: &str) -> String {
        self.read(&format!("output/site/{rel}"))
    }

    /// Runs `xuanguan ARGS` with the site folder as the working directory.
    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }

    /// Runs `xuanguan ARGS`, which must fail (exit 1) naming `at` (`path:line:col`) and saying
    /// `words`, and leave `output/` exactly as it was (absent stays absent).
    #[track_caller]
    pub fn refuses(&self, args: &[&str], at: &str, words: &str) -> Run {
        let out = self.file("output");
        let before = out.exists().then(|| snapshot(&out));
        let r = self.run(args).fails(1);
        assert!(r.stderr.contains(at), "expected {at} in\n{}", r.stderr);
        assert!(
            r.stderr.contains(words),
            "expected “{words}” in\n{}",
            r.stderr
        );
        match before {
            Some(b) => assert!(snapshot(&out) == b, "{at}: output changed"),
            None => assert!(!out.exists(), "a refused build wrote output/"),
        }
        r
    }
}

pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_xuanguan"));
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("XUANGUAN_") {
            c.env_remove(k);
        }
    }
    c
}

pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run xuanguan");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// Every file under `dir`, relative, sorted, with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                ));
            }
        }
    }
    out.sort();
    out
}
