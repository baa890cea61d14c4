//! Front matter as the linter sees it: canonical keys, values, and where each sits in the file.

use serde_yaml::Value;

/// The canonical (English) name of a front-matter key (the schema of [`crate::gongwen::fields`]).
pub fn canonical(key: &str) -> &str {
    crate::gongwen::fields::canonical(key).unwrap_or(key)
}

/// One top-level key.
#[derive(Debug, Clone)]
pub struct Field {
    pub key: String,
    /// Byte offset of the key in the file.
    pub offset: usize,
    /// Byte offset where the next key (or the block) ends.
    pub end: usize,
    pub value: Value,
}

/// The parsed front matter. `body_start` is the byte offset of the Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Front {
    pub fields: Vec<Field>,
    pub body_start: usize,
    /// Set when the block exists but is not valid YAML.
    pub error: Option<String>,
}

impl Front {
    /// Splits `source` into front matter and body. `body_start` from the caller wins when
    /// non-zero; otherwise a leading `---` block is detected here.
    pub fn parse(source: &str, body_start: usize) -> Front {
        let bom = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
        let rest = &source[bom..];
        if !(rest.starts_with("---\n") || rest.starts_with("---\r\n")) {
            return Front {
                body_start,
                ..Front::default()
            };
        }
        let yaml_start = bom + rest.find('\n').unwrap_or(0) + 1;
        let mut close = None;
        let mut pos = yaml_start;
        for line in source[yaml_start..].split_inclusive('\n') {
            if line.trim_end() == "---" || line.trim_end() == "..." {
                close = Some((pos, pos + line.len()));
                break;
            }
            pos += line.len();
        }
        let Some((yaml_end, after)) = close else {
            return Front {
                body_start,
                error: Some("front matter 缺少结束行“---”".into()),
                ..Front::default()
            };
        };
        let body_start = if body_start > 0 { body_start } else { after };
        let yaml = &source[yaml_start..yaml_end];
        let map: serde_yaml::Mapping = if yaml.trim().is_empty() {
            serde_yaml::Mapping::new()
        } else {
            match serde_yaml::from_str(yaml) {
                Ok(Value::Mapping(m)) => m,
                Ok(_) => serde_yaml::Mapping::new(),
                Err(e) => {
                    return Front {
                        body_start,
                        error: Some(e.to_string()),
                        ..Front::default()
                    };
                }
            }
        };
        // Key offsets: top-level lines of the form `key:`.
        let mut keys: Vec<(String, usize)> = Vec::new();
        let mut pos = yaml_start;
        for line in yaml.split_inclusive('\n') {
            let first = line.chars().next().unwrap_or(' ');
            if !first.is_whitespace()
                && first != '-'
                && first != '#'
                && let Some(k) = line.find(':')
            {
                keys.push((line[..k].trim().trim_matches(['"', '\'']).to_string(), pos));
            }
            pos += line.len();
        }
        let mut fields = Vec::new();
        for (i, (k, off)) in keys.iter().enumerate() {
            let end = keys.get(i + 1).map(|x| x.1).unwrap_or(yaml_end);
            if let Some(v) = map.get(Value::String(k.clone())) {
                fields.push(Field {
                    key: canonical(k).to_string(),
                    offset: *off,
                    end,
                    value: v.clone(),
                });
            }
        }
        Front {
            fields,
            body_start,
            error: None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// A string value (numbers and booleans are shown as written).
    pub fn str(&self, key: &str) -> Option<String> {
        self.get(key).and_then(|f| scalar(&f.value))
    }

    /// A string or a list of strings, as a list.
    pub fn list(&self, key: &str) -> Vec<String> {
        match self.get(key).map(|f| &f.value) {
            Some(Value::Sequence(s)) => s.iter().filter_map(scalar).collect(),
            Some(v) => scalar(v).into_iter().collect(),
            None => Vec::new(),
        }
    }

    /// The strings of a field with the byte offset of each in the file (the key's offset when
    /// the text cannot be found verbatim, e.g. because of escapes).
    pub fn located(&self, source: &str, key: &str) -> Vec<(String, usize)> {
        let Some(f) = self.get(key) else {
            return Vec::new();
        };
        let mut from = f.offset + key_len(source, f.offset);
        self.list(key)
            .into_iter()
            .map(|s| {
                let hay = &source[from.min(f.end)..f.end];
                match hay.find(s.as_str()).filter(|_| !s.is_empty()) {
                    Some(i) => {
                        let at = from + i;
                        from = at + s.len();
                        (s, at)
                    }
                    None => (s, f.offset),
                }
            })
            .collect()
    }
}

fn key_len(source: &str, off: usize) -> usize {
    source[off..].find(':').map(|i| i + 1).unwrap_or(0)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Parses a front-matter date as the loader does ([`crate::gongwen::date::parse`]).
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    crate::gongwen::date::parse(s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_keys_aliases_and_locations() {
        let src = "---\n标题: 关于甲的通知\nattachments:\n  - 甲方案\n  - 乙\n---\n正文\n";
        let f = Front::parse(src, 0);
        assert_eq!(f.str("title").as_deref(), Some("关于甲的通知"));
        assert_eq!(&src[f.body_start..], "正文\n");
        let loc = f.located(src, "attachments");
        assert_eq!(loc.len(), 2);
        assert!(src[loc[1].1..].starts_with("乙"));
        assert_eq!(parse_date("2023年4月6日"), parse_date("2023-04-06"));
        assert!(parse_date("2023-02-29").is_none());
        // The loader accepts it, so the date lints read it too.
        assert_eq!(parse_date("2023/4/6"), parse_date("2023-04-06"));
        assert_eq!(canonical("网址名"), "slug");
    }
}
