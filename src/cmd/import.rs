//! `xuanguan import`: prints the files written (main document first) on stdout, and what was
//! not recognised or was normalised on stderr, located in the imported file.

use crate::cli::ImportArgs;
use crate::diag::Severity;
use crate::import;

/// Returns `Ok(true)` when some file could not be written (exit code 1).
pub fn run(args: &ImportArgs) -> anyhow::Result<bool> {
    for f in &args.files {
        if !f.is_file() {
            anyhow::bail!("找不到要导入的文件 {}", f.display());
        }
    }
    let report = import::import_files(&args.files, &args.into, args.force, args.org.as_deref())?;
    for file in &report.files {
        out(&format!("{}（{}）：", file.source.display(), file.encoding))?;
        for path in &file.created {
            out(&format!("  {}", crate::diag::display_path(path)))?;
        }
        for d in &file.diagnostics {
            crate::ewriteln!("{d}");
        }
        let warnings = file
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        if warnings > 0 {
            crate::ewriteln!(
                "{}：{warnings} 处需要人工核对（见上面的“警告”）",
                file.source.display()
            );
        }
    }
    for line in &report.campaign {
        out(line)?;
    }
    out(&format!(
        "共导入 {} 个文件，生成 {} 个内容文件。",
        report.files.len(),
        report.created().count()
    ))?;
    if report.has_errors() {
        let n: usize = report.files.iter().map(|f| f.skipped.len()).sum();
        crate::ewriteln!("有 {n} 个文件已存在，未覆盖；确认要替换时加 --force 重新导入。");
    }
    Ok(report.has_errors())
}

/// One line of the report on standard output.
fn out(line: &str) -> anyhow::Result<()> {
    crate::diag::write_stdout(format!("{line}\n").as_bytes(), "导入结果")
}
