//! Command-line interface (clap derive). Help texts are the user documentation of each flag.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// 宣贯：把一个文件夹的 Markdown 生成为专项行动宣传网站、LED 屏文字、公众号文章和打印件。
#[derive(Debug, Parser)]
#[command(name = "xuanguan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 生成整个站点（网页、LED 屏文字、公众号导出、打印页）
    Build(BuildArgs),
    /// 把收到的公文（纯文本 UTF-8/GBK/GB18030，或 .docx）导入为站点的内容文件
    Import(ImportArgs),
}

/// Flags of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 要导入的文件（.txt 纯文本或 .docx），可写多个
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// 导入到哪个站点文件夹（其中的 content/），默认为当前文件夹
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub into: PathBuf,
    /// 覆盖已存在的同名内容文件（默认不覆盖，只报告）
    #[arg(long)]
    pub force: bool,
}

/// Flags of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// 站点文件夹（含 content/），默认为当前文件夹
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// 输出文件夹，默认为 站点文件夹/output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// 同时发布草稿（draft: true）
    #[arg(long)]
    pub drafts: bool,
    /// 按这一天生成（当前阶段、标语有效期），格式 2026-04-06；默认今天
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// 把校对警告当作错误（有警告就不生成）
    #[arg(long)]
    pub strict: bool,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
