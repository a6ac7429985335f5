//! Sentences attributed through their neighbours: a sentence between two statements of
//! one speaker, and a question before a bare "X asked".

use crate::Attributor;
use crate::context::Ctx;
use crate::drafts::{Draft, drafts_by_sentence};
use stancemap_core::{ActorId, SentenceKind};

impl Attributor {
    /// An unattributed sentence between two statements of one speaker is theirs.
    pub(crate) fn sandwiched(&self, cx: &Ctx, drafts: &mut Vec<Draft>) {
        let doc = cx.doc;
        let by_sentence = drafts_by_sentence(doc, drafts);
        let mut add = Vec::new();
        for s in 1..doc.sentences.len().saturating_sub(1) {
            if !by_sentence[s].is_empty()
                || doc.sentences[s].kind == SentenceKind::Heading
                || cx.doc.in_quote(doc.sentences[s].span)
            {
                continue;
            }
            let prev: Vec<ActorId> = by_sentence[s - 1]
                .iter()
                .map(|&i| drafts[i].actor)
                .collect();
            // The next statement must go on with a pronoun ("…,” he said), the mark of
            // one speaker's continuous passage; and this sentence must not open with
            // another actor.
            let lo = doc.sentences[s].tokens.start;
            let det = lo < doc.sentences[s].tokens.end && matches!(cx.norm(lo), "the" | "a" | "an");
            let opens_with_other = cx.start_at.get(lo).copied().flatten().is_some()
                || (det && cx.start_at.get(lo + 1).copied().flatten().is_some());
            if opens_with_other {
                continue;
            }
            if let Some(&n) = by_sentence[s + 1].iter().find(|&&i| {
                prev.contains(&drafts[i].actor)
                    && !drafts[i].passive
                    && drafts[i].mention.is_some_and(|m| {
                        doc.mentions[m].kind == stancemap_core::MentionKind::Pronoun
                    })
            }) {
                let para = |x: usize| doc.sentences[x].paragraph;
                if para(s + 1) - para(s - 1) <= 2 {
                    let src = drafts[n].clone();
                    add.push(Draft {
                        sentence: s,
                        span: doc.sentences[s].span,
                        content: doc.sentences[s].span,
                        quote: false,
                        cue: None,
                        passive: false,
                        clause_start: doc.sentences[s].tokens.start,
                        ..src
                    });
                }
            }
        }
        drafts.extend(add);
    }

    /// "Why should Europe pay? Senator X asked on social media.": a sentence that is only
    /// a speaker, a verb of saying and adjuncts reports the unquoted question before it
    /// (same paragraph, nobody else's), which becomes its content.
    pub(crate) fn after_question(&self, cx: &Ctx, drafts: &mut [Draft]) {
        let doc = cx.doc;
        let by_sentence = drafts_by_sentence(doc, drafts);
        for s in 1..doc.sentences.len() {
            let (prev, cur) = (&doc.sentences[s - 1], &doc.sentences[s]);
            let question =
                prev.tokens.end > prev.tokens.start && cx.norm(prev.tokens.end - 1) == "?";
            if !question
                || !by_sentence[s - 1].is_empty()
                || prev.paragraph != cur.paragraph
                || cx.doc.in_quote(prev.span)
            {
                continue;
            }
            for &i in &by_sentence[s] {
                let d = &drafts[i];
                let Some((cue, _)) = d.cue else { continue };
                // the speaker opens the sentence, titles and all ("Romanian Senator X")
                let subject_first = (cur.tokens.start..d.clause_start).all(|t| {
                    let tok = doc.slice(doc.tokens[t].span);
                    tok.starts_with(char::is_uppercase) || matches!(cx.norm(t), "the" | "a" | "an")
                });
                let after = doc.tokens.partition_point(|t| t.span.start < cue.end);
                let bare = after >= cur.tokens.end
                    || matches!(
                        cx.norm(after),
                        "." | "on" | "in" | "at" | "during" | "after" | "via" | "later"
                    );
                if subject_first && bare && !d.quote {
                    let d = &mut drafts[i];
                    d.content = prev.span;
                    d.span = prev.span.cover(cur.span);
                }
            }
        }
    }
}
