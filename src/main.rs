//! The `xuanguan` binary: parse the command line, dispatch, print errors, set the exit code
//! (0 success, 1 problems in the user's files, 2 usage or I/O error, 70 an internal error:
//! see `xuanguan::crash`).

use std::process::ExitCode;

use xuanguan::cli::Command;
use xuanguan::cmd;
use xuanguan::diag::UserErrors;

fn main() -> ExitCode {
    xuanguan::crash::install();
    xuanguan::crash::guard(run)
}

fn run() -> ExitCode {
    let cli = xuanguan::cli::parse();
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
                    eprintln!("{}", f.0);
                }
                return ExitCode::from(1);
            }
            if let Some(u) = e.downcast_ref::<UserErrors>() {
                eprintln!("{u}");
                return ExitCode::from(1);
            }
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("错误：{e}");
            for cause in e.chain().skip(1) {
                eprintln!("  原因：{cause}");
            }
            ExitCode::from(2)
        }
    }
}
