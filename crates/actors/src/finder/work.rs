//! The working state over one document: its tokens as written, their features, the
//! actors and mentions found so far.

use super::features::{F_CAP, class_features, features_of};
use crate::lex::ActorLexicon;
use stancemap_core::{Actor, ActorId, Document, Mention};
use std::collections::HashMap;

/// What a title or apposition says of a person.
#[derive(Clone, Debug)]
pub(super) struct PersonInfo {
    pub(super) role: Option<String>,
    pub(super) country: Option<String>,
    pub(super) org: Option<String>,
}

/// Working state over one document.
pub(super) struct Work<'a> {
    pub(super) doc: &'a Document,
    pub(super) lex: &'a ActorLexicon,
    pub(super) actors: Vec<Actor>,
    pub(super) by_key: HashMap<String, ActorId>,
    /// Names already passed to [`Work::actor`] -> the actor (saves a `slug` per mention).
    pub(super) by_name: HashMap<String, ActorId>,
    /// Per token: the text as written.
    pub(super) surf: Vec<&'a str>,
    /// Per token: its normal form (read from the document's word table once).
    norms: Vec<&'a str>,
    /// Per token: `F_*` features.
    pub(super) feat: Vec<u32>,
    /// Per person actor: surname (normalised) and title info.
    pub(super) people: Vec<(ActorId, String, PersonInfo)>,
    pub(super) mentions: Vec<Mention>,
}

impl<'a> Work<'a> {
    /// The working state of `doc`: each token as written and its features, no actors yet.
    pub(super) fn new(doc: &'a Document, lex: &'a ActorLexicon) -> Work<'a> {
        let text = doc.text();
        let mut surf: Vec<&str> = Vec::with_capacity(doc.tokens.len());
        let mut norms: Vec<&str> = Vec::with_capacity(doc.tokens.len());
        let mut feat: Vec<u32> = Vec::with_capacity(doc.tokens.len());
        // The word classes of each distinct normal form, looked up once: the finder's own
        // lists and the shared classes the text stage found.
        let mut classes: Vec<Option<u32>> = vec![None; doc.words.len()];
        for t in &doc.tokens {
            let s = text.get(t.span.start..t.span.end).unwrap_or("");
            let norm = doc.word(t.norm);
            let of_norm = || lex.words().get(norm.as_bytes()) | class_features(doc.classes(t.norm));
            let on_norm = match classes.get_mut(t.norm.index()) {
                Some(slot) => *slot.get_or_insert_with(of_norm),
                None => of_norm(),
            };
            surf.push(s);
            norms.push(norm);
            feat.push(features_of(lex.words(), s, norm, on_norm));
        }
        Work {
            doc,
            lex,
            actors: Vec::new(),
            // Sized for a long article, so that the maps rarely grow (each growth re-hashes).
            by_key: HashMap::with_capacity(32),
            by_name: HashMap::with_capacity(64),
            surf,
            norms,
            feat,
            people: Vec::new(),
            mentions: Vec::new(),
        }
    }

    /// The token range of each sentence.
    pub(super) fn sentences(&self) -> Vec<(usize, usize)> {
        self.doc
            .sentences
            .iter()
            .map(|s| (s.tokens.start, s.tokens.end))
            .collect()
    }

    #[inline]
    pub(super) fn tok(&self, i: usize) -> &'a str {
        self.surf[i]
    }

    /// Whether token `i` has feature `f` (an `F_*` bit).
    #[inline]
    pub(super) fn has(&self, i: usize, f: u32) -> bool {
        self.feat[i] & f != 0
    }

    /// [`is_cap`](super::features::is_cap) of token `i`.
    #[inline]
    pub(super) fn cap(&self, i: usize) -> bool {
        self.has(i, F_CAP)
    }

    #[inline]
    pub(super) fn norm(&self, i: usize) -> &'a str {
        self.norms.get(i).copied().unwrap_or("")
    }

    pub(super) fn name_text(&self, a: usize, b: usize) -> String {
        let span = self.doc.tokens[a].span.cover(self.doc.tokens[b - 1].span);
        let raw = self.doc.slice(span);
        // garbled scrapes ("Jan, Kowalski") and stray punctuation inside a name
        let mut name = String::with_capacity(raw.len());
        for w in raw
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
            .filter(|w| !w.is_empty())
        {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(w);
        }
        name
    }
}
