//! VOCABULARY: the words of 公文 and of this tool, written once. Every stage (`content` loads
//! with it, `check` proofreads with it, `render` lays out with it, `import` writes with it)
//! asks here instead of keeping a copy.
//!
//! - [`kind`]: what a document is (通知, 方案, 一封信…), its section, content folder, label,
//!   whether it is an official document and whether it needs a 公开属性.
//! - [`fields`]: the one front-matter schema: English keys, Chinese aliases, value types.
//! - [`date`]: the strict front-matter date parser (`2026-04-06`, `2026/4/6`,
//!   `2026年4月6日`) and the 公文 form of a date; [`date_spans`]: the lenient reader of dates in
//!   running text (also 二〇二六年四月六日, 4月6日, 2026.4.6) that the date lints use;
//!   [`date_line`]: a text that is only a date (a received document's 成文日期 line, 20230406
//!   too); [`period`]: the period of a campaign phase (2023年4月底前, 4月1日至5月31日).
//! - [`numerals`]: Chinese numerals both ways, and numbers in any written form.
//! - [`ordinal`]: 序次语 (一、 （一） 1. （1）) and their levels; enumerations (一是, 第一，).
//! - [`order`]: the order of a 公文's elements, the one the web page, the print page and
//!   the WeChat export follow.
//! - [`chars`]: character classes (`is_han`, CJK punctuation, digits, spaces).
//! - [`segmenter`]: the word segmenter (jieba), loaded once and shared.
//! - [`decode`]: bytes of a text file → `String` (UTF-8 with or without BOM, GBK, GB18030,
//!   UTF-16 with BOM).

pub mod chars;
pub mod date;
pub mod date_line;
pub mod date_spans;
pub mod decode;
pub mod fields;
pub mod kind;
pub mod numerals;
pub mod order;
pub mod ordinal;
pub mod period;
pub mod segmenter;

pub use chars::is_han;
pub use kind::Kind;
