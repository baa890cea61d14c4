//! Automatic numbering of `.docx` paragraphs (`word/numbering.xml`): the visible number of
//! each numbered paragraph, rendered as text (`一、`, `1.`, `（1）`).
//!
//! Complexity: [`parse_numbering`] is one streaming pass over numbering.xml; each numbered
//! paragraph costs O(k·q) for a list of k levels with level texts of q bytes (the level text is
//! rewritten once per level, `%1` … `%k`).

use std::collections::HashMap;

use anyhow::Result;
use quick_xml::Reader;
use quick_xml::events::Event;

use super::attr;

/// One numbering level: its format (`decimal`, `chineseCounting`…), text (`%1.`) and start.
#[derive(Debug, Clone, Default)]
pub(super) struct Level {
    fmt: String,
    text: String,
    start: u32,
}

/// numId → levels (by ilvl).
pub(super) fn parse_numbering(xml: &str) -> Result<HashMap<String, Vec<Level>>> {
    let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
    let mut num_to_abs: HashMap<String, String> = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let (mut cur_abs, mut cur_num, mut cur_lvl): (Option<String>, Option<String>, Option<usize>) =
        (None, None, None);
    loop {
        match reader.read_event()? {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    "abstractNum" => cur_abs = attr(&e, "abstractNumId"),
                    "num" => cur_num = attr(&e, "numId"),
                    "abstractNumId" => {
                        if let (Some(n), Some(v)) = (&cur_num, attr(&e, "val")) {
                            num_to_abs.insert(n.clone(), v);
                        }
                    }
                    "lvl" => {
                        cur_lvl = attr(&e, "ilvl").and_then(|v| v.parse().ok());
                        if let (Some(a), Some(l)) = (&cur_abs, cur_lvl) {
                            let levels = abstracts.entry(a.clone()).or_default();
                            if levels.len() <= l {
                                levels.resize(l + 1, Level::default());
                            }
                            levels[l].start = 1;
                        }
                    }
                    "start" | "numFmt" | "lvlText" => {
                        if let (Some(a), Some(l), Some(v)) = (&cur_abs, cur_lvl, attr(&e, "val")) {
                            let lv = &mut abstracts.get_mut(a).expect("level created")[l];
                            match name.as_ref() {
                                "start" => lv.start = v.parse().unwrap_or(1),
                                "numFmt" => lv.fmt = v,
                                _ => lv.text = v,
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(e) if e.local_name().as_ref() == "lvl" => cur_lvl = None,
            _ => {}
        }
    }
    Ok(num_to_abs
        .into_iter()
        .filter_map(|(n, a)| abstracts.get(&a).map(|l| (n, l.clone())))
        .collect())
}

/// The visible number of a numbered paragraph, advancing the counters.
pub(super) fn number_prefix(
    numbering: &HashMap<String, Vec<Level>>,
    counters: &mut HashMap<String, Vec<u32>>,
    num_id: &str,
    ilvl: usize,
) -> String {
    let Some(levels) = numbering.get(num_id) else {
        return String::new();
    };
    let Some(level) = levels.get(ilvl) else {
        return String::new();
    };
    let c = counters.entry(num_id.to_string()).or_default();
    if c.len() < levels.len() {
        c.resize(levels.len(), 0);
    }
    for (i, lv) in levels.iter().enumerate() {
        if i < ilvl && c[i] == 0 {
            c[i] = lv.start;
        }
    }
    c[ilvl] = if c[ilvl] == 0 {
        level.start
    } else {
        c[ilvl] + 1
    };
    for v in c.iter_mut().skip(ilvl + 1) {
        *v = 0;
    }
    if level.fmt == "bullet" || level.fmt == "none" {
        return String::new();
    }
    let mut text = level.text.clone();
    for (i, lv) in levels.iter().enumerate().take(ilvl + 1) {
        text = text.replace(&format!("%{}", i + 1), &format_number(c[i], &lv.fmt));
    }
    text
}

fn format_number(n: u32, fmt: &str) -> String {
    if fmt.starts_with("chinese") || fmt.starts_with("ideograph") || fmt == "taiwaneseCounting" {
        // A list number is an ordinal: it counts from 一 (a zero start is written 零).
        crate::gongwen::numerals::number(n)
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chinese list numbers are written by gongwen's counting writer: 二十, and a zero start
    /// (which no 序次语 has) as 零, not the digit-by-digit 〇.
    #[test]
    fn chinese_list_numbers_are_counted() {
        let got: Vec<String> = [
            (1, "chineseCounting"),
            (12, "chineseCountingThousand"),
            (20, "chineseCounting"),
            (3, "decimal"),
            (0, "chineseCounting"),
        ]
        .into_iter()
        .map(|(n, f)| format_number(n, f))
        .collect();
        assert_eq!(got, ["一", "十二", "二十", "3", "零"]);
    }
}
