//! The JSON that `stancemap analyze --format jsonl` prints: one [`DocumentReport`] per
//! document (SPEC §3). Field names and meanings are a contract; extra fields are allowed.

use crate::{Document, Span, Stance};
use serde::{Deserialize, Serialize};

/// One analysed document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentReport {
    /// File name without extension, or the JSONL `id`.
    pub doc_id: String,
    /// Input path.
    pub path: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Genre, from the metadata or recognised from the text: `transcript`, `official`,
    /// `opinion`, `analysis`, `news` (extra field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// Actors with at least one statement.
    pub actors: Vec<ActorOut>,
    /// Attributed statements.
    pub statements: Vec<StatementOut>,
    /// Stance per actor and topic.
    pub stances: Vec<StanceOut>,
    /// Hedge cues.
    pub hedges: Vec<CueOut>,
    /// Booster cues.
    pub boosters: Vec<CueOut>,
    /// Excluded boilerplate regions (extra field).
    #[serde(default)]
    pub boilerplate: Vec<RegionOut>,
    /// Warnings (extra field), e.g. replaced invalid bytes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// A text span with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanOut {
    /// Byte offset of the first byte in the original input.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// `input[start..end]`.
    pub text: String,
}

/// An actor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorOut {
    /// Slug id, referenced by statements and stances.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// person | state | organisation | group | author.
    pub kind: String,
    /// Country.
    pub country: Option<String>,
    /// Role.
    pub role: Option<String>,
    /// Every mention.
    pub mentions: Vec<SpanOut>,
}

/// A statement's stance on a topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementStanceOut {
    /// Topic id.
    pub topic: String,
    /// support | oppose | conditional (serialised as these lower-case names).
    pub stance: Stance,
    /// Score in [-1, 1].
    pub score: f32,
    /// Rule that decided it (extra field).
    #[serde(default)]
    pub rule: String,
}

/// A statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementOut {
    /// Actor id.
    pub actor: String,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The statement text.
    pub text: String,
    /// Direct quote?
    pub quote: bool,
    /// Reporting cue, if any.
    pub cue: Option<String>,
    /// Stances by topic.
    pub stances: Vec<StatementStanceOut>,
    /// Indices into `hedges`.
    pub hedges: Vec<usize>,
    /// Indices into `boosters`.
    pub boosters: Vec<usize>,
    /// Commitment weight (extra field).
    #[serde(default)]
    pub commitment: f32,
}

/// An aggregated stance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StanceOut {
    /// Actor id.
    pub actor: String,
    /// Topic id.
    pub topic: String,
    /// support | oppose | conditional (serialised as these lower-case names).
    pub stance: Stance,
    /// Score in [-1, 1].
    pub score: f32,
    /// Rests on a hedged statement?
    pub hedged: bool,
    /// Indices into `statements`.
    pub statements: Vec<usize>,
}

/// A hedge or booster cue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueOut {
    /// Cue as written.
    pub cue: String,
    /// Class (modal, epistemic_verb, …, booster).
    pub kind: String,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
}

/// A boilerplate region.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionOut {
    /// Rule id.
    pub rule: String,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
}

fn round(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

impl DocumentReport {
    /// The report of a document with nothing in it: no metadata, actors or layers.
    pub fn empty(doc_id: impl Into<String>) -> DocumentReport {
        DocumentReport {
            doc_id: doc_id.into(),
            path: None,
            title: None,
            outlet: None,
            published: None,
            genre: None,
            actors: Vec::new(),
            statements: Vec::new(),
            stances: Vec::new(),
            hedges: Vec::new(),
            boosters: Vec::new(),
            boilerplate: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The report of an analysed document.
    pub fn from_document(doc: &Document) -> DocumentReport {
        let span_out = |s: Span| SpanOut {
            start: s.start,
            end: s.end,
            text: doc.slice(s).to_string(),
        };
        // Only actors with at least one statement are listed (SPEC §3).
        let mut speaking: Vec<bool> = vec![false; doc.actors.len()];
        for st in &doc.statements {
            speaking[st.actor.0] = true;
        }
        let actors = doc
            .actors
            .iter()
            .enumerate()
            .filter(|(i, _)| speaking[*i])
            .map(|(i, a)| ActorOut {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind.as_str().to_string(),
                country: a.country.clone(),
                role: a.role.clone(),
                mentions: doc
                    .mentions
                    .iter()
                    .filter(|m| m.actor.0 == i)
                    .map(|m| span_out(m.span))
                    .collect(),
            })
            .collect();
        let statements = doc
            .statements
            .iter()
            .map(|st| StatementOut {
                actor: doc.actor(st.actor).id.clone(),
                start: st.span.start,
                end: st.span.end,
                text: doc.slice(st.span).to_string(),
                quote: st.quote,
                cue: st.cue.clone(),
                stances: st
                    .stances
                    .iter()
                    .map(|s| StatementStanceOut {
                        topic: s.topic.clone(),
                        stance: s.stance,
                        score: round(s.score),
                        rule: s.rule.clone(),
                    })
                    .collect(),
                hedges: st.hedges.clone(),
                boosters: st.boosters.clone(),
                commitment: round(st.commitment),
            })
            .collect();
        let stances = doc
            .stances
            .iter()
            .map(|s| StanceOut {
                actor: doc.actor(s.actor).id.clone(),
                topic: s.topic.clone(),
                stance: s.stance,
                score: round(s.score),
                hedged: s.hedged,
                statements: s.statements.clone(),
            })
            .collect();
        let cue_out = |c: &crate::Cue| CueOut {
            cue: c.cue.clone(),
            kind: c.kind.as_str().to_string(),
            start: c.span.start,
            end: c.span.end,
        };
        DocumentReport {
            doc_id: doc.id().to_string(),
            path: doc.path().map(str::to_string),
            title: doc.meta.title.clone(),
            outlet: doc.meta.outlet.clone(),
            published: doc.meta.published.clone(),
            genre: doc.meta.genre.clone(),
            actors,
            statements,
            stances,
            hedges: doc.hedges.iter().map(cue_out).collect(),
            boosters: doc.boosters.iter().map(cue_out).collect(),
            boilerplate: doc
                .boilerplate
                .iter()
                .map(|r| RegionOut {
                    rule: r.rule.clone(),
                    start: r.span.start,
                    end: r.span.end,
                })
                .collect(),
            warnings: doc.warnings.clone(),
        }
    }
}
