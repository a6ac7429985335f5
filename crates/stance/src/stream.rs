//! The analysis stream: the document's tokens as the stance rules see them.
//!
//! Built from `doc.sentences`/`doc.tokens` (the text crate's segmenter) with three
//! changes that make patterns simpler and robust to tokenizer details:
//! - quote marks are dropped (`should not ‘whine’` reads `should not whine`);
//! - hyphenated words are split into their parts (`case-by-case` reads `case by case`),
//!   each part with its own byte span;
//! - stems are the text stage's (the same Snowball stemmer the patterns use),
//!   recomputed only for the parts of hyphen splits and trimmed words.
//!
//! Sentences overlapping boilerplate are skipped. Each distinct word of the document is
//! looked up in the patterns' [`Vocab`] once (by its [`WordId`](stancemap_core::WordId)),
//! not once per token.

use crate::pattern::{Sym, TokView, Vocab, english, norm_word};
use stancemap_core::{Document, Span, TokenKind};
use std::borrow::Cow;
use std::ops::Range;

/// One token of the stream.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    /// The lower-case, quote-folded form: a range of [`Stream::norms`] (see
    /// [`Stream::norm`]).
    norm: Range<usize>,
    /// [`Vocab`] symbols of the norm and the stem.
    pub norm_sym: Sym,
    pub stem_sym: Sym,
    pub word: bool,
    pub neg: bool,
    /// Valence of the word in tenths (see [`Vocab::valence`]).
    pub val: i8,
    /// First letter is upper case in the original.
    pub cap: bool,
    /// All letters upper case (two or more): "US", "NATO".
    pub upper: bool,
    /// Index into [`Stream::sents`].
    pub sent: usize,
}

impl TokView for Tok {
    #[inline]
    fn norm(&self) -> Sym {
        self.norm_sym
    }
    #[inline]
    fn stem(&self) -> Sym {
        self.stem_sym
    }
    fn is_word(&self) -> bool {
        self.word
    }
    fn valence(&self) -> i8 {
        self.val
    }
    #[inline]
    fn is_neg(&self) -> bool {
        self.neg
    }
    fn sentence(&self) -> usize {
        self.sent
    }
}

/// A sentence of the stream.
#[derive(Clone, Debug)]
pub(crate) struct Sent {
    /// Its tokens (indices into [`Stream::toks`]).
    pub range: Range<usize>,
    pub para: usize,
    /// Ends with a question mark, or with a reporting clause of asking after a comma.
    pub question: bool,
}

/// The token stream of a document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stream {
    pub toks: Vec<Tok>,
    pub sents: Vec<Sent>,
    /// The norms of all tokens, one after the other (one allocation per document
    /// instead of one per token).
    norms: String,
}

const QUOTES: [&str; 10] = ["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚"];
const DASHES: [char; 5] = ['-', '‐', '‑', '–', '—'];
/// Currency signs, read as part of an amount.
const CURRENCY: [char; 6] = ['$', '€', '£', '¥', '₽', '₴'];
/// Reporting verbs of asking: a sentence closed by ", X asked." reports a question.
const ASKING: [&str; 4] = ["asked", "asks", "wondered", "wonders"];

impl Stream {
    /// Builds the stream of a document; `vocab` has the patterns' symbols and knows
    /// the negators.
    pub(crate) fn build(doc: &Document, vocab: &Vocab) -> Stream {
        let stemmer = english();
        let text = doc.text();
        let (sentences, tokens) = (&doc.sentences, &doc.tokens);
        let mut out = Stream {
            toks: Vec::with_capacity(tokens.len()),
            sents: Vec::with_capacity(sentences.len()),
            norms: String::with_capacity(text.len()),
        };
        let mut parts = Vec::new();
        // The patterns' symbols of each word of the document, as met.
        let mut syms: Vec<Option<(Sym, Sym)>> = vec![None; doc.words.len()];
        for s in sentences {
            if doc.in_boilerplate(s.span) || s.tokens.start > s.tokens.end {
                continue;
            }
            let Some(toks) = tokens.get(s.tokens.clone()) else {
                continue;
            };
            let start = out.toks.len();
            let sent = out.sents.len();
            let mut question = false;
            for t in toks {
                let Some(orig) = text.get(t.span.range()) else {
                    continue;
                };
                // A currency sign belongs to its amount ("the €185 billion"): a word, so
                // that pattern gaps run over it as over the number.
                let currency = orig.chars().all(|c| CURRENCY.contains(&c));
                if t.kind == TokenKind::Punct && !currency {
                    let norm = fold(doc.word(t.norm));
                    if QUOTES.contains(&orig) || QUOTES.contains(&&*norm) {
                        continue;
                    }
                    question = norm == "?";
                    let n = if orig.chars().all(|c| DASHES.contains(&c)) {
                        "-"
                    } else {
                        &*norm
                    };
                    let sym = vocab.get(n);
                    let norm = out.push_norm(n);
                    out.toks.push(Tok {
                        span: t.span,
                        norm,
                        norm_sym: sym,
                        stem_sym: sym,
                        word: false,
                        neg: false,
                        val: 0,
                        cap: false,
                        upper: false,
                        sent,
                    });
                    continue;
                }
                question = false;
                parts.clear();
                // Every dash is `-` or starts with the byte 0xE2: a cheap pre-check.
                if orig.bytes().any(|b| b == b'-' || b == 0xE2) && orig.contains(DASHES) {
                    split_hyphens(t.span, orig, &mut parts);
                } else {
                    parts.push((t.span, orig));
                }
                for &(span, part) in &parts {
                    // Strip quote marks a tokenizer may have left glued to a word, but
                    // keep clitics ("'s", "'re", "n't").
                    let raw = fold(part);
                    let is_clitic = raw.starts_with('\'') && raw.chars().count() <= 4;
                    let trimmed = raw.trim_matches(|c| c == '"' || c == '\'');
                    let norm = if is_clitic || trimmed.is_empty() {
                        &*raw
                    } else {
                        trimmed
                    };
                    let (cap, upper) = case_of(part);
                    // The text stage already stemmed the whole token with the same
                    // stemmer: reuse it unless a hyphen split or trimming changed the
                    // word, and look each distinct word up once.
                    let whole = span == t.span && norm == doc.word(t.norm);
                    let cached = if whole {
                        syms.get_mut(t.norm.index())
                    } else {
                        None
                    };
                    let (norm_sym, stem_sym) = match cached {
                        Some(Some(pair)) => *pair,
                        Some(slot) => *slot.insert((vocab.get(norm), vocab.get(doc.word(t.stem)))),
                        None => (vocab.get(norm), vocab.get(&stemmer.stem(norm))),
                    };
                    let neg =
                        vocab.is_negator(norm_sym) || (norm.ends_with("n't") && norm.len() > 3);
                    let norm = out.push_norm(norm);
                    out.toks.push(Tok {
                        span,
                        norm,
                        norm_sym,
                        stem_sym,
                        word: true,
                        neg,
                        val: vocab.valence(norm_sym),
                        cap,
                        upper,
                        sent,
                    });
                }
            }
            let end = out.toks.len();
            // "How many more … before someone orders them to fire, the senator asked."
            // is a question too: a closing reporting clause of asking after a comma.
            if !question && end > start {
                let comma = (start..end).rev().find(|&i| out.norm(&out.toks[i]) == ",");
                question = comma.is_some_and(|c| {
                    let after = &out.toks[c + 1..end];
                    after.iter().filter(|t| t.word).count() <= 8
                        && after.iter().any(|t| ASKING.contains(&out.norm(t)))
                });
            }
            if end > start {
                out.sents.push(Sent {
                    range: start..end,
                    para: s.paragraph,
                    question,
                });
            }
        }
        out
    }

    fn push_norm(&mut self, norm: &str) -> Range<usize> {
        let a = self.norms.len();
        self.norms.push_str(norm);
        a..self.norms.len()
    }

    /// The norm of a token of this stream.
    pub(crate) fn norm(&self, t: &Tok) -> &str {
        self.norms.get(t.norm.clone()).unwrap_or_default()
    }

    /// Stream index range of the tokens inside `span`.
    pub(crate) fn range_of(&self, span: Span) -> Range<usize> {
        let a = self.toks.partition_point(|t| t.span.end <= span.start);
        let b = self.toks.partition_point(|t| t.span.start < span.end);
        a..b.max(a)
    }
}

/// [`norm_word`] without allocating for the common case (already lower-case ASCII
/// without a backtick).
fn fold(w: &str) -> Cow<'_, str> {
    if w.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(norm_word(w))
    }
}

/// Whether a word starts with an upper-case letter, and whether it has two or more
/// letters, all upper case ("US", "NATO").
fn case_of(w: &str) -> (bool, bool) {
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let cap = letters.next().is_some_and(char::is_uppercase);
    let mut n = 1;
    let upper =
        cap && letters.all(|c| {
            n += 1;
            c.is_uppercase()
        }) && n >= 2;
    (cap, upper)
}

/// Splits a word at inner hyphens into (span, part) pieces, appended to `out`.
fn split_hyphens<'t>(span: Span, orig: &'t str, out: &mut Vec<(Span, &'t str)>) {
    let from = out.len();
    let mut start = 0;
    for (i, c) in orig.char_indices() {
        if DASHES.contains(&c) {
            if i > start {
                out.push((
                    Span::new(span.start + start, span.start + i),
                    &orig[start..i],
                ));
            }
            start = i + c.len_utf8();
        }
    }
    if start < orig.len() {
        out.push((Span::new(span.start + start, span.end), &orig[start..]));
    }
    if out.len() == from {
        out.push((span, orig));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_of_words() {
        assert_eq!(case_of("NATO"), (true, true));
        assert_eq!(case_of("U.S."), (true, true));
        assert_eq!(case_of("ÉU"), (true, true));
        assert_eq!(case_of("Nato"), (true, false));
        assert_eq!(case_of("A"), (true, false), "one letter is not an acronym");
        assert_eq!(case_of("iPhone"), (false, false));
        assert_eq!(case_of("2025"), (false, false));
    }

    #[test]
    fn stream_drops_quotes_and_splits_hyphens() {
        let doc = crate::tests::new_doc("d", "He’s urged a case-by-case ‘approach’.");
        let st = Stream::build(&doc, &Vocab::default());
        let norms: Vec<&str> = st.toks.iter().map(|t| st.norm(t)).collect();
        assert_eq!(
            norms,
            vec![
                "he", "'s", "urged", "a", "case", "by", "case", "approach", "."
            ]
        );
        assert_eq!(&doc.text()[st.toks[6].span.range()], "case");
        assert_eq!(st.range_of(Span::new(6, 11)), 2..3);
    }
}
