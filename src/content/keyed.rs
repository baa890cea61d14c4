//! A small map from front-matter keys to values: a vector kept in key order. A document has a
//! handful of keys, and every loaded document keeps three such maps; a `BTreeMap` gives each a
//! node of eleven slots (about 2 KiB a document, 23 MiB at 10,000 pages), this holds what is
//! there. Lookups are a binary search, O(log k); an insert O(k).

use std::ops::Index;

#[derive(Debug, Clone, PartialEq)]
pub struct Keyed<V>(Vec<(&'static str, V)>);

impl<V> Default for Keyed<V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<V> Keyed<V> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|n| &self.0[n].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(&mut self, key: &'static str, value: V) -> Option<V> {
        match self.find(key) {
            Ok(n) => Some(std::mem::replace(&mut self.0[n].1, value)),
            Err(n) => {
                self.0.insert(n, (key, value));
                None
            }
        }
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &V)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Gives back the room left over from inserting (the maps live as long as the site).
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }
}

impl<V> Index<&str> for Keyed<V> {
    type Output = V;

    fn index(&self, key: &str) -> &V {
        self.get(key)
            .unwrap_or_else(|| panic!("no front-matter key {key}"))
    }
}

#[cfg(test)]
mod tests {
    use super::Keyed;

    #[test]
    fn entries_stay_in_key_order_and_replace() {
        let mut m = Keyed::default();
        assert_eq!(m.insert("title", 1), None);
        assert_eq!(m.insert("date", 2), None);
        assert_eq!(m.insert("tags", 3), None);
        assert_eq!(m.insert("date", 4), Some(2));
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            [("date", &4), ("tags", &3), ("title", &1)]
        );
        assert_eq!(m["tags"], 3);
        assert!(m.contains_key("title") && !m.contains_key("slug"));
        assert_eq!((m.get("slug"), m.len()), (None, 3));
    }
}
