//! The token-pattern language of stancemap: what the topic packs and the stance grammar
//! are written in, usable by any stage crate.
//!
//! A pattern is a space-separated list of items matched against consecutive tokens of a
//! token view (anything implementing [`TokView`]; the stance stage's view drops quote
//! marks and reads hyphenated words as their parts, so `case by case` matches
//! "case-by-case"):
//!
//! | item | matches |
//! |---|---|
//! | `shoot` | a word whose English (Snowball) stem equals the stem of `shoot`, or whose norm is `shoot` ("shoots", "shooting") |
//! | `=downed` | a word whose lower-case norm is exactly `downed` |
//! | `a\|b\|c` | any of the alternatives |
//! | `<aircraft>` | any word of the class `aircraft` (a list in `[classes]`) |
//! | `<neg>` | a negator ("not", "n't", "never", "no", "without" …) |
//! | `<good>` `<bad>` | a word of positive / negative valence in the shipped general lexicon (`data/valence.tsv`, from VADER) |
//! | `<be>` `<do>` `<have>` | a form of *be* ("is", "were", "'s" …), *do*, *have* (built in; the stemmer does not join them) |
//! | `,` `?` `:` `;` `-` | that punctuation token |
//! | `item?` | the item, optionally |
//! | `*3` / `*1-3` | a gap of 0..=3 (1..=3) words; gaps never cross punctuation nor a negator |
//! | `[to\|will]` | (first item only) the word right *before* the match must be one of these; it is not part of the match |
//! | `[^\|:]` | (in a look-behind) `^`: the match starts its sentence ("Shoot them down.") |
//! | `[only\|.]` | (last item only, after a required item) the token right *after* the match must be one of these; it is not part of the match |
//!
//! Matching is longest-first: of all the ways a pattern can match at a position the
//! longest is taken, and of the entries of a layer the leftmost-longest match wins
//! (`slapdash demands to` beats `demand`).
//!
//! Use: parse a pattern ([`Pattern::parse`], with the word [`Classes`] it may name),
//! intern it against a [`Vocab`] shared by every pattern of a layer, and either match it
//! at a position ([`Pattern::match_at_gaps`]) or put many into a [`Matcher`], which
//! indexes them by their first word and scans a token range for leftmost-longest
//! [`Hit`]s.
//!
//! ```
//! use stancemap_patterns::{Classes, Matcher, Pattern, Sym, TokView, Vocab, english};
//!
//! /// A token of a toy view: its norm and stem symbols, and whether it is a word.
//! struct T(Sym, Sym, bool);
//! impl TokView for T {
//!     fn norm(&self) -> Sym { self.0 }
//!     fn stem(&self) -> Sym { self.1 }
//!     fn is_word(&self) -> bool { self.2 }
//!     fn is_neg(&self) -> bool { false }
//! }
//!
//! let mut classes = Classes::new();
//! classes.insert("aircraft".into(), vec!["drone".into(), "jet".into()]);
//! let p = Pattern::parse("shoot down *0-2 <aircraft>", &classes, &english()).unwrap();
//! let mut vocab = Vocab::default();
//! let m = Matcher::new([(0, std::slice::from_ref(&p))].into_iter(), &mut vocab);
//! let stemmer = english();
//! let toks: Vec<T> = "they shot down two drones"
//!     .split(' ')
//!     .map(|w| T(vocab.get(w), vocab.get(&stemmer.stem(w)), true))
//!     .collect();
//! // "shot" does not stem to "shoot": no match; "shooting down two drones" would.
//! assert!(m.scan(&toks, 0..toks.len()).is_empty());
//! let toks: Vec<T> = "shooting down two drones"
//!     .split(' ')
//!     .map(|w| T(vocab.get(w), vocab.get(&stemmer.stem(w)), true))
//!     .collect();
//! let hits = m.scan(&toks, 0..toks.len());
//! assert_eq!((hits[0].start, hits[0].end, hits[0].entry), (0, 4, 0));
//! ```

mod matcher;
mod pattern;

pub use matcher::{Hit, Matcher, hits_in};
pub use pattern::{
    Classes, Key, NO_SYM, Pattern, Sym, TokView, VALENCE_MIN, Vocab, english, norm_word, stem_of,
};
