//! The head of a speech under its title: the speaker ("镇长 于长海") and the day it was given
//! in brackets ("（2024年1月18日）"). The date becomes `date`; the speaker stays in the text.
//! A speaker who heads a government and names its place ("某镇党委副书记、镇长 关振国")
//! may give the issuer (某镇人民政府): `web::apply` takes it when nothing else names one.
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
    item.speaker_organ = kept
        .iter()
        .take(2)
        .find_map(|l| speaker_organ(&l.plain()).map(|o| (l.no, l.plain(), o)));
    kept
}

/// Heads of a government (with their deputies) and the place word their organ's name ends with.
const HEADS: &[(&str, &str)] = &[
    ("镇长", "镇"),
    ("乡长", "乡"),
    ("县长", "县"),
    ("区长", "区"),
    ("市长", "市"),
    ("旗长", "旗"),
];

/// The government a speaker line's holder heads: "杨木岭镇党委副书记、镇长　关振国" → 杨木岭镇人民政府.
/// The place is the line's first words up to the place word of the head's title ("镇" for
/// 镇长), Chinese characters only; `None` when the line names no place ("镇长  于长海") or is a
/// sentence.
fn speaker_organ(t: &str) -> Option<String> {
    let t = t.trim_matches(is_blank);
    if t.chars().count() > 40 || t.contains(['，', '。', '：', ':', '；', '（', '(']) {
        return None;
    }
    HEADS.iter().find_map(|(head, place_word)| {
        if !t.contains(head) {
            return None;
        }
        let end = t
            .char_indices()
            .skip(1)
            .find(|(b, _)| t[*b..].starts_with(place_word))?
            .0
            + place_word.len();
        let place = &t[..end];
        let han = place.chars().all(crate::gongwen::chars::is_han);
        // Not the title itself ("镇长", "副镇长"): the place names somewhere.
        // The title ends the line or stands before the speaker's name ("在某镇镇长办公会上"
        // names a meeting).
        let after = t.rfind(head).map_or("", |b| &t[b + head.len()..]);
        let name = after.trim_matches(is_blank);
        (han && !place.ends_with(&format!("副{place_word}"))
            && !place.starts_with('在')
            && place.chars().count() <= 12
            && t[end..].contains(head)
            && name.chars().count() <= 4
            && name.chars().all(crate::gongwen::chars::is_han))
        .then(|| format!("{place}人民政府"))
    })
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

    #[test]
    fn the_speakers_government_is_the_issuer() {
        let org = |t: &str| speaker_organ(t);
        assert_eq!(
            org("杨木岭镇党委副书记、镇长　关振国").as_deref(),
            Some("杨木岭镇人民政府")
        );
        assert_eq!(org("镇平县副县长 王明").as_deref(), Some("镇平县人民政府"));
        assert_eq!(org("城关镇副镇长  李华").as_deref(), Some("城关镇人民政府"));
        // No place, a party title only, a sentence.
        assert_eq!(org("镇长  于长海"), None);
        assert_eq!(org("副镇长 于长海"), None);
        assert_eq!(org("杨木岭镇党委书记　关振国"), None);
        assert_eq!(org("杨木岭镇镇长强调，要抓好防火。"), None);
        // Found by the review: a meeting's name.
        assert_eq!(org("在杨木岭镇镇长办公会上的讲话要点"), None);
        assert_eq!(org("在紫溪县县长办公会议精神传达会上"), None);
        assert_eq!(org("紫溪县县长办公会议精神传达会"), None);
        let lines: Vec<Line> = Line::numbered([
            "杨木岭镇党委副书记、镇长　关振国",
            "（2024年3月20日）",
            "同志们：",
        ]);
        let mut item = Item::new(Kind::Speech, Role::Main);
        read(&mut item, &lines, &mut Report::new("t.txt"));
        let (no, _, organ) = item.speaker_organ.expect("found");
        assert_eq!((no, organ.as_str()), (1, "杨木岭镇人民政府"));
    }
}
