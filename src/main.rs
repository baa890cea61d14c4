//! The `xuanguan` binary: parse the command line, dispatch, print errors, set the exit code
//! (0 success, 1 problems in the user's files, 2 usage or I/O error, 70 an internal error:
//! see `xuanguan::crash`).
//!
//! Everything is printed through [`xuanguan::ewriteln!`] and friends: a closed pipe stops the
//! printing, never the command, and never changes its exit status.

use std::process::ExitCode;

use mimalloc::MiMalloc;

use xuanguan::cli::Command;
use xuanguan::cmd;
use xuanguan::diag::{UserErrors, explain};
use xuanguan::ewriteln;

/// Many small strings and vectors are made and dropped on every worker thread while a site is
/// rendered; mimalloc's per-thread free lists do that with less time in the allocator than
/// glibc's malloc (measured in bench/README.md).
#[global_allocator]
static GLOBAL: MiMalloc = MiMalloc;

fn main() -> ExitCode {
    no_huge_pages();
    xuanguan::crash::install();
    xuanguan::crash::guard(run)
}

/// mimalloc asks the kernel for transparent huge pages, which the kernel zeroes 2 MiB at a
/// time as they are first touched: a full build of 10,000 pages spent a sixth of its CPU in
/// `clear_page_erms`. Without them the build takes 0.92× the wall time and 0.90× the CPU and
/// peaks 30 MiB lower (paired runs, bench/README.md).
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes one integer flag and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn run() -> ExitCode {
    let cli = match xuanguan::cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let result = match &cli.command {
        Command::Build(a) => cmd::build::run(a),
        Command::Led(a) => cmd::led::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::New(a) => cmd::new::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::Wechat(a) => cmd::wechat::run(a),
        Command::Import(a) => match cmd::import::run(a) {
            Ok(true) => return ExitCode::from(1),
            other => other.map(|_| ()),
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(f) = e.downcast_ref::<xuanguan::check::Failed>() {
                if !f.0.is_empty() {
                    ewriteln!("{}", f.0);
                }
                return ExitCode::from(1);
            }
            if let Some(u) = e.downcast_ref::<UserErrors>() {
                ewriteln!("{u}");
                return ExitCode::from(1);
            }
            if let Some(t) = e.downcast_ref::<xuanguan::render::TemplateError>() {
                ewriteln!("错误：{t}\n    修改建议：{}", t.hint());
                return ExitCode::from(2);
            }
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            for (i, line) in explain(&e).iter().enumerate() {
                if i == 0 {
                    ewriteln!("错误：{line}");
                } else {
                    ewriteln!("  原因：{line}");
                }
            }
            ExitCode::from(2)
        }
    }
}
