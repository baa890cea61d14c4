//! Hostile content (issue 10, item 2): script, attribute break-outs, template braces and
//! `</script>` in every front-matter field (enumerated from the schema, so a new field cannot
//! slip through), every `campaign.yaml` value, every roster cell, slogans and bodies. The
//! site is built and EVERY file under `output/` is scanned by its format, so new outputs are
//! covered as soon as they exist.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use xuanguan::content::frontmatter::{Ty, fields};

use crate::harness::{Site, snapshot};
use crate::html::{attr, attr_names, elements_with_text};

/// What an attacker (or a careless paste) puts in a field.
const PAYLOAD: &str =
    "<script>alert(\"xg\")</script>\"><img src=x onerror=alert('xg')>{{ xg }}</script>";

/// Fields that hold a value the build must understand, with why they are not free text.
/// Every other field gets the payload; a stale entry here fails the test.
const FIXED: &[(&str, &str)] = &[
    ("type", "one of the content types: set to each type in turn"),
    (
        "slug",
        "validated [a-z0-9-_]: a payload is refused (tests/cli/build.rs)",
    ),
    (
        "phase",
        "an id of campaign.yaml: an unknown one is an error",
    ),
    ("unit", "an id of campaign.yaml: an unknown one is an error"),
    (
        "roster",
        "a file of content/data: the roster's cells carry the payload instead",
    ),
    ("secrecy", "any value unpublishes the document"),
    (
        "disclosure",
        "any value but 主动公开 unpublishes the document",
    ),
    ("screens", "ids of LED screens: an unknown one is an error"),
    (
        "attachments",
        "must name a document: names a hostile one, shown by its title (the payload)",
    ),
];

/// `campaign.yaml` keys whose values are ids, dates, numbers, colours or enums.
const CAMPAIGN_FIXED: &[&str] = &[
    "id",
    "start",
    "end",
    "base_url",
    // A web address (refused unless http(s), mailto: or tel:; tests/cli/security.rs).
    "zhaocuo",
    "theme_color",
    "theme",
    "width_px",
    "height_px",
    "font_px",
    "encoding",
    "effect",
    "scroll_cps",
    "color",
];

fn yaml_value(key: &str, ty: Ty, kind: &str) -> Option<String> {
    let p = serde_json::to_string(PAYLOAD).unwrap();
    Some(match (key, ty) {
        ("type", _) => kind.to_string(),
        ("slug", _) => format!("xg-{kind}"),
        ("phase", _) => "xuanchuan".into(),
        ("unit", _) => "anban".into(),
        ("roster", _) if matches!(kind, "letter" | "form" | "pledge") => "xg.csv".into(),
        ("disclosure", _) => "主动公开".into(),
        ("screens", _) => "[zhen-menkou, cun-gonggao, lukou-paomadeng]".into(),
        ("roster" | "secrecy", _) => return None,
        ("draft", _) => "false".into(),
        // On the LED screens every document would show the same text: a duplicate error.
        ("led", _) => (kind == "slogans").to_string(),
        (_, Ty::Bool) => "true".into(),
        (_, Ty::Date) => "2026-09-10".into(),
        (_, Ty::Int) => "4".into(),
        (_, Ty::Text) => p,
        ("attachments", _) if kind == "notice" => "[xg-case]".into(),
        ("attachments", _) => "[xg-notice]".into(),
        (_, Ty::List | Ty::Names) => format!("[{p}, 甲]"),
        (_, Ty::Stats) => format!("{{{p}: 3, 宣传场次: 2}}"),
        (_, Ty::Lint) => "{disable: []}".into(),
    })
}

fn document(kind: &str, chinese_keys: bool) -> String {
    let mut fm = String::new();
    for (en, zh, ty) in fields() {
        if let Some(v) = yaml_value(en, ty, kind) {
            fm.push_str(&format!("{}: {v}\n", if chinese_keys { zh } else { en }));
        }
    }
    let body = match kind {
        "slogans" => format!("- {PAYLOAD}\n- 安全生产{PAYLOAD}人人有责\n"),
        "letter" | "form" | "pledge" => {
            format!("{{{{单位名称}}}}：\n\n{PAYLOAD}\n\n负责人{{{{主要负责人}}}}，{{{{备注}}}}。\n")
        }
        _ => format!(
            "{PAYLOAD}\n\n## {PAYLOAD}\n\n## 小标题 {{#a onclick=alert('xg')}}\n\n- {PAYLOAD}\n\n> {PAYLOAD}\n"
        ),
    };
    format!("---\n{fm}---\n\n{body}")
}

/// Replaces every free-text leaf of the campaign with the payload; returns how many.
fn poison(v: &mut Value, key: &str) -> usize {
    match v {
        Value::String(s) if !CAMPAIGN_FIXED.contains(&key) => {
            *s = PAYLOAD.to_string();
            1
        }
        Value::Array(a) => a.iter_mut().map(|x| poison(x, key)).sum(),
        Value::Object(m) => m.iter_mut().map(|(k, x)| poison(x, k)).sum(),
        _ => 0,
    }
}

fn csv_cell(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The example campaign with the payload everywhere a user can type text.
fn hostile_site() -> (Site, usize, usize) {
    let s = Site::example();
    // With a base_url, so that the feeds (atom.xml, sitemap.xml) are written and checked too.
    let text = s.read("content/campaign.yaml").replace(
        "base_url: \"\"",
        "base_url: \"https://www.example.gov.cn/zt/aq/\"",
    );
    let mut campaign = xuanguan::yaml::parse(&text).expect("example campaign parses");
    let campaign_values = poison(&mut campaign, "");
    s.write(
        "content/campaign.yaml",
        &serde_json::to_string_pretty(&campaign).unwrap(),
    );
    // `{{ xg }}` in a letter is a mail-merge placeholder: the roster has that column too.
    let header = [
        "单位名称",
        "主要负责人",
        "所属村",
        "行业",
        "联系电话",
        "备注",
        "xg",
    ];
    let mut csv = header.join(",") + "\n";
    for _ in 0..3 {
        csv += &vec![csv_cell(PAYLOAD); header.len()].join(",");
        csv += "\n";
    }
    s.write("content/data/xg.csv", &csv);
    let example = s.read("content/data/enterprises.csv");
    let cols = example.lines().next().unwrap().split(',').count();
    let rows = example.lines().count() - 1;
    let mut poisoned = example.lines().next().unwrap().to_string() + "\n";
    for _ in 0..rows {
        poisoned += &vec![csv_cell(PAYLOAD); cols].join(",");
        poisoned += "\n";
    }
    s.write("content/data/enterprises.csv", &poisoned);
    let kinds = [
        ("notices", "notice"),
        ("notices", "plan"),
        ("letters", "letter"),
        ("letters", "form"),
        ("letters", "pledge"),
        ("slogans", "slogans"),
        ("cases", "case"),
        ("news", "news"),
        ("news", "briefing"),
        ("news", "speech"),
        ("pages", "page"),
    ];
    for (i, (folder, kind)) in kinds.iter().enumerate() {
        s.write(
            &format!("content/{folder}/xg-{kind}.md"),
            &document(kind, i % 2 == 1),
        );
    }
    let cells = 3 * header.len() + rows * cols;
    (s, campaign_values, cells)
}

/// Why `text` (the file `rel` of the output) lets the payload act, if it does.
fn unsafe_in(rel: &str, text: &str) -> Option<String> {
    let ext = Path::new(rel)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    match ext {
        "html" | "htm" | "svg" => {
            for (name, attrs, raw) in elements_with_text(text) {
                // The theme's own handlers (a print button) carry no user text.
                let injected = |a: &String| {
                    a.starts_with("on") && attr(&attrs, a).is_none_or(|v| v.contains("alert("))
                };
                if let Some(a) = attr_names(&attrs).iter().find(|a| injected(a)) {
                    return Some(format!("<{name}> has an injected event handler {a}"));
                }
                if name == "img" && attr(&attrs, "src").as_deref() == Some("x") {
                    return Some("an injected <img src=x>".into());
                }
                if name == "script" && raw.trim_start().starts_with("alert(") {
                    return Some("an injected <script>".into());
                }
                if name == "script" && raw.contains("<!--") {
                    return Some("<!-- inside a script".into());
                }
            }
            None
        }
        "xml" => {
            let l = text.to_ascii_lowercase();
            if l.contains("<script") || l.contains("<img") {
                return Some("raw markup in XML".into());
            }
            xml_error(text)
        }
        "json" => serde_json::from_str::<Value>(text)
            .err()
            .map(|e| format!("not JSON: {e}")),
        "js" if text.contains("alert(") => {
            let json = text
                .find('(')
                .zip(text.rfind(')'))
                .map(|(a, b)| &text[a + 1..b])
                .unwrap_or("");
            serde_json::from_str::<Value>(json)
                .err()
                .map(|e| format!("user text in JS outside one JSON argument: {e}"))
        }
        "csv" => text
            .contains("alert(\"xg\")")
            .then(|| "a CSV cell with an unquoted \"".into()),
        "txt" | "css" | "js" | "png" | "jpg" | "xuanguan-output" => None,
        _ => text
            .contains("alert(")
            .then(|| format!("no escaping rule for .{ext} files in hostile.rs")),
    }
}

#[test]
fn every_field_is_enumerated_or_fixed_for_a_reason() {
    let keys: BTreeSet<&str> = fields().map(|(en, _, _)| en).collect();
    for (k, _) in FIXED {
        assert!(
            keys.contains(k),
            "FIXED names {k}, which is no longer a field"
        );
    }
    let injected: Vec<&str> = fields()
        .filter(|(en, _, ty)| {
            !FIXED.iter().any(|(k, _)| k == en)
                && !matches!(ty, Ty::Bool | Ty::Date | Ty::Int | Ty::Lint)
        })
        .map(|(en, _, _)| en)
        .collect();
    eprintln!(
        "front matter: {} fields, {} carry the payload: {}",
        keys.len(),
        injected.len(),
        injected.join(", ")
    );
    assert!(injected.len() >= 25, "too few fields carry the payload");
}

#[test]
fn hostile_text_comes_out_escaped_in_every_output() {
    let (s, campaign_values, cells) = hostile_site();
    let r = s.run(&["build", "--today", "2026-09-10"]).ok();
    eprintln!(
        "campaign.yaml: {campaign_values} values, roster cells: {cells}\n{}",
        r.stderr
    );
    let files = snapshot(&s.file("output"));
    let mut bad = Vec::new();
    let mut reached = BTreeSet::new();
    for (p, bytes) in &files {
        let rel = p.to_string_lossy().replace('\\', "/");
        let text = String::from_utf8_lossy(bytes);
        if text.contains("alert(") {
            reached.insert(rel.rsplit('.').next().unwrap_or("").to_string());
            reached.insert(rel.split('/').next().unwrap_or("").to_string() + "/");
        }
        if let Some(why) = unsafe_in(&rel, &text) {
            bad.push(format!("{rel}: {why}"));
        }
    }
    assert!(
        bad.is_empty(),
        "payload not neutralised:\n{}",
        bad.join("\n")
    );
    for ext in ["html", "xml", "json", "js", "txt"] {
        assert!(
            reached.contains(ext),
            "no .{ext} output holds the payload: {reached:?}"
        );
    }
    let page = s.read("output/site/notices/xg-notice.html");
    assert!(
        page.contains("&lt;script&gt;alert("),
        "payload not shown as text"
    );
    assert!(
        page.contains("{{ xg }}"),
        "template braces not kept as text"
    );
    eprintln!("{} output files scanned", files.len());
}

/// Why `text` is not well-formed XML 1.0, if it is not: characters XML forbids (control
/// characters, U+FFFE, U+FFFF), or a syntax error, mismatched tags or a bad entity.
fn xml_error(text: &str) -> Option<String> {
    if let Some(c) = text.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    }) {
        return Some(format!(
            "character U+{:04X} is not allowed in XML",
            c as u32
        ));
    }
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => {
                depth += 1;
                if let Some(bad) = e.attributes().find_map(Result::err) {
                    return Some(format!("bad attribute in XML: {bad}"));
                }
            }
            Ok(quick_xml::events::Event::Empty(e)) => {
                if let Some(bad) = e.attributes().find_map(Result::err) {
                    return Some(format!("bad attribute in XML: {bad}"));
                }
            }
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::GeneralRef(r)) => {
                let name = r[..].to_string();
                let known = matches!(name.as_str(), "lt" | "gt" | "amp" | "apos" | "quot")
                    || name.strip_prefix("#x").map_or_else(
                        || {
                            name.strip_prefix('#')
                                .is_some_and(|d| d.parse::<u32>().is_ok())
                        },
                        |h| u32::from_str_radix(h, 16).is_ok(),
                    );
                if !known {
                    return Some(format!("unknown entity &{name}; in XML"));
                }
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Some(format!("not well-formed XML: {e}")),
        }
    }
    (depth != 0).then(|| "unclosed elements in XML".into())
}

#[test]
fn the_xml_check_is_strict() {
    assert_eq!(xml_error("<a>&amp;&#12290;<b/></a>"), None);
    for bad in [
        "<a>\u{1}</a>",
        "<a><b></a>",
        "<a>&nbsp;</a>",
        "<a>",
        "<a x=1/>",
    ] {
        assert!(xml_error(bad).is_some(), "{bad:?} passed");
    }
}
