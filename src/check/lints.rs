//! The one table of lint ids: every finding of `check` names one of these, suppressions are
//! checked against it, and `docs/lints.md` documents each (a test keeps the two in step).
//!
//! Complexity: [`Lint::parse`] searches the table once (O(T) for T lints); [`Lint::closest`]
//! compares an id with every id (O(T·a·b) for ids of a and b characters).

use crate::diag::Severity;

/// Where a lint's findings come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Proofreading of one document (docs/lints.md §1–6); each has fixtures under
    /// `tests/fixtures/lints/<id>/`.
    Text,
    /// Site consistency: a link, image or attachment of the body that does not resolve in
    /// the site; a 文号 two documents share.
    Site,
    /// A mistake in a suppression (comment or front matter `lint:`).
    Suppression,
}

macro_rules! lints {
    ($($name:ident = $id:literal, $severity:ident, $family:ident;)*) => {
        /// A lint of the catalogue. Its id is what reports show and suppressions name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Lint {
            $($name,)*
        }

        /// Every lint, in catalogue order.
        pub const LINTS: &[Lint] = &[$(Lint::$name,)*];

        impl Lint {
            pub fn id(self) -> &'static str {
                match self {
                    $(Lint::$name => $id,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Lint::$name => Severity::$severity,)*
                }
            }

            pub fn family(self) -> Family {
                match self {
                    $(Lint::$name => Family::$family,)*
                }
            }
        }
    };
}

lints! {
    FmRequired = "fm-required", Error, Text;
    DocnoBracket = "docno-bracket", Error, Text;
    DocnoNumber = "docno-number", Error, Text;
    IssuerMismatch = "issuer-mismatch", Error, Text;
    JurisdictionMismatch = "jurisdiction-mismatch", Warning, Text;
    TrailingPunctTitle = "trailing-punct-title", Error, Text;
    TitleLineBreak = "title-line-break", Warning, Text;
    AttachmentMismatch = "attachment-mismatch", Error, Text;
    SignatureRepeated = "signature-repeated", Error, Text;
    AttachmentNoteRepeated = "attachment-note-repeated", Error, Text;
    RepeatedWord = "repeated-word", Error, Text;
    RepeatedChar = "repeated-char", Warning, Text;
    BrokenParagraph = "broken-paragraph", Warning, Text;
    PlaceholderResidue = "placeholder-residue", Error, Text;
    HalfwidthPunct = "halfwidth-punct", Error, Text;
    HalfwidthParen = "halfwidth-paren", Error, Text;
    UnbalancedPair = "unbalanced-pair", Error, Text;
    NestedPair = "nested-pair", Error, Text;
    RepeatedPunct = "repeated-punct", Error, Text;
    QuotedListDunhao = "quoted-list-dunhao", Warning, Text;
    OrdinalPunct = "ordinal-punct", Error, Text;
    EllipsisMisuse = "ellipsis-misuse", Warning, Text;
    NumberStyle = "number-style", Warning, Text;
    HeadingSequence = "heading-sequence", Error, Text;
    HeadingLevelOrder = "heading-level-order", Error, Text;
    InvalidDate = "invalid-date", Error, Text;
    WeekdayMismatch = "weekday-mismatch", Error, Text;
    DateFormat = "date-format", Error, Text;
    DateStyleMixed = "date-style-mixed", Warning, Text;
    IssueDateConsistency = "issue-date-consistency", Error, Text;
    DeadlineBeforeIssue = "deadline-before-issue", Warning, Text;
    CjkSpace = "cjk-space", Warning, Text;
    WordList = "word-list", Warning, Text;
    BrokenLink = "broken-link", Error, Site;
    MissingImage = "missing-image", Error, Site;
    MissingAttachment = "missing-attachment", Error, Site;
    DocnoDuplicate = "docno-duplicate", Error, Site;
    UnknownLint = "unknown-lint", Error, Suppression;
}

impl Lint {
    /// The lint named `id`, as written in a suppression.
    pub fn parse(id: &str) -> Option<Lint> {
        LINTS.iter().copied().find(|l| l.id() == id)
    }

    /// The id closest to a mistyped one, if any is close.
    pub fn closest(id: &str) -> Option<Lint> {
        LINTS
            .iter()
            .map(|l| (crate::content::frontmatter::similarity(id, l.id()), *l))
            .filter(|(s, _)| *s >= 50)
            .max_by_key(|(s, _)| *s)
            .map(|(_, l)| l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_parse_back() {
        for l in LINTS {
            assert_eq!(Lint::parse(l.id()), Some(*l));
        }
        assert_eq!(Lint::parse("word-lst"), None);
        assert_eq!(Lint::closest("word-lst"), Some(Lint::WordList));
        assert_eq!(Lint::closest("repeated-wrd"), Some(Lint::RepeatedWord));
        assert_eq!(Lint::closest("nosuch"), None);
    }

    /// docs/lints.md documents exactly the lints of the table, each under `### id — severity`.
    #[test]
    fn the_catalogue_documents_every_lint_with_its_severity() {
        let doc = include_str!("../../docs/lints.md");
        let documented: Vec<(&str, &str)> = doc
            .lines()
            .filter_map(|l| l.strip_prefix("### ")?.split_once(" — "))
            .collect();
        let table: Vec<(&str, &str)> = LINTS
            .iter()
            .map(|l| {
                let sev = if l.severity() == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                (l.id(), sev)
            })
            .collect();
        assert_eq!(documented, table);
    }
}
