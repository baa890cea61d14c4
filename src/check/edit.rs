//! The mechanical corrections findings carry (`check --fix`): an [`Edit`] is made only where
//! the text is written in the file exactly as the lints read it.

use super::Doc;

/// A mechanical correction: `from`, written at byte `off` of the file, becomes `to`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edit {
    pub off: usize,
    pub from: String,
    pub to: String,
}

impl Doc<'_> {
    /// Gives the finding pushed last its mechanical correction (edits that are `None` — text
    /// not written as it is read — leave it without one: all or nothing).
    pub fn fix(&mut self, edits: impl IntoIterator<Item = Option<Edit>>) {
        let edits: Option<Vec<Edit>> = edits.into_iter().collect();
        if let (Some(edits), Some(last)) = (edits, self.out.last_mut()) {
            last.edits = edits;
        }
    }

    /// An edit turning characters `i..i + n` of block `b` into `to`, when they are written in
    /// the file exactly as read (not inside an escape, an entity or a quoted YAML value).
    pub fn edit(&self, b: usize, i: usize, n: usize, to: &str) -> Option<Edit> {
        let blk = &self.blocks[b];
        let chars = blk.chars.get(i..i + n)?;
        let off = *blk.offs.get(i)?;
        let mut at = off;
        for (k, c) in chars.iter().enumerate() {
            if blk.offs[i + k] != at {
                return None;
            }
            at += c.len_utf8();
        }
        // The characters around the span map elsewhere (one text event, written verbatim).
        let before_ok = i == 0 || blk.offs[i - 1] < off;
        let after_ok = blk.offs.get(i + n).is_none_or(|&o| o >= at);
        let from: String = chars.iter().collect();
        (before_ok && after_ok && self.src.get(off..at) == Some(from.as_str())).then(|| Edit {
            off,
            from,
            to: to.to_string(),
        })
    }
}
