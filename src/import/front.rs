//! The front matter import writes: for every key of the one schema
//! ([`crate::gongwen::fields`]), in schema order, the value a recognised item gives, if any.

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::recognize::{Document, Item};
use crate::gongwen::fields;

/// A value of the front matter: a string, or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    One(String),
    Many(Vec<String>),
    Flag(bool),
}

/// Front matter as written by import: (schema key, value), in the order of the schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter(pub Vec<(&'static str, Value)>);

impl FrontMatter {
    /// The value written for `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

impl Serialize for FrontMatter {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// 公开属性 stated by a 附注: "此件公开发布" → 主动公开; "此件依申请公开" / "此件不予公开".
pub fn disclosure(note: &str) -> Option<String> {
    ["依申请公开", "不予公开"]
        .into_iter()
        .find(|w| note.contains(w))
        .or_else(|| (note.contains("公开发布") || note.contains("主动公开")).then_some("主动公开"))
        .map(str::to_string)
}

/// 公开属性 of an item: stated by the portal, else by its 附注.
pub fn item_disclosure(item: &Item) -> Option<String> {
    item.disclosure
        .clone()
        .or_else(|| item.note.as_deref().and_then(disclosure))
}

/// The front matter of item `i` of `doc`; `slugs` are the items' slugs.
pub fn of(doc: &Document, i: usize, slugs: &[String]) -> FrontMatter {
    let item = &doc.items[i];
    let attachments: Vec<String> = item.attachments.iter().map(|&a| slugs[a].clone()).collect();
    FrontMatter(
        fields::keys()
            .filter_map(|key| Some((key, value(item, key, &slugs[i], &attachments)?)))
            .collect(),
    )
}

/// What `item` gives for the schema key `key`.
fn value(item: &Item, key: &str, slug: &str, attachments: &[String]) -> Option<Value> {
    let one = |s: &str| Some(Value::One(s.to_string()));
    let text = |s: &Option<String>| s.clone().map(Value::One);
    let list = |v: &[String]| (!v.is_empty()).then(|| Value::Many(v.to_vec()));
    let date = |d: Option<NaiveDate>| d.map(|d| Value::One(d.format("%Y-%m-%d").to_string()));
    match key {
        "type" => one(item.kind.id()),
        "title" => one(&item.title),
        "date" => date(item.date),
        "phase" => text(&item.phase),
        "slug" => one(slug),
        "doc_no" => text(&item.doc_no),
        // One issuer is a string, joint issuers a list.
        "issuer" => match item.issuer.as_slice() {
            [one] => Some(Value::One(one.clone())),
            many => list(many),
        },
        "issuer_mark" => text(&item.issuer_mark),
        "title_lines" => list(&item.title_lines),
        "addressees" => list(&item.addressees),
        "signer" => list(&item.signer),
        "attachments" => list(attachments),
        "note" => text(&item.note),
        "copy_to" => list(&item.copy_to),
        "printed_by" => text(&item.printed_by),
        "printed_date" => date(item.printed_date),
        "contact" => text(&item.contact),
        "secrecy" => text(&item.secrecy),
        "urgency" => text(&item.urgency),
        "disclosure" => item_disclosure(item).map(Value::One),
        "index_no" => text(&item.index_no),
        "topic" => text(&item.topic),
        "genre" => text(&item.genre),
        "valid" => text(&item.valid),
        "keywords" => list(&item.keywords),
        "published" => date(item.published),
        "draft" => item.draft.then_some(Value::Flag(true)),
        "issue_no" => text(&item.issue_no),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gongwen::Kind;
    use crate::import::recognize::Role;

    /// Every value an item can carry is written, under its schema key, in schema order.
    #[test]
    fn every_value_under_its_schema_key() {
        let mut item = Item::new(Kind::Notice, Role::Main);
        let s = |t: &str| Some(t.to_string());
        let v = |t: &str| vec![t.to_string()];
        item.title = "标题".into();
        item.title_lines = vec!["标".into(), "题".into()];
        item.date = NaiveDate::from_ymd_opt(2024, 5, 10);
        item.printed_date = item.date;
        item.phase = s("p1");
        item.doc_no = s("永外政〔2024〕7号");
        item.issuer_mark = s("外山乡人民政府文件");
        item.issuer = v("外山乡人民政府");
        item.addressees = v("各村委会");
        item.signer = v("林某某");
        item.note = s("此件公开发布");
        item.copy_to = v("县安委办");
        item.printed_by = s("外山乡人民政府办公室");
        item.contact = s("林小梅");
        item.secrecy = s("秘密");
        item.urgency = s("特急");
        item.attachments = vec![0];
        let doc = Document {
            items: vec![item],
            phases: Vec::new(),
            campaign_title: None,
        };
        let fm = of(&doc, 0, &["ywz-2024-7".into()]);
        let keys: Vec<&str> = fm.0.iter().map(|(k, _)| *k).collect();
        let schema: Vec<&str> = fields::keys().filter(|k| keys.contains(k)).collect();
        assert_eq!(keys, schema);
        assert_eq!(keys.len(), 20, "{keys:?}");
        assert_eq!(fm.get("type"), Some(&Value::One("notice".into())));
        assert_eq!(fm.get("disclosure"), Some(&Value::One("主动公开".into())));
        assert_eq!(fm.get("issuer"), Some(&Value::One("外山乡人民政府".into())));
        assert_eq!(
            fm.get("printed_date"),
            Some(&Value::One("2024-05-10".into()))
        );
    }
}
