//! All YAML goes through this module, so that swapping serde_yaml for a fork is a one-file change.

use serde::Serialize;

/// Serializes a value as YAML (used for front matter and `campaign.yaml` written by `import`/`new`).
pub fn to_string<T: Serialize>(value: &T) -> anyhow::Result<String> {
    Ok(serde_yaml::to_string(value)?)
}

/// Parses YAML into a generic value (used by `import` to look into an existing `campaign.yaml`).
pub fn parse_value(text: &str) -> anyhow::Result<serde_yaml::Value> {
    Ok(serde_yaml::from_str(text)?)
}
