//! The context of one document's attribution: the document, the word classes and which
//! mention starts or ends at each token.

use crate::words::Words;
use stancemap_core::{ActorKind, Document, Span};

pub(crate) struct Ctx<'a> {
    pub(crate) doc: &'a Document,
    /// The word classes of `data/words.toml`.
    pub(crate) w: &'a Words,
    /// Token index -> mention whose last token it is.
    pub(crate) end_at: Vec<Option<usize>>,
    /// Token index -> mention whose first token it is.
    pub(crate) start_at: Vec<Option<usize>>,
}

impl<'a> Ctx<'a> {
    /// The context of `doc`, with the mention index of its tokens.
    pub(crate) fn new(doc: &'a Document, w: &'a Words) -> Ctx<'a> {
        let mut end_at = vec![None; doc.tokens.len()];
        let mut start_at = vec![None; doc.tokens.len()];
        for (i, m) in doc.mentions.iter().enumerate() {
            let a = doc.tokens.partition_point(|t| t.span.start < m.span.start);
            let b = doc.tokens.partition_point(|t| t.span.end <= m.span.end);
            if a < b {
                start_at[a] = Some(i);
                end_at[b - 1] = Some(i);
            }
        }
        Ctx {
            doc,
            w,
            end_at,
            start_at,
        }
    }

    pub(crate) fn norm(&self, t: usize) -> &str {
        self.doc.norm(t)
    }

    pub(crate) fn in_quote(&self, span: Span) -> bool {
        let quotes = &self.doc.quotes;
        let i = quotes.partition_point(|q| q.end <= span.start);
        i < quotes.len() && quotes[i].contains(span)
    }

    pub(crate) fn is_person(&self, m: usize) -> bool {
        let a = self.doc.mentions[m].actor;
        self.doc.actor(a).kind == ActorKind::Person
    }
}
