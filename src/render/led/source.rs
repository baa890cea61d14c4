//! The renderer's input: slogans from the site, with their place in the user's file, and the
//! checks that concern a slogan itself (characters, punctuation, dates, screens).
//!
//! Complexity: not linear in the number of findings: [`prepare`] reads each slogan's characters
//! once, but each finding is located by counting from the slogan's start
//! (`SloganSource::locate`, O(k) for the k-th character), so a slogan of c characters with d
//! findings costs O(c·d) (quadratic for a long slogan full of half-width punctuation);
//! `check_encoding` locates each character it cannot show the same way.

use super::chars::{is_ascii_punct_in_han, is_han};
use super::encode::{Fit, fit};
use super::screen::{Encoding, Screen};
use super::split::normalize;
use crate::diag::Diagnostic;
use chrono::NaiveDate;

/// One slogan (a list item of a slogan set, or any item marked `led: true`).
#[derive(Debug, Clone, Default)]
pub struct SloganSource {
    /// Site-relative path, e.g. `content/slogans/biaozhunhua.md`.
    pub path: String,
    /// 1-based line and column (in chars) where `text` starts in that file.
    pub line: usize,
    pub col: usize,
    /// 1-based number of the item in its file (the feed's `group` is `path#item`).
    pub item: usize,
    /// `slogan`, `notice`, `letter` or `case`.
    pub kind: String,
    /// The item text as written (inline markup already removed).
    pub text: String,
    pub set_slug: String,
    pub set_title: String,
    /// Link to the item's page, relative to the site root (optional).
    pub url: Option<String>,
    /// Screen ids this slogan is for (empty = every screen).
    pub screens: Vec<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// Campaign phase label (e.g. 造强宣传声势).
    pub phase: Option<String>,
}

/// A campaign phase and its dates; a slogan of this phase without its own dates shows
/// during the phase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseSpan {
    pub name: String,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// A slogan ready for splitting.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    pub src: &'a SloganSource,
    pub text: String,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// Text-level errors (no screen can show it).
    pub broken: bool,
}

impl Prepared<'_> {
    pub fn valid_on(&self, d: NaiveDate) -> bool {
        self.valid_from.is_none_or(|f| f <= d) && self.valid_until.is_none_or(|u| d <= u)
    }

    pub fn for_screen(&self, s: &Screen) -> bool {
        (self.src.screens.is_empty() || self.src.screens.contains(&s.id))
            && (s.phases.is_empty()
                || self
                    .src
                    .phase
                    .as_ref()
                    .is_some_and(|p| s.phases.contains(p)))
    }

    /// `(line, col)` of the `k`-th char of the raw text in the user's file.
    pub fn locate(&self, k: usize) -> (usize, usize) {
        let (mut line, mut col) = (self.src.line, self.src.col);
        for c in self.src.text.chars().take(k) {
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        (line, col)
    }

    fn diag_at(&self, k: usize, error: bool, lint: &'static str, msg: String) -> Diagnostic {
        let (l, c) = self.locate(k);
        if error {
            Diagnostic::error(&self.src.path, l, c, lint, msg)
        } else {
            Diagnostic::warning(&self.src.path, l, c, lint, msg)
        }
    }

    /// Characters the screen's encoding cannot hold (errors) or that a GB2312 font card lacks.
    pub fn check_encoding(&self, s: &Screen, diags: &mut Vec<Diagnostic>) -> bool {
        let mut ok = true;
        for (k, c) in self.src.text.chars().enumerate() {
            if c.is_whitespace() {
                continue;
            }
            match fit(c, s.encoding) {
                Fit::Ok => {}
                Fit::OutsideGb2312 => diags.push(
                    self.diag_at(
                        k,
                        false,
                        "led-gb2312",
                        format!("“{c}”不在 GB2312 字库中，16×16 点阵字库卡可能显示不出"),
                    )
                    .with_hint("换成常用字，或确认屏幕控制卡装有 GBK 字库"),
                ),
                Fit::Unencodable => {
                    ok = false;
                    let enc = encoding_label(s.encoding);
                    let msg = format!(
                        "“{c}”（U+{:04X}）无法用屏幕“{}”的编码 {enc} 表示",
                        c as u32, s.id
                    );
                    diags.push(self.diag_at(k, true, "led-encoding", msg).with_hint(
                        "删去这个字符或换成文字（表情符号、生僻字、特殊符号在 LED 字库中没有）；或在 campaign.yaml 中把该屏的 encoding 改为 utf-8-sig",
                    ));
                }
            }
        }
        ok
    }
}

pub fn encoding_label(e: Encoding) -> &'static str {
    match e {
        Encoding::Gbk => "GBK",
        Encoding::Gb2312 => "GB2312",
        Encoding::Gb18030 => "GB18030",
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf8Sig => "UTF-8（带 BOM）",
    }
}

/// Normalises every slogan, resolves its dates from its phase, and reports problems that do
/// not depend on a screen.
pub fn prepare<'a>(
    slogans: &'a [SloganSource],
    phases: &[PhaseSpan],
    screens: &[Screen],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Prepared<'a>> {
    let mut out = Vec::new();
    let mut warned_open = std::collections::HashSet::new();
    for src in slogans {
        let span = src
            .phase
            .as_ref()
            .and_then(|p| phases.iter().find(|s| &s.name == p));
        let (from, until) = match (src.valid_from, src.valid_until) {
            (None, None) => span.map_or((None, None), |s| (s.from, s.until)),
            dates => dates,
        };
        let mut p = Prepared {
            src,
            text: normalize(&src.text),
            valid_from: from,
            valid_until: until,
            broken: false,
        };
        if p.text.is_empty() {
            continue;
        }
        let chars: Vec<char> = src.text.chars().collect();
        for (k, &c) in chars.iter().enumerate() {
            if c == '\\' {
                p.broken = true;
                diags.push(
                    p.diag_at(
                        k,
                        true,
                        "led-text",
                        "标语中有反斜杠“\\”，控制卡会把它当作转义符".into(),
                    )
                    .with_hint("删去反斜杠，或改用全角“＼”以外的文字表达"),
                );
            } else if super::encode::is_forbidden(c) && c != '\n' && c != '\t' {
                p.broken = true;
                let msg = format!("标语中有不可见的控制字符 U+{:04X}", c as u32);
                diags.push(
                    p.diag_at(k, true, "led-text", msg)
                        .with_hint("删去这个字符（常见于从网页或 Word 复制的文字）"),
                );
            } else if is_ascii_punct_in_han(c)
                && k > 0
                && k + 1 < chars.len()
                && (is_han(chars[k - 1]) || is_han(chars[k + 1]))
            {
                diags.push(
                    p.diag_at(
                        k,
                        false,
                        "led-ascii-punct",
                        format!("中文标语中用了半角标点“{c}”"),
                    )
                    .with_hint("改为全角标点，例如“，”“；”“：”“（）”"),
                );
            }
        }
        if let (Some(f), Some(u)) = (from, until)
            && f > u
        {
            p.broken = true;
            let msg = format!("起始日期 {f} 晚于截止日期 {u}");
            diags.push(
                p.diag_at(0, true, "led-date", msg)
                    .with_hint("检查 valid_from/起始日期 与 valid_until/截止日期"),
            );
        }
        if let Some(ph) = &src.phase
            && span.is_none()
            && !phases.is_empty()
        {
            let names: Vec<&str> = phases.iter().map(|s| s.name.as_str()).collect();
            diags.push(
                p.diag_at(
                    0,
                    false,
                    "led-phase",
                    format!("阶段“{ph}”不在 campaign.yaml 的阶段列表中"),
                )
                .with_hint(format!("可用的阶段：{}", names.join("、"))),
            );
        }
        if until.is_none() && !p.broken && warned_open.insert(src.path.as_str()) {
            let msg =
                "标语没有截止日期，会一直在 LED 屏上播放（观众久看不新，容易视而不见）".to_string();
            diags.push(p.diag_at(0, false, "led-no-end-date", msg).with_hint(
                "在前言区写 截止日期（valid_until），如这一阶段的最后一天，或写 阶段（phase）让标语随阶段结束",
            ));
        }
        for id in &src.screens {
            if !screens.iter().any(|s| &s.id == id) {
                let ids: Vec<&str> = screens.iter().map(|s| s.id.as_str()).collect();
                diags.push(
                    p.diag_at(0, false, "led-screen", format!("没有编号为“{id}”的 LED 屏"))
                        .with_hint(format!("campaign.yaml 中的屏幕：{}", ids.join("、"))),
                );
            }
        }
        out.push(p);
    }
    out
}
