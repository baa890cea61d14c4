//! The campaign progress page (工作进展): totals of the news items' `stats` per phase and per
//! unit, published items per type and phase, and how far each phase has run — as static SVG
//! bar charts (no JavaScript) with the same figures in tables beside them.

use serde::Serialize;

use super::context::Refs;
use super::html::{base_context, render};
use crate::content::kind::ALL;
use crate::content::{Kind, Site};
use crate::output::Output;

#[derive(Serialize)]
struct Chart {
    title: String,
    svg: String,
    rows: Vec<(String, String)>,
}

pub fn render_progress(
    site: &Site,
    tera: &tera::Tera,
    refs: &Refs,
    out: &Output,
) -> anyhow::Result<()> {
    let c = &site.campaign;
    let mut charts = Vec::new();

    // Phase progress: share of each phase's days that have passed.
    let rows: Vec<(String, f64, String)> = c
        .phases
        .iter()
        .map(|p| {
            let pct = match (p.start, p.end) {
                (Some(s), Some(e)) if e > s => {
                    let total = (e - s).num_days() as f64;
                    let done = (site.today - s).num_days() as f64;
                    (done / total * 100.0).clamp(0.0, 100.0)
                }
                (_, Some(e)) if site.today > e => 100.0,
                _ => 0.0,
            };
            (p.name.clone(), pct, format!("{pct:.0}%"))
        })
        .collect();
    charts.push(chart("各阶段时间进度", &rows, 100.0));

    // Stats totals per phase and per unit, added up in one pass.
    let names = stat_names(site);
    let sums = Sums::of(site, &names);
    for (k, name) in names.iter().enumerate() {
        let per_phase: Vec<(String, f64, String)> = c
            .phases
            .iter()
            .enumerate()
            .map(|(n, p)| {
                let v = sums.phase[k][n];
                (p.name.clone(), v as f64, v.to_string())
            })
            .collect();
        charts.push(chart(&format!("{name}（按阶段）"), &per_phase, 0.0));
        let per_unit: Vec<(String, f64, String)> = c
            .units
            .iter()
            .enumerate()
            .map(|(n, u)| {
                let v = sums.unit[k][n];
                (u.name.clone(), v as f64, v.to_string())
            })
            .filter(|r| r.1 > 0.0)
            .collect();
        if !per_unit.is_empty() {
            charts.push(chart(&format!("{name}（按单位）"), &per_unit, 0.0));
        }
    }

    // Items per type and phase.
    let mut count = vec![vec![0usize; c.phases.len() + 1]; ALL.len()];
    for i in &site.items {
        let k = ALL.iter().position(|k| *k == i.kind).unwrap_or(0);
        count[k][i.phase.unwrap_or(c.phases.len())] += 1;
    }
    let of_kind = |kind: Kind| &count[ALL.iter().position(|k| *k == kind).unwrap_or(0)];
    let kinds: Vec<Kind> = ALL
        .into_iter()
        .filter(|k| *k != Kind::Page && of_kind(*k).iter().sum::<usize>() > 0)
        .collect();
    let table: Vec<serde_json::Value> = c
        .phases
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let counts: Vec<usize> = kinds.iter().map(|k| of_kind(*k)[n]).collect();
            serde_json::json!({"name": p.name, "counts": counts, "total": counts.iter().sum::<usize>()})
        })
        .collect();
    let per_type: Vec<(String, f64, String)> = kinds
        .iter()
        .map(|k| {
            let n: usize = of_kind(*k).iter().sum();
            (k.label().to_string(), n as f64, n.to_string())
        })
        .collect();
    charts.push(chart("已发布内容（按类型）", &per_type, 0.0));

    let totals: Vec<(String, i64)> = names
        .iter()
        .enumerate()
        .map(|(k, n)| (n.clone(), sums.all[k]))
        .collect();
    let mut ctx = base_context(refs, "");
    ctx.insert("charts", &charts);
    ctx.insert(
        "kinds",
        &kinds.iter().map(|k| k.label()).collect::<Vec<_>>(),
    );
    ctx.insert("table", &table);
    ctx.insert("totals", &totals);
    let html = render(tera, "progress.html", &ctx, "progress.html")?;
    out.write("progress.html", html.as_bytes())
}

/// Stat names in order of first appearance (news items newest first).
fn stat_names(site: &Site) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut items: Vec<_> = site.items.iter().collect();
    items.reverse();
    for i in items {
        if let Some(serde_json::Value::Object(m)) = i.fm.values.get("stats") {
            for k in m.keys() {
                if !names.contains(k) {
                    names.push(k.clone());
                }
            }
        }
    }
    names
}

/// Totals of each stat (in `names` order) per phase, per unit and over all items.
struct Sums {
    phase: Vec<Vec<i64>>,
    unit: Vec<Vec<i64>>,
    all: Vec<i64>,
}

impl Sums {
    fn of(site: &Site, names: &[String]) -> Sums {
        let c = &site.campaign;
        let mut s = Sums {
            phase: vec![vec![0; c.phases.len()]; names.len()],
            unit: vec![vec![0; c.units.len()]; names.len()],
            all: vec![0; names.len()],
        };
        for i in &site.items {
            let Some(serde_json::Value::Object(m)) = i.fm.values.get("stats") else {
                continue;
            };
            for (name, v) in m {
                let (Some(k), Some(v)) = (names.iter().position(|n| n == name), v.as_i64()) else {
                    continue;
                };
                s.all[k] += v;
                if let Some(p) = i.phase {
                    s.phase[k][p] += v;
                }
                if let Some(u) = i.unit {
                    s.unit[k][u] += v;
                }
            }
        }
        s
    }
}

fn chart(title: &str, rows: &[(String, f64, String)], fixed_max: f64) -> Chart {
    let max = if fixed_max > 0.0 {
        fixed_max
    } else {
        rows.iter().map(|r| r.1).fold(0.0, f64::max).max(1.0)
    };
    let (w, row_h, label_w) = (640.0, 36.0, 150.0);
    let h = rows.len() as f64 * row_h + 8.0;
    let mut svg = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{t}"><title>{t}</title>"##,
        t = esc(title)
    );
    for (n, (label, v, shown)) in rows.iter().enumerate() {
        let y = n as f64 * row_h + 4.0;
        let bw = ((w - label_w - 70.0) * v / max).max(if *v > 0.0 { 2.0 } else { 0.0 });
        svg.push_str(&format!(
            r##"<text x="{lx}" y="{ty}" text-anchor="end" font-size="15" fill="#1f2328">{l}</text><rect x="{label_w}" y="{y}" width="{bw:.1}" height="24" fill="var(--accent, #b5121b)"/><text x="{vx:.1}" y="{ty}" font-size="15" fill="#1f2328">{s}</text>"##,
            lx = label_w - 8.0,
            ty = y + 17.0,
            l = esc(label),
            vx = label_w + bw + 6.0,
            s = esc(shown),
        ));
    }
    svg.push_str("</svg>");
    Chart {
        title: title.to_string(),
        svg,
        rows: rows.iter().map(|r| (r.0.clone(), r.2.clone())).collect(),
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_escapes_labels_and_scales_bars() {
        let c = chart(
            "<b>",
            &[
                ("<script>".into(), 50.0, "50".into()),
                ("乙".into(), 100.0, "100".into()),
            ],
            0.0,
        );
        assert!(!c.svg.contains("<script>"));
        assert!(c.svg.contains("&lt;script&gt;"));
        assert!(c.svg.contains(r#"width="420.0""#), "{}", c.svg);
        assert!(c.svg.contains(r#"width="210.0""#));
    }
}
