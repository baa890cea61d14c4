//! Campaign phases in a plan's 实施步骤: "（一）造强宣传声势（2023年4月底前）",
//! "第一阶段：动员部署（5月底前）", date ranges and "……起".
//!
//! Complexity: O(n + a·n) for n bytes of body lines and a attachments: each line is read a
//! bounded number of times (its ordinal prefix, a heading of at most 60 characters read as a
//! period, its tasks split at 。；), and [`phase_mentioning`] searches every phase's text once
//! per attachment.

use chrono::NaiveDate;

use crate::gongwen::chars::is_blank;
use crate::gongwen::ordinal::{enumeration, prefix};
use crate::gongwen::period::{self, Period};
use crate::import::{Line, Report};

/// One phase of the campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub id: String,
    pub name: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub tasks: Vec<String>,
    /// The phase's own text (heading and paragraphs), to find the attachments it mentions.
    pub text: String,
    pub line: usize,
}

const STEP_WORDS: &[&str] = &[
    "实施步骤",
    "工作步骤",
    "步骤安排",
    "进度安排",
    "时间安排",
    "实施阶段",
    "阶段安排",
    "方法步骤",
    "推进步骤",
    "时间步骤",
];

/// The campaign title a plan's title gives: the title without its 文种 word; a notice's
/// ("某镇关于开展某某整治的通知"), what it launches.
pub fn campaign_title(plan_title: &str) -> String {
    for w in ["实施方案", "方案", "要点", "计划"] {
        if let Some(t) = plan_title.strip_suffix(w) {
            return t.to_string();
        }
    }
    if let Some(t) = plan_title.strip_suffix("的通知")
        && let Some((_, what)) = t.split_once("关于")
        && !what.is_empty()
    {
        return what.strip_prefix("开展").unwrap_or(what).to_string();
    }
    plan_title.to_string()
}

/// Whether a body has a first-level section of steps ("三、时间安排").
pub fn has_steps_section(body: &[Line]) -> bool {
    body.iter().any(|l| {
        let t = l.plain();
        level(&t) == Some(1) && STEP_WORDS.iter().any(|w| t.contains(w))
    })
}

/// The level (1–4) of the 序次语 a line starts with, read leniently (1、 is level 3).
fn level(t: &str) -> Option<u8> {
    prefix(t).map(|(o, _)| o.level)
}

/// Splits a phase heading ("一、" or "（一）" heading, or "第一阶段") into its name and period
/// text.
fn heading_parts(t: &str) -> Option<(String, String)> {
    // "1.宣传发动阶段（…）": a third-level item counts when it names a 阶段.
    let (rest, must_name_stage) = match prefix(t) {
        Some((o, len)) if o.level <= 2 => (&t[len..], false),
        Some((o, len)) if o.level == 3 => (&t[len..], true),
        Some(_) => return None,
        None => {
            let (_, len) = enumeration(t).filter(|_| t.starts_with('第'))?;
            (t[len..].strip_prefix("阶段")?, false)
        }
    };
    let (name, period) = name_and_period(rest)?;
    (!must_name_stage || name.ends_with("阶段")).then_some((name, period))
}

/// "宣传发动（5月底前）" or "宣传发动：5月底前" → (name, period text).
fn name_and_period(rest: &str) -> Option<(String, String)> {
    let rest = rest
        .trim_start_matches(|c: char| is_blank(c) || "：:、，".contains(c))
        .trim_end_matches(is_blank);
    if let Some(stripped) = rest.strip_suffix(['）', ')']) {
        let open = stripped.rfind(['（', '('])?;
        let name = stripped[..open].trim_matches(|c: char| is_blank(c) || "：:，".contains(c));
        let open_len = stripped[open..].chars().next()?.len_utf8();
        return Some((name.to_string(), stripped[open + open_len..].to_string()));
    }
    let (a, b) = rest.split_once(['：', ':'])?;
    Some((
        a.trim_matches(is_blank).to_string(),
        b.trim_matches(is_blank).to_string(),
    ))
}

/// Finds the phases in a plan body; `year` (of the 成文日期) completes dates without a year.
pub fn find_phases(body: &[Line], year: Option<i32>, rep: &mut Report) -> Vec<Phase> {
    let texts: Vec<String> = body.iter().map(Line::plain).collect();
    let section = texts
        .iter()
        .position(|t| level(t) == Some(1) && STEP_WORDS.iter().any(|w| t.contains(w)));
    let (from, to) = match section {
        Some(s) => {
            let end = (s + 1..texts.len()).find(|&i| level(&texts[i]) == Some(1));
            (s + 1, end.unwrap_or(texts.len()))
        }
        None => (0, texts.len()),
    };
    let mut phases: Vec<Phase> = Vec::new();
    let mut current: Option<usize> = None;
    for i in from..to {
        let t = &texts[i];
        if let Some(cells) = stage_row(t)
            && let Some(period) = period::parse(&cells[1], year)
        {
            phases.push(new_phase(
                phases.len() + 1,
                cells[0].clone(),
                period,
                t,
                body[i].no,
            ));
            let k = phases.len() - 1;
            for c in &cells[2..] {
                add_text(&mut phases[k], c);
            }
            current = None;
            continue;
        }
        // A run-in heading: "（一）动员部署（4月底前）。各村要……", or "（一）宣传发动阶段：5月
        // 20日至5月31日。制定……" when what follows the colon is a period.
        let lead = t.split_once('。').map(|(h, _)| h).filter(|h| {
            h.chars().count() <= 60 && (h.ends_with(['）', ')']) || colon_period(h, year))
        });
        let heading = lead.unwrap_or(t);
        if heading.chars().count() <= 60 && !heading.ends_with('。') {
            if let Some((name, period_text)) = heading_parts(heading) {
                let staged = t.starts_with('第') || section.is_some() && level(t) == Some(2);
                match period::parse(&period_text, year) {
                    Some(period) if !name.is_empty() => {
                        if period.year_from_context {
                            rep.info(
                                body[i].no,
                                1,
                                format!("阶段“{name}”的时间没有写年份，已按成文日期的年份补全"),
                            );
                        }
                        phases.push(new_phase(phases.len() + 1, name, period, t, body[i].no));
                        current = Some(phases.len() - 1);
                        if let Some(h) = lead {
                            let rest = &t[h.len() + '。'.len_utf8()..];
                            add_text(&mut phases[current.unwrap_or(0)], rest);
                        }
                        continue;
                    }
                    _ if staged => {
                        rep.warning(
                            body[i].no,
                            1,
                            format!("阶段“{t}”的时间“{period_text}”无法识别，未写入 campaign.yaml"),
                        )
                        .with_hint(
                            "阶段时间可写作“2023年4月底前”“2023年4月6日—4月30日”“2023年10月起”",
                        );
                        current = None;
                        continue;
                    }
                    _ => {}
                }
            }
            if level(t) == Some(1) {
                current = None;
                continue;
            }
        }
        if let Some(k) = current {
            add_text(&mut phases[k], t);
        }
    }
    phases
}

/// Whether a heading gives its period after a colon ("（一）集中整治阶段：6月1日至6月30日").
fn colon_period(h: &str, year: Option<i32>) -> bool {
    h.contains(['：', ':'])
        && heading_parts(h)
            .is_some_and(|(name, p)| !name.is_empty() && period::parse(&p, year).is_some())
}

/// A row of a table of stages ("| 动员部署阶段 | 2020年5月27日—5月31日 | 主要任务 | 责任单位 |"):
/// its cells, when the first names a 阶段 and a second follows.
fn stage_row(t: &str) -> Option<Vec<String>> {
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<String> = inner
        .split('|')
        .map(|c| c.trim_matches(is_blank).to_string())
        .collect();
    (cells.len() >= 2 && cells[0].ends_with("阶段") && cells[0].chars().count() <= 12)
        .then_some(cells)
}

fn new_phase(n: usize, name: String, period: Period, heading: &str, line: usize) -> Phase {
    Phase {
        id: format!("p{n}"),
        name,
        start: period.start,
        end: period.end,
        tasks: Vec::new(),
        text: heading.to_string(),
        line,
    }
}

/// Adds a paragraph to a phase: its text, and its task sentences (those saying what "要" be
/// done, or the lead sentence of "一是…").
fn add_text(p: &mut Phase, t: &str) {
    p.text.push('\n');
    p.text.push_str(t);
    if let Some((_, len)) = enumeration(t) {
        let lead = t[len..].split('。').next().unwrap_or("");
        if !lead.is_empty() {
            p.tasks.push(lead.to_string());
        }
        return;
    }
    for s in t.split(['。', '；', ';']) {
        let s = s.trim_matches(is_blank);
        let Some(pos) = s.find('要') else { continue };
        let task = if s[..pos].chars().count() <= 8 {
            &s[pos + '要'.len_utf8()..]
        } else {
            s
        };
        let task = super::schedule::short(task.trim_end_matches(['，', '、']));
        if task.chars().count() >= 4 && !p.tasks.contains(&task) {
            p.tasks.push(task);
        }
    }
}

/// The id of the phase whose text mentions attachment `n` ("（附件1）").
pub fn phase_mentioning(phases: &[Phase], n: usize) -> Option<String> {
    let pats = [format!("附件{n}"), format!("附件 {n}")];
    phases
        .iter()
        .find(|p| pats.iter().any(|pat| p.text.contains(pat.as_str())))
        .map(|p| p.id.clone())
}

#[cfg(test)]
mod tests;
