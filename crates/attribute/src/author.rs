//! The author's own voice in opinion and analysis pieces.

use crate::Attributor;
use crate::context::Ctx;
use crate::drafts::Draft;
use stancemap_core::{Actor, ActorId, ActorKind, Document, SentenceKind};

impl Attributor {
    /// The author's own claims on a topic, in opinion and analysis pieces.
    pub(crate) fn author(
        &self,
        cx: &Ctx,
        drafts: &mut Vec<Draft>,
        author: &mut Option<ActorId>,
        doc_actors: usize,
    ) {
        let doc = cx.doc;
        // no author without a topic tagger, nor in a document that touches no topic
        if doc.topic_spans.as_deref().is_none_or(<[_]>::is_empty) {
            return;
        }
        let genre = doc.meta.genre.as_deref().unwrap_or("").to_lowercase();
        if !self.words.author_genres.contains(genre.as_str()) {
            return;
        }
        let mut covered = vec![false; doc.sentences.len()];
        for d in drafts.iter().filter(|d| !d.passive) {
            let from = doc
                .sentences
                .partition_point(|s| s.span.start < d.span.start);
            for (s, sent) in doc.sentences.iter().enumerate().skip(from) {
                if sent.span.start >= d.span.end {
                    break;
                }
                covered[s] |= d.span.contains(sent.span);
            }
        }
        // A sentence whose subject is a person reports that person, not the author.
        let about_person = |sent: &stancemap_core::Sentence| {
            let lo = sent.tokens.start;
            lo < sent.tokens.end
                && (cx.start_at[lo].is_some_and(|m| cx.is_person(m))
                    || matches!(cx.norm(lo), "he" | "she"))
        };
        // The author's argument runs through a paragraph: in a paragraph where the author
        // takes up a topic, the other unattributed sentences are the author's too.
        let paras = doc.sentences.last().map_or(0, |s| s.paragraph + 1);
        let mut topical_paras = vec![false; paras];
        for (s, sent) in doc.sentences.iter().enumerate() {
            if !covered[s]
                && sent.kind != SentenceKind::Heading
                && doc.is_topical(sent.span)
                && !about_person(sent)
            {
                topical_paras[sent.paragraph] = true;
            }
        }
        for (s, sent) in doc.sentences.iter().enumerate() {
            if covered[s] || sent.kind == SentenceKind::Heading || cx.doc.in_quote(sent.span) {
                continue;
            }
            if !topical_paras.get(sent.paragraph).copied().unwrap_or(false) || about_person(sent) {
                continue;
            }
            let id = *author.get_or_insert(ActorId(doc_actors));
            drafts.push(Draft {
                sentence: s,
                actor: id,
                mention: None,
                span: sent.span,
                content: sent.span,
                quote: false,
                cue: None,
                passive: false,
                clause_start: sent.tokens.start,
            });
        }
    }
}

/// The document's author actor, if it already has one.
pub(crate) fn existing_author(doc: &Document) -> Option<ActorId> {
    doc.actors
        .iter()
        .position(|a| a.kind == ActorKind::Author)
        .map(ActorId)
}

/// Adds the author's actor to the document when the author pass gave the author a new
/// id (one past the document's actors).
pub(crate) fn add_author_actor(doc: &mut Document, author: Option<ActorId>) {
    if let Some(id) = author
        && id.0 == doc.actors.len()
    {
        doc.actors.push(Actor {
            id: "author".into(),
            name: "Author".into(),
            kind: ActorKind::Author,
            country: None,
            role: None,
        });
    }
}
