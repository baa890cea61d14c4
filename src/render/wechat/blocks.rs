//! Lists and tables of the body. Lists get text markers (`• `, `◦ `, `1. `) and nested lists
//! are flattened into the outer list with an indent, because the editor adds stray markers to
//! nested `ul/ol`; tables sit in an `overflow-x:auto` section and style `th/td`, never `tr`.
//!
//! Complexity: O(1) per list, item, table and cell event (a marker or a cell style is written
//! from the frame on top of the stacks).

use pulldown_cmark::Alignment;

use super::body::{Conv, ListFrame};

impl Conv<'_> {
    pub(super) fn start_list(&mut self, start: Option<u64>) {
        if self.lists.is_empty() {
            self.outer_list = if start.is_some() { "ol" } else { "ul" };
            self.out.push_str(&format!(
                "<{} style=\"{}\">",
                self.outer_list,
                self.st.list()
            ));
        } else if self.li_open {
            self.out.push_str("</li>");
            self.li_open = false;
        }
        self.lists.push(ListFrame {
            ordered: start.is_some(),
            next: start.unwrap_or(1),
        });
    }

    pub(super) fn start_item(&mut self) {
        if self.li_open {
            self.out.push_str("</li>");
        }
        let depth = self.lists.len().saturating_sub(1);
        let marker = match self.lists.last_mut() {
            Some(f) if f.ordered => {
                f.next += 1;
                format!("{}. ", f.next - 1)
            }
            _ => ["• ", "◦ ", "▪ "][depth.min(2)].to_string(),
        };
        let style = self.st.list_item(depth);
        self.out
            .push_str(&format!("<li style=\"{style}\">{marker}"));
        self.li_open = true;
        self.li_paras = 0;
    }

    /// Content after a nested list inside the same item continues in an unmarked `li`.
    pub(super) fn ensure_li(&mut self) {
        if !self.lists.is_empty() && !self.li_open {
            let style = self.st.list_item(self.lists.len() - 1);
            self.out.push_str(&format!("<li style=\"{style}\">"));
            self.li_open = true;
            self.li_paras = 1;
        }
    }

    pub(super) fn end_item(&mut self) {
        if self.li_open {
            self.out.push_str("</li>");
            self.li_open = false;
        }
    }

    pub(super) fn end_list(&mut self) {
        self.lists.pop();
        if self.lists.is_empty() {
            self.end_item();
            self.out.push_str(&format!("</{}>", self.outer_list));
            self.newline();
        }
    }

    pub(super) fn start_table(&mut self, aligns: &[Alignment]) {
        self.aligns = aligns.to_vec();
        self.in_table = true;
        self.out.push_str(&format!(
            "<section style=\"{}\"><table style=\"{}\">",
            self.st.table_wrap(),
            self.st.table()
        ));
    }

    pub(super) fn start_cell(&mut self) {
        let align = match self.aligns.get(self.cell) {
            Some(Alignment::Left) => "left",
            Some(Alignment::Center) => "center",
            Some(Alignment::Right) => "right",
            _ => "",
        };
        let cell = if self.in_head { "th" } else { "td" };
        let style = self.st.cell(self.in_head, align);
        self.out.push_str(&format!("<{cell} style=\"{style}\">"));
    }
}
