//! What a document is: its type, section, content folder, label, and what it owes (公文
//! layout, a 公开属性).

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

    /// Documents an organ issues, which government disclosure rules require to carry a
    /// 公开属性 (`disclosure`): 公文, letters to enterprises, 告知书, 承诺书, speeches.
    pub fn needs_disclosure(self) -> bool {
        self.is_official() || self.is_letter() || self == Kind::Speech
    }

    /// The top folder under `content/` whose files get this type by default.
    pub fn folder(self) -> &'static str {
        self.section()
    }

    /// The type of a file at `path` (relative to the site or to `content/`), from its top folder
    /// under `content/`; files outside the typed folders are pages.
    pub fn from_path(path: &str) -> Kind {
        let p = path.replace('\\', "/");
        let parts: Vec<&str> = p.split('/').collect();
        let folder = match parts.iter().position(|s| *s == "content") {
            Some(i) => parts.get(i + 1).copied().unwrap_or(""),
            None => parts.first().copied().unwrap_or(""),
        };
        Kind::from_folder(folder).unwrap_or(Kind::Page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_and_lives_in_a_section() {
        for k in ALL {
            assert_eq!(Kind::parse(k.id()), Some(k));
            assert!(SECTIONS.iter().any(|(f, _)| *f == k.section()));
            assert_eq!(
                Kind::from_folder(k.folder()).map(Kind::section),
                Some(k.section())
            );
        }
        assert_eq!(Kind::parse("讲话").map(Kind::section), Some("news"));
        assert_eq!(Kind::from_path("content/notices/a.md"), Kind::Notice);
        assert_eq!(Kind::from_path("content/x/a.md"), Kind::Page);
        assert!(Kind::Speech.needs_disclosure() && !Kind::News.needs_disclosure());
    }
}
