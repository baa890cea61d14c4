//! The campaign progress page (工作进展): totals of the news items' `stats` per phase and per
//! unit, published items per type and phase, and how far each phase has run — as static SVG
//! bar charts (no JavaScript) with the same figures in tables beside them.

use serde::Serialize;

use super::Cx;
use super::templates::{base_context, render};
use crate::content::kind::ALL;
use crate::content::{Kind, Site};
use crate::diag::Diagnostic;
use crate::output::Dest;

/// A bar chart as the `bar_chart` component of `parts.html` draws it: every coordinate is
/// computed here, the markup lives in the theme.
#[derive(Serialize)]
struct Chart {
    title: String,
    width: f64,
    height: f64,
    /// Right edge of the labels, left edge of the bars, and the longest bar's width.
    label_x: f64,
    bar_x: f64,
    span: f64,
    rows: Vec<Bar>,
}

#[derive(Serialize)]
struct Bar {
    label: String,
    shown: String,
    y: f64,
    text_y: f64,
    bar: String,
    value_x: String,
    /// A phase's dates (`YYYY-MM-DD`), so that the page can redraw its bar for today.
    start: String,
    end: String,
}

/// One row of a chart: label, value, the value as shown, and the phase dates when the value
/// depends on the day the page is read.
struct Row {
    label: String,
    value: f64,
    shown: String,
    dates: Option<(String, String)>,
}

impl Row {
    fn new(label: &str, value: f64, shown: String) -> Row {
        Row {
            label: label.to_string(),
            value,
            shown,
            dates: None,
        }
    }
}

pub fn render_progress(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    if !cx.fresh.progress {
        return Ok(Vec::new());
    }
    let (site, tera, refs) = (cx.site, cx.tera, cx.refs);
    let c = &site.campaign;
    let mut charts = Vec::new();

    // Phase progress: share of each phase's days that have passed.
    let iso = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows: Vec<Row> = c
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
            Row {
                dates: Some((iso(p.start), iso(p.end))),
                ..Row::new(&p.name, pct, format!("{pct:.0}%"))
            }
        })
        .collect();
    charts.push(chart("各阶段时间进度", &rows, 100.0));

    // Stats totals per phase and per unit, added up in one pass.
    let names = stat_names(site);
    let sums = Sums::of(site, &names);
    for (k, name) in names.iter().enumerate() {
        let per_phase: Vec<Row> = c
            .phases
            .iter()
            .enumerate()
            .map(|(n, p)| {
                let v = sums.phase[k][n];
                Row::new(&p.name, v as f64, v.to_string())
            })
            .collect();
        charts.push(chart(&format!("{name}（按阶段）"), &per_phase, 0.0));
        let per_unit: Vec<Row> = c
            .units
            .iter()
            .enumerate()
            .map(|(n, u)| {
                let v = sums.unit[k][n];
                Row::new(&u.name, v as f64, v.to_string())
            })
            .filter(|r| r.value > 0.0)
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
    let per_type: Vec<Row> = kinds
        .iter()
        .map(|k| {
            let n: usize = of_kind(*k).iter().sum();
            Row::new(k.label(), n as f64, n.to_string())
        })
        .collect();
    charts.push(chart("已发布内容（按类型）", &per_type, 0.0));

    let totals: Vec<(String, i64)> = names
        .iter()
        .enumerate()
        .map(|(k, n)| (n.clone(), sums.all[k]))
        .collect();
    let mut ctx = base_context(refs, "");
    ctx.insert("nav", "progress");
    ctx.insert("charts", &charts);
    ctx.insert(
        "kinds",
        &kinds.iter().map(|k| k.label()).collect::<Vec<_>>(),
    );
    ctx.insert("table", &table);
    ctx.insert("totals", &totals);
    let html = render(tera, "progress.html", &ctx, "progress.html")?;
    cx.out
        .emit(Dest::public("progress.html"), html.as_bytes())?;
    Ok(Vec::new())
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

fn chart(title: &str, rows: &[Row], fixed_max: f64) -> Chart {
    let max = if fixed_max > 0.0 {
        fixed_max
    } else {
        rows.iter().map(|r| r.value).fold(0.0, f64::max).max(1.0)
    };
    let (width, row_h, bar_x) = (640.0, 36.0, 150.0);
    let span = width - bar_x - 70.0;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let y = n as f64 * row_h + 4.0;
            let bar = (span * r.value / max).max(if r.value > 0.0 { 2.0 } else { 0.0 });
            let (start, end) = r.dates.clone().unwrap_or_default();
            Bar {
                label: r.label.clone(),
                shown: r.shown.clone(),
                y,
                text_y: y + 17.0,
                bar: format!("{bar:.1}"),
                value_x: format!("{:.1}", bar_x + bar + 6.0),
                start,
                end,
            }
        })
        .collect();
    Chart {
        title: title.to_string(),
        width,
        height: rows.len() as f64 * row_h + 8.0,
        label_x: bar_x - 8.0,
        bar_x,
        span,
        rows: bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_scales_bars_to_the_largest_value() {
        let c = chart(
            "图",
            &[
                Row::new("甲", 50.0, "50".into()),
                Row::new("乙", 100.0, "100".into()),
            ],
            0.0,
        );
        assert_eq!(c.rows[0].bar, "210.0");
        assert_eq!(c.rows[1].bar, "420.0");
        assert_eq!(c.rows[1].value_x, "576.0");
        assert_eq!(c.height, 80.0);
    }
}
