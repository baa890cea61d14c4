//! All YAML goes through this module, so that swapping serde_yaml for a fork is a one-file
//! change. Values come out as `serde_json::Value`; errors come out located in the *file*
//! (callers pass the line the YAML starts on) and worded in Chinese.
//!
//! Complexity: O(y) in the bytes of the YAML text (y) for [`parse`] (serde_yaml is a linear
//! parser; an integer too big for it is widened and the text parsed again, at most 64 times,
//! so O(65·y) at worst), [`entries`], [`first_keys`] and the error locators. [`locate`] is
//! O(y) per call: callers that locate every key of a text use [`first_keys`] instead.

use serde::Serialize;
use serde_json::Value;

/// A YAML syntax problem, located relative to the YAML text (1-based line, char column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
}

/// Parses YAML text into a JSON-like value. An empty document is `Value::Null`.
///
/// An integer too big for 64 bits (`copies: 99999999999999999999`) becomes a float, as in
/// JSON, so that the caller can say which field is out of range instead of failing the whole
/// text.
pub fn parse(text: &str) -> Result<Value, YamlError> {
    if text.trim().is_empty() {
        return Ok(Value::Null);
    }
    if let Some(e) = tab_indent(text) {
        return Err(e);
    }
    let mut text = std::borrow::Cow::Borrowed(text);
    for _ in 0..64 {
        match serde_yaml::from_str::<serde_yaml::Value>(&text) {
            Ok(v) => return Ok(to_json(v)),
            Err(e) => match big_integer(&text, &e) {
                Some(widened) => text = std::borrow::Cow::Owned(widened),
                None => return Err(error(&text, &e)),
            },
        }
    }
    serde_yaml::from_str::<serde_yaml::Value>(&text)
        .map(to_json)
        .map_err(|e| error(&text, &e))
}

/// `integer … as u128`: the integer at the error's offset rewritten as a float (`N.0`).
fn big_integer(text: &str, e: &serde_yaml::Error) -> Option<String> {
    let msg = e.to_string();
    if !(msg.contains("as u128") || msg.contains("as i128")) {
        return None;
    }
    let at = e.location()?.index();
    let rest = text.get(at..)?;
    let sign = usize::from(rest.starts_with(['-', '+']));
    let digits = rest[sign..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let end = at + sign + digits;
    Some(format!("{}.0{}", &text[..end], &text[end..]))
}

/// A libyaml error in Chinese, located where the user should look.
fn error(text: &str, e: &serde_yaml::Error) -> YamlError {
    let msg = e.to_string();
    let (message, hint) = translate(&msg);
    let (line, col) = if msg.contains("control characters are not allowed") {
        // libyaml reports the start of the text; point at the character itself.
        control_char(text).unwrap_or((1, 1))
    } else if msg.contains("more than one document") || msg.contains("expected <document start>") {
        document_marker(text).unwrap_or((1, 1))
    } else if let Some(at) = opened_at(&msg) {
        // An unclosed quote or bracket: where it opens, not where the text ends.
        within(text, at.0, at.1)
    } else {
        e.location()
            .map(|l| within(text, l.line(), l.column()))
            .unwrap_or((1, 1))
    };
    YamlError {
        line,
        col,
        message,
        hint,
    }
}

/// For "found unexpected end of stream …, while scanning a quoted scalar at line L column C"
/// and "did not find expected ',' or ']' …, while parsing a flow sequence at line L column C":
/// where the quote or bracket that was never closed opens.
fn opened_at(msg: &str) -> Option<(usize, usize)> {
    let unclosed = msg.contains("found unexpected end of stream")
        || msg.contains("did not find expected ',' or");
    if !unclosed {
        return None;
    }
    let (_, context) = msg.split_once(", while ")?;
    let (_, at) = context.rsplit_once(" at line ")?;
    let (line, col) = at.split_once(" column ")?;
    let col: String = col.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, col.parse().ok()?))
}

/// The first character YAML does not allow in a text (C0 and C1 controls other than tab and
/// line breaks, DEL, U+FFFE/U+FFFF), as a 1-based (line, column).
fn control_char(text: &str) -> Option<(usize, usize)> {
    let (at, _) = text.char_indices().find(|&(_, c)| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })?;
    Some(crate::diag::line_col(text, at))
}

/// The first line that is a YAML directive (`%YAML 1.2`) or a document marker (`---`, `...`).
fn document_marker(text: &str) -> Option<(usize, usize)> {
    text.lines()
        .position(|l| {
            let l = l.trim_end();
            l.starts_with('%') || l == "---" || l == "..."
        })
        .map(|i| (i + 1, 1))
}

/// The parser reports "end of input" one line past a text without a final newline: point at
/// the end of the last line instead.
fn within(text: &str, line: usize, col: usize) -> (usize, usize) {
    let lines = text.split('\n').count();
    if line <= lines {
        return (line.max(1), col.max(1));
    }
    let last = text.rsplit('\n').next().unwrap_or("");
    (lines, last.chars().count() + 1)
}

/// Serializes a value as YAML (used for front matter and `campaign.yaml` written by `import`/`new`).
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_yaml::to_string(value)?)
}

/// Finds where a key path (e.g. `["phases", "end"]`, or `["title"]`) is written, as a 1-based
/// (line, col) pair relative to the YAML text. `nth` selects the n-th occurrence of the last key
/// inside the parent (for lists of mappings: the n-th phase's `end`).
pub fn locate(text: &str, path: &[&str], nth: usize) -> Option<(usize, usize)> {
    let mut parent_indent: Option<usize> = None;
    let mut start_line = 0;
    let lines: Vec<&str> = text.lines().collect();
    for (depth, key) in path.iter().enumerate() {
        let last = depth + 1 == path.len();
        let mut seen = 0;
        let mut found = None;
        for (i, raw) in lines.iter().enumerate().skip(start_line) {
            let indent = raw.len() - raw.trim_start().len();
            let body = raw.trim_start().trim_start_matches("- ");
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            if let Some(p) = parent_indent
                && indent <= p
                && i > start_line
            {
                break;
            }
            // The key is everything before the first `:` (quotes and blanks trimmed).
            let head = body.split(':').next().unwrap_or("");
            let k = head.trim().trim_matches(['"', '\'']);
            if k == *key && body[head.len()..].starts_with(':') {
                if !last || seen == nth {
                    let col = raw[..raw.len() - body.len()].chars().count() + 1;
                    found = Some((i, indent, col));
                    break;
                }
                seen += 1;
            }
        }
        let (i, indent, col) = found?;
        if last {
            return Some((i + 1, col));
        }
        parent_indent = Some(indent);
        start_line = i + 1;
    }
    None
}

/// Where each key is first written, as [`locate`] finds a one-key path:
/// `first_keys(t).get(k) == locate(t, &[k], 0)` for every `k`. One pass for all the keys of a
/// front matter, where a `locate` per key is a pass each (O(keys · lines)).
pub fn first_keys(text: &str) -> std::collections::HashMap<String, (usize, usize)> {
    let mut out = std::collections::HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let body = raw.trim_start().trim_start_matches("- ");
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            continue;
        }
        let head = body.split(':').next().unwrap_or("");
        if body[head.len()..].starts_with(':') {
            let k = head.trim().trim_matches(['"', '\'']);
            let col = raw[..raw.len() - body.len()].chars().count() + 1;
            out.entry(k.to_string()).or_insert((i + 1, col));
        }
    }
    out
}

/// The top-level keys of a mapping as written: each key (quotes trimmed) with the byte range of
/// its entry in `text`, from the key to the next top-level key (or the end). A line scan, not a
/// parse: callers match these keys against the parsed ones.
pub fn entries(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let first = line.chars().next().unwrap_or(' ');
        if !first.is_whitespace()
            && first != '-'
            && first != '#'
            && let Some(k) = line.find(':')
        {
            if let Some(last) = out.last_mut() {
                last.1.end = pos;
            }
            let key = line[..k].trim().trim_matches(['"', '\'']).to_string();
            out.push((key, pos..text.len()));
        }
        pos += line.len();
    }
    out
}

fn tab_indent(text: &str) -> Option<YamlError> {
    for (i, line) in text.lines().enumerate() {
        let lead: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        if lead.contains('\t') {
            return Some(YamlError {
                line: i + 1,
                col: lead.chars().position(|c| c == '\t').unwrap_or(0) + 1,
                message: "行首用了 Tab 缩进，YAML 不允许".into(),
                hint: "把行首的 Tab 换成空格（两个空格为一级）。".into(),
            });
        }
    }
    None
}

/// Turns libyaml's English into something a publicity officer can act on.
fn translate(msg: &str) -> (String, String) {
    let m = msg.to_lowercase();
    let pairs: &[(&str, &str, &str)] = &[
        (
            "control characters are not allowed",
            "这里有一个看不见的控制字符，YAML 不允许",
            "删除这个字符（多见于从网页或其他软件复制来的文字）：把这一行删掉后重新输入。",
        ),
        (
            "unknown anchor",
            "以“*”开头的值在 YAML 中表示引用，但没有这个引用",
            "值以 * 或 & 开头时，把整个值用英文引号括起来，如 title: \"*安全生产月*\"。",
        ),
        (
            "hexadecimal number",
            "双引号里的“\\u”或“\\x”后面应是十六进制数字",
            "双引号里的反斜杠“\\”表示转义：要写反斜杠本身，写成两个“\\\\”；或改用单引号，或去掉引号。",
        ),
        (
            "unknown escape character",
            "双引号里的反斜杠“\\”后面的写法不对",
            "双引号里的反斜杠“\\”表示转义：要写反斜杠本身，写成两个“\\\\”；或改用单引号，或去掉引号。",
        ),
        (
            "while scanning a quoted scalar",
            "从这里开始的引号没有关上",
            "在这个值的末尾补上同样的英文引号（\" 或 '）；或者去掉开头的引号。",
        ),
        (
            "more than one document",
            "前言区里有 YAML 指令（如 %YAML 1.2）或文档分隔行（--- 或 ...）",
            "删除这一行：前言区只写“键: 值”。",
        ),
        (
            "expected <document start>",
            "前言区里有 YAML 指令（如 %YAML 1.2）或文档分隔行（--- 或 ...）",
            "删除这一行：前言区只写“键: 值”。",
        ),
        (
            "recursion limit exceeded",
            "方括号或花括号嵌套太深",
            "检查是否多写了“[”或“{”；值本身以 [ 或 { 开头时，把整个值用英文引号括起来。",
        ),
        (
            "mapping values are not allowed",
            "这里不应出现冒号“:”",
            "一行只能写一个“键: 值”；值里含英文冒号时，把整个值用英文引号括起来，如 title: \"通知：……\"。",
        ),
        (
            "did not find expected key",
            "缩进或格式不对齐，找不到下一个键",
            "检查这一行和上一行的缩进是否一致，列表项以“- ”开头。",
        ),
        (
            "did not find expected '-'",
            "列表项格式不对",
            "列表每一项都以“- ”（减号加空格）开头，且缩进一致。",
        ),
        (
            "found character that cannot start any token",
            "这里有一个不能作为值开头的字符（如 @、` 或 %）",
            "把整个值用英文引号括起来。",
        ),
        (
            "found unexpected end of stream",
            "文件在引号或括号结束前就结束了",
            "检查引号、方括号是否成对。",
        ),
        (
            "did not find expected node content",
            "这里缺少内容",
            "检查是否多写了逗号、减号或冒号。",
        ),
        (
            "duplicate entry",
            "同一个键写了两次",
            "删除重复的一行，只保留一个。",
        ),
        (
            "did not find expected ',' or ']'",
            "从这里开始的方括号“[”没有关上",
            "列表写成 [甲, 乙]，注意补上右方括号“]”；或改为每行一个“- 甲”。",
        ),
        (
            "did not find expected ',' or '}'",
            "从这里开始的花括号“{”没有关上",
            "补上右花括号“}”，或改为换行缩进的写法。",
        ),
    ];
    for (needle, zh, hint) in pairs {
        if m.contains(needle) {
            return (zh.to_string(), hint.to_string());
        }
    }
    let first = msg.split(" at line").next().unwrap_or(msg);
    (
        format!("YAML 格式错误（解析器信息：“{first}”）"),
        "对照示例检查这一行的格式：每行“键: 值”，冒号后有一个空格。".into(),
    )
}

fn to_json(v: serde_yaml::Value) -> Value {
    use serde_yaml::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64().map(Value::from).unwrap_or(Value::Null)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(seq) => Value::Array(seq.into_iter().map(to_json).collect()),
        Y::Mapping(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s,
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    Y::Null => "null".into(),
                    other => serde_yaml::to_string(&other)
                        .unwrap_or_default()
                        .trim()
                        .to_string(),
                };
                out.insert(key, to_json(v));
            }
            Value::Object(out)
        }
        Y::Tagged(t) => to_json(t.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `frontmatter` fuzz target: a quoted key followed by Chinese text made
    /// `locate` slice inside a character.
    #[test]
    fn locate_quoted_keys_before_chinese_text() {
        assert_eq!(locate("\"期数\"  : 1\n", &["期数"], 0), Some((1, 1)));
        assert_eq!(locate("a: 1\n'标题': 乙\n", &["标题"], 0), Some((2, 1)));
        assert_eq!(locate("\"期数\" 甲: 1\n", &["期数"], 0), None);
    }

    /// Found by the `frontmatter` fuzz target: an error at the end of a text without a final
    /// newline was located on a line that does not exist.
    #[test]
    fn error_at_the_end_points_into_the_text() {
        for t in ["title: a\naddres", "a: [1,\nb", "a: b\nc"] {
            let e = parse(t).unwrap_err();
            assert!(e.line <= t.split('\n').count(), "{t:?}: {e:?}");
        }
    }

    #[test]
    fn parses_and_locates() {
        let t =
            "title: 甲\nphases:\n  - id: a\n    end: 2023-04-30\n  - id: b\n    end: 2023-06-30\n";
        let v = parse(t).unwrap();
        assert_eq!(v["phases"][1]["id"], "b");
        assert_eq!(locate(t, &["title"], 0), Some((1, 1)));
        assert_eq!(locate(t, &["phases", "end"], 1), Some((6, 5)));
        assert_eq!(locate(t, &["phases", "id"], 0), Some((3, 5)));
        let e = entries(t);
        assert_eq!(e.len(), 2);
        assert_eq!(
            (e[0].0.as_str(), &t[e[0].1.clone()]),
            ("title", "title: 甲\n")
        );
        assert!(t[e[1].1.clone()].starts_with("phases:") && e[1].1.end == t.len());
        assert_eq!(entries("\"标题\": 甲\n")[0].0, "标题");
    }

    #[test]
    fn error_is_located_and_chinese() {
        let e = parse("title: a\nb: c: d\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("冒号"), "{}", e.message);
        let e = parse("a:\n\tb: 1\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 1));
    }

    /// Issue 20: each libyaml message reaches the user in Chinese, where the problem is.
    #[test]
    fn libyaml_messages_are_chinese_and_located() {
        let deep = format!("type: news\ntitle: {}\n", "[".repeat(200));
        let cases: &[(&str, (usize, usize), &str)] = &[
            ("type: news\ntitle: *x\n", (2, 8), "引用"),
            ("type: news\ntitle: \"\\uZZZZ\"\n", (2, 11), "十六进制"),
            ("type: news\ntitle: \"\\q\"\n", (2, 9), "反斜杠"),
            ("type: news\n%YAML 1.2\ntitle: a\n", (2, 1), "YAML 指令"),
            (&deep, (2, 135), "嵌套太深"),
            (
                "type: news\nslug: a\nsummary: a\u{1}b\n",
                (3, 11),
                "控制字符",
            ),
            (
                "type: news\ntitle: \"abc\nslug: a\ndate: 1\n",
                (2, 8),
                "引号没有关上",
            ),
            (
                "type: news\ntags: [a, b\nsummary: x\n",
                (2, 7),
                "方括号“[”没有关上",
            ),
            ("a: {b: c\nd: e\n", (1, 4), "花括号“{”没有关上"),
        ];
        for (text, at, word) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!((e.line, e.col), *at, "{text:?}: {e:?}");
            assert!(e.message.contains(word), "{text:?}: {e:?}");
            assert!(!e.message.contains("YAML 格式错误"), "{e:?}");
        }
    }

    #[test]
    fn integers_beyond_64_bits_become_floats() {
        let v = parse("copies: 99999999999999999999\nb: -99999999999999999999 # x\n").unwrap();
        assert_eq!(v["copies"].as_f64(), Some(1e20));
        assert_eq!(v["b"].as_f64(), Some(-1e20));
        assert_eq!(parse("a: 12\n").unwrap()["a"], 12);
    }

    #[test]
    fn first_keys_agree_with_locate() {
        let t = "title: 甲\n# c\n  \"note\": x\n- date: 1\nlist:\n  - title: 乙\nbad line\n: e\n";
        let all = first_keys(t);
        for k in ["title", "note", "date", "list", "", "nosuch", "bad line"] {
            assert_eq!(all.get(k).copied(), locate(t, &[k], 0), "{k}");
        }
    }
}
