//! The [`TurnSpeakers`] stage: turns and official voices as statements.

use crate::data::{TurnData, key};
use crate::find::same_person;
use stancemap_core::text::slug;
use stancemap_core::{
    Actor, ActorId, ActorKind, Document, Error, Layer, Mention, MentionKind, SentenceKind, Span,
    Stage, Statement, TurnKind,
};
use std::sync::Arc;

/// Finds the country a name stands for ("Freedonia", "the Republic of Freedonia"), from
/// the actor registry; lets the stage depend on `core` only.
pub type CountryLookup = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// Makes turns and official voices statements (see the crate documentation). Runs after
/// attribution and before stance.
#[derive(Clone)]
pub struct TurnSpeakers {
    data: Arc<TurnData>,
    country: Option<CountryLookup>,
}

impl Default for TurnSpeakers {
    fn default() -> TurnSpeakers {
        TurnSpeakers::new(TurnData::embedded())
    }
}

impl std::fmt::Debug for TurnSpeakers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TurnSpeakers")
            .field("country", &self.country.is_some())
            .finish()
    }
}

/// Rule id of the mentions made from turn labels.
pub const LABEL_RULE: &str = "turns/label";

impl TurnSpeakers {
    /// A stage over a lexicon.
    pub fn new(data: Arc<TurnData>) -> TurnSpeakers {
        TurnSpeakers {
            data,
            country: None,
        }
    }

    /// Sets the country lookup used for delegations ("Mr. Roe (Freedonia)") and issuing
    /// bodies ("Ministry of Defence of Freedonia").
    pub fn country_lookup(&mut self, lookup: CountryLookup) -> &mut TurnSpeakers {
        self.country = Some(lookup);
        self
    }

    fn country_in(&self, s: &str) -> Option<String> {
        let f = self.country.as_ref()?;
        if let Some(c) = f(s.trim()) {
            return Some(c);
        }
        // "Ministry of Defence of the Republic of Freedonia": the last "of X" first.
        let mut rest = s;
        let mut tails = Vec::new();
        while let Some(p) = rest.find(" of ") {
            rest = &rest[p + 4..];
            tails.push(rest.trim_start_matches("the ").trim());
        }
        tails.into_iter().rev().find_map(|t| f(t))
    }

    /// Links each speaker turn to an actor (one identity per person), adding the label
    /// as a mention. Returns the mention index of each turn's label.
    fn resolve(&self, doc: &mut Document) -> Vec<Option<usize>> {
        let n = doc.turns.len();
        let mut added: Vec<(usize, Mention)> = Vec::new();
        for t in 0..n {
            let turn = doc.turns[t].clone();
            if turn.kind != TurnKind::Speaker {
                continue;
            }
            let name = match (&turn.name, &turn.role) {
                (Some(n), _) => n.clone(),
                (None, Some(r)) => {
                    // "The Minister:" after "The Minister (Ana Roe):" is Ana Roe.
                    let rk = key(r);
                    match doc.turns.iter().find(|o| {
                        o.name.is_some() && o.role.as_deref().is_some_and(|x| key(x) == rk)
                    }) {
                        Some(o) => o.name.clone().unwrap_or_default(),
                        None => continue,
                    }
                }
                // "A:" answers the page's interviewee: the person it names most.
                (None, None) => match interviewee(doc) {
                    Some(n) => n,
                    None => continue,
                },
            };
            let country = turn.affiliation.iter().find_map(|a| self.country_in(a));
            let mut role = turn.role.clone();
            if role.is_none()
                && let Some(c) = &country
                && turn
                    .affiliation
                    .iter()
                    .any(|a| self.country_in(a).as_ref() == Some(c))
            {
                role = Some(format!("Representative of {c}"));
            }
            let affs: Vec<&String> = turn
                .affiliation
                .iter()
                .filter(|a| country.is_none() || self.country_in(a).is_none())
                .collect();
            let role = match (role, affs.is_empty()) {
                (Some(r), true) => Some(r),
                (Some(r), false) => Some(format!(
                    "{r} ({})",
                    affs.iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                (None, false) => Some(
                    affs.iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                (None, true) => None,
            };
            let found = if turn.organisation {
                let k = key(&name);
                doc.actors.iter().position(|a| key(&a.name) == k)
            } else {
                doc.actors
                    .iter()
                    .position(|a| a.kind == ActorKind::Person && person_match(&a.name, &name))
            };
            let id = match found {
                Some(i) => {
                    let a = &mut doc.actors[i];
                    if a.role.is_none() {
                        a.role = role;
                    }
                    if a.country.is_none() {
                        a.country = country;
                    }
                    // A fuller name from the label ("Roe" → "Ana Roe").
                    if key(&name).contains(' ') && !key(&a.name).contains(' ') {
                        a.name = name.clone();
                    }
                    ActorId(i)
                }
                None => {
                    let mut id = slug(&name);
                    if doc.actors.iter().any(|a| a.id == id) {
                        id = format!("{id}-{}", doc.actors.len());
                    }
                    doc.actors.push(Actor {
                        id,
                        name: name.clone(),
                        kind: if turn.organisation {
                            ActorKind::Organisation
                        } else {
                            ActorKind::Person
                        },
                        country,
                        role,
                    });
                    ActorId(doc.actors.len() - 1)
                }
            };
            doc.turns[t].speaker = Some(id);
            let label = &doc.text()[turn.label.range()];
            let span = label
                .find(name.as_str())
                .map(|p| Span::new(turn.label.start + p, turn.label.start + p + name.len()))
                .unwrap_or(turn.label);
            added.push((
                t,
                Mention {
                    actor: id,
                    span,
                    kind: MentionKind::Name,
                    rule: LABEL_RULE.into(),
                },
            ));
        }
        // "the Minister", "the hon. Member for Seaton": the speakers by office or seat.
        let added: Vec<(Option<usize>, Mention)> = added
            .into_iter()
            .map(|(t, m)| (Some(t), m))
            .chain(
                crate::refs::debate_references(&self.data, doc)
                    .into_iter()
                    .map(|m| (None, m)),
            )
            .collect();
        let mut label_mention = vec![None; n];
        if added.is_empty() {
            return label_mention;
        }
        // Insert in text order, remapping the statements' mention indices.
        let old = std::mem::take(&mut doc.mentions);
        let mut tagged: Vec<(Mention, Option<usize>, Option<usize>)> = old
            .into_iter()
            .enumerate()
            .map(|(i, m)| (m, Some(i), None))
            .collect();
        tagged.extend(added.into_iter().map(|(t, m)| (m, None, t)));
        tagged.sort_by_key(|(m, _, _)| (m.span.start, m.span.end));
        let mut remap = vec![0usize; tagged.len()];
        for (new, (m, old_i, turn)) in tagged.into_iter().enumerate() {
            if let Some(o) = old_i {
                remap[o] = new;
            }
            if let Some(t) = turn {
                label_mention[t] = Some(new);
            }
            doc.mentions.push(m);
        }
        for st in &mut doc.statements {
            if let Some(m) = st.mention {
                st.mention = remap.get(m).copied();
            }
        }
        label_mention
    }

    /// Every sentence of a speaker's turn is the speaker's statement, unless it reports
    /// another actor (whose statement stays); statements the attribution carried across
    /// turns are dropped; chairs, interviewers and interjections say nothing.
    fn turn_statements(&self, doc: &mut Document, label_mention: &[Option<usize>]) {
        let turns = &doc.turns;
        let turn_at = |pos: usize| {
            let i = turns.partition_point(|t| t.body.end <= pos);
            (i < turns.len() && turns[i].body.start <= pos).then_some(i)
        };
        let mentions = &doc.mentions;
        let statements = std::mem::take(&mut doc.statements);
        let mut kept: Vec<Statement> = statements
            .into_iter()
            .filter(|st| {
                let Some(t) = turn_at(st.span.start) else {
                    return true;
                };
                let turn = &turns[t];
                Some(st.actor) != turn.speaker
                    && st.mention.is_some_and(|m| {
                        mentions
                            .get(m)
                            .is_some_and(|mm| turn.body.contains(mm.span) && mm.rule != LABEL_RULE)
                    })
            })
            .collect();
        // The sentences in which another statement lies (marked once, so a long record
        // stays linear).
        let mut reported: Vec<Option<ActorId>> = vec![None; doc.sentences.len()];
        let mut several = vec![false; doc.sentences.len()];
        for st in &kept {
            let from = doc
                .sentences
                .partition_point(|s| s.span.end <= st.span.start);
            for (i, sent) in doc.sentences.iter().enumerate().skip(from) {
                if sent.span.start >= st.span.end {
                    break;
                }
                match reported[i] {
                    None => reported[i] = Some(st.actor),
                    Some(a) if a != st.actor => several[i] = true,
                    _ => {}
                }
            }
        }
        let mut add = Vec::new();
        for (t, turn) in turns.iter().enumerate() {
            let (TurnKind::Speaker, Some(actor)) = (turn.kind, turn.speaker) else {
                continue;
            };
            let from = doc
                .sentences
                .partition_point(|s| s.span.start < turn.body.start);
            for (i, sent) in doc
                .sentences
                .iter()
                .enumerate()
                .skip(from)
                .take_while(|(_, s)| s.span.end <= turn.body.end)
            {
                if sent.kind == SentenceKind::Heading {
                    continue;
                }
                // A speaker reporting their own party, group or delegation ("My party
                // has argued that …") states its position too.
                let reports_other = several[i]
                    || reported[i]
                        .is_some_and(|a| a != actor && !own_side(doc.actor(a), &turn.affiliation));
                if reports_other {
                    continue;
                }
                add.push(Statement {
                    actor,
                    span: sent.span,
                    content: sent.span,
                    quote: false,
                    cue: None,
                    cue_span: None,
                    mention: label_mention.get(t).copied().flatten(),
                    stances: Vec::new(),
                    hedges: Vec::new(),
                    boosters: Vec::new(),
                    commitment: 1.0,
                });
            }
        }
        kept.extend(add);
        kept.sort_by_key(|s| (s.span.start, s.span.end, s.actor));
        doc.statements = kept;
    }

    /// On an official page, the issuing body — or the signatory states of a joint
    /// statement ("We, the ministers of A, B and C") — speaks every body sentence that
    /// is not in a turn and reports no one else.
    fn official_voice(&self, doc: &mut Document) {
        let mut voices: Vec<ActorId> = Vec::new();
        // Signatories: the states named in the sentence that opens "We, the …" or names
        // the joint statement.
        for s in &doc.sentences {
            let low = doc.slice(s.span).to_lowercase();
            let signing = low.starts_with("we, the ")
                || low.starts_with("joint statement")
                || low.starts_with("joint declaration")
                || low.starts_with("joint communiqu");
            if !signing {
                continue;
            }
            for m in &doc.mentions {
                if s.span.contains(m.span)
                    && doc.actor(m.actor).kind == ActorKind::State
                    && !voices.contains(&m.actor)
                {
                    voices.push(m.actor);
                }
            }
            if voices.len() >= 2 {
                break;
            }
            voices.clear();
        }
        if voices.is_empty()
            && let Some(id) = self.issuer(doc)
        {
            voices.push(id);
        }
        if voices.is_empty() {
            return;
        }
        let turns = &doc.turns;
        let in_turn = |sp: Span| {
            turns
                .iter()
                .any(|t| t.body.contains(sp) || t.label.overlaps(sp))
        };
        let quotes = &doc.quotes;
        let mut add = Vec::new();
        for sent in &doc.sentences {
            if sent.kind == SentenceKind::Heading || in_turn(sent.span) {
                continue;
            }
            if quotes.iter().any(|q| q.overlaps(sent.span)) {
                continue;
            }
            if doc.statements.iter().any(|st| st.span.overlaps(sent.span)) {
                continue;
            }
            for &v in &voices {
                add.push(Statement {
                    actor: v,
                    span: sent.span,
                    content: sent.span,
                    quote: false,
                    cue: None,
                    cue_span: None,
                    mention: None,
                    stances: Vec::new(),
                    hedges: Vec::new(),
                    boosters: Vec::new(),
                    commitment: 1.0,
                });
            }
        }
        doc.statements.extend(add);
        doc.statements
            .sort_by_key(|s| (s.span.start, s.span.end, s.actor));
    }

    /// The body named at the top of an official page ("Ministry of Defence of
    /// Freedonia"), found among the actors or made from the line.
    fn issuer(&self, doc: &mut Document) -> Option<ActorId> {
        let text = doc.text();
        let line = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(5)
            .find(|l| {
                let words: Vec<&str> = l.split_whitespace().collect();
                words.len() <= 14
                    && words.iter().any(|w| self.data.issuers.contains(&key(w)))
                    && words.iter().all(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            || matches!(*w, "of" | "for" | "the" | "and" | "on")
                    })
            })?
            .to_string();
        let name = line
            .strip_prefix("The ")
            .unwrap_or(&line)
            .trim()
            .to_string();
        let k = key(&name);
        if let Some(i) = doc.actors.iter().position(|a| key(&a.name) == k) {
            return Some(ActorId(i));
        }
        // "Ministry of Defence" found in the text is the "Ministry of Defence of
        // Freedonia" of the masthead: one identity, under the full name.
        if let Some(i) = doc.actors.iter().position(|a| {
            let ak = key(&a.name);
            a.kind == ActorKind::Organisation
                && k.len() > ak.len()
                && k.starts_with(&ak)
                && k[ak.len()..].starts_with(" of ")
        }) {
            let country = self.country_in(&name);
            let a = &mut doc.actors[i];
            a.name = name;
            if a.country.is_none() {
                a.country = country;
            }
            return Some(ActorId(i));
        }
        if let Some(m) = doc
            .mentions
            .iter()
            .find(|m| key(doc.slice(m.span).trim_start_matches("the ")) == k)
        {
            return Some(m.actor);
        }
        let country = self.country_in(&name);
        doc.actors.push(Actor {
            id: slug(&name),
            name,
            kind: ActorKind::Organisation,
            country,
            role: None,
        });
        Some(ActorId(doc.actors.len() - 1))
    }
}

/// A speaker's statement of a sentence in which their turn reports their own party,
/// group or delegation takes the stances of that party's statement (after stance).
/// Returns true when one was copied.
pub(crate) fn own_side_stances(doc: &mut Document) -> bool {
    if doc.turns.is_empty() {
        return false;
    }
    let mut copies: Vec<(usize, stancemap_core::StatementStance)> = Vec::new();
    for (i, st) in doc.statements.iter().enumerate() {
        if st.cue.is_some() {
            continue;
        }
        let Some(turn) = doc
            .turns
            .iter()
            .find(|t| t.body.contains(st.span) && t.speaker == Some(st.actor))
        else {
            continue;
        };
        for other in &doc.statements {
            if other.actor == st.actor
                || !other.span.overlaps(st.span)
                || !own_side(doc.actor(other.actor), &turn.affiliation)
            {
                continue;
            }
            for ss in &other.stances {
                if !st.stances.iter().any(|x| x.topic == ss.topic)
                    && !copies.iter().any(|(j, x)| *j == i && x.topic == ss.topic)
                {
                    copies.push((i, ss.clone()));
                }
            }
        }
    }
    let any = !copies.is_empty();
    for (i, ss) in copies {
        doc.statements[i].stances.push(ss);
    }
    any
}

/// A word-level key of a party or group name without "the", "party", "group" and a
/// plural "s" ("the Liberal Democrats" and "Liberal Democrat" agree).
fn side_key(s: &str) -> String {
    let k = key(s);
    let words: Vec<&str> = k
        .split(' ')
        .filter(|w| !matches!(*w, "the" | "party" | "group" | "of"))
        .map(|w| w.strip_suffix('s').filter(|r| r.len() >= 3).unwrap_or(w))
        .collect();
    words.join(" ")
}

/// The actor is the party, group or state named in a speaker's label: the same name, or
/// one name the opening words of the other ("Renew Group" and "Renew Europe").
fn own_side(actor: &Actor, affiliation: &[String]) -> bool {
    if actor.kind == ActorKind::Person {
        return false;
    }
    let a = side_key(&actor.name);
    if a.is_empty() {
        return false;
    }
    affiliation.iter().any(|f| {
        let f = side_key(f);
        !f.is_empty()
            && (f == a
                || a.starts_with(&f) && a[f.len()..].starts_with(' ')
                || f.starts_with(&a) && f[a.len()..].starts_with(' '))
    })
}

/// The person a Q&A page is with: the person actor mentioned most often (ties: the
/// first named).
fn interviewee(doc: &Document) -> Option<String> {
    let mut counts = vec![0usize; doc.actors.len()];
    for m in &doc.mentions {
        if let Some(c) = counts.get_mut(m.actor.0) {
            *c += 1;
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for m in &doc.mentions {
        let i = m.actor.0;
        if doc
            .actors
            .get(i)
            .is_some_and(|a| a.kind == ActorKind::Person)
            && best.is_none_or(|(_, c)| counts[i] > c)
        {
            best = Some((i, counts[i]));
        }
    }
    best.map(|(i, _)| doc.actors[i].name.clone())
}

/// A person actor and a label name of one person: equal names, or equal surnames where
/// one side gives only the surname or both give the same first name.
fn person_match(actor: &str, label: &str) -> bool {
    if same_person(actor, label) {
        return true;
    }
    let (a, b) = (key(actor), key(label));
    let (af, al) = (a.split(' ').next(), a.rsplit(' ').next());
    let (bf, bl) = (b.split(' ').next(), b.rsplit(' ').next());
    al == bl && af == bf
}

impl Stage for TurnSpeakers {
    fn name(&self) -> &'static str {
        "turn-speakers"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Turns, Layer::Statements]
    }

    fn provides(&self) -> &'static [Layer] {
        &[]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        if !doc.turns.is_empty() {
            let label_mention = self.resolve(doc);
            self.turn_statements(doc, &label_mention);
        }
        let official = doc
            .meta
            .genre
            .as_deref()
            .is_some_and(|g| g.eq_ignore_ascii_case("official"));
        if official {
            // The speakers of a ministry's Q&A page speak for it: its country is theirs.
            if !doc.turns.is_empty()
                && let Some(issuer) = self.issuer(doc)
                && let Some(country) = doc.actor(issuer).country.clone()
            {
                let speakers: Vec<ActorId> = doc.turns.iter().filter_map(|t| t.speaker).collect();
                for a in speakers {
                    let actor = &mut doc.actors[a.0];
                    if actor.country.is_none() {
                        actor.country = Some(country.clone());
                    }
                }
            }
            self.official_voice(doc);
        }
        Ok(())
    }
}
