//! The context of one document's attribution: the document, the word classes and which
//! mention starts or ends at each token.

use crate::words::Words;
use stancemap_core::{ActorKind, Document, WordClass};

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

    /// Whether token `t`'s word is in one of the shared English classes of `class`
    /// (false past the last token).
    #[inline]
    pub(crate) fn is(&self, t: usize, class: WordClass) -> bool {
        self.doc.token_classes(t).intersects(class)
    }

    pub(crate) fn is_person(&self, m: usize) -> bool {
        let a = self.doc.mentions[m].actor;
        self.doc.actor(a).kind == ActorKind::Person
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::WORDS;
    use stancemap_core::Stage;

    #[test]
    fn tokens_are_asked_for_their_shared_classes() {
        let mut doc = Document::new("d", "On Monday she said they would not, against all odds.");
        stancemap_text::Segmenter::default()
            .process(&mut doc)
            .unwrap();
        let cx = Ctx::new(&doc, &WORDS);
        let at = |w: &str| (0..doc.tokens.len()).find(|&i| cx.norm(i) == w).unwrap();
        assert!(cx.is(at("monday"), WordClass::DATE));
        assert!(cx.is(at("she"), WordClass::SUBJECT_PRONOUN));
        assert!(cx.is(at("would"), WordClass::AUXILIARY | WordClass::MODAL));
        assert!(cx.is(at("against"), WordClass::PREPOSITION));
        assert!(!cx.is(at("said"), WordClass::AUXILIARY | WordClass::MODAL));
        assert!(
            !cx.is(doc.tokens.len(), WordClass::DATE),
            "past the last token"
        );
    }

    #[test]
    fn lists_that_extend_a_shared_class_hold_only_their_own_words() {
        let shared = stancemap_core::WordClasses::embedded();
        for (list, class) in [
            (&WORDS.between, WordClass::WEEKDAY),
            (
                &WORDS.clause_words,
                WordClass::SUBJECT_PRONOUN | WordClass::MODAL,
            ),
            (&WORDS.prepositions, WordClass::PREPOSITION),
        ] {
            for w in list.iter() {
                assert!(
                    !shared.of(w).intersects(class),
                    "{w:?} is in the shared class"
                );
            }
        }
        // The effective sets the rules see (a list's own words and its classes).
        let count = |list: &crate::words::WordSet, class: WordClass| {
            list.iter().count() + shared.words(class).count()
        };
        assert_eq!(count(&WORDS.prepositions, WordClass::PREPOSITION), 23);
        assert_eq!(
            count(
                &WORDS.clause_words,
                WordClass::SUBJECT_PRONOUN | WordClass::MODAL
            ),
            23
        );
        assert_eq!(
            shared
                .words(WordClass::AUXILIARY | WordClass::MODAL)
                .count(),
            19
        );
        assert_eq!(shared.words(WordClass::DATE).count(), 19);
    }
}
