//! Subjects and holders: who speaks ([`Speaker`]) and whose position a frame states.

use super::DocView;
use super::matches::PackDoc;
use super::pack::PackRt;
use super::scores::{
    COORD_SUBJECT_REACH, PARENTHETICAL_REACH, REPORTED_THAT_REACH, SUBJECT_REGION_WORDS,
};
use super::votes::Opts;
use super::window::Window;
use crate::lexicon::Holder;
use stancemap_core::Span;

/// Who is speaking in a statement, for subject checks.
#[derive(Debug, Default)]
pub(crate) struct Speaker {
    pub spans: Vec<Span>,
    pub others: Vec<Span>,
    /// The mentions of `others` that name people or groups (not states or institutions).
    pub other_people: Vec<Span>,
    /// The mentions of `others` whose actor belongs to another country than the
    /// speaker's (both known).
    pub foreign: Vec<Span>,
    pub is_author: bool,
    /// The speaker speaks for a state or institution (an official, a ministry): a named
    /// state or institution as the subject of a commitment is taken to be their side.
    pub official: bool,
    /// Lowercased distinctive words of the speaker's role or affiliation ("Renew Group"
    /// gives "renew"): a subject that names them is the speaker's own side ("Renew wants
    /// …", said by a member speaking for the group).
    pub affiliation: Vec<String>,
}

impl DocView<'_> {
    /// Is an object's vote someone else's position? Its holder frame (the outermost
    /// pre-frame, or the post frame) says whose it is ([`Holder`]); a frame inside the
    /// reporting cue, or in a clause read on its own (see [`Opts`]), is the speaker's.
    pub(super) fn held_by_other(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        win: &Window,
        sp: &Speaker,
        opts: Opts,
        holder_k: Option<usize>,
    ) -> bool {
        if let Some(k) = holder_k {
            let h = &pd.cues[k];
            let in_cue = win
                .cue
                .as_ref()
                .is_some_and(|r| h.start < r.end && r.start < h.end);
            if let Some(f) = self.frame(rt, h)
                && !in_cue
                && !opts.propagate
                && !opts.unscoped
                && match f.holder {
                    Holder::Subject => {
                        !self.passive_after(h.end) && self.subject(h.start, sp) == Subj::Other
                    }
                    Holder::Own => self.subject(h.start, sp) != Subj::Speaker,
                    Holder::Speaker => false,
                }
            {
                return true;
            }
        }
        false
    }

    /// A lower-case word in -ly of five letters or more: an adverb ("quickly", "firmly").
    fn ly_adverb(&self, t: &crate::stream::Tok) -> bool {
        let n = self.stream.norm(t);
        !t.cap && n.len() > 4 && n.ends_with("ly")
    }

    /// Does a passive start at token `e` ("[will] be shot down", "[would] not be quickly
    /// brought down")? Its subject is what is acted on: "Russian drones will be shot
    /// down, the minister said" commits the minister's side, not Russia. A participle
    /// before "to" ("will be forced to", "is prepared to") is an attitude, not a passive.
    fn passive_after(&self, e: usize) -> bool {
        let toks = &self.stream.toks;
        let Some(last) = e.checked_sub(1) else {
            return false;
        };
        let end = self.stream.sents[toks[last].sent].range.end;
        let norm = |i: usize| self.stream.norm(&toks[i]);
        let adverb = |i: usize| toks[i].neg || self.ly_adverb(&toks[i]);
        let mut i = e;
        while i < end && adverb(i) {
            i += 1;
        }
        if i >= end || !matches!(norm(i), "be" | "been" | "get") {
            return false;
        }
        i += 1;
        while i < end && adverb(i) {
            i += 1;
        }
        if i >= end || !toks[i].word || toks[i].cap {
            return false;
        }
        let w = norm(i);
        let participle = (w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")))
            || self.lex.irregular_participles.contains(w);
        participle && (i + 1 >= end || norm(i + 1) != "to")
    }

    /// A personal pronoun as a subject: "we" is the speaker's side, "he" the speaker (in
    /// an author's voice, someone else), and with `neutral` "it", "this" … name no one.
    fn pronoun_subject(&self, n: &str, sp: &Speaker, neutral: bool) -> Option<Subj> {
        if self.lex.first_person.contains(n) {
            Some(Subj::Speaker)
        } else if self.lex.third_person.contains(n) {
            Some(if sp.is_author {
                Subj::Other
            } else {
                Subj::Speaker
            })
        } else if neutral && self.lex.neutral_pronouns.contains(n) {
            Some(Subj::Neutral)
        } else {
            None
        }
    }

    /// Is the subject of the frame starting at `f` the speaker, someone else, or
    /// unknown?
    fn subject(&self, f: usize, sp: &Speaker) -> Subj {
        let toks = &self.stream.toks;
        let lex = self.lex;
        let sr = self.stream.sents[toks[f].sent].range.clone();
        let first_word = sr.clone().find(|&i| toks[i].word).unwrap_or(sr.start);
        let prev_dash = |i: usize| {
            (sr.start..i)
                .rev()
                .find(|&j| self.stream.norm(&toks[j]) == "-")
        };
        // Head: the first word before the frame that is not an auxiliary or adverb.
        let mut i = f;
        let mut head = None;
        while i > sr.start {
            i -= 1;
            let t = &toks[i];
            if self.stream.norm(t) == "-" {
                // an aside between dashes is stepped over whole
                let Some(j) = prev_dash(i) else { break };
                i = j;
                continue;
            }
            // "His bill, tabled in October, would …": step over a parenthetical of a
            // few words between commas.
            if self.stream.norm(t) == "," {
                let j = (sr.start..i)
                    .rev()
                    .take_while(|&j| toks[j].word || self.stream.norm(&toks[j]) == ",")
                    .find(|&j| self.stream.norm(&toks[j]) == ",");
                if let Some(j) = j.filter(|&j| j > sr.start && i - j <= PARENTHETICAL_REACH) {
                    i = j;
                    continue;
                }
            }
            if !t.word {
                break;
            }
            if lex.skip.contains(self.stream.norm(t)) || t.neg || self.ly_adverb(t) {
                continue;
            }
            head = Some(i);
            break;
        }
        let Some(h) = head else { return Subj::Neutral };
        let t = &toks[h];
        if !t.upper {
            if let Some(s) = self.pronoun_subject(self.stream.norm(t), sp, false) {
                return s;
            }
            // "those who demand that we fire": the relative's antecedent holds the wish,
            // the speaker only when it is the speaker ("X, who wants …, said")
            if self.stream.norm(t) == "who" {
                let overlaps_speaker = |i: usize| sp.spans.iter().any(|s| s.overlaps(toks[i].span));
                let mut a = h;
                while a > sr.start && !toks[a - 1].word {
                    a -= 1;
                }
                return if a > sr.start && !overlaps_speaker(a - 1) {
                    Subj::Other
                } else {
                    Subj::Neutral
                };
            }
            if let Some(s) = self.pronoun_subject(self.stream.norm(t), sp, true) {
                return s;
            }
        }
        // Region: from the head back to the clause opener.
        let coord = matches!(self.stream.norm(t), "and" | "or");
        let mut region = Vec::new();
        let mut j = if coord { h } else { h + 1 };
        while j > sr.start {
            j -= 1;
            let t = &toks[j];
            if self.stream.norm(t) == "-" {
                // an aside between dashes is stepped over whole
                let Some(k) = prev_dash(j) else { break };
                j = k;
                continue;
            }
            if coord && j == h {
                continue;
            }
            // "Hungary and Slovakia were …", "Estonia, Latvia and Lithuania will …":
            // names coordinated in the subject are one region
            let between_names = j > sr.start
                && matches!(self.stream.norm(t), "and" | "or" | ",")
                && toks[j - 1].cap
                && toks.get(j + 1).is_some_and(|n| n.cap);
            if between_names {
                continue;
            }
            if !t.word || (lex.clause_openers.contains(self.stream.norm(t)) && !t.upper) {
                break;
            }
            region.push(j);
            if region.len() >= SUBJECT_REGION_WORDS {
                break;
            }
        }
        // "It rejected any change of the rules and warned that …": a coordinated
        // predicate's subject opens the clause of the first conjunct; a pronoun there
        // is read as the head would be.
        if coord {
            let opener = (sr.start..h)
                .rev()
                .take(COORD_SUBJECT_REACH)
                .take_while(|&j| toks[j].word)
                .last()
                .filter(|&j| j == sr.start || !toks[j - 1].word);
            if let Some(s) = opener
                .filter(|&j| !toks[j].upper)
                .and_then(|j| self.pronoun_subject(self.stream.norm(&toks[j]), sp, true))
            {
                return s;
            }
        }
        let overlaps = |spans: &[Span], i: usize| spans.iter().any(|s| s.overlaps(toks[i].span));
        if region.iter().any(|&i| overlaps(&sp.spans, i)) {
            return Subj::Speaker;
        }
        // "Our pilots will …", "the troops are ready to …" said by a minister: the
        // official's own forces.
        if sp.official
            && region
                .iter()
                .any(|&i| lex.own_forces.contains(self.stream.norm(&toks[i])))
        {
            return Subj::Speaker;
        }
        if region.iter().any(|&i| {
            toks[i].cap
                && sp
                    .affiliation
                    .iter()
                    .any(|w| w == self.stream.norm(&toks[i]))
        }) {
            return Subj::Speaker;
        }
        if region.iter().any(|&i| overlaps(&sp.other_people, i)) {
            return Subj::Other;
        }
        // "his bill" in the author's voice: someone else's.
        if sp.is_author
            && region
                .iter()
                .any(|&i| !toks[i].upper && lex.third_person.contains(self.stream.norm(&toks[i])))
        {
            return Subj::Other;
        }
        // "our pilots", "my government": the speaker's side.
        if region
            .iter()
            .any(|&i| !toks[i].upper && lex.first_person.contains(self.stream.norm(&toks[i])))
        {
            return Subj::Speaker;
        }
        if region
            .iter()
            .any(|&i| lex.group_nouns.contains(self.stream.norm(&toks[i])))
        {
            return Subj::Other;
        }
        let named = region.iter().any(|&i| {
            toks[i].cap
                && (i != first_word || toks[i].upper)
                && !lex.not_names.contains(self.stream.norm(&toks[i]))
        });
        // A state or institution as the subject of the main clause: the official's own
        // side ("Romania is ready to …, the minister said"); inside a subordinate clause
        // ("a sign that the Kremlin accepts …") it is someone else.
        if region.iter().any(|&i| overlaps(&sp.foreign, i)) {
            return Subj::Other;
        }
        let institution = region.iter().any(|&i| overlaps(&sp.others, i));
        if institution || named {
            let main_clause = region.iter().min().is_some_and(|&r0| {
                let reporting = |i: usize| {
                    let n = self.stream.norm(&toks[i]);
                    lex.clause_openers.contains(n) && !lex.conjunctions.contains(n)
                };
                let opens = |i: usize| {
                    !toks[i].word && matches!(self.stream.norm(&toks[i]), "." | ":" | ";" | "!")
                };
                // "said (afterwards | on Monday) that Belgium would …", "X's assertion
                // that Belgium would …"
                let reported_that = r0 > sr.start + 1
                    && self.stream.norm(&toks[r0 - 1]) == "that"
                    && (r0.saturating_sub(REPORTED_THAT_REACH).max(sr.start)..r0 - 1)
                        .rev()
                        .take_while(|&i| toks[i].word)
                        .any(|i| {
                            reporting(i) || lex.claim_nouns.contains(self.stream.norm(&toks[i]))
                        });
                r0 == first_word
                    || (r0 > sr.start && (reporting(r0 - 1) || opens(r0 - 1)))
                    || reported_that
            });
            return if sp.official && main_clause {
                Subj::Speaker
            } else {
                Subj::Other
            };
        }
        Subj::Neutral
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subj {
    Speaker,
    Neutral,
    Other,
}
