//! Command-line interface (clap derive). Help texts are the user documentation of each flag.

use std::path::PathBuf;

use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};

/// 宣贯：把一个文件夹的 Markdown 生成为专项行动宣传网站、LED 屏文字、公众号文章和打印件。
#[derive(Debug, Parser)]
#[command(name = "xuanguan", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 生成整个站点（网页、公文页面、LED 屏文字、公众号文章、站内搜索、工作进展），并做校对检查
    Build(BuildArgs),
    /// 把收到的公文（纯文本 UTF-8/GBK/GB18030、.docx，或从政府网站复制、保存的网页）导入为站点的内容文件
    Import(ImportArgs),
    /// 输出一块 LED 屏的播放内容（JSON 或导入控制卡软件用的 TXT）
    Led(LedArgs),
    /// 本地预览：在内存中生成并提供网页，保存文件后自动更新并刷新浏览器
    Serve(ServeArgs),
    /// 新建一个专项行动站点（四个宣传阶段、每类内容一个示例、给工作人员的说明）
    New(NewArgs),
    /// 校对检查：错别字、标点、文号、日期、序号、链接和图片、公众号字数限制（全部规则见 check --rules）；有错误时退出码为 1
    Check(CheckArgs),
    /// 导出一篇文章到公众号：正文 HTML（行内样式，可直接粘贴）、标题作者摘要和带“复制正文”按钮的预览页
    Wechat(WechatArgs),
}

/// Flags of `wechat`.
#[derive(Debug, Args)]
pub struct WechatArgs {
    /// 要导出的文章（站点 content/ 下的 .md 文件）
    #[arg(value_name = "文件")]
    pub file: PathBuf,
    /// 导出到这个文件夹，默认为当前文件夹下的“网址名-公众号”
    #[arg(short, long, value_name = "目录")]
    pub output: Option<PathBuf>,
}

/// Flags of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// 要导入的文件（.txt 纯文本、.docx，或从政府网站保存的网页 .html/.htm），可写多个
    #[arg(required = true, value_name = "文件")]
    pub files: Vec<PathBuf>,
    /// 导入到哪个站点文件夹（其中的 content/），默认为当前文件夹
    #[arg(
        long,
        value_name = "目录",
        default_value = ".",
        hide_default_value = true
    )]
    pub into: PathBuf,
    /// 覆盖已存在的同名内容文件（默认不覆盖，只报告）
    #[arg(long)]
    pub force: bool,
    /// 新建 content/campaign.yaml 时写入的主办机关（org），如“外山乡人民政府”；不写时取文件的发文机关
    #[arg(long, value_name = "机关")]
    pub org: Option<String>,
}

/// Flags of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// 站点文件夹（含 content/），默认为当前文件夹
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// 端口
    #[arg(short, long, default_value_t = 1111)]
    pub port: u16,
    /// 监听的地址；默认只允许本机访问。要让同一局域网的手机查看，可用 0.0.0.0
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// 定时检查文件变化（网络盘、共享文件夹、WSL 中保存后页面不更新时使用）
    #[arg(long)]
    pub poll: bool,
    /// 同时预览草稿（draft: true）
    #[arg(long)]
    pub drafts: bool,
    /// 按这一天预览（当前阶段、标语有效期），格式 2026-04-06；默认今天
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// Flags of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// 新站点的文件夹（不存在或为空）
    pub dir: PathBuf,
}

/// Flags of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 站点文件夹（含 content/），默认为当前文件夹
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// 输出格式：text（给人看，按文件分组并标出位置）或 json（给程序用）
    #[arg(long, value_enum, default_value = "text", value_name = "格式")]
    pub format: Format,
    /// 列出全部校对规则（编号、级别、查什么）
    #[arg(long)]
    pub rules: bool,
    /// 查看一条校对规则的说明和例子，如 --explain repeated-word
    #[arg(long, value_name = "编号")]
    pub explain: Option<String>,
    /// 自动改正有把握的问题（中文里的半角标点和括号、文号的〔〕、重复的标点、日期的前导0和空格）：先列出每一处改动，确认后才写入文件
    #[arg(long)]
    pub fix: bool,
    /// 与 --fix 一起用：不询问，直接写入（用于脚本）
    #[arg(long, requires = "fix")]
    pub yes: bool,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
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
    /// 同时用本机的 Chromium、Chrome 或 Edge 把公文和逐户套打的信函打印成 PDF（output/print/*.pdf）
    #[arg(long)]
    pub pdf: bool,
}

/// Flags of `led`.
#[derive(Debug, Args)]
pub struct LedArgs {
    /// 站点文件夹（含 content/），默认为当前文件夹
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// 屏幕编号（campaign.yaml 中 led.screens 的 id），默认为第一块屏
    #[arg(long, value_name = "ID")]
    pub screen: Option<String>,
    /// 按这一天筛选有效标语，格式 2026-04-06；默认今天
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// 输出格式：json（UTF-8）或 txt（屏幕配置的编码，默认 GBK，CRLF 换行）
    #[arg(long, value_enum, default_value = "json")]
    pub format: LedFormat,
    /// 写入这个文件，而不是输出到屏幕
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// 允许覆盖一个不是 xuanguan 写出的 LED 文件（默认拒绝，以免误覆盖你的文件）
    #[arg(long)]
    pub force: bool,
}

/// Output format of `led`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LedFormat {
    Json,
    Txt,
}

const HELP: &str = "{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

/// Parses the command line with Chinese help for every subcommand (one place, so new
/// subcommands are covered without repeating attributes). `--help` and `--version` print and
/// exit 0 as clap does; a usage error is explained in Chinese (see [`explain`]) and gives the
/// exit code 2 to return.
pub fn parse() -> Result<Cli, std::process::ExitCode> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    parse_from(&args).map_err(|e| {
        use clap::error::ErrorKind as K;
        if matches!(
            e.kind(),
            K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
        ) {
            e.exit();
        }
        crate::ewriteln!("{}", explain(&e, &args));
        std::process::ExitCode::from(2)
    })
}

/// Parses `args` (the program name first).
pub fn parse_from(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    let matches = localize(Cli::command(), true).try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// A usage error in Chinese: what is wrong with which argument, what is allowed, the usage
/// line and where to read more (`xuanguan 命令 --help`).
pub fn explain(e: &clap::Error, args: &[std::ffi::OsString]) -> String {
    use clap::error::{ContextKind as C, ContextValue as V, ErrorKind as K};
    let top = localize(Cli::command(), true);
    // The subcommand the user asked for, if any (the first word naming one).
    let sub = args
        .iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .filter_map(|a| a.to_str())
        .find_map(|a| top.get_subcommands().find(|c| c.get_name() == a));
    let name = sub.map_or("xuanguan".to_string(), |c| {
        format!("xuanguan {}", c.get_name())
    });
    let text = |k: C| match e.get(k) {
        Some(V::String(s)) => s.clone(),
        Some(V::Strings(v)) => v.join(" "),
        Some(V::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let list = |k: C| match e.get(k) {
        Some(V::Strings(v)) => v.clone(),
        Some(V::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    // `--port <PORT>` → `--port`; positionals keep their `<名称>`.
    let arg = {
        let a = text(C::InvalidArg);
        match a.split_once(' ') {
            Some((flag, _)) if flag.starts_with('-') => flag.to_string(),
            _ => a,
        }
    };
    let value = text(C::InvalidValue);
    let mut hints: Vec<String> = Vec::new();
    let message = match e.kind() {
        K::InvalidSubcommand => {
            let cmd = text(C::InvalidSubcommand);
            if let Some(s) = list(C::SuggestedSubcommand).first() {
                hints.push(format!("你是不是要用 xuanguan {s}？"));
            }
            let names: Vec<&str> = top.get_subcommands().map(|c| c.get_name()).collect();
            hints.push(format!("可用的命令：{}。", names.join("、")));
            format!("没有“{cmd}”这个命令")
        }
        K::UnknownArgument if arg.starts_with('-') => {
            if let Some(s) = list(C::SuggestedArg).first() {
                hints.push(format!("你是不是要用 {s}？"));
            }
            hints.push(format!(
                "可用的选项：{}。",
                options(sub.unwrap_or(&top)).join("、")
            ));
            // clap's tip "to pass '--x' as a value, use '-- --x'".
            if e.render().to_string().contains("as a value") {
                hints.push(format!(
                    "如果“{arg}”是文件或文件夹的名字，请在它前面加上 -- ，如：{name} -- {arg}"
                ));
            }
            format!("不认识的选项“{arg}”")
        }
        K::UnknownArgument => {
            hints.push(
                "文件或文件夹的名字中有空格时，请用英文引号把整个名字括起来，如 \"我的 站点\"。"
                    .into(),
            );
            format!("多余的参数“{arg}”")
        }
        K::InvalidValue => {
            let valid = list(C::ValidValue);
            let allowed = if valid.is_empty() {
                String::new()
            } else {
                format!("，可用的值：{}", valid.join("、"))
            };
            if value.is_empty() {
                format!("{arg} 后面缺少值{allowed}")
            } else {
                format!("{arg} 的值不能是“{value}”{allowed}")
            }
        }
        K::ValueValidation => {
            let why = match arg.as_str() {
                "--port" | "-p" => "端口应为 0 到 65535 之间的整数，如 --port 8080".to_string(),
                "--bind" => "应为一个 IP 地址，如 127.0.0.1（只允许本机访问）或 0.0.0.0（同一局域网的手机也能访问）".to_string(),
                _ => match std::error::Error::source(e) {
                    Some(s) => format!("详情：“{s}”"),
                    None => String::new(),
                },
            };
            if why.is_empty() {
                format!("{arg} 的值不能是“{value}”")
            } else {
                format!("{arg} 的值不能是“{value}”：{why}")
            }
        }
        K::MissingRequiredArgument => {
            let missing: Vec<String> = list(C::InvalidArg)
                .iter()
                .map(|a| a.trim_end_matches("...").to_string())
                .collect();
            let missing = missing.join("、");
            match sub.map(|c| c.get_name()) {
                Some("import") => {
                    hints.push("写上要导入的文件，如 xuanguan import 通知.docx。".into())
                }
                Some("new") => {
                    hints.push("写上新站点的文件夹名，如 xuanguan new 安全生产月。".into())
                }
                Some("wechat") => {
                    hints.push("写上要导出的文章，如 xuanguan wechat content/news/文章.md。".into())
                }
                _ => {}
            }
            format!("缺少参数 {missing}")
        }
        K::MissingSubcommand => "缺少命令".to_string(),
        K::NoEquals => format!("{arg} 的值要用等号连接，如 {arg}=值"),
        K::TooManyValues => format!("{arg} 的值太多：“{value}”是多余的"),
        K::TooFewValues | K::WrongNumberOfValues => format!("{arg} 的值的个数不对"),
        K::ArgumentConflict => {
            format!("{arg} 不能和 {} 同时使用", list(C::PriorArg).join("、"))
        }
        K::InvalidUtf8 => "参数中有无法识别的字符（不是 UTF-8 编码）".to_string(),
        _ => "命令行参数有误".to_string(),
    };
    let mut out = format!("错误：{message}。");
    for h in &hints {
        out.push_str(&format!("\n    修改建议：{h}"));
    }
    if e.get(C::Usage).is_some() {
        let mut top = top.clone();
        top.build();
        let cmd = match sub.map(|c| c.get_name()) {
            Some(s) => top
                .find_subcommand_mut(s)
                .expect("a subcommand of the command"),
            None => &mut top,
        };
        let usage = cmd.render_usage().to_string();
        let usage = usage.trim().trim_start_matches("Usage:").trim();
        out.push_str(&format!(
            "\n\n用法：{}",
            usage.replace("[OPTIONS]", "[选项]")
        ));
    }
    out.push_str(&format!("\n\n更多信息请运行：{name} --help"));
    out
}

/// The options of a command as written on the command line (`-o/--output`, `--drafts`, …).
fn options(cmd: &clap::Command) -> Vec<String> {
    cmd.get_arguments()
        .filter(|a| !a.is_positional() && !a.is_hide_set())
        .map(|a| match (a.get_short(), a.get_long()) {
            (Some(s), Some(l)) => format!("-{s}/--{l}"),
            (None, Some(l)) => format!("--{l}"),
            (Some(s), None) => format!("-{s}"),
            (None, None) => a.get_id().to_string(),
        })
        .collect()
}

fn localize(cmd: clap::Command, top: bool) -> clap::Command {
    let mut cmd = cmd
        .help_template(HELP)
        .subcommand_help_heading("命令")
        .subcommand_value_name("命令")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .mut_args(|a| {
            if a.is_positional() {
                a.help_heading("参数")
            } else {
                a.help_heading("选项")
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("显示帮助")
                .help_heading("选项"),
        );
    if top {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("显示版本")
                .help_heading("选项"),
        );
    }
    // clap writes "[OPTIONS]" into the usage line of `--help`: the line is written here.
    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    let usage = usage.replace("[OPTIONS]", "[选项]");
    let usage = if top {
        usage
    } else {
        format!("xuanguan {usage}")
    };
    cmd.override_usage(usage)
        .mut_subcommands(|c| localize(c, false))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
        super::localize(super::Cli::command(), true).debug_assert();
    }

    #[test]
    fn help_is_chinese() {
        let mut cmd = super::localize(super::Cli::command(), true);
        let help = cmd.render_help().to_string();
        assert!(
            help.contains("用法：") && help.contains("命令") && help.contains("显示帮助"),
            "{help}"
        );
        let build = cmd
            .find_subcommand_mut("build")
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            build.contains("选项") && build.contains("--today") && !build.contains("Print help"),
            "{build}"
        );
        // No English in any command's usage line.
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect();
        for name in names {
            let help = cmd
                .find_subcommand_mut(&name)
                .unwrap()
                .render_help()
                .to_string();
            assert!(
                !help.contains("OPTIONS")
                    && !help.contains("Usage")
                    && help.contains(&format!("用法：xuanguan {name}")),
                "{help}"
            );
        }
        let help = cmd.render_help().to_string();
        assert!(
            !help.contains("OPTIONS") && !help.contains("Usage"),
            "{help}"
        );
    }
}
