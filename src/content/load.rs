//! Reads every file of a site in parallel, validates it, renders bodies once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::NaiveDate;
use rayon::prelude::*;

use super::{Campaign, FrontMatter, Item, Kind, Site, campaign, frontmatter, paths, slug, walk};
use crate::diag::{Diagnostic, Severity, UserErrors, display_path, line_col};
use crate::markdown::{self, Resolve};

/// Site order: newest first, then by title, then by source (so that re-reading an item in
/// place never moves it).
pub(super) fn item_order(a: &Item, b: &Item) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.source.cmp(&b.source))
}

/// How to load.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Publish items marked `draft: true`.
    pub drafts: bool,
    /// The day the site is built for.
    pub today: NaiveDate,
}

/// A parsed document before its body is rendered.
pub(super) struct Draft {
    pub(super) source: PathBuf,
    kind: Kind,
    pub(super) slug: String,
    title: String,
    date: Option<NaiveDate>,
    phase: Option<usize>,
    unit: Option<usize>,
    tags: Vec<String>,
    pub(super) fm: FrontMatter,
    text: String,
    body_start: usize,
}

impl Draft {
    /// Output path, as [`Item::url`].
    pub(super) fn url(&self) -> String {
        format!("{}/{}.html", self.kind.section(), self.slug)
    }
}

/// Loads the site at `root`. User errors come back as [`UserErrors`] (all of them at once);
/// I/O errors as other errors.
pub fn load(root: &Path, opts: &LoadOptions) -> anyhow::Result<Site> {
    let mut site = load_all(root, opts)?;
    if site.errors.is_empty() {
        Ok(site)
    } else {
        Err(UserErrors(std::mem::take(&mut site.errors)).into())
    }
}

/// Loads as much of the site as can be read: user errors are collected in [`Site::errors`]
/// (a file whose front matter is wrong is left out of `items` and kept in
/// [`Site::unloaded`] for proofreading). Such a site is for `check`, never for rendering.
/// Only a missing `content/` folder and I/O errors come back as errors.
pub fn load_all(root: &Path, opts: &LoadOptions) -> anyhow::Result<Site> {
    let content = root.join("content");
    if !content.is_dir() {
        let d = Diagnostic::error(
            "content",
            0,
            0,
            "site",
            format!("“{}”下没有 content 文件夹", display_path(root)),
        )
        .with_hint("在站点目录中运行，或用 xuanguan new 目录名 新建一个站点。");
        return Err(UserErrors(vec![d]).into());
    }
    let mut diags = Vec::new();
    let campaign = read_campaign(root, &mut diags)?;
    let files =
        walk::walk(root).with_context(|| format!("无法读取文件夹 {}", content.display()))?;
    let canon_root = root
        .canonicalize()
        .with_context(|| format!("无法访问 {}", root.display()))?;
    for rel in &files.outside {
        diags.push(
            Diagnostic::error(
                display_path(rel),
                0,
                0,
                "path",
                "这是指向站点以外、指回自身所在文件夹或已失效的链接，已拒绝",
            )
            .with_hint("把文件复制到站点的 content 文件夹里，不要使用快捷方式或符号链接。"),
        );
    }

    let parsed: Vec<(Option<Draft>, Vec<Diagnostic>)> = files
        .docs
        .par_iter()
        .map(|rel| {
            let _at = crate::crash::at(display_path(rel));
            crate::crash::test_panic(&display_path(rel));
            let mut d = Vec::new();
            let draft = read_doc(root, &canon_root, rel, &campaign, &mut d);
            (draft, d)
        })
        .collect();
    let mut drafts = Vec::new();
    let mut warnings = Vec::new();
    let mut unloaded = Vec::new();
    for ((draft, d), rel) in parsed.into_iter().zip(&files.docs) {
        for x in d {
            if x.is_error() {
                diags.push(x)
            } else {
                warnings.push(x)
            }
        }
        match draft {
            Some(dr) => drafts.push(dr),
            None => unloaded.push(rel.clone()),
        }
    }
    // The text of the files left out, for proofreading (a file that cannot be read or decoded
    // has its error already).
    let unloaded: Vec<(PathBuf, String)> = unloaded
        .into_iter()
        .filter_map(|rel| {
            let bytes = std::fs::read(root.join(&rel)).ok()?;
            if bytes.len() as u64 > MAX_DOC_BYTES {
                return None;
            }
            let text = decode(&display_path(&rel), &bytes).ok()?;
            Some((rel, text))
        })
        .collect();
    let (errors, notes): (Vec<_>, Vec<_>) = std::mem::take(&mut diags)
        .into_iter()
        .partition(Diagnostic::is_error);
    diags = errors;
    warnings.extend(notes);
    drafts.retain(|d| publishable(d, opts, &mut warnings));
    check_slugs(&drafts, &mut diags);

    let urls: HashMap<PathBuf, String> = drafts
        .iter()
        .map(|d| {
            (
                d.source.clone(),
                format!("{}/{}.html", d.kind.section(), d.slug),
            )
        })
        .collect();
    let mut items: Vec<Item> = drafts
        .into_par_iter()
        .map(|d| finish(d, &urls))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(item, alt)| {
            warnings.extend(alt);
            item
        })
        .collect();
    items.sort_by(item_order);
    let mut errors = diags;
    errors.extend(super::attach::check(&items));
    let rosters = super::roster::load_all(root, &items).unwrap_or_else(|d| {
        errors.extend(d);
        Default::default()
    });
    errors.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    let mut seen = std::collections::HashSet::new();
    errors.retain(|d| seen.insert(d.to_string()));
    let tag_slugs = slug::for_tags(items.iter().flat_map(|i| &i.tags));
    Ok(Site {
        tag_slugs,
        errors,
        unloaded,
        root: root.to_path_buf(),
        campaign,
        rosters,
        items,
        data_files: files.data,
        static_files: files.statics,
        today: opts.today,
        warnings,
        urls,
    })
}

/// Renders a draft's body with links resolved against `urls` (source → output path); returns
/// the item and the warnings found in its body.
pub(super) fn finish(d: Draft, urls: &HashMap<PathBuf, String>) -> (Item, Vec<Diagnostic>) {
    let links = Links::new(&d.source, urls);
    let body = markdown::render(&d.text[d.body_start..], &links);
    let links_to = links.asked.into_inner();
    let alt = missing_alt(&d, &body);
    (
        Item {
            source: d.source,
            kind: d.kind,
            slug: d.slug,
            title: d.title,
            date: d.date,
            phase: d.phase,
            unit: d.unit,
            tags: d.tags,
            fm: d.fm,
            text: d.text,
            body_start: d.body_start,
            body,
            links_to,
        },
        alt,
    )
}

fn read_campaign(root: &Path, diags: &mut Vec<Diagnostic>) -> anyhow::Result<Campaign> {
    let path = root.join(campaign::PATH);
    if !path.exists() {
        diags.push(
            Diagnostic::error(
                campaign::PATH,
                0,
                0,
                "campaign",
                "缺少 content/campaign.yaml（专项行动的名称、主办机关和各阶段）",
            )
            .with_hint("复制示例站点的 campaign.yaml 修改，或用 xuanguan new 新建站点。"),
        );
        return Ok(Campaign::default());
    }
    let bytes = std::fs::read(&path).with_context(|| format!("无法读取 {}", path.display()))?;
    match decode(campaign::PATH, &bytes) {
        Ok(text) => Ok(campaign::parse(&text, diags)),
        Err(d) => {
            diags.push(d);
            Ok(Campaign::default())
        }
    }
}

/// The largest markdown file a build reads (a whole year of a campaign's documents is a few
/// MB): a bigger one is refused with a message instead of taking minutes and gigabytes.
pub const MAX_DOC_BYTES: u64 = 16 * 1024 * 1024;

/// UTF-8 (with or without BOM), line ends normalized to `\n`. Anything else is an error located
/// at the first byte that is not UTF-8.
pub fn decode(path: &str, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(if s.contains('\r') {
            s.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            s.to_string()
        }),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
            let (line, col) = line_col(valid, valid.len());
            Err(Diagnostic::error(
                path,
                line,
                col,
                "encoding",
                "文件不是 UTF-8 编码（可能是 GBK/GB18030，记事本里的“ANSI”）",
            )
            .with_hint(
                "用记事本打开，“另存为”时编码选“UTF-8”；或运行 xuanguan import 文件 自动转换。",
            ))
        }
    }
}

pub(super) fn read_doc(
    root: &Path,
    canon_root: &Path,
    rel: &Path,
    c: &Campaign,
    diags: &mut Vec<Diagnostic>,
) -> Option<Draft> {
    let path = display_path(rel);
    let full = root.join(rel);
    match full.canonicalize() {
        Ok(p) if p.starts_with(canon_root) => {}
        _ => {
            diags.push(
                Diagnostic::error(&path, 0, 0, "path", "文件是指向站点以外的链接，已拒绝")
                    .with_hint("把文件复制到站点的 content 文件夹里，不要使用快捷方式或符号链接。"),
            );
            return None;
        }
    }
    if let Ok(m) = std::fs::metadata(&full)
        && m.len() > MAX_DOC_BYTES
    {
        diags.push(
            Diagnostic::error(
                &path,
                0,
                0,
                "too-large",
                format!(
                    "文件有 {} MB，超过单篇文档 {} MB 的上限，未处理",
                    m.len() / (1024 * 1024),
                    MAX_DOC_BYTES / (1024 * 1024)
                ),
            )
            .with_hint("一篇公文或新闻不会有这么长：检查是否误把数据或整本材料粘贴进来；请拆成几篇，或把原件作为附件放进 content/static。"),
        );
        return None;
    }
    let bytes = match std::fs::read(&full) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::error(
                &path,
                0,
                0,
                "io",
                format!("无法读取文件：{}", crate::diag::io_reason(&e)),
            ));
            return None;
        }
    };
    let text = decode(&path, &bytes).map_err(|d| diags.push(d)).ok()?;
    let Ok(split) = frontmatter::split(&text) else {
        diags.push(
            Diagnostic::error(
                &path,
                1,
                1,
                "front-matter",
                "开头的 --- 没有对应的结束行 ---",
            )
            .with_hint("在前言区最后一个字段后单独加一行 ---。"),
        );
        return None;
    };
    let body_start = split.body_start;
    body_controls(&path, &text, body_start, diags);
    let fm = frontmatter::parse(&path, &split, diags)?;
    let err = |diags: &mut Vec<Diagnostic>, key: &str, msg: String, hint: String| {
        let (l, col) = fm.at(key);
        diags.push(Diagnostic::error(&path, l, col, "front-matter", msg).with_hint(hint));
    };
    let folder = rel
        .components()
        .nth(1)
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or("");
    let kind = match fm.text("type") {
        Some(t) => match Kind::parse(t) {
            Some(k) => Some(k),
            None => {
                err(diags, "type", format!("未知的类型“{t}”"), "可用：notice（通知）、plan（方案）、letter（一封信）、form（告知书）、pledge（承诺书）、slogans（标语）、case（案例）、news（动态）、briefing（简报）、speech（讲话）、page（页面）。".into());
                None
            }
        },
        None => Kind::from_folder(folder).or_else(|| {
            diags.push(Diagnostic::error(&path, 1, 1, "front-matter", format!("无法确定类型：“{folder}”不是内容文件夹"))
                .with_hint("把文件放进 notices、slogans、letters、cases、news 或 pages 文件夹，或在前言区写 type: ……"));
            None
        }),
    };
    let body = &text[body_start..];
    let title = match fm.text("title") {
        Some(t) => t.to_string(),
        None => match body
            .lines()
            .find(|l| !l.trim().is_empty())
            .and_then(|l| l.strip_prefix("# "))
        {
            Some(h) => h.trim().to_string(),
            None => {
                diags.push(
                    Diagnostic::error(&path, 1, 1, "front-matter", "缺少标题")
                        .with_hint("在前言区加一行 title: ……（标题）。"),
                );
                String::new()
            }
        },
    };
    let mut slug = match fm.text("slug") {
        Some(s) if slug::is_valid(s) => s.to_string(),
        Some(s) => {
            err(
                diags,
                "slug",
                format!("slug“{s}”只能用小写英文字母、数字、连字符和下划线"),
                "例如 slug: anquan-tongzhi；不能含 / 或 ..".into(),
            );
            String::new()
        }
        None => {
            let stem = rel
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_lowercase();
            if slug::is_valid(&stem) {
                stem
            } else {
                slug::from_text(if title.is_empty() { &stem } else { &title })
            }
        }
    };
    if let Some(k) = kind
        && slug::is_reserved(&slug)
    {
        reserved_slug(&path, &fm, rel, k, &title, &slug, diags);
        slug.clear();
    }
    let lookup = |key: &str,
                  found: fn(&Campaign, &str) -> Option<usize>,
                  what: &str,
                  list: String,
                  diags: &mut Vec<Diagnostic>| {
        let v = fm.text(key)?;
        let r = found(c, v);
        if r.is_none() && !c.title.is_empty() && list.is_empty() {
            // Nothing to choose from: one error at campaign.yaml (identical for every
            // document, so the loader reports it once), not one per document.
            diags.push(
                Diagnostic::error(
                    campaign::PATH,
                    0,
                    0,
                    "campaign",
                    format!("campaign.yaml 中还没有定义任何{what}（{key}s），但有内容写了 {key}"),
                )
                .with_hint(format!(
                    "在 campaign.yaml 中加上 {key}s 列表（参照示例站点 xuanguan new 生成的 campaign.yaml），或删去各篇内容中的 {key} 一行。"
                )),
            );
        } else if r.is_none() && !c.title.is_empty() {
            err(
                diags,
                key,
                format!("{what}“{v}”不在 campaign.yaml 中"),
                format!("可用：{list}；或先在 campaign.yaml 里添加。"),
            );
        }
        r
    };
    let phase_list = c
        .phases
        .iter()
        .map(|p| format!("{}（{}）", p.id, p.name))
        .collect::<Vec<_>>()
        .join("、");
    let unit_list = c
        .units
        .iter()
        .map(|u| format!("{}（{}）", u.id, u.name))
        .collect::<Vec<_>>()
        .join("、");
    let phase = lookup("phase", Campaign::phase_index, "阶段", phase_list, diags);
    let unit = lookup("unit", Campaign::unit_index, "单位", unit_list, diags);
    let dir = rel.parent().unwrap_or(Path::new("content"));
    paths::front_matter(&path, &fm, dir, root, canon_root, diags);
    paths::images(&path, &text, body_start, dir, diags);
    Some(Draft {
        source: rel.to_path_buf(),
        kind: kind?,
        slug,
        title,
        date: fm.date("date"),
        phase,
        unit,
        tags: fm.list("tags"),
        text: text.clone(),
        body_start,
        fm,
    })
}

/// A slug that is the name of a list page (`news/index.html`, `news/index-2.html`…): an error
/// at `slug:`, or at the top when the slug comes from the file name or the title.
fn reserved_slug(
    path: &str,
    fm: &FrontMatter,
    rel: &Path,
    kind: Kind,
    title: &str,
    slug: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let section = kind.section();
    let name = crate::gongwen::kind::SECTIONS
        .iter()
        .find(|(id, _)| *id == section)
        .map_or("", |(_, name)| name);
    let from_title = slug::from_text(title);
    let other = if slug::is_valid(&from_title) && !slug::is_reserved(&from_title) {
        from_title
    } else {
        format!("{}-{slug}", kind.id())
    };
    let (what, (l, c), hint) = if fm.keys.contains_key("slug") {
        (
            "网址名".to_string(),
            fm.at("slug"),
            format!("换一个网址名，例如 slug: {other}"),
        )
    } else {
        let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let source = if stem.eq_ignore_ascii_case(slug) {
            format!("由文件名“{stem}”得到的网址名")
        } else {
            "由标题得到的网址名".to_string()
        };
        (
            source,
            (1, 1),
            format!("在前言区写一个别的网址名，例如 slug: {other}；或给文件改名"),
        )
    };
    diags.push(
        Diagnostic::error(
            path,
            l,
            c,
            "slug-collision",
            format!(
                "{what}“{slug}”已被列表页占用（{section}/{}.html、{section}/{}.html……是栏目“{name}”的列表）",
                slug::page_name(slug::LIST_PAGE, 0),
                slug::page_name(slug::LIST_PAGE, 1),
            ),
        )
        .with_hint(format!("{hint}（{} 和 {}-数字 都留给列表页）。", slug::LIST_PAGE, slug::LIST_PAGE)),
    );
}

/// Images without alt text: a warning at the image's line (screen readers need the text).
fn missing_alt(d: &Draft, body: &markdown::Rendered) -> Vec<Diagnostic> {
    body.missing_alt
        .iter()
        .map(|src| {
            let at = d.text[d.body_start..]
                .find(&format!("]({src}"))
                .map(|o| line_col(&d.text, d.body_start + o))
                .unwrap_or((d.text[..d.body_start].matches('\n').count() + 1, 1));
            Diagnostic::warning(
                &d.source,
                at.0,
                at.1.saturating_sub(2).max(1),
                "image-alt",
                format!("图片“{src}”缺少说明文字"),
            )
            .with_hint("写成 ![图片内容的说明](图片地址)，方便视障人士和图片加载失败时阅读。")
        })
        .collect()
}

pub(super) fn publishable(d: &Draft, opts: &LoadOptions, notes: &mut Vec<Diagnostic>) -> bool {
    let path = display_path(&d.source);
    let reason = if d.fm.flag("draft") == Some(true) && !opts.drafts {
        Some("草稿（draft: true），未发布；用 --drafts 预览".to_string())
    } else if let Some(s) = d.fm.text("secrecy") {
        Some(format!("标有密级“{s}”，不予发布"))
    } else {
        d.fm.text("disclosure")
            .filter(|v| *v != "主动公开")
            .map(|v| format!("公开属性为“{v}”，不予发布"))
    };
    match reason {
        Some(r) => {
            notes.push(Diagnostic::new(
                Severity::Info,
                path,
                0,
                0,
                "unpublished",
                r,
            ));
            false
        }
        None => true,
    }
}

fn check_slugs(drafts: &[Draft], diags: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Draft> = HashMap::new();
    for d in drafts {
        if d.slug.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(d.slug.as_str()) {
            let (l, c) = if d.fm.keys.contains_key("slug") {
                d.fm.at("slug")
            } else {
                (1, 1)
            };
            diags.push(
                Diagnostic::error(
                    &d.source,
                    l,
                    c,
                    "slug-collision",
                    format!("网址名“{}”与 {} 重复", d.slug, display_path(&first.source)),
                )
                .with_hint("在其中一个文件的前言区写一个不同的 slug: ……"),
            );
        } else {
            seen.insert(&d.slug, d);
        }
    }
}

/// Renders an item's body again after other documents' output paths changed.
pub(super) fn relink(item: &mut Item, urls: &HashMap<PathBuf, String>) {
    let links = Links::new(&item.source, urls);
    item.body = markdown::render(item.markdown(), &links);
    item.links_to = links.asked.into_inner();
}

/// Rewrites links between source files into links between output pages (relative), and
/// remembers which sources it was asked about.
struct Links<'a> {
    dir: &'a Path,
    urls: &'a HashMap<PathBuf, String>,
    asked: std::cell::RefCell<Vec<PathBuf>>,
}

impl<'a> Links<'a> {
    fn new(source: &'a Path, urls: &'a HashMap<PathBuf, String>) -> Links<'a> {
        Links {
            dir: source.parent().unwrap_or(Path::new("content")),
            urls,
            asked: Default::default(),
        }
    }
}

impl Resolve for Links<'_> {
    fn resolve(&self, url: &str) -> Option<String> {
        if url.is_empty()
            || url.starts_with('#')
            || url.starts_with("//")
            || url.contains("://")
            || url.starts_with("mailto:")
            || url.starts_with("tel:")
        {
            return None;
        }
        let (path, frag) = match url.find(['#', '?']) {
            Some(i) => (&url[..i], &url[i..]),
            None => (url, ""),
        };
        let decoded = paths::percent_decode(path);
        let joined = match decoded.strip_prefix('/') {
            Some(abs) => Path::new("content").join(abs),
            None => self.dir.join(&decoded),
        };
        let norm = paths::normalize(&joined)?;
        let known = self.urls.get(&norm);
        self.asked.borrow_mut().push(norm.clone());
        if let Some(u) = known {
            return Some(format!("../{u}{frag}"));
        }
        let rest = norm.strip_prefix("content/static").ok()?;
        Some(format!("../static/{}{frag}", display_path(rest)))
    }
}

/// Control characters in the body (pasted from other programs) would reach the pages, the
/// feeds and the exports invisibly and break XML: each is an error at its place (at most
/// [`CONTROLS_SHOWN`] per file), as in front matter.
fn body_controls(path: &str, text: &str, body_start: usize, diags: &mut Vec<Diagnostic>) {
    let found = text[body_start..]
        .char_indices()
        .filter(|&(_, ch)| frontmatter::is_control(ch))
        .take(CONTROLS_SHOWN);
    for (off, ch) in found {
        let (line, col) = line_col(text, body_start + off);
        diags.push(
            Diagnostic::error(
                path,
                line,
                col,
                "control-char",
                format!(
                    "正文中有看不见的控制字符 U+{:04X}（常见于从其他软件复制的文字）",
                    ch as u32
                ),
            )
            .with_hint("删除这个字符：把这一处前后的几个字删掉后重新输入。"),
        );
    }
}

/// Control characters of one file reported one by one.
const CONTROLS_SHOWN: usize = 10;
