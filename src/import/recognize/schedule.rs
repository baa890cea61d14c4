//! The schedule a plan's phases give campaign.yaml: each task as one short line, and a start
//! for every phase that states only its end (the document's date for the first, the day
//! after the previous phase's end for the others).

use chrono::NaiveDate;

use super::phases::Phase;
use crate::gongwen::chars::is_blank;
use crate::import::Report;

/// A task as one short line: its first clause when the sentence is long, at most 30
/// characters cut at a 、 or ， where possible.
pub fn short(task: &str) -> String {
    const MAX: usize = 30;
    let t = task.trim_matches(is_blank);
    if t.chars().count() <= MAX {
        return t.to_string();
    }
    let first = t.split(['，', '；', ',']).next().unwrap_or(t);
    if (4..=MAX).contains(&first.chars().count()) {
        return first.to_string();
    }
    let head: String = first.chars().take(MAX).collect();
    match head.rfind(['、', '，']) {
        Some(b) if head[..b].chars().count() >= 8 => head[..b].to_string(),
        _ => head,
    }
}

/// Phases without a start begin the day after the previous phase ends, the first one on the
/// document's date (when that is before its end); reported once.
pub fn chain_starts(phases: &mut [Phase], doc_date: Option<NaiveDate>, rep: &mut Report) {
    let mut filled = Vec::new();
    for i in 0..phases.len() {
        if phases[i].start.is_some() {
            continue;
        }
        let start = match i {
            0 => doc_date.filter(|d| phases[0].end.is_none_or(|e| *d <= e)),
            _ => phases[i - 1].end.and_then(|e| e.succ_opt()),
        };
        if let Some(s) = start.filter(|s| phases[i].end.is_none_or(|e| *s <= e)) {
            phases[i].start = Some(s);
            filled.push(phases[i].name.clone());
        }
    }
    if let Some(first) = phases.first().filter(|_| !filled.is_empty()) {
        rep.info(
            first.line,
            1,
            format!(
                "阶段“{}”没有写开始日期，已按成文日期或上一阶段结束的次日补全",
                filled.join("”“")
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_are_short_and_starts_chained() {
        assert_eq!(
            short("充分发挥公众号、LED、横幅，对标准化提升专项行动巩固提高工作进行广泛宣传"),
            "充分发挥公众号、LED、横幅"
        );
        let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day);
        let mut p: Vec<Phase> = [(None, d(4, 30)), (None, d(6, 30)), (d(10, 1), None)]
            .into_iter()
            .enumerate()
            .map(|(i, (start, end))| Phase {
                id: format!("p{i}"),
                name: format!("阶段{i}"),
                start,
                end,
                tasks: Vec::new(),
                text: String::new(),
                line: 1,
            })
            .collect();
        chain_starts(&mut p, d(4, 6), &mut Report::new("t.txt"));
        let starts: Vec<_> = p.iter().map(|x| x.start).collect();
        assert_eq!(starts, [d(4, 6), d(5, 1), d(10, 1)]);
    }
}
