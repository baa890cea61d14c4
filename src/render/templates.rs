//! The theme's template engine (tera 2, autoescaped) and what every template gets.

use std::fmt;

use tera::{Context, Tera};

use super::context::Refs;
use crate::theme::Theme;

/// Builds the template engine from the theme (default files overridden by the site's).
pub fn engine(theme: &Theme) -> anyhow::Result<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    tera.add_raw_templates(theme.templates())
        .map_err(|e| TemplateError::new(&e, None).with_source(theme))?;
    Ok(tera)
}

/// A context with what every page has: `site`, `root` (relative path to the output root).
pub fn base_context(refs: &Refs, root: &str) -> Context {
    let mut ctx = Context::new();
    ctx.insert_value("site", refs.site_value.clone());
    ctx.insert("root", root);
    ctx
}

/// Renders `template` for output path `rel`, naming both in errors.
pub fn render(tera: &Tera, template: &str, ctx: &Context, rel: &str) -> anyhow::Result<String> {
    tera.render(template, ctx)
        .map_err(|e| template_error(&e, template, rel))
}

/// [`render`] as bytes, for a page written as it is: no UTF-8 check of what the engine wrote
/// (a tenth of the time of rendering an item page).
pub fn render_bytes(
    tera: &Tera,
    template: &str,
    ctx: &Context,
    rel: &str,
) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    tera.render_to(template, ctx, &mut out)
        .map_err(|e| template_error(&e, template, rel))?;
    Ok(out)
}

fn template_error(e: &tera::Error, template: &str, rel: &str) -> anyhow::Error {
    let mut err = TemplateError::new(e, Some(rel));
    if err.template.is_empty() {
        err.template = template.to_string();
    }
    err.into()
}

/// A theme template error in Chinese: the template, the line and column *as written* (when
/// the engine ran on the theme as written, see `cmd::build`), what is wrong, and the
/// template engine's own words only as a quoted detail.
#[derive(Debug, Clone)]
pub struct TemplateError {
    /// Template name relative to `templates/` (`list.html`).
    pub template: String,
    /// The page being generated, for errors while rendering.
    pub page: Option<String>,
    /// 1-based line and column in the template (0 when unknown).
    pub line: usize,
    pub col: usize,
    /// The engine's message (English).
    pub detail: String,
    /// The template line, when the theme was at hand.
    pub excerpt: Option<String>,
}

impl TemplateError {
    fn new(e: &tera::Error, page: Option<&str>) -> TemplateError {
        let (template, line, col, detail) = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => (
                r.filename().to_string(),
                r.span().start_line,
                r.span().start_col + 1,
                r.message().to_string(),
            ),
            // Some checks (unknown filters, functions, tests) come as a report in a message.
            other => from_report(&other.to_string()),
        };
        TemplateError {
            template,
            page: page.map(str::to_string),
            line,
            col,
            detail,
            excerpt: None,
        }
    }

    /// Adds the template line the error points at, from `theme`.
    pub fn with_source(mut self, theme: &Theme) -> TemplateError {
        let text = theme
            .templates()
            .find(|(n, _)| *n == self.template)
            .map(|(_, t)| t);
        if let Some(text) = text
            && self.line > 0
        {
            self.excerpt = text.lines().nth(self.line - 1).map(|l| {
                let l = l.trim_end();
                if l.chars().count() > 120 {
                    format!("{}…", l.chars().take(120).collect::<String>())
                } else {
                    l.to_string()
                }
            });
        }
        self
    }

    /// How to fix it.
    pub fn hint(&self) -> &'static str {
        "改正站点 themes 文件夹中的这个模板，或删去它以使用默认主题的同名模板。"
    }

    /// What is wrong, in Chinese, from the engine's message.
    fn reason(&self) -> String {
        let d = self.detail.as_str();
        let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
        if d.starts_with("Unknown tag") {
            "不认识这个 {% … %} 标签，或它没有配对（例如 {% endfor %} 前面没有 {% for %}，{% endif %} 前面没有 {% if %}）".into()
        } else if d.starts_with("Unknown filter") {
            format!("没有名为“{}”的过滤器（| 后面的名字）", quoted(d))
        } else if d.starts_with("Unknown function") {
            format!("没有名为“{}”的函数", quoted(d))
        } else if d.starts_with("Unknown test") {
            format!("没有名为“{}”的判断（is 后面的名字）", quoted(d))
        } else if d.starts_with("Variable") && d.contains("not defined") {
            let vars = d
                .split("Available variables: ")
                .nth(1)
                .map(|v| format!("；这里可用的变量：{}", v.replace(", ", "、")))
                .unwrap_or_default();
            format!("变量“{}”不存在{vars}", quoted(d))
        } else if d.starts_with("Field") {
            let fields = d
                .split("Available fields: ")
                .nth(1)
                .map(|v| format!("；可用的字段：{}", v.replace(", ", "、")))
                .unwrap_or_default();
            format!("没有“{}”这个字段{fields}", quoted(d))
        } else if d.contains("end of input") {
            "模板在标签结束前就结束了（{{ }} 或 {% %} 没有写完）".into()
        } else if d.starts_with("Template '") && d.contains("not found") {
            "引用的模板不存在".into()
        } else if d.contains("inheriting from") {
            "extends 的模板不存在".into()
        } else {
            "模板有误".into()
        }
    }
}

/// (template, line, column, message) from tera's report text: `error: MESSAGE` then
/// ` --> NAME:LINE:COL`.
fn from_report(text: &str) -> (String, usize, usize, String) {
    let message = text
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("error: ")
        .to_string();
    let at = text
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .and_then(|at| {
            let mut parts = at.trim().rsplitn(3, ':');
            let col = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            Some((parts.next()?.to_string(), line, col))
        });
    match at {
        Some((name, line, col)) => (name, line, col, message),
        None => (String::new(), 0, 0, message),
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.page {
            Some(p) => write!(f, "生成 {p} 时，主题模板 ")?,
            None => write!(f, "主题模板 ")?,
        }
        write!(f, "{}", self.template)?;
        if self.line > 0 {
            write!(f, " 第 {} 行第 {} 列", self.line, self.col)?;
        }
        // The lists of what is available are given in Chinese already.
        let first = self.detail.lines().next().unwrap_or("");
        let first = first.split(". Available").next().unwrap_or(first);
        let detail: String = first.chars().take(200).collect();
        write!(f, "：{}（模板引擎信息：“{detail}”）", self.reason())?;
        if let Some(x) = &self.excerpt {
            write!(f, "\n   {} | {x}", self.line)?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {}
