//! Per-statement stance classification (the rules are documented on
//! [`StanceDetector`](crate::StanceDetector)).
//!
//! Vocabulary used below:
//! - **object**: what a stance is about — a target match ("shoot down"), a weak term
//!   ("caution", "show of force") or a condition ("case-by-case");
//! - **frame**: a cue that governs objects ("should", "warned against", "would be an
//!   alternative"); frames chain ("decided to avoid X", "warned against the risks of X");
//! - **vote**: one object with its governing frames, giving a signed value.
//!
//! Rooms: compiling a pack ([`pack`]) and matching it ([`matches`], [`targets`]; the
//! pattern matcher is the `stancemap-patterns` crate); classifying a statement ([`statement`]) in its [`window`] by [`votes`]
//! of objects under their [`frames`] ([`negation`], [`subjects`]) and a [`decide`]d
//! label; the rules that borrow or replace votes ([`answers`], [`ellipsis`],
//! [`alignment`], [`mentions`], [`verdict_alone`]); the tuning values ([`scores`]).

mod alignment;
mod answers;
mod decide;
mod ellipsis;
mod frames;
mod matches;
mod mentions;
mod negation;
mod pack;
mod scores;
mod statement;
mod subjects;
mod targets;
mod verdict_alone;
mod votes;
mod window;

pub(crate) use matches::PackDoc;
pub(crate) use pack::{LexMatchers, PackRt};
pub(crate) use subjects::Speaker;
pub(crate) use window::{Mask, Window};

use crate::lexicon::StanceGrammar;
use crate::stream::{Stream, Tok};
use stancemap_core::Span;

/// Everything the classifier needs about one document.
pub(crate) struct DocView<'a> {
    pub lex: &'a StanceGrammar,
    pub layers: &'a LexMatchers,
    pub stream: &'a Stream,
}

/// The source span of stream tokens `a..b` (at least one token).
fn span_of(toks: &[Tok], a: usize, b: usize) -> Span {
    let b = b.max(a + 1).min(toks.len());
    Span::new(toks[a].span.start, toks[b - 1].span.end)
}
