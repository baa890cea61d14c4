//! Writes the phases found by import into `content/campaign.yaml`: creates the file when it
//! is missing; adds phases to an existing file only when it has none; reports what it did.

use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use super::Report;
use super::recognize::Document;
use super::recognize::phases::Phase;

#[derive(Debug, Serialize)]
struct PhaseOut {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    tasks: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Phases {
    phases: Vec<PhaseOut>,
}

#[derive(Debug, Serialize)]
struct Campaign {
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    org: Option<String>,
    phases: Vec<PhaseOut>,
    units: Vec<String>,
}

fn out(phases: &[Phase]) -> Vec<PhaseOut> {
    let iso = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    phases
        .iter()
        .map(|p| PhaseOut {
            id: p.id.clone(),
            name: p.name.clone(),
            start: iso(p.start),
            end: iso(p.end),
            tasks: p.tasks.clone(),
        })
        .collect()
}

/// Before anything is written: a new `campaign.yaml` needs its `org`, from `--org` or the
/// document's issuer; without either, import stops (exit 2) and says how to give it.
pub fn check_org(doc: &Document, into: &Path, org: Option<&str>, file: &Path) -> Result<()> {
    let Some(main) = doc.items.first() else {
        return Ok(());
    };
    let exists = into.join("content").join("campaign.yaml").exists();
    if exists || org.is_some_and(|o| !o.trim().is_empty()) || !main.issuer.is_empty() {
        return Ok(());
    }
    anyhow::bail!(
        "{}：文件中没有发文机关（署名），而 {} 还不存在，新建它需要写明专项行动的主办机关（org）。请加上 --org 重新导入，例如：xuanguan import {} --org 外山乡人民政府；或者先导入带署名的通知、方案，或先创建 campaign.yaml 并写上 org。本次没有写入任何文件",
        file.display(),
        crate::diag::display_path(&into.join("content").join("campaign.yaml")),
        file.display()
    )
}

/// Creates or completes `into/content/campaign.yaml`; returns one sentence per change.
/// `org` (from `--org`) wins over the document's issuer when the file is created.
pub fn update(
    doc: &Document,
    into: &Path,
    org: Option<&str>,
    rep: &mut Report,
) -> Result<Vec<String>> {
    let Some(main) = doc.items.first() else {
        return Ok(Vec::new());
    };
    let path = super::dest::checked(into, Path::new("campaign.yaml"))?;
    let shown = crate::diag::display_path(&path);
    if !path.exists() {
        let title = doc
            .campaign_title
            .clone()
            .unwrap_or_else(|| main.title.clone());
        let org = org
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty())
            .or_else(|| (!main.issuer.is_empty()).then(|| main.issuer.join("、")));
        if org.is_none() {
            rep.warning(
                main.line,
                0,
                "未识别出发文机关，campaign.yaml 中没有填写 org",
            )
            .with_hint("在 campaign.yaml 中补上 org（组织单位）");
        }
        let c = Campaign {
            title,
            org,
            phases: out(&doc.phases),
            units: Vec::new(),
        };
        std::fs::create_dir_all(into.join("content"))?;
        std::fs::write(&path, crate::yaml::to_string(&c)?)
            .with_context(|| format!("无法写入 {shown}"))?;
        return Ok(vec![format!(
            "已创建 {shown}（{} 个阶段）",
            doc.phases.len()
        )]);
    }
    if doc.phases.is_empty() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("无法读取 {shown}"))?;
    let value = match crate::yaml::parse(&text) {
        Ok(v) => v,
        Err(e) => {
            rep.warning(
                0,
                0,
                format!("{shown} 第 {} 行有误（{}），未写入阶段", e.line, e.message),
            )
            .with_hint(e.hint);
            return Ok(Vec::new());
        }
    };
    let existing: usize = ["phases", "阶段"]
        .iter()
        .filter_map(|k| value.get(*k)?.as_array())
        .map(Vec::len)
        .sum();
    if existing > 0 {
        let msg = format!(
            "{shown} 已有 {existing} 个阶段，未写入文件中识别出的 {} 个阶段",
            doc.phases.len()
        );
        rep.warning(doc.phases[0].line, 0, msg.clone())
            .with_hint("如需使用导入的阶段，请手工核对后修改 campaign.yaml");
        return Ok(vec![msg]);
    }
    // Drop an empty `phases:` entry (`phases: []`, `phases:`, `phases: ~`), then append ours.
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            !matches!(
                l.trim_end(),
                "phases:" | "phases: []" | "phases: ~" | "phases: null"
            )
        })
        .collect();
    let mut new_text = kept.join("\n");
    if !new_text.is_empty() {
        new_text.push('\n');
    }
    new_text.push_str(&crate::yaml::to_string(&Phases {
        phases: out(&doc.phases),
    })?);
    std::fs::write(&path, new_text).with_context(|| format!("无法写入 {shown}"))?;
    Ok(vec![format!(
        "已把 {} 个阶段写入 {shown}",
        doc.phases.len()
    )])
}
