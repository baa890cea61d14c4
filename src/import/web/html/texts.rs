//! What the readers of a page ask of each node, computed once for the whole page: whether it
//! stands inside an element never read (`script`, `nav`…) or a link, its text with blanks
//! squeezed out (length, weight, and the text itself when short), the strong 信息公开 labels
//! it and its elements name, and whether a block or a long block stands inside it.
//!
//! Asking these of each node by walking its subtree and its ancestors made reading a page
//! quadratic to cubic in its depth (a page of 3,000 nested `<div>`s did not finish in ten
//! minutes). Complexity: O(n · CAP) for n nodes: each node's text is kept only up to `CAP`
//! characters and shared with its only child holding text (a chain of wrappers costs one
//! string); every other figure is one pass down and one pass up the tree. A page nested deeper
//! than [`MAX_DEPTH`] is not read (see `depth.rs`).

use std::collections::HashMap;
use std::rc::Rc;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::depth::MAX_DEPTH;
use super::find::{is_block, name, skipped, weight};
use crate::gongwen::chars::is_blank;
use crate::import::web::labels::{is_strong, label_of};

/// Texts longer than this are not kept: no label, heading or 信息公开 block is that long.
pub(super) const CAP: usize = 800;

/// The schema keys a strong label may stand for, as bits.
const KEYS: &[&str] = &[
    "index_no",
    "issuer",
    "topic",
    "genre",
    "date",
    "published",
    "doc_no",
    "disclosure",
    "valid",
    "title",
    "keywords",
    "updated",
];

fn bit(key: &str) -> u16 {
    KEYS.iter().position(|k| *k == key).map_or(0, |i| 1 << i)
}

/// The strong labels (with a key) among `labels`, as bits.
pub(super) fn strong_bits<'a>(labels: impl IntoIterator<Item = (&'a str, &'a str)>) -> u16 {
    labels
        .into_iter()
        .filter(|&(l, k)| !k.is_empty() && is_strong(l))
        .fold(0, |b, (_, k)| b | bit(k))
}

pub(super) struct Texts {
    index: HashMap<NodeId, usize>,
    /// The node or one of its ancestors is never read.
    skip: Vec<bool>,
    /// The node or one of its ancestors is a link.
    in_link: Vec<bool>,
    /// The nearest block element above the node.
    block_above: Vec<Option<NodeId>>,
    len: Vec<usize>,
    weight: Vec<usize>,
    short: Vec<Option<Rc<str>>>,
    /// Strong labels the node's elements name, each alone ([`strong_bits`]).
    labels: Vec<u16>,
    /// A block element stands inside the node.
    has_block: Vec<bool>,
    /// A `table`, `p` or `div` of more than 200 characters of weight stands inside the node.
    has_long_block: Vec<bool>,
    /// The document order of the node's last descendant (its own when it has none).
    last: Vec<usize>,
    pub(super) too_deep: bool,
}

impl Texts {
    pub(super) fn new(doc: &Html) -> Texts {
        // The tree as one walk through it sees it (the parser may leave a node's child links
        // and its parent link disagreeing; the walk is what every reader follows).
        let mut nodes: Vec<NodeRef<Node>> = Vec::new();
        let mut parent: Vec<Option<usize>> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(x) => {
                    parent.push(open.last().copied());
                    open.push(nodes.len());
                    nodes.push(x);
                }
                Edge::Close(_) => {
                    open.pop();
                }
            }
        }
        let n = nodes.len();
        let index: HashMap<NodeId, usize> =
            nodes.iter().enumerate().map(|(i, x)| (x.id(), i)).collect();
        let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = p {
                kids[*p].push(i);
            }
        }
        let mut t = Texts {
            index,
            skip: vec![false; n],
            in_link: vec![false; n],
            block_above: vec![None; n],
            len: vec![0; n],
            weight: vec![0; n],
            short: vec![None; n],
            labels: vec![0; n],
            has_block: vec![false; n],
            has_long_block: vec![false; n],
            last: (0..n).collect(),
            too_deep: false,
        };
        // Down: a parent comes before its children in document order.
        let mut depth = vec![0usize; n];
        for (i, x) in nodes.iter().enumerate() {
            let up = parent[i];
            depth[i] = up.map_or(0, |p| depth[p] + 1);
            t.too_deep |= depth[i] > MAX_DEPTH;
            t.skip[i] = skipped(x) || up.is_some_and(|p| t.skip[p]);
            t.in_link[i] = name(x) == Some("a") || up.is_some_and(|p| t.in_link[p]);
            t.block_above[i] = up.and_then(|p| {
                if is_block(&nodes[p]) {
                    Some(nodes[p].id())
                } else {
                    t.block_above[p]
                }
            });
        }
        // Up: children come after their parent, so in reverse order each node is complete
        // before its parent reads it.
        for i in (0..n).rev() {
            let x = &nodes[i];
            if t.skip[i] {
                t.short[i] = Some(Rc::from(""));
            } else if let Node::Text(s) = x.value() {
                let squeezed: String = s.chars().filter(|c| !is_blank(*c)).collect();
                t.len[i] = squeezed.chars().count();
                t.weight[i] = weight(s);
                if t.len[i] <= CAP {
                    t.short[i] = Some(Rc::from(squeezed));
                }
            } else if t.len[i] <= CAP {
                // (`len` and `weight` were summed up from the children already.)
                let with_text: Vec<usize> =
                    kids[i].iter().copied().filter(|&c| t.len[c] > 0).collect();
                t.short[i] = Some(match with_text[..] {
                    [] => Rc::from(""),
                    [only] => t.short[only].clone().unwrap_or_else(|| Rc::from("")),
                    _ => Rc::from(
                        with_text
                            .iter()
                            .filter_map(|&c| t.short[c].as_deref())
                            .collect::<String>(),
                    ),
                });
            }
            if matches!(x.value(), Node::Element(_))
                && let Some(s) = &t.short[i]
            {
                t.labels[i] |= strong_bits(label_of(s));
            }
            if let Some(p) = parent[i] {
                t.last[p] = t.last[p].max(t.last[i]);
                t.len[p] += t.len[i];
                t.weight[p] += t.weight[i];
                t.labels[p] |= t.labels[i];
                t.has_block[p] |= t.has_block[i] || is_block(x);
                t.has_long_block[p] |= t.has_long_block[i]
                    || matches!(name(x), Some("table" | "p" | "div")) && t.weight[i] > 200;
            }
        }
        t
    }

    /// (A node the walk did not reach, through a child link the parser left behind, reads as
    /// an empty one.)
    fn at(&self, n: &NodeRef<Node>) -> Option<usize> {
        self.index.get(&n.id()).copied()
    }

    /// The node's place in document order (after every node when the walk did not reach it).
    pub(super) fn order(&self, id: NodeId) -> usize {
        self.index.get(&id).copied().unwrap_or(usize::MAX)
    }

    /// Whether `inner` is `outer` or stands inside it.
    pub(super) fn holds(&self, outer: NodeId, inner: NodeId) -> bool {
        let (o, i) = (self.order(outer), self.order(inner));
        self.index.contains_key(&outer) && o <= i && i <= self.last[o]
    }

    /// The document order of the node's last descendant.
    pub(super) fn last(&self, id: NodeId) -> usize {
        self.index.get(&id).map_or(usize::MAX, |&i| self.last[i])
    }

    pub(super) fn skipped(&self, n: &NodeRef<Node>) -> bool {
        self.at(n).is_none_or(|i| self.skip[i])
    }

    pub(super) fn in_link(&self, n: &NodeRef<Node>) -> bool {
        self.at(n).is_some_and(|i| self.in_link[i])
    }

    pub(super) fn block_above(&self, n: &NodeRef<Node>) -> Option<NodeId> {
        self.at(n).and_then(|i| self.block_above[i])
    }

    /// Characters of the node's text, blanks squeezed out.
    pub(super) fn len(&self, n: &NodeRef<Node>) -> usize {
        self.at(n).map_or(0, |i| self.len[i])
    }

    /// The node's text, links included, blanks squeezed out.
    pub(super) fn text(&self, n: &NodeRef<Node>) -> Rc<str> {
        let Some(i) = self.at(n) else {
            return Rc::from("");
        };
        if let Some(s) = &self.short[i] {
            return s.clone();
        }
        let mut s = String::new();
        for d in n.descendants() {
            if let Node::Text(t) = d.value()
                && !self.skipped(&d)
            {
                s.extend(t.chars().filter(|c| !is_blank(*c)));
            }
        }
        Rc::from(s)
    }

    /// The label the node's whole text is, when it is one.
    pub(super) fn label(&self, n: &NodeRef<Node>) -> Option<(&'static str, &'static str)> {
        self.at(n)
            .and_then(|i| self.short[i].as_deref())
            .and_then(label_of)
    }

    /// Strong labels named alone by the node or an element inside it, as bits.
    pub(super) fn labels(&self, n: &NodeRef<Node>) -> u16 {
        self.at(n).map_or(0, |i| self.labels[i])
    }

    pub(super) fn has_block(&self, n: &NodeRef<Node>) -> bool {
        self.at(n).is_some_and(|i| self.has_block[i])
    }

    pub(super) fn has_long_block(&self, n: &NodeRef<Node>) -> bool {
        self.at(n).is_some_and(|i| self.has_long_block[i])
    }
}
