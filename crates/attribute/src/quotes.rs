//! Direct quotes attached to their speakers.

use crate::Attributor;
use crate::context::Ctx;
use crate::drafts::{Draft, drafts_by_sentence};
use crate::lexicon::CueClass;

impl Attributor {
    /// Direct quotes: attach every quote to the statement of its sentence, or continue
    /// the paragraph's previous speaker, or the next sentence's speaker.
    pub(crate) fn attach_quotes(&self, cx: &Ctx, drafts: &mut Vec<Draft>) {
        let doc = cx.doc;
        let owns = |d: &Draft| !d.passive || d.cue.is_some_and(|c| c.1 == CueClass::Source);
        // Drafts by sentence, kept up to date as continuations are added: every lookup
        // below is local, so a document with many quotes stays linear.
        let mut by_sentence = drafts_by_sentence(doc, drafts);
        for q in &cx.doc.quotes {
            let words = doc
                .tokens
                .iter()
                .skip(doc.tokens.partition_point(|t| t.span.start < q.start))
                .take_while(|t| t.span.end <= q.end)
                .filter(|t| t.kind == stancemap_core::TokenKind::Word)
                .count();
            if words < 4 {
                continue; // a scare quote or a quoted phrase, part of reported speech
            }
            let first = doc.sentences.partition_point(|s| s.span.end <= q.start);
            let end = first + doc.sentences[first..].partition_point(|s| s.span.start < q.end);
            if first >= end {
                continue;
            }
            let last = end - 1;
            let cover = doc.sentences[first].span.cover(doc.sentences[last].span);
            let own = (first..end)
                .flat_map(|s| by_sentence[s].iter().copied())
                .find(|&i| owns(&drafts[i]));
            if let Some(i) = own {
                let d = &mut drafts[i];
                // a split quote ("“…,” X said, “…”") keeps both halves
                d.content = if d.content.overlaps(*q) || d.quote {
                    d.content.cover(*q)
                } else {
                    *q
                };
                d.quote = true;
                d.span = d.span.cover(cover);
                continue;
            }
            // A colon quote after a clause whose subject is an actor: "X put it bluntly:
            // “…”", "The minister's answer was short: “…”".
            let lo = doc.sentences[first].tokens.start;
            if doc.text()[..q.start].trim_end().ends_with(':')
                && lo < doc.sentences[first].tokens.end
                && let Some(m) = cx.start_at[lo].or_else(|| {
                    (cx.norm(lo) == "the")
                        .then(|| cx.start_at.get(lo + 1).copied().flatten())
                        .flatten()
                })
                && doc.mentions[m].span.end <= q.start
            {
                by_sentence[first].push(drafts.len());
                drafts.push(Draft {
                    sentence: first,
                    actor: doc.mentions[m].actor,
                    mention: Some(m),
                    span: cover,
                    content: *q,
                    quote: true,
                    cue: None,
                    passive: false,
                    clause_start: lo,
                });
                continue;
            }
            // Without an attribution of its own, a quote continues a speaker only when it
            // opens its sentence (a quote inside a sentence is that sentence's writer's).
            if q.start > doc.sentences[first].span.start {
                continue;
            }
            let para = doc.sentences[first].paragraph;
            // the previous speaker in this paragraph or the paragraph just before
            let prev = (0..first)
                .rev()
                .take_while(|&s| doc.sentences[s].paragraph + 1 >= para)
                .flat_map(|s| by_sentence[s].iter().rev().copied())
                .find(|&i| {
                    let d = &drafts[i];
                    owns(d)
                        && d.mention.is_some()
                        && (doc.sentences[d.sentence].paragraph == para || d.quote)
                });
            // the next sentence's speaker ("… .” The minister said so on Monday.)
            let next = by_sentence
                .get(last + 1)
                .into_iter()
                .flatten()
                .copied()
                .find(|&i| {
                    let d = &drafts[i];
                    owns(d)
                        && doc.sentences[d.sentence].paragraph == para
                        && doc.sentences[d.sentence].tokens.len() <= 16
                });
            if let Some(src) = next.or(prev) {
                let src = drafts[src].clone();
                by_sentence[first].push(drafts.len());
                drafts.push(Draft {
                    sentence: first,
                    span: cover,
                    content: *q,
                    quote: true,
                    cue: None,
                    passive: false,
                    clause_start: doc.sentences[first].tokens.start,
                    ..src
                });
            }
        }
    }
}
