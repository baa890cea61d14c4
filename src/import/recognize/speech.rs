//! The head of a speech under its title: the speaker ("镇长 于长海") and the day it was given
//! in brackets ("（2024年1月18日）"). The date becomes `date`; the speaker stays in the text.
//!
//! Complexity: O(h) in the bytes of the at most three lines it reads.

use super::Item;
use crate::gongwen::chars::is_blank;
use crate::gongwen::date_line;
use crate::import::{Line, Report};

/// Takes the bracketed date among the first lines of `rest` into `item`; returns the rest.
pub fn read(item: &mut Item, rest: &[Line], rep: &mut Report) -> Vec<Line> {
    let mut kept = rest.to_vec();
    let found = kept
        .iter()
        .take(3)
        .position(|l| bracketed_date(&l.plain()).is_some());
    if let Some(at) = found
        && let Some(d) = bracketed_date(&kept[at].plain())
    {
        let line = kept.remove(at);
        if item.date.is_none() {
            item.date = Some(d);
            rep.info(
                line.no,
                1,
                format!("讲话的日期“{}”已写入 date", line.plain()),
            );
        }
    }
    kept
}

/// "（2024年1月18日）" → the date; `None` for anything else.
fn bracketed_date(t: &str) -> Option<chrono::NaiveDate> {
    let t = t.trim_matches(is_blank);
    let inner = t
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?
        .trim_matches(is_blank);
    date_line::parse(inner)?.ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gongwen::Kind;
    use crate::import::recognize::Role;

    #[test]
    fn date_under_the_speaker() {
        let lines: Vec<Line> = Line::numbered(["镇长  于长海", "（2024年1月18日）", "同志们："]);
        let mut item = Item::new(Kind::Speech, Role::Main);
        let rest = read(&mut item, &lines, &mut Report::new("t.txt"));
        assert_eq!(item.date, chrono::NaiveDate::from_ymd_opt(2024, 1, 18));
        let texts: Vec<String> = rest.iter().map(|l| l.plain()).collect();
        assert_eq!(texts, ["镇长  于长海", "同志们："]);
        assert_eq!(bracketed_date("（在全镇会议上）"), None);
    }
}
