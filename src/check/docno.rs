//! 发文字号: `docno-bracket` and `docno-number`, in `doc_no` and cited in the body; the year
//! checks of `issue-date-consistency` that concern a 文号.
//!
//! Complexity: O(n) in the characters of a block (n): a match starts only at an opening
//! bracket, looks back at most 10 Han characters and reads forward over blanks, digits, one
//! closing bracket, 第 and 号 — none of them an opening bracket, so two attempts never read the
//! same characters forward — and a 文号 found is skipped whole. The front-matter `doc_no` is
//! tried at each of its positions the same way.

use chrono::Datelike;

use super::chars::{digit, is_han, is_space};
use super::text::Claim;
use super::{Doc, Lint};

const OPEN: &[char] = &['〔', '[', '【', '（', '(', '［', '〈'];
const CLOSE: &[char] = &['〕', ']', '】', '）', ')', '］', '〉'];

/// Words that precede a cited 文号 and are not part of its 机关代字.
const LEAD: &[&str] = &[
    "根据", "按照", "依据", "参照", "对照", "执行", "落实", "转发", "印发", "详见", "见", "和",
    "及", "与", "或", "的", "即", "号",
];

/// A 文号 found in text (character indices).
#[derive(Debug)]
pub struct DocNo {
    pub start: usize,
    pub open: usize,
    pub end: usize,
    pub prefix: String,
    pub year: String,
    pub number: String,
    pub bracket_ok: bool,
    pub problems: Vec<&'static str>,
}

impl DocNo {
    pub fn corrected(&self) -> String {
        let year = if self.year.len() == 2 {
            format!("20{}", self.year)
        } else {
            self.year.clone()
        };
        let n = self.number.trim_start_matches('0');
        format!(
            "{}〔{}〕{}号",
            self.prefix,
            year,
            if n.is_empty() { "0" } else { n }
        )
    }
}

/// Matches a 文号 whose opening bracket is at `p`.
pub fn match_at(c: &[char], p: usize) -> Option<DocNo> {
    if !OPEN.contains(&c[p]) {
        return None;
    }
    let mut start = p;
    while start > 0 && p - start < 10 && is_han(c[start - 1]) {
        start -= 1;
    }
    if start == p && c[p] != '〔' {
        return None;
    }
    let mut problems = Vec::new();
    let mut i = p + 1;
    let mut spaced = false;
    let mut wide = false;
    let mut skip = |i: &mut usize| {
        while *i < c.len() && is_space(c[*i]) {
            *i += 1;
            spaced = true;
        }
    };
    let digits = |i: &mut usize, wide: &mut bool| {
        let s = *i;
        while *i < c.len() && digit(c[*i]).is_some() {
            *wide |= !c[*i].is_ascii_digit();
            *i += 1;
        }
        c[s..*i]
            .iter()
            .map(|&x| char::from_digit(digit(x).unwrap_or(0), 10).unwrap_or('0'))
            .collect::<String>()
    };
    skip(&mut i);
    let year = digits(&mut i, &mut wide);
    if !(2..=4).contains(&year.len()) {
        return None;
    }
    skip(&mut i);
    let close = *c.get(i)?;
    if !CLOSE.contains(&close) {
        return None;
    }
    let bracket_ok = c[p] == '〔' && close == '〕';
    i += 1;
    skip(&mut i);
    if c.get(i) == Some(&'第') {
        problems.push("序号前不加“第”");
        i += 1;
        skip(&mut i);
    }
    let number = digits(&mut i, &mut wide);
    if number.is_empty() {
        return None;
    }
    let before_hao = i;
    skip(&mut i);
    if c.get(i) == Some(&'号') {
        i += 1;
    } else {
        i = before_hao;
        if c.get(i).is_some_and(|&x| is_han(x)) {
            return None;
        }
        problems.push("缺少“号”");
    }
    if year.len() != 4 {
        problems.push("年份应写全四位");
    }
    if number.len() > 1 && number.starts_with('0') {
        problems.push("序号不编虚位（不加前导0）");
    }
    if spaced {
        problems.push("文号中不应有空格");
    }
    if wide {
        problems.push("数字应使用半角阿拉伯数字");
    }
    while let Some(w) = LEAD.iter().find(|w| {
        c[start..p].starts_with(&w.chars().collect::<Vec<_>>()) && p - start > w.chars().count()
    }) {
        start += w.chars().count();
    }
    let prefix = c[start..p].iter().collect();
    Some(DocNo {
        start,
        open: p,
        end: i,
        prefix,
        year,
        number,
        bracket_ok,
        problems,
    })
}

pub fn run(doc: &mut Doc) {
    // doc_no in the front matter.
    if let Some((value, off)) = doc.front.written("doc_no").into_iter().next() {
        let c: Vec<char> = value.chars().collect();
        let base = if doc.src[off..].starts_with(value.as_str()) {
            Some(off)
        } else {
            None
        };
        let at = |k: usize| {
            base.map(|b| b + c[..k].iter().map(|x| x.len_utf8()).sum::<usize>())
                .unwrap_or(off)
        };
        let found =
            (0..c.len()).find_map(|p| match_at(&c, p).filter(|d| d.start == 0 && d.end == c.len()));
        match found {
            Some(d) => {
                // Written verbatim (not an escape in quotes): the whole value can be rewritten.
                let edit = base.map(|b| super::Edit {
                    off: b,
                    from: value.clone(),
                    to: d.corrected(),
                });
                report(doc, at(d.open), &d, true, edit);
                if let (Some(date), Ok(y)) = (doc.date, d.year.parse::<i32>())
                    && d.year.len() == 4
                    && y != date.year()
                {
                    doc.push(
                        Lint::IssueDateConsistency,
                        at(d.open),
                        6,
                        format!(
                            "文号年份 {y} 与成文日期 {} 不一致",
                            date.format("%Y年%-m月%-d日")
                        ),
                        "文号中的年份应与成文日期（date）的年份相同",
                    );
                }
            }
            None => doc.push(
                Lint::DocnoNumber,
                off,
                c.len(),
                format!("文号“{value}”不符合“机关代字〔年份〕序号号”的格式"),
                "例如：永外委〔2023〕16号",
            ),
        }
    }
    for b in 0..doc.blocks.len() {
        let mut p = 0;
        while p < doc.blocks[b].chars.len() {
            let Some(d) = match_at(&doc.blocks[b].chars, p)
                .filter(|d| doc.blocks[b].all_free(d.start..d.end))
            else {
                p += 1;
                continue;
            };
            let off = doc.blocks[b].off(d.start);
            let edit = doc.edit(b, d.start, d.end - d.start, &d.corrected());
            report(doc, off, &d, false, edit);
            if let (Some(date), Ok(y)) = (doc.date, d.year.parse::<i32>())
                && d.year.len() == 4
                && y > date.year()
            {
                doc.push(
                    Lint::IssueDateConsistency,
                    off,
                    d.end - d.start,
                    format!(
                        "引用的文号“{}”晚于本文成文日期（{}年）",
                        d.corrected(),
                        date.year()
                    ),
                    "核对所引文件的文号或本文的成文日期",
                );
            }
            doc.blocks[b].claim(d.start..d.end, Claim::DocNo);
            p = d.end;
        }
    }
}

/// Reports the 文号's problems; `edit` rewrites it as [`DocNo::corrected`], a mechanical fix
/// unless the year has to be guessed (`〔23〕`).
fn report(doc: &mut Doc, off: usize, d: &DocNo, front: bool, edit: Option<super::Edit>) {
    let len = d.end - d.start;
    let fixed = d.corrected();
    let edit = edit.filter(|_| d.year.len() == 4 && !d.problems.contains(&"缺少“号”"));
    let where_ = if front { "doc_no 中的" } else { "" };
    if !d.bracket_ok {
        doc.push(
            Lint::DocnoBracket,
            off,
            len,
            format!("{where_}文号年份应使用六角括号〔〕"),
            format!("改为“{fixed}”"),
        );
        doc.fix([edit.clone()].into_iter().flatten().map(Some));
    }
    if !d.problems.is_empty() {
        doc.push(
            Lint::DocnoNumber,
            off,
            len,
            format!("{where_}文号格式有误：{}", d.problems.join("；")),
            format!("改为“{fixed}”"),
        );
        doc.fix(edit.into_iter().map(Some));
    }
}
