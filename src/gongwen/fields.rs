//! The one front-matter schema (SPEC.md "Front matter"): every key in English and its Chinese
//! alias, with the type of its value. The loader converts values with it, `check` reads the
//! loaded values, `import` writes keys from it.

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Text,
    Bool,
    Int,
    Date,
    /// A list; a single string is split at 、，, (tags, keywords, screens).
    List,
    /// A list of names; a single string stays one entry (organs keep their own punctuation).
    Names,
    Stats,
    /// `lint: {disable: [id, …]}`: lints switched off for this file (docs/lints.md §0).
    Lint,
}

/// (English key, Chinese alias, type). The one schema of front matter (SPEC.md).
pub const FIELDS: &[(&str, &str, Ty)] = &[
    ("type", "类型", Ty::Text),
    ("title", "标题", Ty::Text),
    ("date", "日期", Ty::Date),
    ("phase", "阶段", Ty::Text),
    ("unit", "单位", Ty::Text),
    ("tags", "标签", Ty::List),
    ("summary", "摘要", Ty::Text),
    ("draft", "草稿", Ty::Bool),
    ("slug", "网址名", Ty::Text),
    ("cover", "封面", Ty::Text),
    ("author", "作者", Ty::Text),
    ("doc_no", "文号", Ty::Text),
    ("issuer", "发文机关", Ty::Names),
    ("issuer_mark", "发文机关标志", Ty::Text),
    ("seal", "盖章", Ty::Bool),
    ("title_lines", "标题分行", Ty::Names),
    ("addressees", "主送", Ty::Names),
    ("signer", "签发人", Ty::Names),
    ("attachments", "附件", Ty::Names),
    ("note", "附注", Ty::Text),
    ("copy_to", "抄送", Ty::Names),
    ("printed_by", "印发机关", Ty::Text),
    ("printed_date", "印发日期", Ty::Date),
    ("contact", "联系人", Ty::Text),
    ("copy_no", "份号", Ty::Text),
    ("secrecy", "密级", Ty::Text),
    ("urgency", "紧急程度", Ty::Text),
    ("disclosure", "公开属性", Ty::Text),
    ("index_no", "索引号", Ty::Text),
    ("topic", "主题分类", Ty::Text),
    ("keywords", "主题词", Ty::List),
    ("genre", "体裁分类", Ty::Text),
    ("valid", "有效性", Ty::Text),
    ("published", "发布日期", Ty::Date),
    ("screens", "屏幕", Ty::List),
    ("valid_from", "起始日期", Ty::Date),
    ("valid_until", "截止日期", Ty::Date),
    ("roster", "名单", Ty::Text),
    ("copies", "份数", Ty::Int),
    ("industry", "行业", Ty::Text),
    ("issue_no", "期数", Ty::Text),
    ("stats", "统计", Ty::Stats),
    ("led", "上屏", Ty::Bool),
    ("wechat", "微信", Ty::Bool),
    ("wechat_title", "公众号标题", Ty::Text),
    ("lint", "校对", Ty::Lint),
];

/// Words people write for a field that are not its key or alias (the 公文 standard's names,
/// common variants): `check` suggests the field they mean.
pub const SYNONYMS: &[(&str, &str)] = &[
    ("成文日期", "date"),
    ("发文日期", "date"),
    ("落款日期", "date"),
    ("署名", "issuer"),
    ("落款", "issuer"),
    ("发文单位", "issuer"),
    ("发文字号", "doc_no"),
    ("主送机关", "addressees"),
    ("抄送机关", "copy_to"),
    ("公开方式", "disclosure"),
    ("信息公开", "disclosure"),
    ("印发时间", "printed_date"),
    ("截止时间", "valid_until"),
    ("关键词", "keywords"),
    ("分类", "topic"),
];

/// The field a synonym names (成文日期 → date).
pub fn synonym(word: &str) -> Option<&'static str> {
    SYNONYMS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k)
}

/// Every canonical key, in schema order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().map(|(en, _, _)| *en)
}

/// Every field as (English key, Chinese alias, type), in schema order.
pub fn fields() -> impl Iterator<Item = (&'static str, &'static str, Ty)> {
    FIELDS.iter().copied()
}

/// The field written as `key` (English or Chinese): (English key, Chinese alias, type).
pub fn lookup(key: &str) -> Option<(&'static str, &'static str, Ty)> {
    FIELDS
        .iter()
        .find(|(en, zh, _)| *en == key || *zh == key)
        .copied()
}

/// The English name of a key written in English or Chinese.
pub fn canonical(key: &str) -> Option<&'static str> {
    lookup(key).map(|(en, _, _)| en)
}

/// The Chinese alias of an English key.
pub fn alias(key: &str) -> Option<&'static str> {
    lookup(key).map(|(_, zh, _)| zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_aliases_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for (en, zh, _) in fields() {
            assert!(seen.insert(en) && seen.insert(zh), "{en} {zh}");
        }
        assert_eq!(canonical("成文日期"), None);
        assert_eq!(canonical("网址名"), Some("slug"));
        assert_eq!(canonical("份号"), Some("copy_no"));
        assert_eq!(alias("date"), Some("日期"));
    }

    #[test]
    fn every_field_is_in_the_new_sites_guide_and_synonyms_name_fields() {
        let guide = include_str!("../cmd/new/site/使用说明.md");
        for (en, zh, _) in fields() {
            assert!(guide.contains(&format!("| {zh} | {en} |")), "{zh} {en}");
        }
        for (word, key) in SYNONYMS {
            assert!(
                canonical(word).is_none() && canonical(key) == Some(*key),
                "{word}"
            );
        }
    }
}
