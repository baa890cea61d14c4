//! Finds where a key path such as `led.screens.1.cols` is written in a YAML file, for
//! diagnostics. Block-style YAML only (what users write); unknown paths fall back to the
//! deepest part that was found.
//!
//! Complexity: O(d·L) for a key path of d segments over a YAML text of L lines (each segment
//! searches the lines of its parent block), except a list index: each candidate item checks the
//! lines above it in the block, O(L²) for a list block of L lines. It runs once per diagnostic
//! of the `led:` section, whose text is short.

/// `(line, col)`, both 1-based, of the key path; `aliases` maps a key to its other spellings.
pub fn locate(text: &str, path: &str, aliases: &dyn Fn(&str) -> Vec<String>) -> (usize, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let mut range = (0, lines.len());
    let mut found = (1, 1);
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let hit = if let Ok(k) = seg.parse::<usize>() {
            nth_item(&lines, range, k)
        } else {
            let mut names = vec![seg.to_string()];
            names.extend(aliases(seg));
            key_line(&lines, range, &names)
        };
        let Some((line, col, end)) = hit else { break };
        found = (line + 1, col + 1);
        // Inside a list item the first key shares the item's line.
        range = (
            if seg.parse::<usize>().is_ok() {
                line
            } else {
                line + 1
            },
            end,
        );
    }
    found
}

fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches(' ').len()
}

fn blank(l: &str) -> bool {
    let t = l.trim();
    t.is_empty() || t.starts_with('#')
}

/// End (exclusive) of the block that belongs to a line with indentation `ind`.
fn block_end(lines: &[&str], from: usize, to: usize, ind: usize) -> usize {
    (from..to)
        .find(|&i| !blank(lines[i]) && indent(lines[i]) <= ind)
        .unwrap_or(to)
}

/// The `k`-th (0-based) `- ` item in the range: (line, col of its content, end of its block).
fn nth_item(lines: &[&str], (from, to): (usize, usize), k: usize) -> Option<(usize, usize, usize)> {
    let first = (from..to).find(|&i| lines[i].trim_start().starts_with('-') && !blank(lines[i]))?;
    let ind = indent(lines[first]);
    let items: Vec<usize> = (first..to)
        .filter(|&i| indent(lines[i]) == ind && lines[i].trim_start().starts_with('-'))
        .take_while(|&i| (first..i).all(|j| blank(lines[j]) || indent(lines[j]) >= ind))
        .collect();
    let line = *items.get(k)?;
    let after = lines[line][ind + 1..].len() - lines[line][ind + 1..].trim_start().len();
    let col = lines[line][..ind + 1 + after].chars().count();
    Some((line, col, block_end(lines, line + 1, to, ind)))
}

/// The shallowest `name:` line in the range (a `- name:` item line counts too).
fn key_line(
    lines: &[&str],
    (from, to): (usize, usize),
    names: &[String],
) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (i, l) in lines.iter().enumerate().take(to).skip(from) {
        if blank(l) {
            continue;
        }
        let body = l.trim_start().trim_start_matches("- ").trim_start();
        let key_at = l.len() - body.len();
        let hit = names.iter().any(|n| {
            let rest = body
                .strip_prefix(n.as_str())
                .or_else(|| body.strip_prefix(&format!("\"{n}\"")));
            rest.is_some_and(|r| r.trim_start().starts_with(':'))
        });
        if hit && best.is_none_or(|b| key_at < b.1) {
            best = Some((i, key_at, indent(l)));
        }
    }
    let (line, key_at, ind) = best?;
    Some((
        line,
        lines[line][..key_at].chars().count(),
        block_end(lines, line + 1, to, ind),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "title: 青石镇\nled:\n  screens:\n    - id: door\n      cols: 16\n    - id: cun\n      行数: 2\n      effect: move_up\n  lexicon: [青石镇]\nwechat: {}\n";

    #[test]
    fn finds_nested_keys_and_items() {
        let none = |_: &str| Vec::new();
        assert_eq!(locate(YAML, "led", &none), (2, 1));
        assert_eq!(locate(YAML, "led.screens.0", &none), (4, 7));
        assert_eq!(locate(YAML, "led.screens.0.cols", &none), (5, 7));
        assert_eq!(locate(YAML, "led.screens.1.effect", &none), (8, 7));
        assert_eq!(locate(YAML, "led.screens.1.id", &none), (6, 7));
        let zh = |k: &str| {
            if k == "rows" {
                vec!["行数".to_string()]
            } else {
                Vec::new()
            }
        };
        assert_eq!(locate(YAML, "led.screens.1.rows", &zh), (7, 7));
        assert_eq!(
            locate(YAML, "led.screens.0.effect", &none),
            (4, 7),
            "missing key: its item"
        );
        assert_eq!(locate(YAML, "led.lexicon", &none), (9, 3));
    }
}
