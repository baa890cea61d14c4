//! Content types and the output section each lives in.

use serde::Serialize;

/// What an item is. It decides the template and the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Notice,
    Plan,
    Letter,
    Form,
    Pledge,
    Slogans,
    Case,
    News,
    Briefing,
    Speech,
    Page,
}

pub const ALL: [Kind; 11] = [
    Kind::Notice,
    Kind::Plan,
    Kind::Letter,
    Kind::Form,
    Kind::Pledge,
    Kind::Slogans,
    Kind::Case,
    Kind::News,
    Kind::Briefing,
    Kind::Speech,
    Kind::Page,
];

/// Output sections: (folder, Chinese column name).
pub const SECTIONS: [(&str, &str); 6] = [
    ("notices", "通知公告"),
    ("letters", "告知承诺"),
    ("slogans", "宣传标语"),
    ("cases", "典型案例"),
    ("news", "工作动态"),
    ("pages", "其他页面"),
];

impl Kind {
    /// The type named in front matter (`type: notice`), English or Chinese.
    pub fn parse(s: &str) -> Option<Kind> {
        let k = match s.trim() {
            "notice" | "通知" => Kind::Notice,
            "plan" | "方案" => Kind::Plan,
            "letter" | "信" | "一封信" => Kind::Letter,
            "form" | "告知书" => Kind::Form,
            "pledge" | "承诺书" => Kind::Pledge,
            "slogans" | "标语" => Kind::Slogans,
            "case" | "案例" | "典型案例" => Kind::Case,
            "news" | "动态" | "工作动态" => Kind::News,
            "briefing" | "简报" => Kind::Briefing,
            "speech" | "讲话" => Kind::Speech,
            "page" | "页面" => Kind::Page,
            _ => return None,
        };
        Some(k)
    }

    /// The default type of a top-level content folder.
    pub fn from_folder(folder: &str) -> Option<Kind> {
        Some(match folder {
            "notices" => Kind::Notice,
            "slogans" => Kind::Slogans,
            "letters" => Kind::Letter,
            "cases" => Kind::Case,
            "news" => Kind::News,
            "pages" => Kind::Page,
            _ => return None,
        })
    }

    pub fn id(self) -> &'static str {
        match self {
            Kind::Notice => "notice",
            Kind::Plan => "plan",
            Kind::Letter => "letter",
            Kind::Form => "form",
            Kind::Pledge => "pledge",
            Kind::Slogans => "slogans",
            Kind::Case => "case",
            Kind::News => "news",
            Kind::Briefing => "briefing",
            Kind::Speech => "speech",
            Kind::Page => "page",
        }
    }

    /// Chinese name shown on pages.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Notice => "通知",
            Kind::Plan => "方案",
            Kind::Letter => "一封信",
            Kind::Form => "告知书",
            Kind::Pledge => "承诺书",
            Kind::Slogans => "宣传标语",
            Kind::Case => "典型案例",
            Kind::News => "工作动态",
            Kind::Briefing => "简报",
            Kind::Speech => "讲话",
            Kind::Page => "页面",
        }
    }

    /// The output folder (one per section).
    pub fn section(self) -> &'static str {
        match self {
            Kind::Notice | Kind::Plan => "notices",
            Kind::Letter | Kind::Form | Kind::Pledge => "letters",
            Kind::Slogans => "slogans",
            Kind::Case => "cases",
            Kind::News | Kind::Briefing | Kind::Speech => "news",
            Kind::Page => "pages",
        }
    }

    /// Letters, 告知书 and 承诺书: salutation, body, signature; may be mail-merged.
    pub fn is_letter(self) -> bool {
        matches!(self, Kind::Letter | Kind::Form | Kind::Pledge)
    }

    /// Official documents laid out as 公文.
    pub fn is_official(self) -> bool {
        matches!(self, Kind::Notice | Kind::Plan)
    }
}
