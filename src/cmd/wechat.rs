//! `xuanguan wechat FILE [-o OUT]`: exports one article for the WeChat editor into a
//! self-contained folder (article.html, meta.json, index.html, and the images to upload).

use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::cli::WechatArgs;
use crate::content::{self, LoadOptions};
use crate::diag::{Diagnostic, UserErrors};
use crate::output::{Dest, Output};
use crate::render::wechat::{self, Config, Export};

pub fn run(args: &WechatArgs) -> anyhow::Result<()> {
    let file = args
        .file
        .canonicalize()
        .with_context(|| format!("找不到文件 {}", args.file.display()))?;
    let Some(root) = file
        .ancestors()
        .skip(1)
        .find(|a| a.join("content/campaign.yaml").is_file() && file.starts_with(a.join("content")))
    else {
        let d = Diagnostic::error(&args.file, 0, 0, "wechat", "这个文件不在专项行动站点的 content/ 文件夹中")
            .with_hint("公众号导出要用 campaign.yaml 中的主题色、作者和审核人：把文件放进站点的 content/ 下的栏目文件夹（如 content/news/）再导出。");
        return Err(UserErrors(vec![d]).into());
    };
    let opts = LoadOptions {
        drafts: true,
        today: super::today(None)?,
    };
    let site = content::load(root, &opts)?;
    let rel = file.strip_prefix(root).unwrap_or(&file);
    let Some(item) = site.items.iter().find(|i| i.source == rel) else {
        let d = Diagnostic::error(&args.file, 0, 0, "wechat", "这个文件不会发布，不能导出")
            .with_hint("设有密级（secrecy）或公开属性不是“主动公开”的文件不发布；data/、static/ 下的文件不是文章。");
        return Err(UserErrors(vec![d]).into());
    };
    let mut diags = Vec::new();
    let cfg = Config::read(&site.campaign, &mut diags);
    let mut e = wechat::export(&site, item, &cfg);
    diags.extend(wechat::diagnostics_of(&site, &cfg, item, &e));
    for d in &diags {
        crate::ewriteln!("{d}");
    }
    let dest = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}-公众号", item.slug)));
    let out = Output::disk(&dest)?.unsplit();
    let copied = bundle_images(root, &mut e, &out);
    let written = copied.and_then(|()| {
        let tera = crate::theme::engine(root, &site.campaign.theme)?;
        let shared = wechat::page::shared(&tera)?;
        for (name, bytes) in wechat::files(&site, &tera, item, &e, "")?
            .into_iter()
            .chain(shared)
        {
            out.emit(Dest::staff(name), &bytes)?;
        }
        Ok(())
    });
    if let Err(err) = written {
        out.abandon();
        return Err(err);
    }
    out.commit()?;
    crate::ewriteln!(
        "已导出《{}》到 {}：用浏览器打开其中的 index.html，点“复制正文”后到公众号编辑器粘贴。",
        e.meta.title,
        dest.display()
    );
    Ok(())
}

/// Copies the cover and the local body images into `images/` of the export, so the folder
/// works on its own, and points the page and meta.json at the copies.
fn bundle_images(root: &Path, e: &mut Export, out: &Output) -> anyhow::Result<()> {
    let copy = |site_rel: &Path| -> anyhow::Result<Option<String>> {
        let Ok(bytes) = std::fs::read(root.join(site_rel)) else {
            return Ok(None);
        };
        let name = site_rel
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let rel = format!("images/{name}");
        out.emit(Dest::staff(&rel), &bytes)?;
        Ok(Some(rel))
    };
    if let Some(c) = &mut e.cover
        && let Some(file) = c.file.clone()
        && let Some(rel) = copy(&file)?
    {
        c.href = rel.clone();
        e.meta.cover = Some(rel);
    }
    for u in &mut e.uploads {
        if let Some(rest) = u.href.strip_prefix("../../site/static/") {
            let site_rel = Path::new("content/static").join(rest);
            if let Some(rel) = copy(&site_rel)? {
                u.href = rel;
            }
        }
    }
    Ok(())
}
