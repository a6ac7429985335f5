//! The words of a document, interned: each distinct normal form or stem is stored once
//! and tokens hold a [`WordId`] (four bytes) instead of a `String` of their own.
//!
//! One table per [`Document`](crate::Document), filled by the text stage: a stage that
//! compares a token's word with a string reads it back with
//! [`Document::word`](crate::Document::word); a stage with a lexicon of its own can map
//! each distinct id once ([`WordTable::len`] bounds them) instead of hashing every token.

use crate::hash::FxBuildHasher;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// A word of a [`WordTable`]: an index in the order of first interning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct WordId(u32);

impl WordId {
    /// The index of the word in its table (`0..table.len()`).
    #[inline]
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Distinct strings, stored end to end in one buffer, with a hash index.
///
/// A document's words are read from its text, so an adversarial text could collide
/// hashes; it can then only slow down its own analysis (the table is per document).
#[derive(Clone, Default)]
pub struct WordTable {
    /// Every word, one after the other.
    text: String,
    /// Where each word ends in `text` (it starts where the previous one ends).
    ends: Vec<u32>,
    /// Ids by the hash of their word.
    index: HashTable<u32>,
}

impl std::fmt::Debug for WordTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordTable")
            .field("words", &self.len())
            .finish()
    }
}

fn hash(word: &str) -> u64 {
    FxBuildHasher::default().hash_one(word)
}

impl WordTable {
    /// The id of `word`, added if it is new.
    ///
    /// ```
    /// use stancemap_core::WordTable;
    /// let mut t = WordTable::default();
    /// let a = t.intern("drone");
    /// assert_eq!(t.intern("drone"), a);
    /// assert_ne!(t.intern("drones"), a);
    /// assert_eq!(t.get(a), "drone");
    /// assert_eq!(t.len(), 2);
    /// ```
    pub fn intern(&mut self, word: &str) -> WordId {
        let h = hash(word);
        let (text, ends) = (&self.text, &self.ends);
        let found = self
            .index
            .find(h, |&i| slice(text, ends, i as usize) == word);
        if let Some(&i) = found {
            return WordId(i);
        }
        let id = u32::try_from(self.ends.len()).expect("fewer than 2^32 distinct words");
        self.text.push_str(word);
        let end = u32::try_from(self.text.len()).expect("words of a document under 4 GiB");
        self.ends.push(end);
        let (text, ends) = (&self.text, &self.ends);
        self.index
            .insert_unique(h, id, |&i| hash(slice(text, ends, i as usize)));
        WordId(id)
    }

    /// The id of `word` if it is in the table.
    pub fn find(&self, word: &str) -> Option<WordId> {
        self.index
            .find(hash(word), |&i| self.get(WordId(i)) == word)
            .map(|&i| WordId(i))
    }

    /// The word of `id`. An id from another table yields its own word there, or `""`
    /// when out of range.
    #[inline]
    pub fn get(&self, id: WordId) -> &str {
        slice(&self.text, &self.ends, id.index())
    }

    /// Every word, in the order of its id (the `n`-th item is the word of the id whose
    /// [`WordId::index`] is `n`).
    ///
    /// ```
    /// use stancemap_core::WordTable;
    /// let mut t = WordTable::default();
    /// t.intern("shoot");
    /// t.intern("down");
    /// assert_eq!(t.iter().collect::<Vec<_>>(), ["shoot", "down"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.ends.len()).map(|i| slice(&self.text, &self.ends, i))
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

#[inline]
fn slice<'a>(text: &'a str, ends: &[u32], i: usize) -> &'a str {
    let Some(&end) = ends.get(i) else { return "" };
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    text.get(start..end as usize).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_round_trips_and_dedups() {
        let mut t = WordTable::default();
        let words = ["", "a", "überflug", "a", "shoot", "", "down", "shoot"];
        let ids: Vec<WordId> = words.iter().map(|w| t.intern(w)).collect();
        for (w, id) in words.iter().zip(&ids) {
            assert_eq!(t.get(*id), *w);
            assert_eq!(t.find(w), Some(*id));
        }
        assert_eq!(t.len(), 5);
        assert_eq!(t.find("drone"), None);
        assert_eq!(t.get(WordId(99)), "");
    }

    #[test]
    fn many_words_keep_their_ids() {
        let mut t = WordTable::default();
        let ids: Vec<WordId> = (0..5000).map(|i| t.intern(&format!("w{i}"))).collect();
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(t.get(*id), format!("w{i}"));
            assert_eq!(t.intern(&format!("w{i}")), *id);
        }
    }
}
