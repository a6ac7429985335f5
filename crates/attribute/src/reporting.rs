//! Drafts from reporting cues ("said", "warned against", "according to"): their speakers
//! and the span of what was said.

use crate::Attributor;
use crate::context::Ctx;
use crate::drafts::Draft;
use crate::lexicon::CueClass;
use crate::subjects::{ends_clause, opening_subject};
use stancemap_core::{ActorKind, MentionKind, Span, WordClass};

/// Whether the speaker's words go on after a post-posed cue ending at `cue_end`: a
/// comma and a participle ("…, X said, arguing for …": the speaker's own adjunct, not
/// another's words) or a semicolon ("…, X said; each case will be assessed").
fn continues_after(cx: &Ctx, cue_end: usize, hi: usize) -> bool {
    cue_end + 1 < hi
        && (cx.norm(cue_end) == ";"
            || (cx.norm(cue_end) == ","
                && cx.norm(cue_end + 1).len() > 5
                && cx.norm(cue_end + 1).ends_with("ing")))
}

/// "…, whatever the ministry's spokesmen like to say": a reporting verb inside a
/// concessive free relative (whatever / whoever, in the same clause) reports nothing.
fn free_relative(norms: &[&str], i: usize) -> bool {
    (i.saturating_sub(6)..i)
        .rev()
        .take_while(|&j| !matches!(norms[j], "," | ";" | ":" | "." | "(" | "—" | "–" | "-"))
        .any(|j| matches!(norms[j], "whatever" | "whoever"))
}

impl Attributor {
    /// Whether only adjuncts follow the cue at `norms[i]` ("said.", "said on Friday",
    /// "said in a statement", "told parliament"), so that what was said stands before it.
    fn nothing_reported_after(
        &self,
        cx: &Ctx,
        i: usize,
        norms: &[&str],
        cue_end: usize,
        hi: usize,
    ) -> bool {
        let mut words =
            (cue_end..hi).filter(|&k| cx.doc.tokens[k].kind == stancemap_core::TokenKind::Word);
        let Some(first) = words.next() else {
            return true;
        };

        // "said yesterday that …", "said in a statement that …": the adjunct is followed by
        // what was said
        if (cue_end..hi.min(cue_end + 8)).any(|k| cx.norm(k) == "that") {
            return false;
        }
        // "said simply: 'No.'": a colon right after the verb or an adverb hands over
        // what follows
        if (cue_end..hi.min(cue_end + 3)).any(|k| cx.norm(k) == ":") {
            return false;
        }
        let telling = matches!(norms[i], "told" | "tells" | "tell");
        continues_after(cx, cue_end, hi)
            || (telling && words.count() <= 2)
            || cx.w.after_verb.contains(cx.norm(first))
    }

    /// The drafts of the reporting cues of sentence `si` ("said", "according to", …):
    /// their speakers and what they said. `first_draft` is where the sentence's drafts
    /// start.
    pub(crate) fn cue_drafts(
        &self,
        cx: &Ctx,
        si: usize,
        first_draft: usize,
        drafts: &mut Vec<Draft>,
    ) {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        let norms: Vec<&str> = (lo..hi).map(|t| cx.norm(t)).collect();
        let mut i = 0;
        while i < norms.len() {
            let t = lo + i;
            if cx.doc.in_quote(doc.tokens[t].span) {
                i += 1;
                continue;
            }
            let Some(m) = self.lexicon.match_at(&norms, i) else {
                i += 1;
                continue;
            };
            let entry = &self.lexicon.entries()[m.entry];
            let cue_end = t + m.len;
            // a passive ("leaders are expected to", "she was told"): the subject is
            // not the speaker
            let passive_voice = m.len == 1
                && !entry.passive
                && i > 0
                && cx.w.be.contains(norms[i - 1])
                && (norms[i].ends_with("ed") || cx.w.irregular_participles.contains(norms[i]));
            if passive_voice || free_relative(&norms, i) {
                i += 1;
                continue;
            }
            let cue_span = doc.tokens[t].span.cover(doc.tokens[cue_end - 1].span);
            let mut speakers: Vec<(usize, usize)> = Vec::new(); // (mention, clause start token)
            let prev_in_sentence = drafts[first_draft..].last().cloned();
            if entry.passive {
                for m in self.agents_after(cx, cue_end, hi) {
                    speakers.push((m, t));
                }
            } else {
                let participle = norms[i].ends_with("ing");
                let after_comma = i > 0 && (norms[i - 1] == "," || norms[i - 1] == ":");
                let after_and = i > 0 && norms[i - 1] == "and";
                let prev = prev_in_sentence
                    .as_ref()
                    .filter(|p| !p.passive && p.mention.is_some());
                if participle && after_comma {
                    // "…, saying …" continues the clause's subject: the previous
                    // speaker of the sentence, or a mention opening the sentence.
                    if let Some(p) = prev {
                        speakers.push((p.mention.unwrap_or_default(), p.clause_start));
                    } else if let Some(m) = cx.start_at[lo]
                        .or_else(|| {
                            (hi > lo + 1 && norms[0] == "the")
                                .then(|| cx.start_at[lo + 1])
                                .flatten()
                        })
                        .or_else(|| opening_subject(cx, lo, t))
                    {
                        speakers.push((m, lo));
                    }
                } else if let (true, Some(p)) = (after_and, prev) {
                    speakers.push((p.mention.unwrap_or_default(), p.clause_start));
                } else if let Some(m) = self.subject_before(cx, lo, t, participle) {
                    let subjects = self.coordinated(cx, lo, m); // empty: in a PP
                    let ms = subjects
                        .iter()
                        .map(|&x| doc.mentions[x].span.start)
                        .min()
                        .unwrap_or(doc.mentions[m].span.start);
                    let cs = doc.tokens.partition_point(|tk| tk.span.start < ms);
                    speakers.extend(subjects.into_iter().map(|x| (x, cs)));
                } else if entry.inverted {
                    let inverted_ctx = i == 0
                        || matches!(norms[i - 1], "," | "\"" | "'" | ":")
                        || cx.doc.in_quote(doc.tokens[t - 1].span);
                    if inverted_ctx
                        && let Some(m) = self.subject_after(cx, cue_end, hi)
                        && ends_clause(cx, m, hi)
                    {
                        speakers.push((m, lo));
                    }
                }
                // A head of government or minister stating, before the reporting
                // clause, what their state will do: the state's position too
                // ("Norway will not hesitate to …, Prime Minister Ola Berg said")
                if matches!(entry.class, CueClass::Speech)
                    && let [(m, official_clause)] = speakers[..]
                    && let Some(comma) = (lo..t).find(|&k| cx.norm(k) == ",")
                    && doc.mentions[m].span.start > doc.tokens[comma].span.start
                {
                    let speaker = doc.actor(doc.mentions[m].actor);
                    // a named official, not "Greece, he stressed, is …"
                    let official = doc.mentions[m].kind != MentionKind::Pronoun
                        && speaker.kind == ActorKind::Person
                        && speaker.role.as_deref().is_some_and(|r| {
                            let r = r.to_lowercase();
                            cx.w.government_roles.iter().any(|w| r.contains(w))
                        });
                    if official {
                        for x in self.content_subjects(cx, lo, t) {
                            let state = doc.actor(doc.mentions[x].actor);
                            // a subject with its predicate, not "Norway's minister, X,"
                            let end = doc.mentions[x].span.end;
                            let after = doc.tokens.partition_point(|tk| tk.span.start < end);
                            let predicate = comma > after + 1 && cx.norm(after) != "'s";
                            if predicate
                                && state.kind == ActorKind::State
                                && (speaker.country.is_none() || speaker.country == state.country)
                            {
                                // the official's clause, so that the content is the
                                // clause before the reporting one
                                speakers.push((x, official_clause));
                            }
                        }
                    }
                }
                // A spokesperson reporting what their state or body will do: the
                // body's position too ("spokesperson Ana Roe said Slovakia would not …")
                if matches!(entry.class, CueClass::Speech)
                    && !speakers.is_empty()
                    && (t.saturating_sub(4)..t).any(|k| k >= lo && cx.w.spokes.contains(cx.norm(k)))
                {
                    for x in self.content_subjects(cx, cue_end, hi) {
                        if !cx.is_person(x) {
                            let ms = doc.mentions[x].span.start;
                            let cs = doc.tokens.partition_point(|tk| tk.span.start < ms);
                            speakers.push((x, cs));
                        }
                    }
                }
                // An unnamed source relays: the position is the reported clause's
                // subject's ("officials familiar with the talks said Italy had …",
                // "…, diplomats say").
                if matches!(entry.class, CueClass::Speech | CueClass::Belief) {
                    let inverted_relay = speakers.len() == 1
                        && doc.mentions[speakers[0].0].span.start >= cue_span.end
                        && doc
                            .slice(doc.mentions[speakers[0].0].span)
                            .split_whitespace()
                            .last()
                            .is_some_and(|w| cx.w.relay.contains(w.to_lowercase().as_str()));
                    if inverted_relay {
                        let subj = self.content_subjects(cx, lo, t);
                        if !subj.is_empty() {
                            speakers = subj.into_iter().map(|x| (x, lo)).collect();
                        }
                    } else if speakers.iter().all(|&(m, _)| {
                        doc.slice(doc.mentions[m].span)
                            .split_whitespace()
                            .any(|w| cx.w.relay.contains(w.to_lowercase().as_str()))
                    }) && self.relay_subject(cx, lo, t)
                    {
                        let subj = self.content_subjects(cx, cue_end, hi);
                        if !subj.is_empty() {
                            let ms = doc.mentions[subj[0]].span.start;
                            let cs = doc.tokens.partition_point(|tk| tk.span.start < ms);
                            speakers = subj.into_iter().map(|x| (x, cs)).collect();
                        } else if drafts.len() > first_draft {
                            // "Neither X nor Y wants …, diplomats said": X and Y speak
                            speakers.clear();
                        }
                    }
                }
            }
            for (m, clause_start) in speakers {
                let content = if entry.passive {
                    // "according to X, …" at the start: content follows the agent.
                    let before_start = prev_in_sentence
                        .as_ref()
                        .map(|p| doc.tokens[p.clause_start].span.start)
                        .unwrap_or(sent.span.start);
                    if t == lo || doc.tokens[t].span.start <= before_start {
                        let me = doc.mentions[m].span.end;
                        Span::new(me.min(sent.span.end), sent.span.end)
                    } else {
                        Span::new(before_start, doc.tokens[t].span.start)
                    }
                } else if entry.inverted
                    && clause_start == lo
                    && !cx.start_at[cue_end..hi.max(cue_end)].is_empty()
                    && doc.mentions[m].span.start >= cue_span.end
                {
                    sent.span
                } else if let Some(c) = (lo..clause_start)
                    .filter(|&c| {
                        if cx.norm(c) != "," || t - c > 16 {
                            return false;
                        }
                        // the comma that opens the speaker's noun phrase, not one
                        // that closes a fronted clause ("If they come back, we will
                        // …, X said") or a coordinated verb phrase (", and bring them
                        // down, X said")
                        let lower = |k: usize| {
                            cx.doc
                                .slice(cx.doc.tokens[k].span)
                                .starts_with(char::is_lowercase)
                        };
                        let coordination = (c + 1..t.saturating_sub(1))
                            .any(|k| matches!(cx.norm(k), "and" | "or" | "but") && lower(k + 1));
                        !coordination
                            && (c + 1..t).all(|k| {
                                !(cx.is(k, WordClass::SUBJECT_PRONOUN | WordClass::MODAL)
                                    || cx.w.clause_words.contains(cx.norm(k)))
                            })
                    })
                    // of several such commas, the first that opens a noun phrase
                    // ("…, the chair of X, Jan Roe, said"), else the last ("…, opening
                    // fire becomes an option, MP Jan Roe said")
                    .fold(None, |best: Option<(usize, bool)>, c| {
                        let np = c + 1 < t && {
                            let w = cx.doc.slice(cx.doc.tokens[c + 1].span);
                            w.starts_with(char::is_uppercase)
                                || cx.w.np_openers.contains(cx.norm(c + 1))
                        };
                        match best {
                            Some((_, true)) => best,
                            _ => Some((c, np)),
                        }
                    })
                    .map(|(c, _)| c)
                    .filter(|_| self.nothing_reported_after(cx, i, &norms, cue_end, hi))
                {
                    // "…, the commander, Gen. Jan Roe, said (on Friday)." and "…, X told
                    // parliament.": the content is the clause before the speaker; "…, X
                    // said, arguing for …" and "…, X said; …" add what follows
                    let end = if continues_after(cx, cue_end, hi) {
                        sent.span.end
                    } else {
                        doc.tokens[c].span.start
                    };
                    Span::new(sent.span.start, end)
                } else {
                    Span::new(cue_span.end, sent.span.end)
                };
                drafts.push(Draft {
                    sentence: si,
                    actor: doc.mentions[m].actor,
                    mention: Some(m),
                    span: sent.span,
                    content,
                    quote: false,
                    cue: Some((cue_span, entry.class)),
                    passive: entry.passive,
                    clause_start,
                });
            }
            i += m.len;
        }
    }
}
