//! The 版头 and the title: 发文机关标志 (own line or "…文件", joint issuers), 发文字号
//! (normalised to 〔〕), a title over one to three lines, and 主送机关.
//!
//! Complexity: O(h) in the bytes of the head lines it reads: the security and urgency lines, at
//! most four 发文机关 lines (each followed by at most three lines tried as a 文号), the title block
//! of at most three lines and one 主送 line, each read in linear time.

use super::Item;
use super::docno::parse_doc_no;
use super::kind::{is_place_headline, news_lead, of_title, takes_addressees};
use super::title::{set_title, title_block};
use crate::gongwen::Kind;
use crate::gongwen::chars::is_blank;
use crate::gongwen::ordinal::numbered;
use crate::import::{Line, Report};

/// What the head of a document gave.
#[derive(Debug, Clone)]
pub struct Head {
    pub kind: Kind,
    /// Index of the first line after the head.
    pub end: usize,
    pub doc_no: Option<String>,
    pub issuers: Vec<String>,
    pub issuer_mark: Option<String>,
    pub title: Vec<(usize, String)>,
    pub addressees: Vec<String>,
    pub urgency: Option<String>,
    pub secrecy: Option<String>,
    pub signers: Vec<String>,
}

impl Head {
    pub fn apply(&self, item: &mut Item) {
        item.doc_no = self.doc_no.clone();
        item.issuer = self.issuers.clone();
        item.issuer_mark = self.issuer_mark.clone();
        item.addressees = self.addressees.clone();
        item.urgency = self.urgency.clone();
        item.secrecy = self.secrecy.clone();
        item.signer = self.signers.clone();
        item.line = self.title.first().map_or(0, |t| t.0);
        set_title(item, &self.title);
    }
}

const ORGAN_ENDINGS: &[&str] = &[
    "人民政府",
    "委员会",
    "办公室",
    "党委",
    "政府",
    "局",
    "委",
    "厅",
    "部",
    "院",
    "所",
    "站",
    "中心",
    "办事处",
    "管委会",
    "公司",
    "协会",
    "支队",
    "大队",
    "安办",
    "镇",
    "乡",
    "街道",
];

/// A line that names an organ: short, no punctuation, ends like an organ name.
pub fn is_organ(s: &str) -> bool {
    let n = s.chars().count();
    (2..=30).contains(&n)
        && !s.contains(['，', '。', '：', ':', '；', '、'])
        && !s.contains("关于")
        && ORGAN_ENDINGS.iter().any(|e| s.ends_with(e))
        && !numbered(s)
}

/// Reads the head of a document.
pub fn read_head(lines: &[Line], rep: &mut Report) -> Head {
    let mut i = 0;
    let mut issuers = Vec::new();
    let mut mark_lines = Vec::new();
    let (mut urgency, mut secrecy) = (None, None);
    // 份号, 密级 and 紧急程度 stand flush left above the 版头.
    while let Some(line) = lines.get(i) {
        let t = line.plain();
        if is_urgency(&t) {
            urgency = Some(t);
        } else if is_secrecy(&t) {
            secrecy = Some(t);
        } else if is_internal_mark(&t) {
            rep.info(line.no, 1, format!("“{t}”是文件的内部标注，未导入"));
        } else if is_copy_number(&t) {
            rep.info(line.no, 1, format!("份号“{t}”未导入（网页不显示份号）"));
        } else {
            break;
        }
        i += 1;
    }
    let head_start = i;
    // 发文机关标志: organ lines, possibly ending with 文件, before the 发文字号 or the title.
    while i < lines.len() && i < head_start + 4 {
        let t = unspaced(&lines[i].plain());
        let names: Vec<&str> = t
            .trim_end_matches("文件")
            .split(is_blank)
            .filter(|s| !s.is_empty())
            .collect();
        let organ_line = !names.is_empty() && names.iter().all(|n| is_organ(n));
        if t == "文件" || (organ_line && (t.ends_with("文件") || followed_by_doc_no(lines, i)))
        {
            mark_lines.push(t.clone());
            issuers.extend(names.iter().map(|s| s.to_string()));
            i += 1;
        } else {
            break;
        }
    }
    // The red rule under the 版头, pasted as a line of dashes; 紧急程度 under the 版头 (as a
    // document viewer shows the page).
    while let Some(t) = lines.get(i).map(Line::plain) {
        if is_rule(&t) {
        } else if is_urgency(&t) && urgency.is_none() && !mark_lines.is_empty() {
            urgency = Some(t);
        } else {
            break;
        }
        i += 1;
    }
    let has_mark = mark_lines.iter().any(|l| l.ends_with("文件"));
    let issuer_mark = has_mark.then(|| mark_lines.join(" "));
    let mut doc_no = None;
    let mut signers = Vec::new();
    if let Some(line) = lines.get(i) {
        let t = line.plain();
        let (no_part, signer) = t.split_once("签发人").unwrap_or((&t, ""));
        if let Some((normal, changed)) = parse_doc_no(no_part) {
            if changed {
                rep.info(
                    line.no,
                    1,
                    format!("发文字号“{}”已规范为“{normal}”", no_part.trim()),
                )
                .with_hint("发文字号的年份用六角括号〔〕，序号不加“第”，中间不留空格");
            }
            signers = signer
                .trim_start_matches(['：', ':'])
                .split(|c: char| is_blank(c) || "、，,".contains(c))
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            doc_no = Some(normal);
            i += 1;
        } else if t.contains('号')
            && t.chars().count() <= 20
            && t.contains(['〔', '[', '(', '（', '【'])
        {
            rep.warning(line.no, 1, format!("“{t}”像发文字号，但无法识别"))
                .with_hint("发文字号的格式为“机关代字〔年份〕序号号”，如“永外委〔2023〕16号”");
        }
    }
    let (title, end) = title_block(lines, i);
    i = end;
    // Portals print the title above the document, its 紧急程度 and 发文字号 under it.
    if urgency.is_none()
        && let Some(line) = lines.get(i)
        && is_urgency(&line.plain())
    {
        urgency = Some(line.plain());
        i += 1;
    }
    if doc_no.is_none()
        && let Some(line) = lines.get(i)
        && let Some((normal, _)) = parse_doc_no(&line.plain())
    {
        doc_no = Some(normal);
        i += 1;
    }
    let joined: String = title.iter().map(|(_, t)| t.replace(is_blank, "")).collect();
    let kind = match of_title(&joined) {
        Some(k) => k,
        None if doc_no.is_some() => {
            rep.warning(
                title.first().map_or(0, |t| t.0),
                1,
                format!("标题“{joined}”中没有文种，按通知导入"),
            )
            .with_hint("导入后在前置信息中核对 type");
            Kind::Notice
        }
        None if is_place_headline(&joined)
            || super::kind::is_town_headline(&joined)
            || lines.get(i).is_some_and(|l| news_lead(&l.plain())) =>
        {
            rep.info(
                title.first().map_or(0, |t| t.0),
                1,
                format!(
                    "标题“{joined}”中没有文种，{}，按工作动态（news）导入",
                    if is_place_headline(&joined) {
                        "以地名加冒号开头"
                    } else if super::kind::is_town_headline(&joined) {
                        "以镇（乡、街道、村）名和所做的事开头"
                    } else {
                        "正文以事件的日期开头"
                    }
                ),
            )
            .with_hint("若不是新闻稿，导入后在前置信息中改正 type");
            Kind::News
        }
        None => {
            rep.warning(
                title.first().map_or(0, |t| t.0),
                1,
                format!("无法从标题“{joined}”判断文档类型，按普通页面导入"),
            )
            .with_hint("导入后把文件移到正确的栏目，并在前置信息中填写 type");
            Kind::Page
        }
    };
    if title.len() > 1 {
        rep.info(
            title[0].0,
            1,
            format!(
                "标题分 {} 行书写，已合并，分行记入 title_lines",
                title.len()
            ),
        );
    }
    let mut addressees = Vec::new();
    if takes_addressees(kind)
        && let Some(line) = lines.get(i)
    {
        let t = line.plain();
        if t.ends_with(['：', ':']) && t.chars().count() <= 100 && !t.starts_with('_') {
            addressees = split_addressees(&t);
            i += 1;
        } else if let Some(next) = lines.get(i + 1).map(Line::plain)
            && t.ends_with(['，', '、', ','])
            && next.ends_with(['：', ':'])
            && !format!("{t}{next}").contains(['。', '；'])
            && t.chars().count() + next.chars().count() <= 100
        {
            // 主送 broken over two lines (text copied out of a PDF).
            addressees = split_addressees(&format!("{t}{next}"));
            i += 2;
        }
    }
    Head {
        kind,
        end: i,
        doc_no,
        issuers,
        issuer_mark,
        title,
        addressees,
        urgency,
        secrecy,
        signers,
    }
}

/// A line spaced out one character at a time ("云 溪 县 安 全 生 产 委 员 会 文 件", as text
/// copied out of a PDF gives the 发文机关标志) without its spaces; any other line as it is.
fn unspaced(t: &str) -> String {
    let parts: Vec<&str> = t.split(is_blank).filter(|s| !s.is_empty()).collect();
    if parts.len() >= 4 && parts.iter().all(|p| p.chars().count() == 1) {
        parts.concat()
    } else {
        t.to_string()
    }
}

/// A line drawn with dashes or underscores only (the 版头's red rule as text).
fn is_rule(t: &str) -> bool {
    t.chars().filter(|c| !is_blank(*c)).count() >= 3
        && t.chars().all(|c| is_blank(c) || "—－-─━_＿=═–".contains(c))
}

/// "内部资料　注意保存", "内部文件": a mark of the file for its readers, not of the 公文.
fn is_internal_mark(t: &str) -> bool {
    let parts: Vec<&str> = t.split(is_blank).filter(|p| !p.is_empty()).collect();
    !parts.is_empty()
        && parts.iter().all(|p| {
            [
                "内部资料",
                "内部文件",
                "注意保存",
                "妥善保管",
                "注意保密",
                "内部材料",
            ]
            .contains(p)
        })
}

fn is_urgency(t: &str) -> bool {
    matches!(t, "特急" | "加急")
}

/// "机密★1年", "秘密": the 密级.
fn is_secrecy(t: &str) -> bool {
    ["绝密", "机密", "秘密"].iter().any(|w| t.starts_with(w)) && t.chars().count() <= 12
}

/// "000123": the 份号.
fn is_copy_number(t: &str) -> bool {
    t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A mark a document prints above its 版头 or title (份号, 密级, 紧急程度, an internal mark):
/// the document's, never a page's header.
pub fn is_head_mark(t: &str) -> bool {
    is_urgency(t) || is_secrecy(t) || is_internal_mark(t) || is_copy_number(t)
}

/// How a place's name ends (省, 县, 镇, 街道…): "某县" over "人民政府关于…" is a title's
/// first half, and "郭岔镇人民政府" is an organ's full name.
pub const PLACE_ENDINGS: &[char] = &['省', '市', '县', '区', '镇', '乡', '旗', '州', '村'];

/// Whether the 发文字号 follows the organ line at `i`, past only more organ lines of a joint
/// 版头 or the red rule: a portal heading split as organ / 事由 / 文种 with the 文号 printed
/// under it is a title, not a 版头.
fn followed_by_doc_no(lines: &[Line], i: usize) -> bool {
    for l in lines[i + 1..].iter().take(3) {
        let t = unspaced(&l.plain());
        if parse_doc_no(&t).is_some() {
            return true;
        }
        let organ = t
            .trim_end_matches("文件")
            .split(is_blank)
            .filter(|s| !s.is_empty())
            .all(is_organ);
        if !(organ || is_rule(&t) || is_urgency(&t)) {
            return false;
        }
    }
    false
}

/// "各村委会，乡直各单位：" → [各村委会, 乡直各单位].
/// A 、 inside brackets ("各县（市、区）安委办") does not split.
pub fn split_addressees(t: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut depth = 0usize;
    for c in t.trim_end_matches(['：', ':']).chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && "、，,；".contains(c) {
            out.push(String::new());
        } else {
            out.last_mut().expect("non-empty").push(c);
        }
    }
    out.into_iter()
        .map(|s| s.trim_matches(is_blank).to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;
